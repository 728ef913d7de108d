"""The filter forms of the public lists, one FilterSet per list (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q

from factbook.claims.models import Claim, ClaimMode
from factbook.curation.models import ReviewStatus
from factbook.entities.models import Organisation, OrganisationKind, Person
from factbook.events.models import Event, EventKind
from factbook.sources.languages import LANGUAGE_CHOICES
from factbook.sources.models import Source

ANY = "Any"
# Rejected claims are never shown, so offering them as a filter would only ever return nothing.
PUBLIC_STATUS_CHOICES = [choice for choice in ReviewStatus.choices if choice[0] != ReviewStatus.REJECTED]


def date_input():
    return forms.DateInput(attrs={"type": "date"})


class SourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title contains")
    language = django_filters.ChoiceFilter(choices=LANGUAGE_CHOICES, empty_label=ANY)

    class Meta:
        model = Source
        fields = []


class EntityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search_names", label="Name (any script)")

    def search_names(self, queryset, name, value):
        return queryset.search(value)


class PersonFilter(EntityFilter):
    class Meta:
        model = Person
        fields = []


class OrganisationFilter(EntityFilter):
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices, empty_label=ANY)

    class Meta:
        model = Organisation
        fields = []


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, empty_label=ANY)
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="Date from", widget=date_input())
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="Date to", widget=date_input())
    source = django_filters.ModelChoiceFilter(
        field_name="sentences__source", queryset=Source.objects.all(), distinct=True, label="Reported in",
        empty_label=ANY,
    )

    class Meta:
        model = Event
        fields = []


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Text contains")
    status = django_filters.ChoiceFilter(choices=PUBLIC_STATUS_CHOICES, empty_label=ANY)
    mode = django_filters.ChoiceFilter(choices=ClaimMode.choices, empty_label=ANY)
    language = django_filters.ChoiceFilter(
        field_name="sentence__source__language", choices=LANGUAGE_CHOICES, label="Language", empty_label=ANY
    )
    source = django_filters.ModelChoiceFilter(
        field_name="sentence__source", queryset=Source.objects.all(), label="Source", empty_label=ANY
    )
    person = django_filters.ModelChoiceFilter(
        queryset=Person.objects.all(), method="by_or_about_person", label="Person (claimant or subject)",
        empty_label=ANY,
    )

    class Meta:
        model = Claim
        fields = []

    def by_or_about_person(self, queryset, name, value):
        return queryset.filter(Q(claimant_person=value) | Q(about_persons=value)).distinct()
