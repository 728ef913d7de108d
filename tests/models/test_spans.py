"""Stored spans are exactly the text at their offsets, checked by the model and the database."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from factbook.claims.models import Claim
from factbook.sources.models import Sentence, Source

pytestmark = pytest.mark.django_db

TEXT = "راولپنڈی: آرمی چیف جنرل قمر جاوید باجوہ نے کہا پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا۔"


@pytest.fixture
def sentence():
    source = Source.objects.create(title="آرمی چیف", language="ur", text=TEXT)
    return Sentence.objects.create(source=source, position=0, start=0, end=len(TEXT), text=TEXT)


def test_source_stores_the_nfc_text_and_its_hash():
    source = Source.objects.create(title="t", language="hi", text="कमर जावेद बाजवा".replace("\u0928", "\u0928"))
    assert len(source.sha256) == 64 and source.text == "कमर जावेद बाजवा"


def test_importing_the_same_text_twice_is_refused_by_the_hash(sentence):
    with pytest.raises(IntegrityError):
        Source.objects.create(title="again", language="ur", text=TEXT)


def test_a_claim_whose_text_differs_from_its_span_does_not_validate(sentence):
    start = TEXT.index("پاکستان")
    claim = Claim(sentence=sentence, start=start, end=start + 7, text="روس کے ")
    with pytest.raises(ValidationError, match="must equal"):
        claim.full_clean()


def test_a_span_outside_its_sentence_does_not_validate(sentence):
    claim = Claim(sentence=sentence, start=len(TEXT) - 2, end=len(TEXT) + 5, text="x" * 7)
    with pytest.raises(ValidationError, match="outside"):
        claim.full_clean()


def test_the_database_refuses_a_span_whose_length_differs_from_its_text(sentence):
    with pytest.raises(IntegrityError):
        Claim.objects.create(sentence=sentence, start=0, end=5, text="راولپنڈی")


def test_a_correct_span_validates(sentence):
    start = TEXT.index("پاکستان")
    end = TEXT.index("۔")
    Claim(sentence=sentence, start=start, end=end, text=TEXT[start:end]).full_clean()
