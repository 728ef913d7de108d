"""The pages and API endpoints the scale benchmark loads, and what one request to each costs
in process: status, bytes and SQL queries (scripts/benchmark-pages adds latency under load)."""

import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import Count, Exists, OuterRef
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.entities.models import Organisation, Person
from factbook.events.models import Event
from factbook.sources.models import Source

SEARCHES = [("Latin", "Bajwa"), ("Urdu", "باجوہ"), ("Devanagari", "रक्षा")]
MEANING_QUERY = "Pakistan and Russia agree on defence cooperation"
DEEP_PAGE = 500  # of the claim lists, or the middle one of a smaller database


@dataclass(frozen=True)
class Page:
    label: str
    url: str
    streams: bool = False  # a CSV export: every matching row, so its size grows with the data
    # Prefetches Django skips when no row has what they load: search shows what matches, so
    # whether a claim made by an organisation is among them (its names in every script) varies.
    skippable_queries: int = 0
    # Loaded with a new query each request (a number appended to the URL), so that no cache of
    # query vectors answers it: the cost of search by meaning.
    varied: bool = False


@dataclass
class Cost:
    page: Page
    status: int
    bytes: int
    queries: int
    slowest_sql: str
    slowest_ms: float
    ms: float  # the whole request, alone


def most_claims(field):
    """The id of the entity that made the most public claims (the benchmark's "Bajwa")."""
    row = (Claim.objects.public().exclude(**{field: None}).values(field).annotate(n=Count("pk"))
           .order_by("-n", field).first())
    return row[field]


def pages():
    """Every public page and API list and detail, on the records the database holds."""
    person = most_claims("claimant_person")
    organisation = most_claims("claimant_organisation")
    # Records with every kind of related row, so that the pages run all their queries at any size.
    claim = (Claim.objects.public().filter(event__isnull=False, claimant_person__isnull=False,
                                           about_persons__isnull=False, about_organisations__isnull=False)
             .order_by("pk").first())
    source = Source.objects.current().order_by("pk").first()
    claims_of = Claim.objects.public().filter(event=OuterRef("pk"))
    event = (Event.objects.public().filter(persons__isnull=False, organisations__isnull=False)
             .filter(Exists(claims_of.filter(claimant_person__isnull=False)),
                     Exists(claims_of.filter(claimant_organisation__isnull=False)))
             .order_by("pk").first())
    by_person = urlencode({"person": person})
    deep = min(DEEP_PAGE, max(1, Claim.objects.public().count() // (2 * settings.FACTBOOK_PAGE_SIZE)))
    # Where page deep - 1 ends: the cursor of the Next link that leads to page `deep`.
    deep_after = Claim.objects.public().latest_first().values_list("pk", flat=True)[
        (deep - 1) * settings.FACTBOOK_PAGE_SIZE - 1] if deep > 1 else None

    def url(name, *args, **query):
        return reverse(name, args=args) + (f"?{urlencode(query)}" if query else "")

    return [
        Page("home", url("web:home")),
        Page("claims, page 1", url("web:claim_list")),
        Page(f"claims, page {deep}", url("web:claim_list", page=deep)),
        Page(f"claims, page {deep} by its Next link", url("web:claim_list", page=deep, page_after=deep_after)),
        Page("claims ?language=ur&status=confirmed", url("web:claim_list", language="ur", status="confirmed")),
        Page("claims ?person=<most claims>", f"{url('web:claim_list')}?{by_person}"),
        Page("claim detail", claim.get_absolute_url()),
        Page("person with most claims", reverse("web:person_detail", args=[person])),
        Page("person with most claims, page 2", reverse("web:person_detail", args=[person]) + "?made=2&about=2"),
        Page("organisation with most claims", reverse("web:organisation_detail", args=[organisation])),
        Page("persons", url("web:person_list")),
        Page("organisations", url("web:organisation_list")),
        Page("sources", url("web:source_list")),
        Page("source detail", source.get_absolute_url()),
        Page("events", url("web:event_list")),
        Page("events, timeline", url("web:event_timeline")),
        Page("event detail", event.get_absolute_url()),
        *(Page(f"search, {script}", url("web:search", q=query), skippable_queries=1) for script, query in SEARCHES),
        Page("search, a new query each time", url("web:search", q=MEANING_QUERY), skippable_queries=1, varied=True),
        Page("autocomplete persons", url("web:autocomplete", "persons", q="Baj")),
        Page("API claims", url("api:claim-list")),
        Page(f"API claims, page {deep}", url("api:claim-list", page=deep)),
        Page(f"API claims, page {deep} by its next link", url("api:claim-list", page=deep, page_after=deep_after)),
        Page("API claims ?person=", f"{url('api:claim-list')}?{by_person}"),
        Page("API claim detail", url("api:claim-detail", claim.pk)),
        Page("API persons", url("api:person-list")),
        Page("API person detail", url("api:person-detail", person)),
        Page("API organisations", url("api:organisation-list")),
        Page("API sources", url("api:source-list")),
        Page("API sentences", url("api:sentence-list")),
        Page("API events", url("api:event-list")),
        Page("CSV claims ?person=", f"{url('csv_export', 'claims')}?{by_person}", streams=True),
    ]


def cost(page, client=None):
    """One request to `page` in this process, with every SQL query it ran."""
    client = client or Client()
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    ms = (time.perf_counter() - began) * 1000
    slowest = max(queries.captured_queries, key=lambda q: float(q["time"]), default={"sql": "", "time": "0"})
    return Cost(page, response.status_code, len(body), len(queries), slowest["sql"], float(slowest["time"]) * 1000, ms)


def explain(sql):
    """EXPLAIN ANALYZE of one captured query, as PostgreSQL prints it."""
    if sql.startswith("EXPLAIN"):
        return "(the planner's estimate of a count: only planned)"
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())
