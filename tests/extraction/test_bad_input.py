"""What the import does with bad metadata, over-long values, special files and links, and
files that only look like text: a message naming the file and the reason, the other files
imported, nothing half-written, and a non-zero exit."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest
from django.db import IntegrityError, transaction

from factbook.entities.models import Organisation
from factbook.sources.forms import SourceForm
from factbook.sources.models import Source
from tests.conftest import REPO_ROOT

from .test_import import run_import

pytestmark = pytest.mark.django_db

SEED = "002_067910d8990faae7.txt"
OTHER_SEED = "003_197be045261bb7ed.txt"


@pytest.fixture
def two_articles(articles_dir, seeds_dir):
    """bad.txt (whose metadata each test writes) and good.txt, both real seed articles."""
    shutil.copy(seeds_dir / SEED, articles_dir / "bad.txt")
    shutil.copy(seeds_dir / OTHER_SEED, articles_dir / "good.txt")
    return articles_dir


def imported_names():
    return set(Source.objects.values_list("file_name", flat=True))


HOSTILE_URLS = ["javascript:alert('url')", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "ftp://example.org/a.txt", "vbscript:msgbox(1)"]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_url_that_is_not_a_web_address_is_refused(two_articles, url):
    (two_articles / "metadata.yaml").write_text(f'bad.txt:\n  url: "{url}"\n', encoding="utf-8")
    output, ok = run_import(two_articles)
    assert not ok and "bad.txt: failed" in output and "url: Enter a valid URL." in output
    assert imported_names() == {"good.txt"}


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_the_admin_form_refuses_the_same_urls(url):
    form = SourceForm({"title": "t", "language": "en", "url": url})
    assert not form.is_valid() and "url" in form.errors


def test_the_database_refuses_a_url_that_is_not_a_web_address(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(title="t", language="en", text="Text.", url="javascript:alert(1)")


@pytest.mark.parametrize(
    "entry, message",
    [
        ("bad.txt: 5", "must be a mapping of fields, not a number"),
        ("bad.txt: true", "must be a mapping of fields, not true or false"),
        ("bad.txt: [a, b]", "must be a mapping of fields, not a list"),
        ("bad.txt: !!set {a: null}", "must be a mapping of fields, not a set"),
        ("bad.txt:\n  language: [ur]", "language must be text, not a list"),
        ("bad.txt:\n  language: zz", "language: Select a valid choice. zz is not one of the available choices."),
        ("bad.txt:\n  language: 12345", "language must be text, not a number"),
        ("bad.txt:\n  published_on: 2018-13-45", "published_on: Enter a valid date."),
        ("bad.txt:\n  title: [a, b]", "title must be text, not a list"),
        ("bad.txt:\n  title: !!binary aGVsbG8=", "title must be text, not binary data"),
        ('bad.txt:\n  date_is_approximate: "no"', "date_is_approximate must be true or false, not text"),
        ("bad.txt:\n  date_is_approximate: true", "An approximate publication date needs a publication date."),
        ("bad.txt:\n  author: someone", "unknown field 'author'"),
        ("bad.txt:\n  title: " + "t" * 501, "title: Ensure this value has at most 500 characters (it has 501)."),
        ("bad.txt:\n  publisher: " + "p" * 201, "publisher: Ensure this value has at most 200 characters"),
        ("bad.txt:\n  language: " + "u" * 17, "language: Select a valid choice."),
        ("bad.txt:\n  url: https://example.org/" + "a" * 1000, "url: Ensure this value has at most 1000 characters"),
    ],
)
def test_a_bad_metadata_entry_is_reported_with_its_field_and_the_other_files_import(two_articles, entry, message):
    (two_articles / "metadata.yaml").write_text(entry + "\ngood.txt:\n  language: ur\n", encoding="utf-8")
    output, ok = run_import(two_articles)
    assert not ok
    [line] = [line for line in output.splitlines() if "bad.txt: failed" in line]
    assert str(two_articles / "metadata.yaml") in line and message in line
    assert imported_names() == {"good.txt"}


def test_every_bad_field_of_an_entry_is_named_in_its_message(two_articles):
    (two_articles / "metadata.yaml").write_text("bad.txt:\n  language: zz\n  published_on: 2018-02-30\n")
    output, _ = run_import(two_articles)
    assert "language: Select a valid choice" in output and "published_on: Enter a valid date" in output


def test_good_metadata_is_stored_as_given(two_articles):
    (two_articles / "metadata.yaml").write_text(
        "good.txt:\n  title: Talks\n  language: ur\n  published_on: 2021-04-07\n  date_is_approximate: yes\n"
        "  publisher: VOA\n  url: www.example.org/talks\n", encoding="utf-8")
    (two_articles / "bad.txt").unlink()
    run_import(two_articles)
    source = Source.objects.get()
    assert (source.title, source.language, str(source.published_on), source.published_on_is_approximate,
            source.publisher, source.url) == ("Talks", "ur", "2021-04-07", True, "VOA", "https://www.example.org/talks")


def metadata_problem(folder):
    output, ok = run_import(folder)
    assert not ok and not Source.objects.exists()
    return output


def test_a_metadata_file_that_is_a_folder_is_reported(two_articles):
    (two_articles / "metadata.yaml").mkdir()
    assert "is a folder, not a regular file" in metadata_problem(two_articles)


def test_a_metadata_file_that_is_a_fifo_is_refused_without_waiting(two_articles):
    os.mkfifo(two_articles / "metadata.yaml")
    assert "is a FIFO (named pipe), not a regular file" in metadata_problem(two_articles)


def test_an_unreadable_metadata_file_is_reported(two_articles, monkeypatch):
    real_open = os.open

    def refuse_metadata(path, *args, **kwargs):
        if str(path).endswith("metadata.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    (two_articles / "metadata.yaml").write_text("good.txt:\n  language: ur\n")
    monkeypatch.setattr(os, "open", refuse_metadata)
    assert "cannot be read: Permission denied" in metadata_problem(two_articles)


def test_a_metadata_file_over_its_size_limit_is_not_parsed(two_articles, settings):
    settings.FACTBOOK_MAX_METADATA_BYTES = 100
    (two_articles / "metadata.yaml").write_text("good.txt:\n  summary: " + "s" * 190 + "\n")
    assert "is too large: 212 bytes, the limit is 100 (FACTBOOK_MAX_METADATA_BYTES)" in metadata_problem(two_articles)


def test_an_organisation_name_longer_than_its_column_is_cut_to_fit(articles_dir):
    words = " ".join(f"Committee{chr(65 + n % 26)}{n}" for n in range(30))
    (articles_dir / "long.txt").write_text(f"The Ministry of {words} said that the talks would go on.\n")
    output, ok = run_import(articles_dir)
    assert ok, output
    name = Organisation.objects.get(name__startswith="Ministry").name
    assert len(name) <= Organisation._meta.get_field("name").max_length and name.endswith("…")


# --- files and links ----------------------------------------------------------------------


def test_a_link_out_of_the_folder_is_refused(two_articles):
    (two_articles / "passwd.txt").symlink_to("/etc/passwd")
    output, ok = run_import(two_articles)
    assert not ok and "passwd.txt: skipped — it is a symbolic link to /etc/passwd" in output and "refused" in output
    assert imported_names() == {"bad.txt", "good.txt"}


def test_a_link_to_a_folder_outside_is_refused(two_articles, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text("Secret text that said it all.\n")
    (two_articles / "elsewhere").symlink_to(outside)
    output, ok = run_import(two_articles)
    assert not ok and "elsewhere: skipped" in output and "secret.txt" not in str(imported_names())


def test_a_link_inside_the_folder_is_followed(two_articles):
    (two_articles / "again.txt").symlink_to(two_articles / "good.txt")
    output, ok = run_import(two_articles)
    assert ok, output


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: p.symlink_to(p), "is a symbolic link loop"),
        (lambda p: p.symlink_to(p.parent / "gone.txt"), "is a symbolic link to nothing (dangling)"),
        (lambda p: os.mkfifo(p), "is a FIFO (named pipe), not a regular file"),
    ],
)
def test_a_special_file_in_a_folder_is_reported_and_the_others_import(two_articles, make, reason):
    make(two_articles / "special.txt")
    output, ok = run_import(two_articles)
    assert not ok and f"special.txt: skipped — it {reason}" in output
    assert imported_names() == {"bad.txt", "good.txt"}


@pytest.mark.parametrize(
    "make, reason",
    [(lambda p: p.symlink_to(p), "is a symbolic link loop"), (lambda p: os.mkfifo(p), "is a FIFO")],
)
def test_a_special_file_given_as_a_path_is_reported_and_the_others_import(two_articles, make, reason):
    make(two_articles / "special.txt")
    output, ok = run_import(two_articles / "special.txt", two_articles / "good.txt")
    assert not ok and f"special.txt: skipped — it {reason}" in output
    assert imported_names() == {"good.txt"}


def test_an_unreadable_folder_is_reported(two_articles, monkeypatch):
    (two_articles / "locked").mkdir()
    real_scandir = os.scandir

    def refuse_locked(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    output, ok = run_import(two_articles)
    assert not ok and "locked: skipped — it is a folder that cannot be read: Permission denied" in output
    assert imported_names() == {"bad.txt", "good.txt"}


# --- messages -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(articles_dir, seed_texts, encoding):
    (articles_dir / "wide.txt").write_bytes(seed_texts[SEED].encode(encoding))
    output, ok = run_import(articles_dir)
    assert not ok and "wide.txt: failed — the file is not UTF-8 but UTF-16" in output


def test_a_file_of_only_invisible_characters_is_empty(articles_dir):
    (articles_dir / "invisible.txt").write_text("\u200b\u200f\u202e \u2066\u2069\ufeff\n\u200d")
    output, ok = run_import(articles_dir)
    assert not ok and "invisible.txt: failed — the file is empty" in output
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda folder, settings: setattr(settings, "FACTBOOK_MAX_ARTICLE_BYTES", 10), "— the file is too large: "),
        (lambda folder, settings: (folder / "metadata.yaml").write_text("a.txt: [\n"),
         "— the file has a metadata file "),
    ],
)
def test_failure_messages_are_sentences_about_the_file(articles_dir, seeds_dir, settings, setup, message):
    shutil.copy(seeds_dir / SEED, articles_dir / "a.txt")
    setup(articles_dir, settings)
    output, _ = run_import(articles_dir)
    assert message in output


def test_ctrl_c_stops_the_import_with_a_short_message_and_no_traceback(tmp_path, seeds_dir):
    """A real process and a real SIGINT, on a scratch SQLite database of its own."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02}.txt").write_text(f"Article {n}.\n" + (seeds_dir / SEED).read_text(encoding="utf-8"))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'scratch.sqlite3'}"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=REPO_ROOT, env=env, check=True)
    process = subprocess.Popen([sys.executable, "manage.py", "import_articles", str(folder)], cwd=REPO_ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in process.stdout:  # wait until the first file is imported
        if line.startswith("["):
            break
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in stderr and "Interrupted" in stderr
    with sqlite3.connect(tmp_path / "scratch.sqlite3") as database:
        imported, without_sentences = database.execute(
            "SELECT count(*), count(*) FILTER (WHERE id NOT IN (SELECT source_id FROM sources_sentence)) "
            "FROM sources_source").fetchone()
    assert 1 <= imported < 40 and without_sentences == 0
