"""Realistic records for the public-site tests, built from two seed articles.

003 is an Urdu report of General Bajwa meeting Sergey Lavrov (April 2021); 004 is a Hindi report
of a Russian delegation meeting General Asim Munir. Every span is validated with full_clean(),
so the offsets the pages highlight are the offsets the models promise.
"""

import re
from datetime import date

import pytest

from factbook.claims.models import Claim, ClaimMode
from factbook.curation.models import ReviewStatus
from factbook.entities.models import (
    EntityType,
    Mention,
    Organisation,
    OrganisationAlias,
    OrganisationKind,
    Person,
    PersonAlias,
)
from factbook.events.models import DatePrecision, Event, EventKind
from factbook.sources.models import Sentence, SentenceKind, Source

# A sentence runs to the next line break or sentence mark (Urdu ۔, Hindi । or .).
SENTENCE = re.compile(r"[^\n۔।.?!]+[۔।.?!]*")

URDU_SEED = "003_197be045261bb7ed.txt"
HINDI_SEED = "004_98f3c31acff07128.txt"


def add_sentences(source, kinds):
    """Split the source into Sentence rows; `kinds` maps a position to a kind other than body."""
    pieces = (match for match in SENTENCE.finditer(source.text) if match.group().strip())
    for position, match in enumerate(pieces):
        piece = match.group()
        start = match.start() + len(piece) - len(piece.lstrip())
        end = match.end() - len(piece) + len(piece.rstrip())
        sentence = Sentence(
            source=source, position=position, start=start, end=end, text=source.text[start:end],
            kind=kinds.get(position, SentenceKind.BODY),
        )
        sentence.full_clean()
        sentence.save()


def sentence_with(source, fragment):
    return source.sentences.get(text__contains=fragment)


def span_in(sentence, fragment):
    """start, end and text of `fragment` inside the sentence, as Mention and Claim store them."""
    start = sentence.text.index(fragment)
    return {"sentence": sentence, "start": start, "end": start + len(fragment), "text": fragment}


def create_span(model, sentence, fragment, **fields):
    span = model(**span_in(sentence, fragment), **fields)
    span.full_clean()
    span.save()
    return span


def create_person(name, description, aliases):
    person = Person.objects.create(name=name, description=description)
    for alias, language in aliases:
        PersonAlias.objects.create(person=person, name=alias, language=language)
    return person


@pytest.fixture
def urdu_source(db, seed_texts):
    text = seed_texts[URDU_SEED]
    source = Source.objects.create(
        title=text.splitlines()[0], language="ur", text=text, publisher="Neo News",
        published_on=date(2021, 4, 7), published_on_is_approximate=True, file_name=URDU_SEED,
    )
    add_sentences(source, {0: SentenceKind.HEADLINE, 1: SentenceKind.CHROME, 2: SentenceKind.CAPTION,
                           3: SentenceKind.CREDIT})
    return source


@pytest.fixture
def hindi_source(db, seed_texts):
    text = seed_texts[HINDI_SEED]
    source = Source.objects.create(
        title="क्षेत्रीय सुरक्षा और आपसी हितों के मुद्दे पर की चर्चा", language="hi", text=text,
        published_on=date(2024, 11, 5), published_on_is_approximate=True, file_name=HINDI_SEED,
    )
    add_sentences(source, {6: SentenceKind.SUBHEADING, 9: SentenceKind.CHROME, 12: SentenceKind.SUBHEADING,
                           16: SentenceKind.SUBHEADING, 21: SentenceKind.CHROME})
    return source


@pytest.fixture
def bajwa(urdu_source):
    person = create_person("Qamar Javed Bajwa", "Chief of Army Staff of Pakistan", [
        ("قمر جاوید باجوہ", "ur"), ("कमर जावेद बाजवा", "hi"), ("Qamar Javed Bajwa", "en"),
    ])
    create_span(Mention, sentence_with(urdu_source, "راولپنڈی"), "قمر جاوید باجوہ",
                entity_type=EntityType.PERSON, person=person, role="آرمی چیف جنرل")
    return person


@pytest.fixture
def lavrov(urdu_source):
    person = create_person("Sergey Lavrov", "Foreign Minister of Russia", [("سرگئی لاروف", "ur")])
    create_span(Mention, sentence_with(urdu_source, "اہم ملاقات کے موقع پر کہی"), "سرگئی لاروف",
                entity_type=EntityType.PERSON, person=person, role="روسی وزیر خارجہ")
    return person


@pytest.fixture
def munir(hindi_source):
    person = create_person("Asim Munir", "Chief of Army Staff of Pakistan", [
        ("असीम मुनीर", "hi"), ("عاصم منیر", "ur"),
    ])
    create_span(Mention, sentence_with(hindi_source, "जनरल असीम मुनीर ने"), "असीम मुनीर",
                entity_type=EntityType.PERSON, person=person, role="जनरल")
    return person


@pytest.fixture
def pakistan_army(urdu_source):
    organisation = Organisation.objects.create(name="Pakistan Army", kind=OrganisationKind.ARMED_FORCE)
    OrganisationAlias.objects.create(organisation=organisation, name="پاک فوج", language="ur")
    create_span(Mention, sentence_with(urdu_source, "پاک فوج کے شعبہ"), "پاک فوج",
                entity_type=EntityType.ORGANISATION, organisation=organisation)
    return organisation


@pytest.fixture
def meeting(urdu_source, bajwa, lavrov, pakistan_army):
    event = Event.objects.create(
        kind=EventKind.MEETING, title="Qamar Javed Bajwa meets Sergey Lavrov", date=date(2021, 4, 7),
        date_precision=DatePrecision.DAY, place="Rawalpindi",
    )
    event.persons.add(bajwa, lavrov)
    event.organisations.add(pakistan_army)
    event.sentences.add(sentence_with(urdu_source, "اہم ملاقات کے موقع پر کہی"))
    return event


@pytest.fixture
def bajwa_claim(urdu_source, bajwa):
    return create_span(
        Claim, sentence_with(urdu_source, "راولپنڈی"), "پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا",
        claimant_person=bajwa, mode=ClaimMode.REPORTED_SPEECH, status=ReviewStatus.CONFIRMED,
    )


@pytest.fixture
def ispr_claim(urdu_source, pakistan_army, bajwa, lavrov, meeting):
    """The army's press wing reporting the meeting: a claim by an organisation about two persons."""
    claim = create_span(
        Claim, sentence_with(urdu_source, "اہم ملاقات کے موقع پر کہی"),
        "آرمی چیف نے یہ بات دورہ پاکستان پر آئے روسی وزیر خارجہ سرگئی لاروف کیساتھ اہم ملاقات کے موقع پر کہی",
        claimant_organisation=pakistan_army, mode=ClaimMode.REPORTED_SPEECH, event=meeting,
    )
    claim.about_persons.add(bajwa, lavrov)
    return claim


@pytest.fixture
def lavrov_claim(urdu_source, lavrov):
    return create_span(
        Claim, sentence_with(urdu_source, "پاک روس تعلقات"),
        "مختلف شعبوں میں پاک روس تعلقات مثبت انداز میں آگے بڑھ رہے ہیں",
        claimant_person=lavrov, mode=ClaimMode.REPORTED_SPEECH, status=ReviewStatus.CORRECTED,
    )


@pytest.fixture
def article_claim(urdu_source):
    """The article's own assertion: nobody is quoted."""
    return create_span(
        Claim, sentence_with(urdu_source, "یاد رہے"), "9 سال بعد کسی روسی وزیر خارجہ نے پاکستان کا دورہ کیا ہے",
        mode=ClaimMode.ASSERTION,
    )


@pytest.fixture
def rejected_claim(urdu_source):
    return create_span(
        Claim, sentence_with(urdu_source, "بہت اہمیت دیتا ہے"), "پاکستان روس کے ساتھ اپنے تعلقات کو بہت اہمیت دیتا ہے",
        mode=ClaimMode.ASSERTION, status=ReviewStatus.REJECTED,
    )


@pytest.fixture
def munir_claim(hindi_source, munir):
    return create_span(
        Claim, sentence_with(hindi_source, "जनरल असीम मुनीर ने"),
        "रूस के साथ अपने पारंपरिक रक्षा संबंधों को मजूबत करने के लिए पाकिस्तान की प्रतिबद्धता को दोहराया",
        claimant_person=munir, mode=ClaimMode.REPORTED_SPEECH,
    )
