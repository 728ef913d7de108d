"""The list pages' FilterSets as the API uses them, with what the OpenAPI schema cannot infer."""

import copy

from django_filters import ModelChoiceFilter
from drf_spectacular.utils import extend_schema_field

from factbook.public import filters


def with_schema_types(filterset_class):
    """`filterset_class`, with each choice of record filtered by a method typed as an id: for
    those drf-spectacular finds no model field to take the type from."""
    typed = {}
    for name, filter_ in filterset_class.base_filters.items():
        if isinstance(filter_, ModelChoiceFilter) and filter_.method:
            schema = {"type": "integer", "description": f"{filter_.label} (id)"}
            typed[name] = extend_schema_field(schema)(copy.deepcopy(filter_))
    return type(filterset_class.__name__, (filterset_class,), typed)


SourceFilter = with_schema_types(filters.SourceFilter)
PersonFilter = with_schema_types(filters.PersonFilter)
OrganisationFilter = with_schema_types(filters.OrganisationFilter)
EventFilter = with_schema_types(filters.EventFilter)
ClaimFilter = with_schema_types(filters.ClaimFilter)
