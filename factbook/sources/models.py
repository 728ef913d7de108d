import hashlib
import unicodedata

from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse

from factbook.choices import translated_choices
from factbook.kinds import SentenceKind
from factbook.queries import SubqueryCount

from .languages import LANGUAGE_CHOICES, direction_of
from .spans import TextSpan


def normalise_text(text: str) -> str:
    """The canonical form every stored text and offset refers to."""
    return unicodedata.normalize("NFC", text)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Article addresses are published as links: only web addresses, never javascript: or data:.
WEB_URL_SCHEMES = ["http", "https"]
web_url_validator = URLValidator(schemes=WEB_URL_SCHEMES)


def is_current_version(source):
    """Whether the source `source` (an OuterRef path to its id) is the latest version of its
    article. Written as NOT EXISTS rather than `next_version__isnull`: PostgreSQL estimates the
    LEFT JOIN ... IS NULL of the latter at one row and nested-loops over every claim."""
    return ~models.Exists(Source.objects.filter(previous_version=models.OuterRef(source)))


class SourceQuerySet(models.QuerySet):
    def current(self):
        """The latest version of each article."""
        return self.filter(is_current_version("pk"))

    def with_counts(self):
        from factbook.claims.models import Claim

        return self.annotate(
            sentence_count=SubqueryCount(Sentence.objects.filter(source=models.OuterRef("pk")).values("pk")),
            # only what readers can see
            claim_count=SubqueryCount(
                Claim.objects.reachable().filter(sentence__source=models.OuterRef("pk")).values("pk")
            ),
        )


class Source(models.Model):
    title = models.CharField(max_length=500)
    language = models.CharField(max_length=16, choices=translated_choices(LANGUAGE_CHOICES), db_index=True)
    text = models.TextField(help_text="The full article after NFC normalisation; all offsets point into it.")
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    summary = models.TextField(blank=True, help_text="What the article reports.")
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True, validators=[web_url_validator])
    published_on = models.DateField(null=True, blank=True)
    published_on_is_approximate = models.BooleanField(
        default=False, help_text="The publication date is inferred, not printed on the article."
    )
    file_name = models.CharField(max_length=255, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    previous_version = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_version",
        help_text="The text this one replaced when the article was imported again with changes.",
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "file_name", "pk"]
        indexes = [
            models.Index(fields=["published_on"]),
            models.Index(fields=["file_name"]),
            models.Index(fields=["-published_on", "file_name", "id"], name="source_list_order"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="source_text_not_empty"),
            models.CheckConstraint(
                condition=models.Q(published_on__isnull=False) | models.Q(published_on_is_approximate=False),
                name="source_approximate_date_needs_date",
                violation_error_message="An approximate publication date needs a publication date.",
            ),
            # Whatever writes the row (import, admin, shell, bulk update), no other scheme is stored.
            models.CheckConstraint(
                condition=models.Q(url="") | models.Q(url__startswith="http://") | models.Q(url__startswith="https://"),
                name="source_url_is_web_address",
                violation_error_message="The URL must be an http:// or https:// address.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.text = normalise_text(self.text)
        self.sha256 = text_sha256(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("web:source_detail", args=[self.pk])

    @property
    def direction(self):
        return direction_of(self.language)

    def paragraphs(self, sentences):
        """`sentences` of this source, in order, in lists by paragraph: a line break between
        two sentences starts a new one."""
        paragraph, previous_end = [], 0
        for sentence in sentences:
            if paragraph and "\n" in self.text[previous_end : sentence.start]:
                yield paragraph
                paragraph = []
            paragraph.append(sentence)
            previous_end = sentence.end
        if paragraph:
            yield paragraph


class SentenceQuerySet(models.QuerySet):
    def current(self):
        """Sentences of the latest version of each article."""
        return self.filter(is_current_version("source"))

    def body(self):
        """Sentences of the article proper, the only ones that may yield claims."""
        return self.filter(kind=SentenceKind.BODY)


class Sentence(TextSpan):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="sentences")
    position = models.PositiveIntegerField(help_text="0-based order within the source.")
    kind = models.CharField(max_length=16, choices=translated_choices(SentenceKind.choices), default=SentenceKind.BODY)

    objects = SentenceQuerySet.as_manager()

    class Meta(TextSpan.Meta):
        ordering = ["source", "position"]
        # Which article a claim's sentence belongs to, without reading the sentence: the
        # current-version test of every claim list (an index-only scan on PostgreSQL).
        indexes = [models.Index(fields=["id"], include=["source"], name="sentence_source_covering")]
        constraints = TextSpan.Meta.constraints + [
            models.UniqueConstraint(fields=["source", "position"], name="sentence_unique_position"),
            models.UniqueConstraint(fields=["source", "start"], name="sentence_unique_start"),
        ]

    def __str__(self):
        return f"{self.source_id}#{self.position}: {self.text[:60]}"

    def container_text(self):
        return self.source.text if self.source_id else None

    @property
    def anchor(self):
        return f"sentence-{self.position}"

    def get_absolute_url(self):
        return f"{self.source.get_absolute_url()}#{self.anchor}"

    @property
    def language(self):
        return self.source.language

    @property
    def direction(self):
        return self.source.direction
