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


MIN_GLUED_WORD = 3  # letters of each word split apart: "آرڈر" is no "آر" + "ڈر"


def split_glued(tokens: tuple[Token, ...], markers: frozenset[str], non_joining: frozenset[str],
                known, named) -> tuple[Token, ...]:
    """The tokens with two words written as one split apart, where the space between them does
    not show because the first ends in a letter that joins no next one (or a digit): a marker
    onto a `known(key)` word ("بورڈکی" -> "بورڈ", "کی"), or two `named(key)` words, name parts,
    titles or places ("کمشنرکراچی", "قمرجاوید"). A known word stays whole ("وزیراعظم"), and so
    does one whose parts are not known ("ترکی": Turkey, not "تر" + "کی")."""
    if not non_joining:
        return tokens
    split = []
    for token in tokens:
        cut = None if known(token.key) else _glued_cut(token.text, markers, non_joining, known, named)
        if cut is None:
            split.append(token)
            continue
        first, second = token.text[:cut], token.text[cut:]
        split += [Token(token.start, token.start + cut, first, normalise(first).lower()),
                  Token(token.start + cut, token.end, second, normalise(second).lower())]
    return tuple(split)


def _glued_cut(word: str, markers, non_joining, known, named) -> int | None:
    def key(part):
        return normalise(part).lower()

    for marker in markers:
        cut = len(word) - len(marker)
        if cut >= MIN_GLUED_WORD and word.endswith(marker) and \
                (word[cut - 1].isdigit() or word[cut - 1] in non_joining and known(key(word[:cut]))):
            return cut
    return next((cut for cut in range(MIN_GLUED_WORD, len(word) - MIN_GLUED_WORD + 1)
                 if word[cut - 1] in non_joining and named(key(word[:cut])) and named(key(word[cut:]))), None)


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(phrase))


class PhraseIndex:
    """Phrases by their word keys in a trie, each with a value (by default the phrase itself):
    built once, it matches any number of sentences in time linear in their words."""

    _END = object()  # a node's slot for the value of the phrase that ends there

    def __init__(self, phrases=()):
        self._root: dict = {}
        items = phrases.items() if isinstance(phrases, dict) else ((p, p) for p in phrases)
        for phrase, value in items:
            self.add(phrase, value)

    def add(self, phrase, value):
        key = phrase_key(phrase) if isinstance(phrase, str) else phrase
        if not key:
            return
        node = self._root
        for word in key:
            node = node.setdefault(word, {})
        node.setdefault(self._END, value)  # the first of two spellings with one key stays

    def get(self, key: tuple[str, ...], default=None):
        """The value of the phrase with exactly these word keys."""
        node = self._root
        for word in key:
            node = node.get(word)
            if node is None:
                return default
        return node.get(self._END, default)

    def __contains__(self, key: tuple[str, ...]) -> bool:
        return self.get(key, self._END) is not self._END

    def longest_at(self, keys, i) -> tuple[int, object] | None:
        """(end, value) of the longest phrase that starts at keys[i], or None."""
        node, found = self._root, None
        for j in range(i, len(keys)):
            node = node.get(keys[j])
            if node is None:
                break
            if self._END in node:
                found = (j + 1, node[self._END])
        return found


def find_phrases(tokens, *phrase_sets):
    """Yield (first token index, end token index, value) for each whole-word occurrence,
    longest phrase first at each position, never overlapping. Each phrase set is a
    PhraseIndex, or phrases to index for this call (a dict maps phrases to values); across
    several sets the longest match wins, the earlier set on a tie."""
    indexes = [p if isinstance(p, PhraseIndex) else PhraseIndex(p) for p in phrase_sets]
    keys = [t.key for t in tokens]
    i = 0
    while i < len(keys):
        best = None
        for index in indexes:
            if keys[i] not in index._root:  # most words start no phrase: no call for them
                continue
            match = index.longest_at(keys, i)
            if match and (best is None or match[0] > best[0]):
                best = match
        if best:
            yield i, *best
            i = best[0]
        else:
            i += 1
