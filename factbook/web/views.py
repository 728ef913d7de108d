"""The public, read-only site: a home page and a filtered list and a detail page per kind of record."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from factbook.claims.models import Claim
from factbook.entities.models import Organisation, Person
from factbook.events.models import Event
from factbook.sources.models import Source

from .filters import ClaimFilter, EventFilter, OrganisationFilter, PersonFilter, SourceFilter

LATEST_CLAIMS_ON_HOME = 10


def public_claims():
    """Claims readers may see, with what every claim row shows already joined."""
    return Claim.objects.public().with_provenance()


def filtered_list(request, template_name, filterset_class, queryset):
    """Render one page of `queryset` as narrowed by the filter form in the query string."""
    # Querysets with counts ignore Meta.ordering (GROUP BY); pages need an explicit, total order.
    queryset = queryset.order_by(*queryset.model._meta.ordering, "pk")
    filterset = filterset_class(request.GET, queryset=queryset)
    page = Paginator(filterset.qs, settings.FACTBOOK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template_name, {"filter": filterset, "page": page})


def article_sentences(source, marked_claims):
    """Every sentence of `source` in order, each with `.marks`: its claims among `marked_claims`."""
    return source.sentences.prefetch_related(Prefetch("claims", queryset=marked_claims, to_attr="marks"))


def home(request):
    context = {
        "source_count": Source.objects.count(),
        "person_count": Person.objects.count(),
        "organisation_count": Organisation.objects.count(),
        "event_count": Event.objects.count(),
        "claim_count": Claim.objects.public().count(),
        "latest_claims": public_claims().order_by("-created_at", "-pk")[:LATEST_CLAIMS_ON_HOME],
    }
    return render(request, "web/home.html", context)


def source_list(request):
    sources = Source.objects.with_counts()
    return filtered_list(request, "web/source_list.html", SourceFilter, sources)


def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    context = {
        "source": source,
        "sentences": article_sentences(source, Claim.objects.public()),
        "persons": Person.objects.filter(mentions__sentence__source=source).distinct(),
        "organisations": Organisation.objects.filter(mentions__sentence__source=source).distinct(),
        "events": Event.objects.for_source(source),
    }
    return render(request, "web/source_detail.html", context)


def person_list(request):
    persons = Person.objects.with_counts().prefetch_related("aliases")
    return filtered_list(request, "web/person_list.html", PersonFilter, persons)


def organisation_list(request):
    organisations = Organisation.objects.with_counts().prefetch_related("aliases")
    return filtered_list(request, "web/organisation_list.html", OrganisationFilter, organisations)


def entity_detail(request, entity):
    """The page of a person or an organisation: both are shown the same way."""
    context = {
        "entity": entity,
        "entity_label": entity._meta.verbose_name,
        "claims_made": public_claims().made_by(entity),
        "claims_about": public_claims().about(entity),
        "events": entity.events.all(),
        "sources": Source.objects.filter(sentences__mentions__in=entity.mentions.all()).distinct(),
    }
    return render(request, "web/entity_detail.html", context)


def person_detail(request, pk):
    return entity_detail(request, get_object_or_404(Person.objects.prefetch_related("aliases"), pk=pk))


def organisation_detail(request, pk):
    return entity_detail(request, get_object_or_404(Organisation.objects.prefetch_related("aliases"), pk=pk))


def event_list(request):
    return filtered_list(request, "web/event_list.html", EventFilter, Event.objects.with_counts())


def event_detail(request, pk):
    event = get_object_or_404(Event, pk=pk)
    context = {
        "event": event,
        "persons": event.persons.all(),
        "organisations": event.organisations.all(),
        "sentences": event.sentences.select_related("source").order_by("source", "position"),
        "claims": public_claims().filter(event=event),
    }
    return render(request, "web/event_detail.html", context)


def claim_list(request):
    return filtered_list(request, "web/claim_list.html", ClaimFilter, public_claims())


def claim_detail(request, pk):
    claim = get_object_or_404(public_claims(), pk=pk)
    context = {
        "claim": claim,
        "about_persons": claim.about_persons.all(),
        "about_organisations": claim.about_organisations.all(),
        "sentences": article_sentences(claim.source, Claim.objects.filter(pk=claim.pk)),
    }
    return render(request, "web/claim_detail.html", context)
