import pytest
from django.core.management import call_command


@pytest.fixture
def imported_seeds(db, seeds_dir):
    """All seed articles imported with their metadata, as `make run` does."""
    call_command("import_articles", str(seeds_dir), stdout=open("/dev/null", "w"))


@pytest.fixture
def articles_dir(tmp_path):
    """A folder to put articles of a test's own into."""
    return tmp_path
