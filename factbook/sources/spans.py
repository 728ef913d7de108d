"""A piece of text located by character offsets inside a longer text.

Offsets are Python string indices (code points) into NFC-normalised text, so
`container[start:end] == text` holds; the database checks the length, `clean()` the content.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length


class TextSpan(models.Model):
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="%(app_label)s_%(class)s_span_not_empty",
            ),
            models.CheckConstraint(
                condition=models.Q(end=models.F("start") + Length("text")),
                name="%(app_label)s_%(class)s_span_length_matches_text",
            ),
        ]

    def container_text(self) -> str:
        """The text the offsets point into."""
        raise NotImplementedError

    def clean(self):
        super().clean()
        container = self.container_text()
        if container is None:
            return
        if not 0 <= self.start < self.end <= len(container):
            raise ValidationError(
                {"end": f"The span {self.start}–{self.end} lies outside its text of {len(container)} characters."}
            )
        if container[self.start : self.end] != self.text:
            raise ValidationError(
                {"text": f"The text must equal characters {self.start}–{self.end} of its container exactly."}
            )
