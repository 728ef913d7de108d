"""The scale benchmark at a small size: what a page costs must not grow with the data.

The same made-up newsroom is filled at two sizes (fill_benchmark's COPY needs PostgreSQL) and
every page and API endpoint of the benchmark is requested once at each. The larger database has
2.5 times the claims, persons, sources and events, and its most-named person 2.5 times the claims.
"""

import pytest
from django.core.cache import cache
from django.db import connection, transaction

from factbook.benchmark.fill import fill
from factbook.benchmark.pages import cost, pages

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="fill_benchmark writes with COPY"),
    pytest.mark.django_db,
]

SMALL_CLAIMS, LARGE_CLAIMS = 8_000, 20_000
MAX_PAGE_BYTES = 200 * 1024
# A page may differ by longer numbers and names, never by more rows.
SIZE_SLACK = 1.25


def costs():
    """The cost of each benchmark page by its position in the list (labels name page numbers)."""
    cache.clear()  # the home page's counts are computed, not taken from the last measurement
    return dict(enumerate(map(cost, pages())))


@pytest.fixture(scope="module")
def small_and_large(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        fill(SMALL_CLAIMS, progress=lambda line: None)
        small = costs()
        fill(LARGE_CLAIMS, replace=True, progress=lambda line: None)
        large = costs()
        transaction.set_rollback(True)
    return small, large


def test_every_page_answers(small_and_large):
    _, large = small_and_large
    assert {m.page.label: m.status for m in large.values() if m.status != 200} == {}


def test_no_page_runs_more_queries_for_more_data(small_and_large):
    small, large = small_and_large
    grown = {m.page.label: (small[n].queries, m.queries) for n, m in large.items()
             if not m.page.streams and abs(m.queries - small[n].queries) > m.page.skippable_queries}
    assert grown == {}


def test_no_page_grows_with_the_data(small_and_large):
    small, large = small_and_large
    grown = {m.page.label: (small[n].bytes, m.bytes) for n, m in large.items()
             if not m.page.streams and m.bytes > small[n].bytes * SIZE_SLACK}
    assert grown == {}


def test_every_page_stays_under_200_kb(small_and_large):
    _, large = small_and_large
    assert {m.page.label: m.bytes for m in large.values() if not m.page.streams and m.bytes > MAX_PAGE_BYTES} == {}
