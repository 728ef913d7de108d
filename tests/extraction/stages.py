"""Helpers for unit tests of extraction stages: small in-memory lexicons and gazetteers,
and an article context built from a few sentences, without the seeds or a database."""

import datetime as dt

from factbook.extraction.context import article_context
from factbook.extraction.gazetteer import Gazetteer, KnownOrganisation, Place
from factbook.extraction.lexicon import read_lexicon
from factbook.extraction.nameparts import NamePartLexicon
from factbook.extraction.recognise import known_names_index
from factbook.extraction.rules import rules_for
from factbook.extraction.segment import Segment
from factbook.kinds import SentenceKind

# A few English-like rules, enough for each stage to have something to match.
ENGLISH = {
    "person_titles": ["minister", "foreign minister", "coach", "mr"],
    "stopwords": ["the", "a", "of", "and", "said", "met", "in"],
    "organisation_heads_first": {"government_body": ["ministry"]},
    "organisation_heads_last": {"other": ["board"], "international": ["organisation"]},
    "speech_cues": [{"cue": "said"}],
    "according_to": ["according to"],
    "pronoun_speakers": ["he", "she"],
    "event_triggers": {"meeting": ["met", "talks"], "summit": ["conference"]},
    "event_blockers": ["press conference"],
    "case_markers": ["said", "met"],
    "indefinites": ["a"],
    "complementisers": ["that"],
    "factuality_cues": {"denied": ["not"], "proposed": ["invited", "discussed"], "planned": ["will"]},
    "factuality_window": [3, 3],
    "negations": ["not"],
    "not_a_party_before": ["on", "in"],
    "place_before": ["in"],
    "clause_breaks": ["while"],
    "reference_determiners": ["the"],
    "capitalised_names": True,
    "name_links": ["of", "and", "the"],
    "appositive_names": True,
    "longest_name_before_head": 6,
    "speaker_before_verb": True,
    "according_to_before_source": True,
}

# The same, written the way Urdu marks names and speakers (romanised so tests stay readable).
MARKED = {
    "person_titles": ["wazir", "wazir kharja"],
    "stopwords": ["ne", "ki", "ka", "ke", "aur", "kaha", "mein"],
    "organisation_heads_first": {"government_body": ["wazarat"]},
    "organisation_heads_last": {"other": ["board"]},
    "speech_cues": [{"cue": "kaha ke", "speaker_marker": ["ne"]}],
    "according_to": ["ke mutabiq"],
    "case_markers": ["ne", "ka", "ki"],
    "subject_markers": ["ne"],
    "complementisers": ["ke"],
}

# Urdu, where no letter is a capital: names show by their parts and the grammar around them.
URDU = {
    "person_titles": ["وزیراعلیٰ", "وزیر", "سابق"],
    "professions": ["ڈاکٹر"],
    "stopwords": ["نے", "کا", "کی", "کے", "اور", "میں", "کو"],
    "non_name_words": ["پنجاب", "منتخب", "ہاؤس", "پہنچ", "گئیں", "آج", "آئیں", "آئے", "جیتا", "میڈل"],
    "speech_cues": [{"cue": "کہا", "speaker_marker": ["نے"]}],
    "case_markers": ["نے", "کا", "کی", "کے"],
    "subject_markers": ["نے"],
    "honorifics_after": ["صاحب"],
    "letter_names": ["آر", "ایم"],
    "conjunctions": ["اور"],
}

# Given and family names as the name-part lexicon (factbook/extraction/lexicons/names) has them.
NAME_PARTS = NamePartLexicon.from_entries([
    {"latin": "Arshad", "ur": ["ارشد"], "role": "given"},
    {"latin": "Nadeem", "ur": ["ندیم"], "role": "either"},
    {"latin": "Maryam", "ur": ["مریم"], "role": "given"},
    {"latin": "Nawaz", "ur": ["نواز"], "role": "either"},
    {"latin": "Babar", "role": "either"},
    {"latin": "Azam", "role": "either"},
    {"latin": "Ali", "role": "either"},
    {"latin": "Raza", "role": "family"},
    {"latin": "Naseem", "role": "given"},
    {"latin": "Shah", "role": "either"},
    {"latin": "Muhammad", "role": "particle"},
    {"latin": "Malik", "ur": ["ملک"], "role": "particle", "ends_names": True},
    {"latin": "Ullah", "ur": ["اللہ"], "role": "family", "follows_names": True},
])

GAZETTEER = Gazetteer(
    organisations=(
        KnownOrganisation("Pakistan", "state", ("Pakistan",), demonyms=("Pakistani",)),
        KnownOrganisation("Shanghai Cooperation Organisation", "international", ("SCO", "Shanghai Cooperation Organisation")),
    ),
    places=(Place("Lahore", ("Lahore",)),),
)


def rules(data=None, language="en"):
    return rules_for(read_lexicon(language, ENGLISH if data is None else data), GAZETTEER, NAME_PARTS)


def context(*sentences, data=None, known=(), published_on=dt.date(2025, 3, 4), kind=SentenceKind.BODY, separator="\n"):
    """An article of the given sentences, one per line (or one paragraph, with a space as `separator`)."""
    text = separator.join(sentences)
    segments, start = [], 0
    for sentence in sentences:
        segments.append(Segment(start, start + len(sentence), kind))
        start += len(sentence) + len(separator)
    return article_context(text, segments, published_on, rules(data), known_names_index(known))


def texts(ctx, ids=None):
    """The text of each mention, in text order (or of the given ids)."""
    ids = ctx.mentions.in_text_order() if ids is None else ids
    return [ctx.mentions[m].text for m in ids]
