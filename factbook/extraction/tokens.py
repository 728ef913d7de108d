"""Word tokens with their offsets, and whole-word phrase matching.

Words are runs of letters, combining marks and digits (Devanagari vowel signs are marks, so
Python's `\\w` would cut words apart). A dot inside a number or after a single letter keeps the
word whole ("3.5", "U.S"); hyphens and apostrophes separate words, so that "Russia-Pakistan"
and "रूस-यूक्रेन" name two countries and "Pakistan's" names one.
"""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from factbook.entities.names import normalise



@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # normalised, lower-case form used for matching


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def _joins(text: str, i: int, start: int) -> bool:
    """Whether a dot sits inside a word: in a number or after a single letter, never between
    sentences."""
    if text[i] != "." or i + 1 >= len(text) or not _is_word_char(text[i + 1]):
        return False
    return text[i - 1].isdigit() and text[i + 1].isdigit() or i - start == 1


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    tokens = []
    i, n = 0, len(text)
    while i < n:
        if not _is_word_char(text[i]):
            i += 1
            continue
        start = i
        while i < n and (_is_word_char(text[i]) or _joins(text, i, start)):
            i += 1
        word = text[start:i]
        tokens.append(Token(start, i, word, normalise(word).lower()))
    return tuple(tokens)


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(phrase))


@lru_cache(maxsize=64)  # the lexicon lists of a few languages, and the article's own names
def _phrase_index(phrases: tuple) -> dict:
    """First word → (key, phrase) of the phrases starting with it, longest first. Cached: the
    same lexicon lists are looked for in every sentence of every article."""
    by_first = {}
    for phrase in phrases:
        key = phrase_key(phrase) if isinstance(phrase, str) else phrase
        if key:
            by_first.setdefault(key[0], []).append((key, phrase))
    for candidates in by_first.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return by_first


def find_phrases(tokens, phrases):
    """Yield (first token index, end token index, phrase) for each whole-word occurrence,
    longest phrase first at each position, never overlapping."""
    by_first = _phrase_index(tuple(phrases))
    keys = [t.key for t in tokens]
    i = 0
    while i < len(tokens):
        for key, phrase in by_first.get(keys[i], ()):
            if tuple(keys[i : i + len(key)]) == key:
                yield i, i + len(key), phrase
                i += len(key)
                break
        else:
            i += 1
