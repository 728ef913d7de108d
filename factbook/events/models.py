from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from factbook.curation.models import Reviewable, ReviewableQuerySet

from factbook.entities.models import Organisation, Person
from factbook.kinds import DatePrecision, EventKind, Factuality
from factbook.sources.models import Sentence, Source


class EventQuerySet(ReviewableQuerySet):
    def with_counts(self):
        return self.annotate(
            sentence_count=models.Count("sentences", distinct=True),
            source_count=models.Count("sentences__source", distinct=True),
        )

    def happened(self):
        return self.filter(factuality=Factuality.HAPPENED)

    def not_happened(self):
        """Planned, proposed and denied events: the timeline lists them apart."""
        return self.exclude(factuality=Factuality.HAPPENED)

    def for_source(self, source):
        return self.filter(sentences__source=source).distinct()


class Event(Reviewable):
    kind = models.CharField(max_length=32, choices=EventKind.choices, default=EventKind.OTHER)
    title = models.CharField(max_length=300)
    titles = models.JSONField(default=dict, blank=True, help_text="The title in each interface language, by code.")
    date = models.DateField(null=True, blank=True, help_text="The first day of the period the precision names.")
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    factuality = models.CharField(max_length=16, choices=Factuality.choices, default=Factuality.HAPPENED)
    place = models.CharField(max_length=200, blank=True)
    persons = models.ManyToManyField(Person, blank=True, related_name="events")
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="events")
    sentences = models.ManyToManyField(Sentence, blank=True, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[persons, organisations])

    class Meta:
        ordering = ["-date", "title"]
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["date"]), models.Index(fields=["factuality"])]
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
