"""Names of one person across scripts are the same name; different people's are not."""

import pytest

from factbook.entities.names import display_name, match_key, normalise
from factbook.extraction.nameparts import same_person

SAME_PERSON = [
    ("قمر جاوید باجوہ", "कमर जावेद बाजवा"),
    ("قمر جاوید باجوہ", "Qamar Javed Bajwa"),
    ("قمرجاوید باجوہ", "Qamar Javed Bajwa"),
    ("عاصم منیر", "असीम मुनीर"),
    ("الیگزینڈر وی فومن", "الیگزینڈر فومن"),
    ("الیگزینڈر فومن", "अलेक्जेंडर वी. फोमिन"),
    ("Alexander Fomin", "अलेक्जेंडर वी. फोमिन"),
    ("سرگئی لاروف", "سرگئی لاوورف"),
    ("سرگئی لاوورف", "सर्गेई लावरोव"),
    ("सर्गेई लावरोव", "Sergey Lavrov"),
    ("خواجہ آصف", "خواجہ محمد آصف"),
    ("ناصر خان جنجوعہ", "Nasser Khan Janjua"),
]

DIFFERENT_PEOPLE = [
    ("قمر چیمہ", "قمر جاوید باجوہ"),
    ("Asim Bajwa", "Qamar Javed Bajwa"),
    ("Asim Bajwa", "Asim Munir"),
    ("عمران خان", "ناصر خان جنجوعہ"),
    ("Sergey Lavrov", "Sergei Shoigu"),
    ("باجوہ", "قمر جاوید باجوہ"),  # a bare surname alone does not make two names the same
]


@pytest.mark.parametrize("a, b", SAME_PERSON)
def test_spellings_of_one_person_are_the_same_person(a, b):
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize("a, b", DIFFERENT_PEOPLE)
def test_names_of_different_people_are_not_the_same(a, b):
    assert not same_person(a, b)


def test_normalise_folds_arabic_letter_variants_into_urdu_ones():
    assert normalise("كمال يوسف") == normalise("کمال یوسف")


def test_normalise_spells_out_the_allah_ligature_of_converted_urdu_text():
    assert normalise("نصر اﷲ") == normalise("نصر اللہ")
    assert normalise("عبدﷲ") == normalise("عبداللہ")


def test_normalise_keeps_devanagari_vowel_signs():
    assert normalise("समझौते") == "समझौते"


def test_normalise_drops_nuqta_so_both_spellings_match():
    assert normalise("फ़ोमिन") == normalise("फोमिन")


def test_match_key_is_lowercase_ascii_for_every_script():
    for name in ["قمر جاوید باجوہ", "कमर जावेद बाजवा", "Qamar Javed Bajwa"]:
        assert match_key(name).isascii() and match_key(name) == match_key(name).lower()


def test_display_name_of_a_devanagari_name_drops_the_final_inherent_vowel():
    assert display_name("असीम मुनीर") == "Asim Munir"


def test_keys_transliterated_together_are_the_keys_of_each_word_alone():
    from factbook.entities import names

    words = ["قمر", "جاوید", "باجوہ", "سرگئی", "لاوروف", "शहबाज़", "शरीफ़", "नरेंद्र", "Imran", "خان-زادہ", "मोदी,"]
    alone = {}
    for word in words:
        names._word_keys.clear()
        alone[word] = names._word_key(word)
    names._word_keys.clear()
    names.prepare_word_keys(words)
    assert {word: names._word_keys[word] for word in words} == alone
