"""Read-only viewsets over the public querysets, filtered with the public list pages' FilterSets."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import routers, viewsets
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from factbook.curation.models import EntityMerge
from factbook.public import visibility

from .annotations import ANNOTATION_MEDIA_TYPE, claim_annotation
from .filters import ClaimFilter, EventFilter, OrganisationFilter, PersonFilter, SourceFilter
from .serializers import (
    ClaimSerializer,
    EventSerializer,
    OrganisationSerializer,
    PersonSerializer,
    SentenceSerializer,
    SourceDetailSerializer,
    SourceSerializer,
)


# What each list of the API root holds, in the order it lists them.
ENDPOINTS = {
    "sources": "News articles, current version only, with language, publisher and date; a source's "
               "detail has its full text. Filters: q (title), language, person, organisation, date_from, date_to.",
    "sentences": "The sentences of the articles in order, with offsets into the article's text; "
                 "?source=<id> gives one article's.",
    "persons": "People named in the articles, with their names in every script (aliases). Filters: q (a name "
               "in any script), status, language, source.",
    "organisations": "Organisations, states and armed forces named in the articles. Filters: as persons, and kind.",
    "events": "Meetings, visits, agreements and other happenings, with participants, place and a date as "
              "precise as the articles give it. Filters: q, kind, status, date_from, date_to, language, source, "
              "person, organisation.",
    "claims": "Statements and who made them, each with its sentence and span; /claims/<id>/annotation/ gives "
              "it as a W3C Web Annotation. Filters: q, status, mode, language, source, person, organisation "
              "(claimant or subject), event, event_kind, date_from, date_to.",
}


class APIRoot(routers.APIRootView):
    """Factbook's public, read-only API: every record the site shows, paginated (`?page=`),
    never what a curator rejected. Each list below says what it holds and how it filters; the
    same filters download a list as CSV at /export/<kind>.csv."""

    def get(self, request, *args, **kwargs):
        urls = super().get(request, *args, **kwargs).data
        root = {name: {"url": urls[name], "description": description} for name, description in ENDPOINTS.items()}
        root["schema"] = {"url": request.build_absolute_uri(reverse("api:schema")),
                          "description": "The OpenAPI 3 schema of every endpoint, its filters and fields."}
        root["docs"] = {"url": request.build_absolute_uri(reverse("api:docs")),
                        "description": "Interactive documentation of the API (Swagger UI)."}
        root["csv"] = {"url": request.build_absolute_uri(reverse("csv_export", args=["claims"])),
                       "description": "CSV downloads of sources, persons, organisations, events and claims "
                                      "(/export/<kind>.csv), with the lists' filters; UTF-8 with a byte order mark."}
        return Response(root)


class JSONLDRenderer(JSONRenderer):
    # Without the profile parameter: DRF would only match it to an Accept header naming the profile.
    media_type = "application/ld+json"
    format = "jsonld"


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    """Articles, latest version only. The list leaves out the text; a source's detail has it."""

    queryset = visibility.sources()
    filterset_class = SourceFilter

    def get_serializer_class(self):
        return SourceDetailSerializer if self.action == "retrieve" else SourceSerializer


class SentenceViewSet(viewsets.ReadOnlyModelViewSet):
    """Sentences of the articles, in order; `?source=<id>` gives one article's."""

    queryset = visibility.sentences()
    serializer_class = SentenceSerializer
    filterset_fields = ["source", "kind"]


class MergedRedirect:
    """A merged-away person's or organisation's address answers 301 with the survivor's."""

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            name = self.queryset.model._meta.model_name
            survivor = str(kwargs["pk"]).isdigit() and EntityMerge.objects.survivor_id(name, int(kwargs["pk"]))
            if not survivor:
                raise
            return HttpResponsePermanentRedirect(reverse(f"api:{name}-detail", args=[survivor]))


class PersonViewSet(MergedRedirect, viewsets.ReadOnlyModelViewSet):
    queryset = visibility.persons()
    serializer_class = PersonSerializer
    filterset_class = PersonFilter


class OrganisationViewSet(MergedRedirect, viewsets.ReadOnlyModelViewSet):
    queryset = visibility.organisations()
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = visibility.events()
    serializer_class = EventSerializer
    filterset_class = EventFilter


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = visibility.claims()
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter

    @extend_schema(
        responses={(200, ANNOTATION_MEDIA_TYPE): OpenApiResponse(
            OpenApiTypes.OBJECT, description="A W3C Web Annotation linking the claim to its span of the source."
        )},
    )
    @action(detail=True, renderer_classes=[JSONLDRenderer], filter_backends=[])
    def annotation(self, request, pk=None, format=None):
        return Response(claim_annotation(self.get_object(), request), content_type=ANNOTATION_MEDIA_TYPE)
