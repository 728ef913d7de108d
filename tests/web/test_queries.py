from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.entities.models import (
    EntityType,
    Mention,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
)
from factbook.events.models import DatePrecision, Event
from factbook.sources.models import Sentence, Source

# URL name, query string, and what each listed record prints once.
LIST_PAGES = [
    ("web:home", {}, "<tr>"),
    ("web:source_list", {}, "<tr>"),
    ("web:person_list", {}, "<tr>"),
    ("web:organisation_list", {}, "<tr>"),
    ("web:event_list", {}, "<tr>"),
    ("web:claim_list", {}, "<tr>"),
    ("web:event_timeline", {}, 'class="timeline-event"'),
    ("web:search", {"q": "عمران خان"}, "<mark>"),
]
REPORT = "وزیراعظم عمران خان نے روسی صدر پیوٹن کو بھی دورہ پاکستان کی دعوت دی۔"
NAME = "عمران خان"
CLAIM = "روسی صدر پیوٹن کو بھی دورہ پاکستان کی دعوت دی"


def add_rows(count):
    """`count` more of everything the lists show: a source, a person, an organisation, an event, a claim."""
    for number in range(Source.objects.count(), Source.objects.count() + count):
        text = f"{REPORT} ({number})"
        source = Source.objects.create(title=f"خبر {number}", language="ur", text=text)
        sentence = Sentence.objects.create(source=source, position=0, start=0, end=len(text), text=text)
        person = Person.objects.create(name=f"Imran Khan {number}")
        PersonAlias.objects.create(person=person, name=f"{NAME} {number}", language="ur")
        organisation = Organisation.objects.create(name=f"Government of Pakistan {number}")
        OrganisationAlias.objects.create(organisation=organisation, name=f"حکومت پاکستان {number}", language="ur")
        start = text.index(NAME)
        Mention.objects.create(sentence=sentence, start=start, end=start + len(NAME), text=NAME,
                               entity_type=EntityType.PERSON, person=person)
        event = Event.objects.create(title=f"Invitation {number}", date=date(2021, 4, 7),
                                     date_precision=DatePrecision.DAY)
        event.persons.add(person)
        event.sentences.add(sentence)
        start = text.index(CLAIM)
        claim = Claim.objects.create(sentence=sentence, start=start, end=start + len(CLAIM), text=CLAIM,
                                     claimant_person=person, event=event)
        claim.about_organisations.add(organisation)


@pytest.mark.parametrize("url_name, params, row", LIST_PAGES)
def test_list_runs_as_many_queries_for_two_hundred_rows_as_for_one(client, db, url_name, params, row,
                                                                   django_assert_max_num_queries):
    add_rows(1)
    with CaptureQueriesContext(connection) as one_row:
        client.get(reverse(url_name), params)
    add_rows(199)
    with django_assert_max_num_queries(len(one_row)):
        response = client.get(reverse(url_name), params)
    assert response.content.decode().count(row) > 10  # the rows really were rendered


def add_reports(person, event, count):
    """`count` more articles naming `person` beside someone else, each with a role, a claim of
    theirs about the other and a sentence reporting `event`."""
    for number in range(Source.objects.count(), Source.objects.count() + count):
        text = f"{REPORT} ({number})"
        source = Source.objects.create(title=f"خبر {number}", language="ur", text=text)
        sentence = Sentence.objects.create(source=source, position=0, start=0, end=len(text), text=text)
        other = Person.objects.create(name=f"Vladimir Putin {number}")
        start = text.index(NAME)
        Mention.objects.create(sentence=sentence, start=start, end=start + len(NAME), text=NAME,
                               entity_type=EntityType.PERSON, person=person)
        start = text.index("پیوٹن")
        Mention.objects.create(sentence=sentence, start=start, end=start + len("پیوٹن"), text="پیوٹن",
                               entity_type=EntityType.PERSON, person=other)
        Role.objects.create(person=person, title="وزیراعظم", language="ur", source=source)
        event.persons.add(other)
        event.sentences.add(sentence)
        start = text.index(CLAIM)
        claim = Claim.objects.create(sentence=sentence, start=start, end=start + len(CLAIM), text=CLAIM,
                                     claimant_person=person, event=event)
        claim.about_persons.add(other)


@pytest.mark.parametrize("page, row", [
    ("person", "Vladimir Putin"),  # co-mentioned
    ("event", "Vladimir Putin"),  # taking part
    ("claim", 'class="relation"'),  # the same event's claims from other sources
])
def test_detail_runs_as_many_queries_for_thirty_reports_as_for_one(client, db, page, row,
                                                                   django_assert_max_num_queries):
    person = Person.objects.create(name="Imran Khan")
    event = Event.objects.create(title="Invitation", date=date(2021, 4, 7), date_precision=DatePrecision.DAY)
    add_reports(person, event, 1)
    url = {"person": person, "event": event, "claim": Claim.objects.first()}[page].get_absolute_url()
    with CaptureQueriesContext(connection) as one_report:
        client.get(url)
    add_reports(person, event, 29)
    with django_assert_max_num_queries(len(one_report)):
        response = client.get(url)
    assert response.content.decode().count(row) >= 10


def test_a_source_page_costs_the_same_queries_for_a_long_article_as_a_short_one(client, imported_seeds,
                                                                                django_assert_max_num_queries):
    short = Source.objects.get(file_name="002_067910d8990faae7.txt")  # 16 sentences
    long = Source.objects.get(file_name="003_197be045261bb7ed.txt")  # 26, more names and claims
    with CaptureQueriesContext(connection) as short_page:
        client.get(short.get_absolute_url())
    with django_assert_max_num_queries(len(short_page)):
        client.get(long.get_absolute_url())
