"""Project-wide sanity: system checks, migrations in step with models, the database in use."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql", "postgis"}


def _database_url_scheme() -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    return url.split(":", 1)[0].lower() if url else ""


def test_system_checks_pass():
    # Raises SystemCheckError on any error.
    call_command("check", stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())
    except SystemExit as exc:  # makemigrations --check exits 1 when a migration is missing
        pytest.fail(f"models have changes without a migration (exit {exc.code}):\n{out.getvalue()}")


@pytest.mark.django_db
def test_database_follows_database_url():
    scheme = _database_url_scheme()
    if not scheme:
        assert connection.vendor == "sqlite", "without DATABASE_URL the default is SQLite"
    elif scheme in POSTGRES_SCHEMES:
        assert connection.vendor == "postgresql", f"DATABASE_URL says {scheme}, got {connection.vendor}"
    else:
        pytest.skip(f"DATABASE_URL scheme {scheme!r} is neither SQLite's default nor PostgreSQL")


@pytest.mark.django_db
def test_database_round_trips_non_latin_text():
    # The articles are in Urdu and other scripts: the database must store them unchanged
    # (a PostgreSQL cluster created with a non-UTF-8 encoding would fail here).
    text = "پاکستان اور روس — Ünïcödé ✓"
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s", [text])
        assert cursor.fetchone()[0] == text
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_encoding")
            assert cursor.fetchone()[0] == "UTF8"
