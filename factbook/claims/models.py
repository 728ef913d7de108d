from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from factbook.choices import translated_choices
from factbook.curation.models import CHECKABLE_STATUSES, Reviewable, ReviewableQuerySet, ReviewStatus, display_name
from factbook.entities.models import Organisation, Person
from factbook.events.models import Event
from factbook.kinds import ClaimMode, ClaimPolarity
from factbook.sources.models import Sentence, Source, is_current_version
from factbook.sources.spans import TextSpan


class Verdict(models.TextChoices):
    """The published verdict scale, worst to best, then the one verdict off the scale."""

    FALSE = "false", _("False")
    MISLEADING = "misleading", _("Misleading")
    HALF_TRUE = "half_true", _("Half true")
    MOSTLY_TRUE = "mostly_true", _("Mostly true")
    TRUE = "true", _("True")
    UNVERIFIABLE = "unverifiable", _("Unverifiable")


# schema.org Rating values: 1 (worst) to 5 (best), the scale Google's fact-check markup reads.
# "Unverifiable" is no point on that scale, so its rating is given by name only.
RATING_VALUES = {
    Verdict.FALSE: 1, Verdict.MISLEADING: 2, Verdict.HALF_TRUE: 3, Verdict.MOSTLY_TRUE: 4, Verdict.TRUE: 5,
}
WORST_RATING, BEST_RATING = 1, 5

VERDICT_MEANINGS = {
    Verdict.TRUE: _("The claim is accurate and nothing significant is missing."),
    Verdict.MOSTLY_TRUE: _("The claim is accurate but needs clarification or additional information."),
    Verdict.HALF_TRUE: _("The claim is partly accurate but leaves out important details or takes things out of context."),
    Verdict.MISLEADING: _("The claim contains some truth but gives an impression that the evidence does not support."),
    Verdict.FALSE: _("The claim is not accurate."),
    Verdict.UNVERIFIABLE: _("The available evidence can neither confirm nor refute the claim."),
}

__all__ = ["Claim", "ClaimMode", "FactCheck", "FactCheckEvidence", "ReviewStatus", "Verdict"]


class FactCheck(models.Model):
    """Whether a claim is true: a verdict with its explanation and evidence, by one
    fact-checker. Claims that say the same thing (in other articles or languages) share it."""

    verdict = models.CharField(max_length=16, choices=Verdict.choices, db_index=True)
    explanation = models.TextField(help_text="Why the verdict: a few sentences a reader can follow.")
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="fact-checker"
    )
    checked_at = models.DateTimeField(default=timezone.now, verbose_name="date")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-checked_at", "pk"]

    def __str__(self):
        return f"{self.get_verdict_display()}: {self.explanation[:60]}"

    @property
    def rating_value(self):
        return RATING_VALUES.get(self.verdict)

    @property
    def meaning(self):
        return VERDICT_MEANINGS[Verdict(self.verdict)]

    def public_evidence(self):
        """Evidence readers may follow: outside pages, sources, and claims no curator rejected."""
        return (self.evidence.exclude(claim__status=ReviewStatus.REJECTED)
                .select_related("claim__sentence__source", "source"))

    @property
    def checker_name(self):
        return display_name(self.checked_by)


class FactCheckEvidence(models.Model):
    """One piece of evidence for a fact-check: a claim or a source in Factbook, or an outside page."""

    fact_check = models.ForeignKey(FactCheck, on_delete=models.CASCADE, related_name="evidence")
    claim = models.ForeignKey("Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    url = models.URLField(blank=True, max_length=500, help_text="An outside page (http or https).")
    note = models.CharField(max_length=300, blank=True, help_text="What this evidence shows.")

    class Meta:
        verbose_name_plural = "fact-check evidence"
        ordering = ["fact_check", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(claim__isnull=False, source__isnull=True, url="")
                    | models.Q(claim__isnull=True, source__isnull=False, url="")
                    | (models.Q(claim__isnull=True, source__isnull=True) & ~models.Q(url=""))
                ),
                name="fact_check_evidence_one_target",
            ),
        ]

    def __str__(self):
        return self.note or str(self.target)

    @property
    def target(self):
        return self.claim or self.source or self.url

    @property
    def href(self):
        return self.url or self.target.get_absolute_url()

    def clean(self):
        super().clean()
        if sum(bool(target) for target in (self.claim_id, self.source_id, self.url)) != 1:
            raise ValidationError("Evidence is one claim, one source or one outside URL.")
        if self.url and not self.url.lower().startswith(("http://", "https://")):
            raise ValidationError({"url": "An outside URL must start with http:// or https://."})


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
            "sentence__source", "claimant_person", "claimant_organisation", "event", "fact_check__checked_by"
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
    mode = models.CharField(max_length=16, choices=translated_choices(ClaimMode.choices), default=ClaimMode.ASSERTION)
    polarity = models.CharField(max_length=8, choices=translated_choices(ClaimPolarity.choices), default=ClaimPolarity.POSITIVE,
                                help_text="Negated: the claim says that something is not so (\"not invited\").")
    about_persons = models.ManyToManyField(Person, blank=True, related_name="claims_about")
    about_organisations = models.ManyToManyField(Organisation, blank=True, related_name="claims_about")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    fact_check = models.ForeignKey(
        FactCheck, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims",
        help_text="Claims that say the same thing share one fact-check.",
    )
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
            models.CheckConstraint(
                condition=models.Q(fact_check__isnull=True) | models.Q(status__in=CHECKABLE_STATUSES),
                name="claim_fact_checked_only_once_confirmed",
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
        if self.fact_check_id and not self.is_checkable:
            raise ValidationError({"fact_check": "A claim can be fact-checked only once its extraction is confirmed "
                                                 "(or corrected): first check that the article says it."})

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
