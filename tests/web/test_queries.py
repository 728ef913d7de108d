from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.entities.models import EntityType, Mention, Organisation, OrganisationAlias, Person, PersonAlias
from factbook.events.models import DatePrecision, Event
from factbook.sources.models import Sentence, Source

LIST_PAGES = ["web:home", "web:source_list", "web:person_list", "web:organisation_list", "web:event_list",
              "web:claim_list"]
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


@pytest.mark.parametrize("url_name", LIST_PAGES)
def test_list_runs_as_many_queries_for_thirty_rows_as_for_one(client, db, url_name, django_assert_max_num_queries):
    add_rows(1)
    with CaptureQueriesContext(connection) as one_row:
        client.get(reverse(url_name))
    add_rows(29)
    with django_assert_max_num_queries(len(one_row)):
        response = client.get(reverse(url_name))
    assert response.content.decode().count("<tr>") > 10  # the rows really were rendered
