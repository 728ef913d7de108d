"""Events through the whole import, on an article written for these tests: what happened and
what did not, who took part, when, the title, and which event each claim belongs to."""

import datetime as dt

import pytest
from django.core.management import call_command

from factbook.claims.models import Claim
from factbook.events.models import Event
from factbook.sources.models import Source

ARTICLE = """\
Ministers meet in Lahore
LAHORE: Foreign Minister Ishaq Dar met Foreign Minister Sergey Lavrov in Lahore on Tuesday.
Dar said that the two countries would hold joint exercises next year.
The ministers did not sign an agreement on energy.
Lavrov said that Pakistan was not invited to the summit.
"""


@pytest.fixture
def source(db, tmp_path):
    (tmp_path / "lahore.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text("lahore.txt:\n  published_on: 2025-03-06\n", encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=open("/dev/null", "w"))
    return Source.objects.get()


def test_the_meeting_happened_on_the_tuesday_before_publication_with_both_ministers(source):
    meeting = Event.objects.get(kind="meeting")
    assert (meeting.factuality, meeting.date, meeting.date_precision) == ("happened", dt.date(2025, 3, 4), "day")
    assert set(meeting.persons.values_list("name", flat=True)) == {"Ishaq Dar", "Sergey Lavrov"}


def test_the_meeting_has_a_title_readers_can_read_in_each_language(source):
    meeting = Event.objects.get(kind="meeting")
    assert meeting.title == "Ishaq Dar meets Sergey Lavrov in Lahore"
    assert set(meeting.titles) == {"en", "ur", "hi"} and "Lahore" in meeting.titles["ur"]


def test_future_and_negated_happenings_are_events_that_did_not_happen(source):
    assert Event.objects.get(kind="military_exercise").factuality == "planned"
    assert Event.objects.get(kind="agreement").factuality == "denied"
    assert not Event.objects.happened().exclude(kind="meeting").exists()


def test_a_claim_belongs_to_the_event_of_its_own_clause(source):
    claim = Claim.objects.get(text__startswith="the two countries would hold")
    assert claim.event.kind == "military_exercise"


def test_a_negated_claim_is_stored_negated(source):
    assert Claim.objects.get(text__startswith="Pakistan was not invited").polarity == "negative"
