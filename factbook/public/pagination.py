"""Pages of long lists without COUNT(*) over the whole table.

Counting a million claims takes half a second on PostgreSQL; counting up to EXACT_COUNT_UP_TO
rows through the list's own order (an index) takes a few milliseconds. Beyond that the page says
"about" and shows the planner's estimate of the row count, which EXPLAIN gives at no cost.
SQLite, the embedded default for small collections, always counts.

Deep pages of lists newest first by id (every claim list) are read by keyset: the Next and
Previous links carry the id the page ends or begins at (`page_after=`, `page_before=` beside
`page=`), so page 500 reached by paging is an index range of 25 rows instead of an OFFSET that
checks 12,500 rows for being public. A page number alone (a typed address, the First link) still
counts its way there with OFFSET.
"""

import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination
from rest_framework.utils.urls import remove_query_param, replace_query_param

# Ten pages. Every row counted is checked for being public (two index probes) and, for a list
# such as "made by or about this person", found among thousands: counting up to 1,000 took 5 ms
# for the claim list and 30 ms for a person's claims at a million claims.
EXACT_COUNT_UP_TO = 250


def estimated_count(queryset):
    """The PostgreSQL planner's estimate of how many rows `queryset` returns. Planned without
    the joins that only fetch columns (select_related), which cost the planner more than the
    rows it estimates."""
    plan = json.loads(queryset.values("pk").order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def bounded_count(queryset):
    """How many rows `queryset` has, and whether that is exact: exact up to EXACT_COUNT_UP_TO,
    the planner's estimate beyond (never less than what was counted). On PostgreSQL it asks for
    both every time, so that a page runs as many queries for 10 rows as for a million; EXPLAIN
    only plans, in well under a millisecond."""
    if connections[queryset.db].vendor != "postgresql":
        return queryset.count(), True
    estimate = estimated_count(queryset)
    counted = queryset[:EXACT_COUNT_UP_TO + 1].count()
    if counted <= EXACT_COUNT_UP_TO:
        return counted, True
    return max(estimate, counted), False


def cursor_keys(page_key):
    """The query parameters of the keyset cursors that go with the page number `page_key`."""
    return f"{page_key}_after", f"{page_key}_before"


def cursor(value):
    """A cursor parameter as an id, or None when it is missing or no id."""
    return int(value) if value and value.isdigit() else None


class EstimatingPaginator(Paginator):
    """A Paginator whose count is exact up to EXACT_COUNT_UP_TO rows and estimated beyond;
    `count_is_exact` tells which.

    A page is read in two steps: the ids of its rows, then those rows with everything they join.
    Page 500 otherwise joins and reads 12,500 whole rows, article texts included, to throw all
    but 25 away. The rows are read from `rows` (the list before its filters, by default the list
    itself): its filters chose the ids already, and a filter such as "made by or about this
    person" (the union of 20,000 ids) costs more than the rows. Given `after` (the rows come
    after that id) or `before`, a list newest first by id reads the ids of its page by keyset
    rather than OFFSET; each page then has `after` and `before`, the cursors of the pages beside it."""

    count_is_exact = True

    def __init__(self, object_list, per_page, after=None, before=None, rows=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = object_list if rows is None else rows
        self.newest_first = tuple(object_list.query.order_by) in {("-pk",), ("-id",)}
        self.after, self.before = (after, before) if self.newest_first else (None, None)

    def page(self, number):
        number = self.validate_number(number)
        if self.after is not None:
            ids = self.object_list.filter(pk__lt=self.after).values_list("pk", flat=True)[:self.per_page]
        elif self.before is not None:
            ids = (self.object_list.filter(pk__gt=self.before).order_by("pk")
                   .values_list("pk", flat=True)[:self.per_page])
            ids = list(ids)[::-1]
        else:
            bottom = (number - 1) * self.per_page
            ids = self.object_list.values_list("pk", flat=True)[bottom:bottom + self.per_page]
        return self._get_page(list(ids), number, self)

    def _get_page(self, ids, number, paginator):
        rows = {row.pk: row for row in self.rows.filter(pk__in=ids)}
        page = super()._get_page([rows[pk] for pk in ids if pk in rows], number, paginator)
        page.after = ids[-1] if self.newest_first and ids else None
        page.before = ids[0] if self.newest_first and ids else None
        return page

    @cached_property
    def count(self):
        count, self.count_is_exact = bounded_count(self.object_list)
        return count


class EstimatingPagination(PageNumberPagination):
    """The API's pages, counted and (newest first) linked by keyset like the site's."""

    def paginate_queryset(self, queryset, request, view=None):
        after_key, before_key = cursor_keys(self.page_query_param)
        self.cursors = {"after": cursor(request.query_params.get(after_key)),
                        "before": cursor(request.query_params.get(before_key))}
        self.rows = view.get_queryset() if view is not None else None  # before the filters
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, queryset, page_size):
        return EstimatingPaginator(queryset, page_size, rows=self.rows, **self.cursors)

    def get_next_link(self):
        return self._with_cursor(super().get_next_link(), 0, self.page.after, self.page.number + 1)

    def get_previous_link(self):
        return self._with_cursor(super().get_previous_link(), 1, self.page.before, self.page.number - 1)

    def _with_cursor(self, url, which, value, number):
        """`url` of page `number` with only cursor `which` (0: after, 1: before) set to `value`;
        page 1 is cheap by number, like DRF's own link to it."""
        if url is None:
            return None
        keys = cursor_keys(self.page_query_param)
        for key in keys:
            url = remove_query_param(url, key)
        return url if value is None or number == 1 else replace_query_param(url, keys[which], value)
