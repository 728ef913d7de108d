"""Imports running at once on one PostgreSQL database store what one import at a time does."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from factbook.claims.models import Claim
from factbook.entities.models import Organisation, Person
from factbook.events.models import Event
from factbook.extraction.pipeline import article_paths
from factbook.extraction.store import RESOLUTION_LOCK
from factbook.sources.models import Source

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
FOLDERS = [REPO_ROOT / "seeds", REPO_ROOT / "tests/articles/dev"]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel imports need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def database_url():
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def start_import(files):
    env = {**os.environ, "DATABASE_URL": database_url()}
    return subprocess.Popen([sys.executable, str(REPO_ROOT / "manage.py"), "import_articles", *map(str, files)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def counts():
    # Not aliases: which spellings an entity collects depends on the order of the files, one
    # import at a time too.
    return {model.__name__: model.objects.count() for model in (Source, Person, Organisation, Event, Claim)}


def test_four_imports_of_overlapping_files_at_once_store_what_one_import_does():
    files, _ = article_paths(FOLDERS)
    one = start_import(files)
    assert one.wait() == 0, one.stdout.read()
    expected = counts()
    call_command("flush", interactive=False, verbosity=0)

    # Each process imports most of the files, starting at a different one.
    batches = [(files[k:] + files[:k])[: len(files) - 1] for k in range(0, 8, 2)]
    processes = [start_import(batch) for batch in batches]
    outputs = [p.communicate()[0] for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0, 0], "\n".join(outputs)
    assert "unchanged" in "".join(outputs)  # they did overlap
    assert counts() == expected
    assert Person.objects.filter(name="Imran Khan").count() == 1


def write_article(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_an_article_naming_only_known_people_is_stored_while_another_import_adds_entities(tmp_path):
    call_command("import_articles", str(REPO_ROOT / "seeds"), stdout=open(os.devnull, "w"))
    article = write_article(tmp_path, "known.txt", "جنرل قمر جاوید باجوہ نے کہا کہ فوج ہر وقت تیار ہے۔\n")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RESOLUTION_LOCK])
        importing = start_import([article])
        assert importing.wait(timeout=60) == 0, importing.stdout.read()


def test_an_article_naming_someone_new_waits_for_the_import_adding_entities(tmp_path):
    article = write_article(tmp_path, "new.txt", "وزیر خارجہ حامد علی زیدی نے کہا کہ مذاکرات جاری ہیں۔\n")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RESOLUTION_LOCK])
        importing = start_import([article])
        with pytest.raises(subprocess.TimeoutExpired):
            importing.wait(timeout=10)
    assert importing.wait(timeout=60) == 0, importing.stdout.read()
    assert Person.objects.filter(aliases__name="حامد علی زیدی").count() == 1
