"""Commands refuse a database they cannot use with a message saying what to do, not a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management.base import CommandError
from django.db.utils import ConnectionHandler

from factbook.database import require_ready_database

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sqlite_connection(django_db_blocker):
    """A connection to a SQLite file of the test's own, outside the test database."""
    def connect(path):
        return ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}})["default"]
    with django_db_blocker.unblock():
        yield connect


def test_a_database_that_cannot_be_opened_is_named_with_what_to_do(tmp_path, sqlite_connection):
    missing = tmp_path / "no-such-folder" / "factbook.sqlite3"
    with pytest.raises(CommandError, match=r"cannot be opened: .*set DATABASE_URL.*migrate") as raised:
        require_ready_database(sqlite_connection(missing))
    assert str(missing) in str(raised.value)


def test_an_unmigrated_database_is_told_to_run_migrate(tmp_path, sqlite_connection):
    with pytest.raises(CommandError, match=r"lacks \d+ of Factbook's migrations .*run `manage.py migrate` first"):
        require_ready_database(sqlite_connection(tmp_path / "empty.sqlite3"))


@pytest.mark.django_db
def test_a_migrated_database_is_ready():
    assert require_ready_database() is None


def test_import_articles_on_an_unmigrated_database_exits_with_the_message(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The minister said on Monday that 20 schools would reopen.\n", encoding="utf-8")
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    result = subprocess.run([sys.executable, str(ROOT / "manage.py"), "import_articles", str(article)],
                            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "run `manage.py migrate` first" in result.stderr
    assert "Traceback" not in result.stderr
