"""Import jobs on the task queue; without a broker (the default) they run in the process."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.imports import tasks
from factbook.imports.models import ImportJob, JobStatus
from factbook.sources.models import Source

pytestmark = pytest.mark.django_db

ARTICLE = "Foreign Minister Amir Ali Qureshi said that 12 agreements were still under discussion.\n"


@pytest.fixture(autouse=True)
def fresh_importer():
    """A worker keeps its importer (and its index of names) between jobs; tests do not share one."""
    tasks._importer.cache_clear()


@pytest.fixture
def curator_client(client, settings, tmp_path):
    settings.FACTBOOK_UPLOAD_DIR = tmp_path / "uploads"
    user = User.objects.create_user("curator@example.org", password="not-used", is_staff=True)
    user.groups.add(Group.objects.get(name="Curator"))
    client.force_login(user)
    return client


def test_import_with_workers_queues_one_job_per_file_and_reports_like_one_import(seeds_dir):
    out = StringIO()
    call_command("import_articles", "--workers", "2", str(seeds_dir), stdout=out, stderr=StringIO())
    assert ImportJob.objects.filter(status=JobStatus.DONE, source__isnull=False).count() == 5
    assert "Files: 5 imported, 0 unchanged, 0 failed, 0 skipped." in out.getvalue()


def test_a_file_already_stored_is_a_done_job_saying_unchanged(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    call_command("import_articles", "--enqueue-only", str(tmp_path), stdout=StringIO())
    job = ImportJob.objects.get()
    assert (job.status, job.reason.startswith("unchanged: same text as source")) == (JobStatus.DONE, True)


def test_uploaded_articles_are_imported_with_their_metadata(curator_client):
    response = curator_client.post(reverse("admin:imports_importjob_upload"), {
        "articles": [SimpleUploadedFile("qureshi.txt", ARTICLE.encode())],
        "metadata": SimpleUploadedFile("metadata.yaml", b"qureshi.txt:\n  title: Talks go on\n"),
    })
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == JobStatus.DONE and job.source.title == "Talks go on"


def test_rows_an_upload_imports_are_not_the_uploaders_work(curator_client):
    curator_client.post(reverse("admin:imports_importjob_upload"),
                        {"articles": [SimpleUploadedFile("qureshi.txt", ARTICLE.encode())]})
    claim = Claim.objects.get()
    assert claim.history.get().history_user is None  # else a re-import would keep it as curated


def test_a_failed_job_shows_its_reason_and_succeeds_when_retried_after_the_file_is_fixed(curator_client, settings):
    curator_client.post(reverse("admin:imports_importjob_upload"),
                        {"articles": [SimpleUploadedFile("empty.txt", b"   \n")]})
    job = ImportJob.objects.get()
    assert (job.status, job.reason) == (JobStatus.FAILED, "the file is empty: it holds only spaces and invisible characters")
    assert "the file is empty" in curator_client.get(reverse("admin:imports_importjob_changelist")).content.decode()

    (settings.FACTBOOK_UPLOAD_DIR / job.path.split("/")[-2] / "empty.txt").write_text(ARTICLE, encoding="utf-8")
    curator_client.post(reverse("admin:imports_importjob_changelist"),
                        {"action": "retry_failed", "_selected_action": [job.pk]})
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 2) and Source.objects.count() == 1


def test_only_text_files_can_be_uploaded(curator_client):
    response = curator_client.post(reverse("admin:imports_importjob_upload"),
                                   {"articles": [SimpleUploadedFile("scan.pdf", b"%PDF")]})
    assert "Only .txt articles can be imported" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_worker_reads_a_metadata_file_replaced_since_its_last_job(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text("a.txt:\n  title: First title\n", encoding="utf-8")
    call_command("import_articles", "--enqueue-only", str(tmp_path / "a.txt"), stdout=StringIO())
    (tmp_path / "b.txt").write_text(ARTICLE.replace("12", "14"), encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text("b.txt:\n  title: Second title\n", encoding="utf-8")
    call_command("import_articles", "--enqueue-only", str(tmp_path / "b.txt"), stdout=StringIO())
    assert Source.objects.get(file_name="b.txt").title == "Second title"
