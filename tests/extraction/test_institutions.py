"""Institutions named with institutional words get their English name, in every script."""

import pytest

from factbook.extraction.institutions import InstitutionLexicon, organisation_display_name

LEXICON = InstitutionLexicon.from_data({
    "heads": [{"en": "Ministry of {}", "ur": ["وزارت"], "hi": ["मंत्रालय"]},
              {"en": "{} Committee", "ur": ["کمیٹی"], "hi": ["समिति"]}],
    "words": [{"en": "Defence", "ur": ["دفاع"], "hi": ["रक्षा"]},
              {"en": "Foreign Affairs", "ur": ["امور خارجہ", "خارجہ"], "hi": ["विदेश"]},
              {"en": "Joint", "ur": ["مشترکہ"], "hi": ["संयुक्त"]},
              {"en": "Military", "ur": ["عسکری"], "hi": ["सैन्य"]},
              {"en": "Consultative", "ur": ["مشاورتی"], "hi": ["सलाहकार"]}],
})


@pytest.mark.parametrize("name, english", [
    ("وزارت دفاع", "Ministry of Defence"),  # head first
    ("रक्षा मंत्रालय", "Ministry of Defence"),  # head last
    ("وزارتِ امور خارجہ", "Ministry of Foreign Affairs"),  # a phrase before its words
    ("مشترکہ عسکری مشاورتی کمیٹی", "Joint Military Consultative Committee"),
    ("संयुक्त सैन्य सलाहकार समिति", "Joint Military Consultative Committee"),
])
def test_institutional_words_give_the_english_name(name, english):
    assert LEXICON.english_name(name) == english


def test_a_name_with_a_word_not_listed_has_no_english_name():
    assert LEXICON.english_name("وزارت دفاع و پیداوار") is None


def test_the_country_the_article_names_goes_with_the_english_name():
    assert organisation_display_name(["وزارت دفاع"], "Pakistan", LEXICON) == "Ministry of Defence (Pakistan)"


def test_an_organisation_without_institutional_words_keeps_a_latin_name_it_was_written_with():
    assert organisation_display_name(["پی سی بی", "Pakistan Cricket Board"], "", LEXICON) == "Pakistan Cricket Board"
