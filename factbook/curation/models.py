"""What curators decide about extracted records: whether the import got them right (extraction
review), who curated what (the curation marker the re-import respects), and merges of entities.
Whether a claim is true is a different decision, a fact-check (factbook.claims.models.FactCheck)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    """Extraction review: is this what the article says, and who said it? Not whether it is true."""

    UNREVIEWED = "unreviewed", _("Unreviewed")
    CONFIRMED = "confirmed", _("Confirmed")  # extracted correctly
    CORRECTED = "corrected", _("Corrected")  # right after a curator fixed it
    REJECTED = "rejected", _("Rejected")  # not a claim, person, ... of the article at all


REVIEW_MEANINGS = {
    ReviewStatus.UNREVIEWED: _("Found by the import; no curator has checked it against the article yet."),
    ReviewStatus.CONFIRMED: _("A curator checked it against the article: the article says this, and says who said it."),
    ReviewStatus.CORRECTED: _("A curator fixed what the import got wrong (the words, the speaker, the names) "
                              "and it now matches the article."),
    ReviewStatus.REJECTED: _("Not in the article as extracted (not a claim, not this person). Hidden from the site."),
}

# A fact-check needs a claim the curators agree the article makes, as extracted or as corrected.
CHECKABLE_STATUSES = [ReviewStatus.CONFIRMED, ReviewStatus.CORRECTED]


def display_name(user):
    """How the site names a curator: full name, else user name; empty for no one."""
    return (user.get_full_name() or user.get_username()) if user else ""


class CuratedQuerySet(models.QuerySet):
    def curated(self):
        """Rows a curator reviewed, edited, merged, told apart or fact-checked."""
        return self.filter(curated_at__isnull=False)

    def mark_curated(self, user):
        """Set the curation marker on every row without saving them one by one (for merges,
        which move links in bulk)."""
        return self.update(curated_by=user, curated_at=timezone.now())


class Curated(models.Model):
    """The explicit record that a curator touched a row. Only curator actions set it, never
    the import, so the import may overwrite exactly the rows where it is empty."""

    curated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    curated_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    class Meta:
        abstract = True

    def mark_curated(self, user):
        self.curated_by = user
        self.curated_at = timezone.now()

    @property
    def is_curated(self):
        return self.curated_at is not None


class ReviewableQuerySet(CuratedQuerySet):
    def public(self):
        """What readers may see: everything a curator has not rejected. Every public view,
        filter and export starts from here."""
        return self.exclude(status=ReviewStatus.REJECTED)

    def unreviewed(self):
        return self.filter(status=ReviewStatus.UNREVIEWED)

    def review(self, status, user, note="", reason=""):
        """Record one review decision on every row; returns how many changed. Saved one by one
        so that each change lands in the history with its author and `reason`."""
        changed = 0
        for item in self.exclude(status=status):
            item.mark_reviewed(status, user, note)
            item._change_reason = reason or f"Review: marked {ReviewStatus(status).label.lower()}"
            item.save()
            changed += 1
        return changed


class Reviewable(Curated):
    status = models.CharField(
        max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED, db_index=True,
        verbose_name="extraction review",
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
        self.mark_curated(user)
        if note:
            self.review_note = note

    @property
    def is_reviewed(self):
        return self.status != ReviewStatus.UNREVIEWED

    @property
    def reviewer_name(self):
        return display_name(self.reviewed_by)

    @property
    def is_checkable(self):
        return self.status in CHECKABLE_STATUSES


class EntityMergeQuerySet(models.QuerySet):
    def survivor_id(self, entity_type, merged_id):
        """The id of the entity that `merged_id` was merged into, following later merges of
        the survivor itself; None when no such merge happened."""
        survivor, seen = None, set()
        while merged_id not in seen:
            seen.add(merged_id)
            record = self.filter(entity_type=entity_type, merged_id=merged_id).order_by("-merged_at").first()
            if record is None:
                break
            survivor = merged_id = record.survivor_id
        return survivor


class EntityMerge(models.Model):
    """The record of entities merged into one: what was merged and what moved."""

    entity_type = models.CharField(max_length=16)
    survivor_id = models.PositiveBigIntegerField()
    merged_id = models.PositiveBigIntegerField()
    merged_name = models.CharField(max_length=200)
    moved = models.JSONField(default=dict, help_text="How many links of each kind moved to the survivor.")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    merged_at = models.DateTimeField(auto_now_add=True)

    objects = EntityMergeQuerySet.as_manager()

    class Meta:
        ordering = ["-merged_at"]
        indexes = [models.Index(fields=["entity_type", "survivor_id"]),
                   models.Index(fields=["entity_type", "merged_id"])]

    def __str__(self):
        return f"{self.merged_name} (#{self.merged_id}) merged into {self.entity_type} #{self.survivor_id}"
