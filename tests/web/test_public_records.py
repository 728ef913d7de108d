"""Rejected persons, organisations and events are never shown: every view starts from .public()."""

import pytest
from django.urls import reverse

from factbook.curation.models import ReviewStatus

from .test_pages import html_of


def reject(record):
    record.status = ReviewStatus.REJECTED
    record.save()
    return record


@pytest.mark.parametrize("fixture_name", ["bajwa", "pakistan_army", "meeting"])
def test_rejected_record_has_no_page(client, request, fixture_name):
    record = reject(request.getfixturevalue(fixture_name))
    assert client.get(record.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("fixture_name, url_names", [
    ("bajwa", ["web:person_list", "web:home"]),
    ("pakistan_army", ["web:organisation_list"]),
    ("meeting", ["web:event_list", "web:event_timeline"]),
])
def test_rejected_record_is_not_listed(client, request, fixture_name, url_names):
    record = reject(request.getfixturevalue(fixture_name))
    for url_name in url_names:
        assert record.get_absolute_url() not in html_of(client, reverse(url_name))


def test_home_does_not_count_rejected_records(client, bajwa, lavrov, meeting):
    reject(lavrov)
    reject(meeting)
    html = html_of(client, reverse("web:home"))
    assert "<strong>1</strong> person</a>" in html
    assert "<strong>0</strong> events" in html


def test_source_page_leaves_out_rejected_persons_and_events(client, urdu_source, meeting, bajwa, lavrov):
    reject(lavrov)
    reject(meeting)
    panel = html_of(client, urdu_source.get_absolute_url()).split('<aside class="panel"')[1]
    assert bajwa.get_absolute_url() in panel
    assert lavrov.get_absolute_url() not in panel
    assert meeting.get_absolute_url() not in panel


def test_event_page_leaves_out_rejected_participants(client, meeting, bajwa, lavrov):
    reject(lavrov)
    html = html_of(client, meeting.get_absolute_url())
    assert bajwa.get_absolute_url() in html
    assert lavrov.get_absolute_url() not in html


def test_person_page_leaves_out_rejected_events(client, meeting, bajwa):
    reject(meeting)
    assert meeting.get_absolute_url() not in html_of(client, bajwa.get_absolute_url())


def test_claim_page_links_neither_a_rejected_event_nor_rejected_people(client, ispr_claim, meeting, bajwa, lavrov):
    reject(meeting)
    reject(lavrov)
    html = html_of(client, ispr_claim.get_absolute_url())
    assert meeting.get_absolute_url() not in html
    assert lavrov.get_absolute_url() not in html
    assert bajwa.get_absolute_url() in html


def test_claim_by_a_rejected_person_names_them_without_a_link(client, bajwa, bajwa_claim):
    reject(bajwa)
    html = html_of(client, bajwa_claim.get_absolute_url())
    assert "<dt>Made by</dt><dd>Qamar Javed Bajwa" in html
    assert bajwa.get_absolute_url() not in html


def test_rejected_people_are_not_filter_choices(client, bajwa, lavrov):
    reject(lavrov)
    for name in ["Qamar", "Sergey"]:
        response = client.get(reverse("web:autocomplete", args=["persons"]), {"q": name})
        assert response.json()["results"] == ([{"id": bajwa.pk, "text": "Qamar Javed Bajwa"}] if name == "Qamar" else [])
