from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from factbook.curation.models import Reviewable, ReviewableQuerySet, ReviewStatus
from factbook.entities.models import Organisation, Person
from factbook.events.models import Event
from factbook.sources.models import Sentence, is_current_version
from factbook.sources.spans import TextSpan


class ClaimMode(models.TextChoices):
    DIRECT_QUOTE = "direct_quote", _("Direct quote")
    REPORTED_SPEECH = "reported_speech", _("Reported speech")
    ASSERTION = "assertion", _("The article's own assertion")


__all__ = ["Claim", "ClaimMode", "ReviewStatus"]


class ClaimQuerySet(ReviewableQuerySet):
    def reachable(self):
        """Claims a reader may open by their address: not rejected, in any version of an article."""
        return super().public()

    def public(self):
        """What lists, search and exports show: reachable and in the current version of its article."""
        return self.reachable().filter(is_current_version("sentence__source"))

    def latest_first(self):
        """Newest claims first: the order of every claim list. Ids grow in import order, so the
        primary key and the claimant indexes below serve it, and an entity's latest claims are
        an index range rather than a sort of all of them."""
        return self.order_by("-pk")

    def with_provenance(self):
        return self.select_related(
            "sentence__source", "claimant_person", "claimant_organisation", "event"
        )

    def about(self, entity):
        field = "about_persons" if isinstance(entity, Person) else "about_organisations"
        return self.filter(**{field: entity})

    def made_by(self, entity):
        field = "claimant_person" if isinstance(entity, Person) else "claimant_organisation"
        return self.filter(**{field: entity})


class Claim(Reviewable, TextSpan):
    """A statement found in a sentence; offsets are into the sentence's text."""

    sentence = models.ForeignKey(Sentence, on_delete=models.PROTECT, related_name="claims")
    claimant_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims_made"
    )
    claimant_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims_made"
    )
    mode = models.CharField(max_length=16, choices=ClaimMode.choices, default=ClaimMode.ASSERTION)
    about_persons = models.ManyToManyField(Person, blank=True, related_name="claims_about")
    about_organisations = models.ManyToManyField(Organisation, blank=True, related_name="claims_about")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[about_persons, about_organisations])

    class Meta(TextSpan.Meta):
        ordering = ["sentence__source", "sentence__position", "start"]
        constraints = TextSpan.Meta.constraints + [
            models.UniqueConstraint(fields=["sentence", "start", "end"], name="claim_unique_span"),
            models.CheckConstraint(
                condition=models.Q(claimant_person__isnull=True) | models.Q(claimant_organisation__isnull=True),
                name="claim_one_claimant",
            ),
        ]
        indexes = [
            models.Index(fields=["claimant_person", "-id"], name="claim_person_latest_first"),
            models.Index(fields=["claimant_organisation", "-id"], name="claim_organisation_latest"),
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    def clean(self):
        super().clean()
        if self.claimant_person_id and self.claimant_organisation_id:
            raise ValidationError("A claim is made by a person or by an organisation, not both.")

    def container_text(self):
        return self.sentence.text if self.sentence_id else None

    def get_absolute_url(self):
        return reverse("web:claim_detail", args=[self.pk])

    @property
    def claimant(self):
        return self.claimant_person or self.claimant_organisation

    @property
    def source(self):
        return self.sentence.source
