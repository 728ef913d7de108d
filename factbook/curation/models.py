"""What curators decide about facts: review status, who reviewed, and merges of entities."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", _("Unreviewed")
    VERIFIED = "verified", _("Verified")
    DISPUTED = "disputed", _("Disputed")
    REJECTED = "rejected", _("Rejected")


class ReviewableQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: everything a curator has not rejected. Every public view,
        filter and export starts from here."""
        return self.exclude(status=ReviewStatus.REJECTED)

    def review(self, status, user, note=""):
        """Record one review decision on every row; returns how many changed. Saved one by one
        so that each change lands in the history with its author."""
        changed = 0
        for item in self.exclude(status=status):
            item.mark_reviewed(status, user, note)
            item.save()
            changed += 1
        return changed


class Reviewable(models.Model):
    status = models.CharField(
        max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    review_note = models.TextField(blank=True)

    class Meta:
        abstract = True

    def mark_reviewed(self, status, user, note=""):
        self.status = status
        self.reviewed_by = user
        self.reviewed_at = timezone.now()
        if note:
            self.review_note = note

    @property
    def is_reviewed(self):
        return self.status != ReviewStatus.UNREVIEWED


class EntityMerge(models.Model):
    """The record of entities merged into one: what was merged and what moved."""

    entity_type = models.CharField(max_length=16)
    survivor_id = models.PositiveBigIntegerField()
    merged_id = models.PositiveBigIntegerField()
    merged_name = models.CharField(max_length=200)
    moved = models.JSONField(default=dict, help_text="How many links of each kind moved to the survivor.")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]
        indexes = [models.Index(fields=["entity_type", "survivor_id"])]

    def __str__(self):
        return f"{self.merged_name} (#{self.merged_id}) merged into {self.entity_type} #{self.survivor_id}"
