"""Claims reported by several sources: stored sentence vectors and the links curators confirm."""

import numpy as np
from django.db import models
from django.utils.translation import gettext_lazy as _

from factbook.claims.models import Claim
from factbook.curation.models import Reviewable, ReviewableQuerySet, ReviewStatus


class ClaimEmbedding(models.Model):
    """A claim's multilingual vector, computed once by `manage.py embed_claims`."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="embedding")
    model_name = models.CharField(max_length=100)
    vector = models.BinaryField(help_text="float32, L2-normalised")
    text = models.TextField(help_text="The claim text the vector was computed from.")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"embedding of claim #{self.claim_id}"

    @property
    def array(self) -> np.ndarray:
        return np.frombuffer(bytes(self.vector), dtype=np.float32)


class LinkBasis(models.TextChoices):
    SHARED_EVENT = "shared_event", _("Same event")
    SIMILARITY = "similarity", _("Similar wording (multilingual model)")
    CONTRADICTS = "contradicts", _("Contradicts (numbers or polarity disagree)")


class ClaimLinkQuerySet(ReviewableQuerySet):
    def involving(self, claim):
        return self.filter(models.Q(claim=claim) | models.Q(other=claim))


class ClaimLink(Reviewable):
    """Two claims from different sources that may report the same fact. A candidate until a
    curator confirms or rejects it; high similarity is never proof, a
    contradiction also scores high."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    basis = models.CharField(max_length=16, choices=LinkBasis.choices)
    score = models.FloatField(
        null=True, blank=True, help_text="Margin of the cosine over the claims' nearest neighbours, for links by wording."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "other"], name="claim_link_unique_pair"),
            models.CheckConstraint(condition=models.Q(claim__lt=models.F("other")), name="claim_link_ordered"),
        ]

    def __str__(self):
        return f"#{self.claim_id} ~ #{self.other_id} ({self.get_basis_display()})"

    @property
    def is_confirmed(self):
        return self.status == ReviewStatus.CONFIRMED
