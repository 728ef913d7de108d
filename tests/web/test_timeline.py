from datetime import date

import pytest
from django.urls import reverse

from factbook.events.models import DatePrecision, Event, EventKind

from .test_pages import html_of


def event(title, day=None, precision=DatePrecision.UNKNOWN, kind=EventKind.MEETING):
    return Event.objects.create(title=title, date=day, date_precision=precision, kind=kind)


@pytest.fixture
def events(db):
    return [
        event("Russian delegation visits Pakistan", date(2024, 11, 1), DatePrecision.MONTH, EventKind.VISIT),
        event("Undated agreement"),
        event("Bajwa meets Lavrov", date(2021, 4, 7), DatePrecision.DAY),
        event("Joint exercise", date(2016, 1, 1), DatePrecision.YEAR, EventKind.MILITARY_EXERCISE),
    ]


def timeline(client, **params):
    response = client.get(reverse("web:event_timeline"), params)
    assert response.status_code == 200
    return response


def test_timeline_groups_events_by_year_oldest_first_and_unknown_dates_last(client, events):
    years = timeline(client).context["years"]
    assert [(year, [e.title for e in in_year]) for year, in_year in years] == [
        (2016, ["Joint exercise"]),
        (2021, ["Bajwa meets Lavrov"]),
        (2024, ["Russian delegation visits Pakistan"]),
        (None, ["Undated agreement"]),
    ]


def test_timeline_shows_each_date_only_as_precisely_as_known(client, events):
    html = timeline(client).content.decode()
    assert '<time datetime="2016">2016</time>' in html
    assert '<time datetime="2021-04-07">7 April 2021</time>' in html
    assert '<time datetime="2024-11">November 2024</time>' in html
    assert '<h2 id="year-unknown">Date unknown</h2>' in html
    assert "1 November" not in html and "1 January" not in html


def test_timeline_takes_the_event_filters(client, events):
    years = timeline(client, kind="visit").context["years"]
    assert [(year, [e.title for e in in_year]) for year, in_year in years] == [
        (2024, ["Russian delegation visits Pakistan"]),
    ]


def test_menu_marks_only_the_timeline_on_the_timeline(client, events):
    html = html_of(client, reverse("web:event_timeline"))
    assert f'<a href="{reverse("web:event_timeline")}" aria-current="page">Timeline</a>' in html
    assert f'<a href="{reverse("web:event_list")}">Events</a>' in html


def test_menu_marks_events_on_an_event_page(client, events):
    html = html_of(client, events[0].get_absolute_url())
    assert f'<a href="{reverse("web:event_list")}" aria-current="page">Events</a>' in html
    assert 'aria-current="page">Timeline' not in html


def test_event_list_and_home_link_to_the_timeline(client, events):
    for url_name in ["web:event_list", "web:home"]:
        assert f'href="{reverse("web:event_timeline")}"' in html_of(client, reverse(url_name))


def test_events_that_did_not_happen_are_listed_apart_with_their_factuality(client, events):
    Event.objects.create(title="Putin invited to Pakistan", kind=EventKind.VISIT, factuality="proposed")
    response = timeline(client)
    listed = [e.title for _, in_year in response.context["years"] for e in in_year]
    assert "Putin invited to Pakistan" not in listed
    assert [e.title for e in response.context["not_happened"]] == ["Putin invited to Pakistan"]
    assert "Proposed or discussed" in response.content.decode()
