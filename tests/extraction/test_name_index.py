"""The index of known names finds every name `same_person` and `shares_part` would accept,
without comparing a name with all the others."""

import random
from functools import cache

import pytest

from factbook.extraction.nameparts import NAMES_DIR, NameIndex, read_entries, same_person, shares_part

from .test_names import DIFFERENT_PEOPLE, SAME_PERSON


@cache
def generated_names(count=300, pool=15, seed=10):
    """Names of parts from a small pool of the shipped lexicon, so that many share parts, in
    every script, some with a particle first, written joined or misspelled."""
    rng = random.Random(seed)
    entries = [e for path in sorted(NAMES_DIR.glob("*.yaml")) for e in read_entries(path)]
    chosen = rng.sample([e for e in entries if e["role"] != "particle"], pool)
    particles = [e for e in entries if e["role"] == "particle"][:5]

    def spelled(entry, field):
        return rng.choice([entry["latin"], *(entry.get("variants") or [])]) if field == "latin" else \
            rng.choice(entry[field])

    def misspelled(word):  # a consonant more: the skeletons then match only as similar
        at = rng.randrange(1, len(word))
        return word[:at] + rng.choice("rlnt") + word[at:]

    names = []
    for _ in range(count):
        field = rng.choice(["latin", "ur", "hi"])
        words = [spelled(e, field) for e in rng.sample(chosen, rng.choice([1, 2, 2, 3]))]
        if rng.random() < 0.2:
            words.insert(0, spelled(rng.choice(particles), field))
        if field == "latin" and rng.random() < 0.3:
            words[-1] = misspelled(words[-1])
        if field == "ur" and len(words) > 1 and rng.random() < 0.1:
            words[:2] = ["".join(words[:2])]
        names.append(" ".join(words))
    return list(dict.fromkeys(names))


def index_of(names):
    index = NameIndex()
    for number, name in enumerate(names):
        index.add(number, name)
    return index


# Spelled alike only as similar skeletons, one word or with a particle
SIMILAR = [("Holmqvist", "Holmqvists"), ("Gunnar Holmqvist", "Gunnar Holmqvists"), ("Fawad Chaudhry", "Chaudhry Fawad Hussain")]


@pytest.mark.parametrize("a, b", SAME_PERSON + DIFFERENT_PEOPLE + SIMILAR)
def test_a_name_finds_each_spelling_of_the_same_person_among_its_candidates(a, b):
    index = index_of([b])
    assert (0 in index.candidates(a)) >= same_person(a, b)
    assert (0 in index_of([a]).candidates(b)) >= same_person(b, a)


def test_every_pair_of_names_same_person_accepts_is_found_through_the_index():
    names = generated_names()
    index = index_of(names)
    missed = [(a, b) for a in names for number, b in enumerate(names)
              if same_person(a, b) and number not in index.candidates(a)]
    assert not missed
    assert sum(same_person(a, b) for a in names for b in names if a != b) > len(names)  # pairs it could miss


def test_every_name_a_one_word_name_is_part_of_is_found_through_the_index():
    names = generated_names()
    index = index_of(names)
    singles = [n for n in names if " " not in n]
    missed = [(a, b) for a in singles for number, b in enumerate(names)
              if shares_part(a, b) and number not in index.sharing_part(a)]
    assert not missed and singles


def test_a_name_is_compared_with_few_of_the_names_indexed():
    names = generated_names(count=2000, pool=600)
    index = index_of(names)
    assert sum(len(index.candidates(name)) for name in names) / len(names) < len(names) / 50


def test_a_name_removed_or_renamed_is_found_no_more():
    index = index_of(["Qamar Javed Bajwa", "Asim Munir"])
    index.add(1, "Sergey Lavrov")
    index.discard(0)
    assert index.candidates("قمر جاوید باجوہ") == {} and index.candidates("सर्गेई लावरोव") == {1: "Sergey Lavrov"}
