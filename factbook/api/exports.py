"""CSV downloads of the public lists: /export/<kind>.csv takes the same query string as the list
page (/claims/?verdict=false&language=ur -> /export/claims.csv?verdict=false&language=ur)
and returns every matching row, not one page.

The file is UTF-8 with a byte order mark: without it Excel reads a CSV in the local ANSI code
page and shows Urdu and Hindi as mojibake; other tools (Python's "utf-8-sig", LibreOffice,
pandas) skip the mark. Rows are streamed, so a large export holds no more than one chunk of
records in memory.
"""

import csv
from dataclasses import dataclass
from typing import Callable

from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone

from factbook.public import visibility
from factbook.public.filters import ClaimFilter, EventFilter, OrganisationFilter, PersonFilter, SourceFilter

BOM = "\ufeff"
CHUNK_SIZE = 500
# Excel runs a cell starting with one of these as a formula; article text must never be one.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def names(related):
    return "; ".join(record.name for record in related.all())


def claimant(value):
    """A column about who made the claim, empty for the article's own assertions."""

    def column(claim):
        person_or_organisation = visibility.visible(claim.claimant)
        return value(person_or_organisation) if person_or_organisation else ""

    return column


ENTITY_COLUMNS = [
    ("id", lambda e: e.pk),
    ("name", lambda e: e.name),
    ("description", lambda e: e.description),
    ("wikidata_id", lambda e: e.wikidata_id),
    ("status", lambda e: e.status),
    ("aliases", lambda e: names(e.aliases)),
]


@dataclass(frozen=True)
class Export:
    queryset: Callable
    filterset_class: type
    columns: list[tuple[str, Callable]]


EXPORTS = {
    "sources": Export(visibility.sources, SourceFilter, [
        ("id", lambda s: s.pk),
        ("title", lambda s: s.title),
        ("language", lambda s: s.language),
        ("publisher", lambda s: s.publisher),
        ("published_on", lambda s: s.published_on),
        ("published_on_is_approximate", lambda s: s.published_on_is_approximate),
        ("article_url", lambda s: s.url),
    ]),
    "persons": Export(visibility.persons, PersonFilter, ENTITY_COLUMNS),
    "organisations": Export(visibility.organisations, OrganisationFilter, ENTITY_COLUMNS + [
        ("kind", lambda o: o.kind),
    ]),
    "events": Export(visibility.events, EventFilter, [
        ("id", lambda e: e.pk),
        ("title", lambda e: e.title),
        ("kind", lambda e: e.kind),
        ("date", lambda e: e.date),
        ("date_precision", lambda e: e.date_precision),
        ("place", lambda e: e.place),
        ("status", lambda e: e.status),
        ("persons", lambda e: names(e.persons)),
        ("organisations", lambda e: names(e.organisations)),
    ]),
    "claims": Export(visibility.claims, ClaimFilter, [
        ("id", lambda c: c.pk),
        ("text", lambda c: c.text),
        ("mode", lambda c: c.mode),
        ("status", lambda c: c.status),
        ("verdict", lambda c: c.fact_check.verdict if c.fact_check else ""),
        ("claimant_type", claimant(lambda entity: entity._meta.model_name)),
        ("claimant_id", claimant(lambda entity: entity.pk)),
        ("claimant_name", claimant(lambda entity: entity.name)),
        ("about_persons", lambda c: names(c.about_persons)),
        ("about_organisations", lambda c: names(c.about_organisations)),
        ("event_id", lambda c: getattr(visibility.visible(c.event), "pk", "")),
        ("source_id", lambda c: c.sentence.source_id),
        ("source_title", lambda c: c.sentence.source.title),
        ("language", lambda c: c.sentence.source.language),
        ("sentence_position", lambda c: c.sentence.position),
        ("start_in_sentence", lambda c: c.start),
        ("end_in_sentence", lambda c: c.end),
    ]),
}


class Echo:
    """A file that hands back what is written to it, for csv.writer to feed a stream."""

    def write(self, value):
        return value


def cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_rows(request, export, records):
    writer = csv.writer(Echo())
    yield BOM + writer.writerow([header for header, _ in export.columns] + ["page_url"])
    for record in records:
        row = [cell(value(record)) for _, value in export.columns]
        yield writer.writerow(row + [request.build_absolute_uri(record.get_absolute_url())])


def csv_export(request, kind):
    export = EXPORTS.get(kind)
    if export is None:
        raise Http404(f"There is no export of {kind}.")
    filterset = export.filterset_class(request.GET, queryset=export.queryset())
    if not filterset.is_valid():
        # The list page ignores a bad filter; a download must not quietly return everything instead.
        return HttpResponseBadRequest(filterset.errors.as_text(), content_type="text/plain; charset=utf-8")
    records = filterset.qs.iterator(chunk_size=CHUNK_SIZE)
    response = StreamingHttpResponse(csv_rows(request, export, records), content_type="text/csv; charset=utf-8")
    filename = f"factbook-{kind}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
