"""Import jobs: enqueue one per article; a worker (or, without a broker, this process) runs it."""

from contextlib import contextmanager
from functools import cache
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords

from factbook.extraction.pipeline import Importer

from .models import ImportJob, JobStatus


def enqueue(paths) -> list[ImportJob]:
    """One queued job per file, sent to the workers."""
    jobs = ImportJob.objects.bulk_create(ImportJob(path=str(Path(p).resolve())) for p in paths)
    send(jobs)
    return jobs


def send(jobs):
    """To the workers once the jobs are committed, so that they can read them; without a
    broker each runs at once, in this process."""
    for job in jobs:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            import_article.delay(job.pk)
        else:
            transaction.on_commit(lambda pk=job.pk: import_article.delay(pk))


def retry(jobs) -> int:
    """Queue failed jobs again; returns how many."""
    failed = list(jobs.filter(status=JobStatus.FAILED))
    ImportJob.objects.filter(pk__in=[j.pk for j in failed]).update(
        status=JobStatus.QUEUED, reason="", queued_at=timezone.now(), started_at=None, finished_at=None)
    send(failed)
    return len(failed)


@cache
def _importer() -> Importer:
    """One per worker process: the gazetteer and the resolver's index of names are loaded once
    and kept up to date between articles."""
    return Importer()


@contextmanager
def _not_on_behalf_of_the_request():
    """Run without a request user: a job run in the process (no broker) inside an admin upload
    would otherwise record the uploader as the author of every imported row, and those rows
    would count as a curator's work on re-import."""
    request = getattr(HistoricalRecords.context, "request", None)
    if request is not None:
        del HistoricalRecords.context.request
    try:
        yield
    finally:
        if request is not None:
            HistoricalRecords.context.request = request


@shared_task(acks_late=True)
def import_article(job_id: int):
    job = ImportJob.objects.get(pk=job_id)
    if job.status != JobStatus.QUEUED:
        return  # delivered twice
    ImportJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=timezone.now(),
                                               attempts=job.attempts + 1)
    try:
        with _not_on_behalf_of_the_request():
            outcome = _importer().import_file(Path(job.path))
    except Exception as error:  # not bad input: the job says what happened and can be retried
        _importer.cache_clear()  # e.g. an entity merged away under the index: the next job starts afresh
        status, reason, created, source = JobStatus.FAILED, f"{type(error).__name__}: {error}", {}, None
    else:
        failed = outcome.status == "failed"
        status = JobStatus.FAILED if failed else JobStatus.DONE
        reason = f"the file {outcome.detail}" if failed else (
            f"unchanged: {outcome.detail}" if outcome.status == "unchanged" else outcome.detail)
        created, source = outcome.created or {}, outcome.source
    ImportJob.objects.filter(pk=job.pk).update(status=status, reason=reason, created=created, source=source,
                                               finished_at=timezone.now())
