"""The public, read-only site: a home page, search, a timeline, and a filtered list and a detail
page per kind of record. Claims, events, persons and organisations always come from `.public()`."""

from itertools import groupby

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from factbook.claims.models import Claim
from factbook.corroboration.related import also_reported_by
from factbook.entities.models import Mention, Organisation, Person
from factbook.events.models import Event
from factbook.sources.models import Sentence, Source

from .filters import ClaimFilter, EventFilter, OrganisationFilter, PersonFilter, SourceFilter
from .search import clean_query, search_all

LATEST_CLAIMS_ON_HOME = 10
CO_MENTIONS_SHOWN = 10
TIMELINE_PAGE_SIZE = 100


def public_claims():
    """Claims readers may see, with what every claim row shows already joined."""
    return Claim.objects.public().with_provenance()


def filtered_page(request, filterset_class, queryset, per_page=None):
    """The filter form bound to the query string, and one page of what it lets through."""
    filterset = filterset_class(request.GET, queryset=queryset)
    paginator = Paginator(filterset.qs, per_page or settings.FACTBOOK_PAGE_SIZE)
    return {"filter": filterset, "page": paginator.get_page(request.GET.get("page"))}


def filtered_list(request, template_name, filterset_class, queryset):
    """Render one page of `queryset` as narrowed by the filter form in the query string."""
    # Querysets with counts ignore Meta.ordering (GROUP BY); pages need an explicit, total order.
    queryset = queryset.order_by(*queryset.model._meta.ordering, "pk")
    return render(request, template_name, filtered_page(request, filterset_class, queryset))


def article_sentences(source, marked_claims, with_mentions=False):
    """Every sentence of `source` in order, each with `.marks`: its claims among `marked_claims`,
    and `.names`: its mentions of public entities when `with_mentions`."""
    sentences = source.sentences.prefetch_related(Prefetch("claims", queryset=marked_claims, to_attr="marks"))
    if with_mentions:
        sentences = sentences.prefetch_related(Prefetch(
            "mentions", to_attr="names",
            queryset=Mention.objects.filter(Q(person__in=Person.objects.public()) | Q(organisation__in=Organisation.objects.public()))
            .select_related("person", "organisation"),
        ))
    return sentences


def home(request):
    context = {
        "source_count": Source.objects.current().count(),
        "person_count": Person.objects.public().count(),
        "organisation_count": Organisation.objects.public().count(),
        "event_count": Event.objects.public().count(),
        "claim_count": Claim.objects.public().count(),
        "latest_claims": public_claims().order_by("-created_at", "-pk")[:LATEST_CLAIMS_ON_HOME],
    }
    return render(request, "web/home.html", context)


def search(request):
    query = clean_query(request.GET.get("q", ""))
    groups = search_all(query)
    context = {"query": query, "groups": groups, "found": any(group.items for group in groups)}
    return render(request, "web/search.html", context)


def source_list(request):
    sources = Source.objects.current().with_counts()  # older versions stay reachable by address
    return filtered_list(request, "web/source_list.html", SourceFilter, sources)


def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    context = {
        "source": source,
        "newer_version": Source.objects.filter(previous_version=source).first(),
        "sentences": article_sentences(source, Claim.objects.reachable(), with_mentions=True),
        "persons": Person.objects.public().filter(mentions__sentence__source=source).distinct(),
        "organisations": Organisation.objects.public().filter(mentions__sentence__source=source).distinct(),
        "events": Event.objects.public().for_source(source),
    }
    return render(request, "web/source_detail.html", context)


def person_list(request):
    persons = Person.objects.public().with_counts().prefetch_related("aliases")
    return filtered_list(request, "web/person_list.html", PersonFilter, persons)


def organisation_list(request):
    organisations = Organisation.objects.public().with_counts().prefetch_related("aliases")
    return filtered_list(request, "web/organisation_list.html", OrganisationFilter, organisations)


def co_mentioned(entity):
    """The persons and organisations most often named in the same sentences as `entity`, with
    `.together`: in how many sentences. One query; the records are built from its rows."""
    kind = entity._meta.model_name  # "person" or "organisation", as the Mention fields are named
    rows = (
        Mention.objects.filter(sentence__in=Sentence.objects.filter(**{f"mentions__{kind}": entity}))
        .exclude(**{kind: entity})
        .filter(Q(person__in=Person.objects.public()) | Q(organisation__in=Organisation.objects.public()))
        .values("person", "person__name", "organisation", "organisation__name")
        .annotate(together=Count("sentence", distinct=True))
        .order_by("-together", "person__name", "organisation__name")[:CO_MENTIONS_SHOWN]
    )
    others = []
    for row in rows:
        other = (Person(pk=row["person"], name=row["person__name"]) if row["person"]
                 else Organisation(pk=row["organisation"], name=row["organisation__name"]))
        other.together = row["together"]
        others.append(other)
    return others


def entity_detail(request, model, pk):
    """The page of a person or an organisation: both are shown the same way."""
    entity = get_object_or_404(model.objects.public().prefetch_related("aliases"), pk=pk)
    context = {
        "entity": entity,
        "entity_label": model._meta.verbose_name,
        "roles": entity.roles.select_related("source") if model is Person else [],
        "claims_made": public_claims().made_by(entity),
        "claims_about": public_claims().about(entity),
        "events": entity.events.public(),
        "sources": Source.objects.current().filter(sentences__mentions__in=entity.mentions.all()).distinct(),
        "co_mentioned": co_mentioned(entity),
    }
    return render(request, "web/entity_detail.html", context)


def person_detail(request, pk):
    return entity_detail(request, Person, pk)


def organisation_detail(request, pk):
    return entity_detail(request, Organisation, pk)


def event_list(request):
    return filtered_list(request, "web/event_list.html", EventFilter, Event.objects.public().with_counts())


def event_year(event):
    return event.date.year if event.date else None


def event_timeline(request):
    """Public events that happened, oldest first, grouped by year; events of unknown date last.
    Planned, proposed and denied events are listed apart, each labelled, on pages of their own."""
    events = Event.objects.public().order_by(F("date").asc(nulls_last=True), "title", "pk")
    context = filtered_page(request, EventFilter, events.happened(), per_page=TIMELINE_PAGE_SIZE)
    context["years"] = [(year, list(in_year)) for year, in_year in groupby(context["page"], key=event_year)]
    context["not_happened"] = Paginator(events.not_happened(), TIMELINE_PAGE_SIZE).get_page(request.GET.get("apart"))
    return render(request, "web/event_timeline.html", context)


def event_detail(request, pk):
    event = get_object_or_404(Event.objects.public(), pk=pk)
    context = {
        "event": event,
        "persons": event.persons.public(),
        "organisations": event.organisations.public(),
        "sentences": event.sentences.current().select_related("source").order_by("source", "position"),
        "claims": public_claims().filter(event=event),
    }
    return render(request, "web/event_detail.html", context)


def claim_list(request):
    return filtered_list(request, "web/claim_list.html", ClaimFilter, public_claims())


def claim_detail(request, pk):
    claim = get_object_or_404(Claim.objects.reachable().with_provenance(), pk=pk)
    event = Event.objects.public().filter(pk=claim.event_id).first()
    context = {
        "claim": claim,
        "event": event,
        "about_persons": claim.about_persons.public(),
        "about_organisations": claim.about_organisations.public(),
        "sentences": article_sentences(claim.source, Claim.objects.filter(pk=claim.pk)),
        "also_reported": also_reported_by(claim),
    }
    return render(request, "web/claim_detail.html", context)
