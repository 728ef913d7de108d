"""Given name and family name decide who a name denotes, in every script and spelling."""

import pytest

from factbook.extraction.nameparts import (
    DisplayName,
    NamePartLexicon,
    name_parts,
    person_display_name,
    same_person,
    shares_part,
)

LEXICON = NamePartLexicon.from_entries([
    {"latin": "Shehbaz", "variants": ["Shahbaz"], "ur": ["شہباز"], "hi": ["शहबाज़"], "role": "given"},
    {"latin": "Nawaz", "ur": ["نواز"], "hi": ["नवाज़"], "role": "either"},
    {"latin": "Arshad", "ur": ["ارشد"], "hi": ["अरशद"], "role": "given"},
    {"latin": "Maryam", "ur": ["مریم"], "hi": ["मरियम"], "role": "given"},
    {"latin": "Hamza", "ur": ["حمزہ"], "hi": ["हमज़ा"], "role": "given"},
    {"latin": "Sharif", "ur": ["شریف"], "hi": ["शरीफ़"], "role": "either"},
    {"latin": "Asif", "ur": ["آصف"], "hi": ["आसिफ़"], "role": "either"},
    {"latin": "Ali", "ur": ["علی"], "hi": ["अली"], "role": "either"},
    {"latin": "Zardari", "ur": ["زرداری"], "hi": ["ज़रदारी"], "role": "family"},
    {"latin": "Bilawal", "ur": ["بلاول"], "hi": ["बिलावल"], "role": "given"},
    {"latin": "Bhutto", "ur": ["بھٹو"], "hi": ["भुट्टो"], "role": "family"},
    {"latin": "Khawaja", "ur": ["خواجہ"], "hi": ["ख़्वाजा"], "role": "family"},
    {"latin": "Muhammad", "variants": ["Mohammad"], "ur": ["محمد"], "hi": ["मोहम्मद"], "role": "particle"},
    {"latin": "Fawad", "ur": ["فواد"], "hi": ["फ़वाद"], "role": "given"},
    {"latin": "Hussain", "ur": ["حسین"], "hi": ["हुसैन"], "role": "either"},
    {"latin": "Chaudhry", "ur": ["چوہدری"], "hi": ["चौधरी"], "role": "particle"},
    {"latin": "Asim", "ur": ["عاصم"], "hi": ["आसिम"], "role": "given"},
    {"latin": "Aslam", "ur": ["اسلم"], "hi": ["असलम"], "role": "given"},
])


def same(a, b):
    return same_person(a, b, LEXICON) and same_person(b, a, LEXICON)


DIFFERENT_PEOPLE = [
    ("Shehbaz Sharif", "Nawaz Sharif"),
    ("شہباز شریف", "ارشد شریف"),
    ("शहबाज़ शरीफ़", "अरशद शरीफ़"),
    ("Maryam Nawaz", "Nawaz Sharif"),
    ("مریم نواز", "نواز شریف"),
    ("Hamza Shehbaz", "Shehbaz Sharif"),
    ("حمزہ شہباز", "शहबाज़ शरीफ़"),
    ("Asif Ali Zardari", "Bilawal Bhutto Zardari"),
    ("آصف علی زرداری", "बिलावल भुट्टो ज़रदारी"),
    ("Asif Ali Zardari", "Khawaja Asif"),
    ("آصف علی زرداری", "خواجہ آصف"),
    ("Fawad Chaudhry", "Fawad Hussain"),
]


@pytest.mark.parametrize("a, b", DIFFERENT_PEOPLE)
def test_people_who_share_a_name_part_are_different_people(a, b):
    assert not same_person(a, b, LEXICON) and not same_person(b, a, LEXICON)


SAME_PERSON = [
    ("Shahbaz Sharif", "Shehbaz Sharif"),  # a variant spelling of the given name
    ("شہباز شریف", "Shahbaz Sharif"),
    ("शहबाज शरीफ", "شہباز شریف"),  # without nukta
    ("مریم نواز شریف", "مریم نواز"),  # a longer form
    ("Maryam Nawaz Sharif", "मरियम नवाज़"),
    ("شہبازشریف", "شہباز شریف"),  # written without a space
    ("شہبازشریف", "Shehbaz Sharif"),
    ("Muhammad Shehbaz Sharif", "शहबाज़ शरीफ़"),  # a particle in front
    ("Mohammad Nawaz Sharif", "نواز شریف"),
    ("آصف علی زرداری", "Asif Zardari"),
    ("بلاول بھٹو زرداری", "Bilawal Bhutto"),
]


@pytest.mark.parametrize("a, b", SAME_PERSON)
def test_spellings_and_longer_forms_of_one_name_are_one_person(a, b):
    assert same(a, b)


def test_a_part_the_lexicon_lacks_is_compared_by_its_consonants():
    assert same("قمر جاوید Janjua", "قمر جاوید جنجوعہ")


def test_a_short_unknown_part_must_agree_letter_for_letter():
    assert not same_person("Willy Brandt", "Willy Brant", NamePartLexicon.from_entries([]))


def test_known_parts_are_equal_only_when_they_are_one_entry():
    islam = NamePartLexicon.from_entries([{"latin": "Islam", "ur": ["اسلام"], "hi": ["इस्लाम"], "role": "given"},
                                          {"latin": "Aslam", "ur": ["اسلم"], "hi": ["असलम"], "role": "given"}])
    assert not same_person("Aslam Khan", "Islam Khan", islam)  # one skeleton, two names


def test_a_joined_name_is_split_into_its_parts():
    assert [p.known.latin for p in name_parts("شہبازشریف", LEXICON)] == ["Shehbaz", "Sharif"]


def test_a_particle_counts_when_it_is_all_that_follows_the_given_name():
    assert same("Fawad Chaudhry", "فواد چوہدری")


@pytest.mark.parametrize("single, name, expected", [
    ("Sharif", "Shehbaz Sharif", True),
    ("شریف", "Shehbaz Sharif", True),
    ("शरीफ़", "Maryam Nawaz", False),
    ("Muhammad", "Muhammad Nawaz Sharif", False),  # a particle alone names no one
])
def test_a_one_word_name_shares_a_part_of_a_full_name(single, name, expected):
    assert shares_part(single, name, LEXICON) is expected


# Display names


DISPLAY_LEXICON = NamePartLexicon.from_entries([
    {"latin": "Nasser", "variants": ["Nasir"], "ur": ["ناصر"], "hi": ["नासिर"], "role": "given"},
    {"latin": "Khan", "ur": ["خان"], "hi": ["ख़ान"], "role": "family"},
    {"latin": "Janjua", "ur": ["جنجوعہ"], "hi": ["जंजुआ"], "role": "family"},
    {"latin": "Qamar", "ur": ["قمر"], "hi": ["क़मर"], "role": "given"},
    {"latin": "Cheema", "ur": ["چیمہ"], "hi": ["चीमा"], "role": "family"},
    {"latin": "J.", "ur": ["جے"], "hi": ["जे"], "role": "particle"},
    {"latin": "P.", "ur": ["پی"], "hi": ["पी"], "role": "particle"},
])


def display(*names):
    return person_display_name(names, DISPLAY_LEXICON)


def test_a_display_name_spells_each_part_the_standard_way():
    assert display("ناصر خان جنجوعہ") == DisplayName("Nasser Khan Janjua", is_automatic=False)
    assert display("क़मर चीमा") == DisplayName("Qamar Cheema", is_automatic=False)


def test_a_latin_spelling_an_article_used_comes_first():
    assert display("ناصر خان جنجوعہ", "Nasir Janjua").name == "Nasir Janjua"


def test_a_name_with_a_part_the_lexicon_lacks_is_romanised_and_marked_automatic():
    shown = display("قمر زیدی")
    assert shown.is_automatic and shown.name.startswith("Qamar ") and shown.name.isascii()


def test_initials_written_together_are_shown_as_the_letters_they_spell():
    assert display("जेपी चीमा") == DisplayName("JP Cheema", is_automatic=False)
    assert display("قمر جےپی").name == "Qamar JP"


def test_a_word_only_partly_made_of_initials_is_romanised():
    assert display("जेपीर चीमा").is_automatic


def test_the_fullest_name_whose_parts_are_all_known_is_shown():
    assert display("جنجوعہ", "ناصر خان جنجوعہ", "ناصر زیدی جنجوعہ").name == "Nasser Khan Janjua"


def test_a_name_spaced_differently_is_the_same_name():
    assert same_person("Ata Ullah Tarar", "Ataullah Tarar", NamePartLexicon.from_entries([]))


def test_names_spaced_differently_are_one_only_with_the_same_letters_not_just_consonants():
    lexicon = NamePartLexicon.from_entries([
        {"latin": "R.", "hi": ["आर"], "role": "particle"}, {"latin": "Ram", "role": "either"},
        {"latin": "Annan", "variants": ["Anan"], "role": "family"},
        {"latin": "Rahman", "hi": ["रहमान"], "role": "either"}])
    assert not same_person("R. Ramanan", "A.R. Rahman", lexicon)
    assert not same_person("R. Ramanan", "आर रहमान", lexicon)  # r-r-m-n in both, vowels aside


def test_a_part_the_lexicon_writes_as_two_words_is_one_part():
    lexicon = NamePartLexicon.from_entries([
        {"latin": "Ataullah", "ur": ["عطاء اللہ"], "hi": ["अताउल्लाह"], "role": "given"}])
    assert [p.known.latin for p in name_parts("عطاء اللہ", lexicon)] == ["Ataullah"]


def test_a_particle_may_stand_anywhere_in_the_longer_name():
    assert same("Fawad Chaudhry", "Chaudhry Fawad Hussain")
    assert not same("Fawad Chaudhry", "Fawad Hussain")
