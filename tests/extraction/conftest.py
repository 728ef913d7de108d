import pytest


@pytest.fixture
def articles_dir(tmp_path):
    """A folder to put articles of a test's own into."""
    return tmp_path
