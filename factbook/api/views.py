"""Read-only viewsets over the public querysets, filtered with the public list pages' FilterSets."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

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


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = visibility.persons()
    serializer_class = PersonSerializer
    filterset_class = PersonFilter


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
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
