"""One article to import, queued for a worker: what happened to it, and why it failed."""

from django.db import models
from django.utils import timezone


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ImportJobQuerySet(models.QuerySet):
    def unfinished(self):
        return self.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING])


class ImportJob(models.Model):
    path = models.CharField(max_length=1000, help_text="The article file, where the workers read it.")
    status = models.CharField(max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED, db_index=True)
    reason = models.TextField(blank=True, help_text="Why it failed, or what the import noted.")
    created = models.JSONField(default=dict, blank=True, help_text="What the import created, by kind.")
    source = models.ForeignKey("sources.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-queued_at", "-pk"]
        indexes = [models.Index(fields=["-queued_at", "-id"], name="importjob_latest")]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def file_name(self):
        return self.path.rsplit("/", 1)[-1]
