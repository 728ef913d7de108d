"""Name parts: one entry answers for every spelling of a part, in every script."""

import unicodedata
from functools import cache

import pytest

from factbook.extraction.nameparts import NAMES_DIR, ROLES, NamePart, NamePartLexicon, read_entries, spelling_key
from factbook.sources.languages import script_of

LEXICON = NamePartLexicon.from_entries([
    {"latin": "Shehbaz", "variants": ["Shahbaz"], "ur": ["شہباز"], "hi": ["शहबाज़", "शाहबाज"], "role": "given"},
    {"latin": "Sharif", "variants": ["Shareef"], "ur": ["شریف"], "hi": ["शरीफ़"], "role": "family"},
    {"latin": "Asif", "ur": ["آصف"], "hi": ["आसिफ़"], "role": "given"},
    {"latin": "Asif", "ur": ["آصف"], "hi": ["आसिफ़"], "role": "family"},
    {"latin": "Muhammad", "variants": ["Mohammad"], "ur": ["محمد"], "hi": ["मोहम्मद"], "role": "particle"},
])


@pytest.mark.parametrize("spelling", ["Shehbaz", "shahbaz", "SHAHBAZ", "شہباز", "शहबाज़", "शाहबाज"])
def test_every_spelling_of_a_part_finds_its_standard_latin_spelling(spelling):
    assert LEXICON.lookup(spelling) == NamePart("Shehbaz", "given")


def test_a_devanagari_spelling_is_found_with_or_without_nukta():
    assert LEXICON.lookup("शरीफ") == LEXICON.lookup("शरीफ़") == NamePart("Sharif", "family")


def test_arabic_letter_forms_find_the_urdu_spelling():
    assert LEXICON.lookup("شريف") == NamePart("Sharif", "family")  # Arabic yeh


def test_a_part_listed_as_given_and_as_family_name_is_either():
    assert LEXICON.lookup("آصف").role == "either"


def test_an_unknown_word_is_not_a_name_part():
    assert LEXICON.lookup("پاکستان") is None and "پاکستان" not in LEXICON


def test_a_joined_name_splits_into_its_parts():
    assert LEXICON.split_joined("شہبازشریف") == ["شہباز", "شریف"]
    assert LEXICON.split_joined("محمدشہبازشریف") == ["محمد", "شہباز", "شریف"]


def test_a_word_that_is_not_made_of_parts_does_not_split():
    assert LEXICON.split_joined("شہبازپور") is None


# The shipped files


@cache
def shipped_entries():
    return tuple((path.name, entry) for path in sorted(NAMES_DIR.glob("*.yaml")) for entry in read_entries(path))


def test_the_shipped_lexicon_has_several_thousand_entries():
    assert len(shipped_entries()) >= 2000


def test_every_shipped_entry_has_a_latin_spelling_a_role_and_urdu_and_devanagari_spellings():
    wrong = []
    for file_name, entry in shipped_entries():
        scripts = {"ur": "Arab", "hi": "Deva"}
        spellings = {field: entry.get(field) or [] for field in ["variants", "ur", "hi"]}
        if entry.get("role") not in ROLES or not entry["latin"].isascii():
            wrong.append((file_name, entry["latin"], "role or latin"))
        for field, script in scripts.items():
            if not spellings[field]:
                wrong.append((file_name, entry["latin"], f"no {field}"))
            for spelling in spellings[field]:
                letters = {script_of(c) for c in spelling if c.isalpha()}
                if letters != {script}:
                    wrong.append((file_name, entry["latin"], f"{spelling} is not {script}"))
        for spelling in [entry["latin"], *sum(spellings.values(), [])]:
            if unicodedata.normalize("NFC", spelling) != spelling or spelling != spelling.strip():
                wrong.append((file_name, entry["latin"], f"{spelling!r} not NFC or padded"))
    assert not wrong


def test_no_part_is_listed_twice_in_one_role():
    seen, twice = set(), []
    for file_name, entry in shipped_entries():
        key = (entry["latin"].casefold(), entry["role"])
        if key in seen:
            twice.append((file_name, entry["latin"]))
        seen.add(key)
    assert not twice


def test_no_spelling_names_two_different_parts():
    owners, shared = {}, []
    for file_name, entry in shipped_entries():
        for spelling in [entry["latin"], *(s for f in ["variants", "ur", "hi"] for s in entry.get(f) or [])]:
            owner = owners.setdefault(spelling_key(spelling), entry["latin"])
            if owner != entry["latin"]:
                shared.append((file_name, spelling, owner, entry["latin"]))
    assert not shared
