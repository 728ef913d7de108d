from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from factbook.choices import translated_choices
from factbook.curation.models import Reviewable, ReviewableQuerySet

from factbook.entities.models import Organisation, Person
from factbook.kinds import DatePrecision, EventKind, Factuality
from factbook.queries import SubqueryCount
from factbook.sources.models import Sentence, Source, is_current_version


class EventQuerySet(ReviewableQuerySet):
    def current(self):
        """Events the latest version of some article reports (or that no article reports, made
        by a curator): one only an older version reported is no longer news of the day.

        One scalar subquery per event, over its own sentences: whether the most current of them
        is current, true when it has none. PostgreSQL runs it per row through the index of the
        event's sentences; the equivalent OR of two EXISTS it hashed over every event's
        sentences (120,000 at a million claims: 0.35 s) even for a person's latest 10 events."""
        reported_now = (
            Event.sentences.through.objects.filter(event=models.OuterRef("pk"))
            .annotate(now=is_current_version("sentence__source")).order_by("-now").values("now")[:1]
        )
        return self.filter(Coalesce(models.Subquery(reported_now), True, output_field=models.BooleanField()))

    def with_counts(self):
        sentences = Event.sentences.through.objects.filter(
            event=models.OuterRef("pk")
        ).filter(is_current_version("sentence__source"))  # older versions repeat them
        return self.annotate(
            sentence_count=SubqueryCount(sentences.values("pk")),
            source_count=SubqueryCount(sentences.values("sentence__source").distinct()),
        )

    def happened(self):
        return self.filter(factuality=Factuality.HAPPENED)

    def not_happened(self):
        """Planned, proposed and denied events: the timeline lists them apart."""
        return self.exclude(factuality=Factuality.HAPPENED)

    def for_source(self, source):
        return self.filter(sentences__source=source).distinct()


class Event(Reviewable):
    kind = models.CharField(max_length=32, choices=translated_choices(EventKind.choices), default=EventKind.OTHER)
    title = models.CharField(max_length=300)
    titles = models.JSONField(default=dict, blank=True, help_text="The title in each interface language, by code.")
    date = models.DateField(null=True, blank=True, help_text="The first day of the period the precision names.")
    date_precision = models.CharField(max_length=8, choices=translated_choices(DatePrecision.choices), default=DatePrecision.UNKNOWN)
    factuality = models.CharField(max_length=16, choices=translated_choices(Factuality.choices), default=Factuality.HAPPENED)
    place = models.CharField(max_length=200, blank=True)
    persons = models.ManyToManyField(Person, blank=True, related_name="events")
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="events")
    sentences = models.ManyToManyField(Sentence, blank=True, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[persons, organisations])

    class Meta:
        ordering = ["-date", "title"]
        indexes = [
            models.Index(fields=["kind"]),
            models.Index(fields=["date"]),
            models.Index(fields=["factuality"]),
            models.Index(fields=["-date", "title", "id"], name="event_list_order"),
            # Ascending b-tree indexes keep NULLs last, as the timeline wants its undated events.
            models.Index(fields=["date", "title", "id"], name="event_timeline_order"),
            # The timeline's list apart, in the same order: without it, a collection with few
            # planned or denied events walks all the others to find them.
            models.Index(fields=["date", "title", "id"], condition=~models.Q(factuality=Factuality.HAPPENED),
                         name="event_timeline_apart"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(date__isnull=True, date_precision=DatePrecision.UNKNOWN)
                    | (models.Q(date__isnull=False) & ~models.Q(date_precision=DatePrecision.UNKNOWN))
                ),
                name="event_date_matches_precision",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("web:event_detail", args=[self.pk])

    @property
    def sources(self):
        return Source.objects.filter(sentences__events=self).distinct()

    @property
    def date_display(self):
        """The date only as precisely as it is known."""
        if self.date is None:
            return "date unknown"
        formats = {DatePrecision.DAY: "%-d %B %Y", DatePrecision.MONTH: "%B %Y", DatePrecision.YEAR: "%Y",
                   DatePrecision.BEFORE: "on or before %-d %B %Y"}
        return self.date.strftime(formats[self.date_precision])
