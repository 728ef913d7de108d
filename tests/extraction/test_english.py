"""An English article, written for these tests, imports like the others."""

import pytest
from django.core.management import call_command

from factbook.claims.models import Claim
from factbook.entities.models import Person
from factbook.events.models import Event
from factbook.sources.models import Source

ARTICLE = """\
Pakistan and China agree to expand energy cooperation
ISLAMABAD: Foreign Minister Ishaq Dar met Chinese Ambassador Jiang Zaidong in Islamabad on Monday.
Dar said that Pakistan valued its long friendship with China and wanted to finish the power projects on time.
"Our cooperation will grow in every field," Jiang Zaidong said.
According to the Foreign Office, the two sides signed an agreement on solar energy worth 2.5 billion dollars.
"""


@pytest.fixture
def english_source(db, tmp_path):
    (tmp_path / "dar.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text("dar.txt:\n  published_on: 2025-03-05\n", encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=open("/dev/null", "w"))
    return Source.objects.get()


def test_english_article_is_detected_as_english_with_its_headline_as_title(english_source):
    assert english_source.language == "en"
    assert english_source.title == "Pakistan and China agree to expand energy cooperation"


def test_persons_introduced_by_titles_are_found(english_source):
    assert {"Ishaq Dar", "Jiang Zaidong"} <= set(Person.objects.values_list("name", flat=True))


def test_said_that_gives_a_claim_by_the_speaker_without_the_attribution(english_source):
    claim = Claim.objects.get(sentence__text__startswith="Dar said")
    assert claim.text.startswith("Pakistan valued its long friendship")
    assert claim.claimant_person.name == "Ishaq Dar"


def test_a_quote_followed_by_its_speaker_is_a_direct_quote(english_source):
    claim = Claim.objects.get(sentence__text__startswith='"Our cooperation')
    assert claim.mode == "direct_quote" and claim.claimant_person.name == "Jiang Zaidong"


def test_a_meeting_on_a_weekday_is_dated_from_the_publication_date(english_source):
    meeting = Event.objects.get(kind="meeting")
    assert (str(meeting.date), meeting.date_precision, meeting.place) == ("2025-03-03", "day", "Islamabad")
