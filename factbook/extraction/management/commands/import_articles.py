import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factbook.database import require_ready_database
from factbook.extraction.pipeline import Importer, Skipped, article_paths
from factbook.imports.models import ImportJob, JobStatus
from factbook.imports.tasks import enqueue

POLL_SECONDS = 0.5

COUNTED = ["sources", "sentences", "persons", "organisations", "events", "claims"]


class Command(BaseCommand):
    help = (
        "Import news articles (UTF-8 .txt files, one paragraph per line) into Factbook. "
        "Each file is imported in its own transaction; a file whose text is already stored is "
        "left unchanged. Article metadata is read from a metadata.yaml beside the files."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", type=Path,
            help=f"Files or folders to import (default: {settings.FACTBOOK_SEEDS_DIR}).",
        )
        parser.add_argument(
            "--workers", type=int, default=0,
            help="Queue one job per file and start this many worker processes of the task queue to run them "
                 "(needs CELERY_BROKER_URL; without it the jobs run in this process).",
        )
        parser.add_argument(
            "--enqueue-only", action="store_true",
            help="Queue one job per file for workers running elsewhere and return; the admin shows their progress.",
        )

    def handle(self, *args, paths, workers, enqueue_only, **options):
        paths = paths or [settings.FACTBOOK_SEEDS_DIR]
        missing = [str(p) for p in paths if not os.path.lexists(p)]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        files, skipped = article_paths(paths)
        for passed_over in skipped:
            self.stdout.write(self._skipped_line(passed_over))
        if not files:
            raise CommandError(f"No .txt articles found in {', '.join(map(str, paths))}")
        require_ready_database()

        created, statuses = Counter(), Counter(skipped=len(skipped))
        if enqueue_only:
            jobs = enqueue(files)
            self.stdout.write(f"{len(jobs)} import jobs queued (jobs #{jobs[0].pk}-#{jobs[-1].pk}).")
            return
        try:
            if workers:
                outcomes = self._run_on_workers(files, workers)
            else:
                importer = Importer()
                outcomes = (importer.import_file(path) for path in files)
            for number, outcome in enumerate(outcomes, 1):
                statuses[outcome.status] += 1
                created.update(outcome.created or {})
                self.stdout.write(self._progress_line(number, len(files), outcome))
        except KeyboardInterrupt:  # each file is one transaction: the one being imported is not stored
            self.stdout.write(self._summary(created, statuses))
            raise CommandError("Interrupted: the file being imported was not stored; run the command again "
                               "to import the rest.", returncode=130) from None

        self.stdout.write(self._summary(created, statuses))
        problems = []
        if statuses["failed"]:
            problems.append(f"{statuses['failed']} of {len(files)} files could not be imported")
        if statuses["skipped"]:
            problems.append(f"{statuses['skipped']} {'path was' if statuses['skipped'] == 1 else 'paths were'} skipped")
        if problems:
            raise CommandError(f"{' and '.join(problems)} (see above).".capitalize())

    def _skipped_line(self, skipped: Skipped):
        return self.style.ERROR(f"{skipped.path}: skipped — it {skipped.reason}")

    def _run_on_workers(self, files, workers):
        """Queue the files and yield each job's outcome as it finishes, in that order."""
        if settings.CELERY_TASK_ALWAYS_EAGER:
            self.stderr.write("No task queue configured (CELERY_BROKER_URL): the jobs run in this process.")
            yield from map(JobOutcome, enqueue(files))  # each has run by the time enqueue returns
            return
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factbook", "worker", "--concurrency", str(workers),
             "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=settings.BASE_DIR,
        )
        try:
            pending = {job.pk for job in enqueue(files)}
            while pending:
                if worker.poll() is not None:
                    raise CommandError(f"The worker processes stopped (exit {worker.returncode}); "
                                       f"{len(pending)} jobs are still queued.")
                time.sleep(POLL_SECONDS)
                finished = ImportJob.objects.filter(pk__in=pending).exclude(status__in=[JobStatus.QUEUED, JobStatus.RUNNING])
                for job in finished.select_related("source").order_by("finished_at", "pk"):
                    pending.discard(job.pk)
                    yield JobOutcome(job)
        finally:
            worker.terminate()  # a warm shutdown: a job under way finishes first
            worker.wait()

    def _progress_line(self, number, total, outcome):
        prefix = f"[{number}/{total}] {outcome.path}: "
        if outcome.status == "failed":
            return self.style.ERROR(f"{prefix}failed — the file {outcome.detail}")
        if outcome.status == "unchanged":
            return f"{prefix}unchanged ({outcome.detail})"
        counts = ", ".join(f"{outcome.created.get(k, 0)} {k}" for k in COUNTED[1:])
        note = f"; {outcome.detail}" if outcome.detail else ""
        return self.style.SUCCESS(f"{prefix}imported as source #{outcome.source.pk} ({outcome.source.language}): {counts}{note}")

    def _summary(self, created, statuses):
        lines = [
            f"Files: {statuses['imported']} imported, {statuses['unchanged']} unchanged, {statuses['failed']} failed, "
            f"{statuses['skipped']} skipped.",
            "Created: " + ", ".join(f"{created.get(k, 0)} {k}" for k in COUNTED) + ".",
        ]
        return "\n".join(lines)


class JobOutcome:
    """An import job's result, read like the importer's own outcome."""

    def __init__(self, job):
        job.refresh_from_db()
        self.path, self.source, self.created = Path(job.path), job.source, job.created
        unchanged = job.reason.startswith("unchanged: ")
        self.status = "failed" if job.status == JobStatus.FAILED else ("unchanged" if unchanged else "imported")
        self.detail = job.reason.removeprefix("unchanged: ").removeprefix("the file ")
