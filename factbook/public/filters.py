"""The filter forms of the public lists, one FilterSet per list (django-filter).

Every choice of person, organisation or status offers only what readers may see, and each "q"
searches as the search page does (factbook.public.search)."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy as _

from factbook.choices import translated_choices
from factbook.claims.models import Claim, ClaimMode, Verdict
from factbook.entities.models import Organisation, OrganisationKind, Person
from factbook.events.models import Event, EventKind
from factbook.sources.languages import LANGUAGE_CHOICES
from factbook.sources.models import Source

from . import search, visibility

ANY = _("Any")


def date_filter(field_name, lookup_expr, label):
    return django_filters.DateFilter(
        field_name=field_name, lookup_expr=lookup_expr, label=label, widget=forms.DateInput(attrs={"type": "date"})
    )


def language_filter(field_name, label=_("Language")):
    return django_filters.ChoiceFilter(
        field_name=field_name, choices=translated_choices(LANGUAGE_CHOICES), label=label, empty_label=ANY, distinct=True
    )


def choice_filter(choices, label=None, field_name=None):
    return django_filters.ChoiceFilter(field_name=field_name, choices=choices, label=label, empty_label=ANY)


class AutocompleteInput(forms.TextInput):
    """A record's id, picked from the names /autocomplete/<kind>/ offers as one types: a <select>
    of every person would be megabytes. Shows the chosen record's name beside its id."""

    template_name = "web/widgets/autocomplete.html"

    def __init__(self, kind, queryset):
        super().__init__()
        self.kind, self.queryset = kind, queryset

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["url"] = reverse("web:autocomplete", args=[self.kind])
        chosen = self.queryset.filter(pk=value).first() if str(value or "").isdigit() else None
        context["widget"]["selected"] = str(chosen) if chosen else ""
        return context


class RememberedField(forms.BoundField):
    """A filter form's field, rendered once per process for each language and value and then
    repeated: the form is the same on nearly every request, and rendering its widgets through
    templates (a select of nineteen event kinds, an option at a time) was a third of a claim
    list's time. Not remembered: a field with errors, and a chosen record (its name is read)."""

    rendered = {}
    REMEMBERED_AT_MOST = 2000  # values are what readers type: forget them all beyond this

    def as_field_group(self):
        if self.errors or (isinstance(self.field.widget, AutocompleteInput) and self.value()):
            return super().as_field_group()
        # django-filter makes a new form class for each request: named after its FilterSet.
        key = (type(self.form).__name__, self.html_name, self.auto_id, get_language(), str(self.value()))
        if key not in self.rendered:
            if len(self.rendered) >= self.REMEMBERED_AT_MOST:
                self.rendered.clear()
            self.rendered[key] = super().as_field_group()
        return self.rendered[key]


class FilterForm(forms.Form):
    bound_field_class = RememberedField


def record_filter(queryset, label, field_name=None, method=None):
    """A choice among records, by id with an autocomplete; through a to-many relation, so each row is listed once."""
    kind = queryset.model._meta.verbose_name_plural.replace(" ", "")
    return django_filters.ModelChoiceFilter(
        field_name=field_name, queryset=queryset, label=label, method=method, distinct=True,
        widget=AutocompleteInput(kind, queryset),
    )


def status_filter():
    return choice_filter(visibility.PUBLIC_STATUS_CHOICES, label=_("Review status"))


def search_filter(match, label):
    return django_filters.CharFilter(method=lambda queryset, name, value: match(queryset, search.clean_query(value)),
                                     label=label)


class SourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Title contains"))
    language = choice_filter(translated_choices(LANGUAGE_CHOICES))
    person = record_filter(visibility.public_persons(), _("Mentions person"), "sentences__mentions__person")
    organisation = record_filter(
        visibility.public_organisations(), _("Mentions organisation"), "sentences__mentions__organisation"
    )
    date_from = date_filter("published_on", "gte", _("Published from"))
    date_to = date_filter("published_on", "lte", _("Published to"))

    class Meta:
        model = Source
        fields = []
        form = FilterForm


class EntityFilter(django_filters.FilterSet):
    q = search_filter(search.match_entities, _("Name (any script)"))
    status = status_filter()
    language = language_filter("mentions__sentence__source__language", _("Named in language"))
    source = record_filter(visibility.current_sources(), _("Named in source"), "mentions__sentence__source")


class PersonFilter(EntityFilter):
    class Meta:
        model = Person
        fields = []
        form = FilterForm


class OrganisationFilter(EntityFilter):
    kind = choice_filter(translated_choices(OrganisationKind.choices))

    class Meta:
        model = Organisation
        fields = []
        form = FilterForm


class EventFilter(django_filters.FilterSet):
    q = search_filter(search.match_events, _("Title, place or participant"))
    kind = choice_filter(translated_choices(EventKind.choices))
    status = status_filter()
    date_from = date_filter("date", "gte", _("Date from"))
    date_to = date_filter("date", "lte", _("Date to"))
    language = language_filter("sentences__source__language", _("Reported in language"))
    source = record_filter(visibility.current_sources(), _("Reported in"), "sentences__source")
    person = record_filter(visibility.public_persons(), _("Person taking part"), "persons")
    organisation = record_filter(visibility.public_organisations(), _("Organisation taking part"), "organisations")

    class Meta:
        model = Event
        fields = []
        form = FilterForm


class ClaimFilter(django_filters.FilterSet):
    q = search_filter(search.match_claims, _("Text contains"))
    status = status_filter()
    verdict = choice_filter(Verdict.choices, _("Verdict"), "fact_check__verdict")
    claimant = record_filter(visibility.public_persons(), _("Made by person"), "claimant_person")
    claimant_organisation = record_filter(visibility.public_organisations(), _("Made by organisation"),
                                          "claimant_organisation")
    mode = choice_filter(translated_choices(ClaimMode.choices))
    language = choice_filter(translated_choices(LANGUAGE_CHOICES), _("Language"), "sentence__source__language")
    source = record_filter(visibility.any_source(), _("Source"), "sentence__source")
    person = record_filter(visibility.public_persons(), _("Person (claimant or subject)"), method="by_or_about")
    organisation = record_filter(
        visibility.public_organisations(), _("Organisation (claimant or subject)"), method="by_or_about"
    )
    event_kind = choice_filter(translated_choices(EventKind.choices), _("Event kind"), "event__kind")
    event = django_filters.ModelChoiceFilter(queryset=visibility.public_events(), label=_("Event (id)"),
                                             widget=forms.NumberInput)
    date_from = date_filter("sentence__source__published_on", "gte", _("Published from"))
    date_to = date_filter("sentence__source__published_on", "lte", _("Published to"))

    class Meta:
        model = Claim
        fields = []
        form = FilterForm

    def by_or_about(self, queryset, name, value):
        """Claims `value` made or that are about it; `name` is "person" or "organisation". One
        set of ids, a UNION of two indexed lookups, rather than an OR across a join."""
        made = Claim.objects.filter(**{f"claimant_{name}": value}).order_by().values("pk")
        about = Claim._meta.get_field(f"about_{name}s").remote_field.through.objects.filter(**{name: value})
        return queryset.filter(pk__in=made.union(about.values("claim_id")))
