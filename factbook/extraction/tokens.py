"""Word tokens with their offsets, and whole-word phrase matching.

Words are runs of letters, combining marks and digits (Devanagari vowel signs are marks, so
Python's `\\w` would cut words apart). A dot inside a number or after a single letter keeps the
word whole ("3.5", "U.S"); hyphens and apostrophes separate words, so that "Russia-Pakistan"
and "रूस-यूक्रेन" name two countries and "Pakistan's" names one.
"""

from dataclasses import dataclass
from functools import lru_cache

import regex

from factbook.entities.names import normalise


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # normalised, lower-case form used for matching


# Runs of word characters; dots inside a word then join two runs (`tokenize`). The `regex`
# module's classes, as `re` has none for combining marks.
_WORD_RUN = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def _joins(text: str, dot: int, start: int) -> bool:
    """Whether the dot at `dot`, between two runs of word characters, sits inside a word: in a
    number or after a single letter, never between sentences."""
    return text[dot] == "." and (text[dot - 1].isdigit() and text[dot + 1].isdigit() or dot - start == 1)


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The matching form of one word (cached: an article's words are mostly ones seen before)."""
    return normalise(word).lower()


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    spans = []  # (start, end) of each word
    for run in _WORD_RUN.finditer(text):
        if spans and run.start() == spans[-1][1] + 1 and _joins(text, spans[-1][1], spans[-1][0]):
            spans[-1] = (spans[-1][0], run.end())
        else:
            spans.append(run.span())
    return tuple(Token(start, end, text[start:end], word_key(text[start:end])) for start, end in spans)


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
        split += [Token(token.start, token.start + cut, first, word_key(first)),
                  Token(token.start + cut, token.end, second, word_key(second))]
    return tuple(split)


def _glued_cut(word: str, markers, non_joining, known, named) -> int | None:
    for marker in markers:
        cut = len(word) - len(marker)
        if cut >= MIN_GLUED_WORD and word.endswith(marker) and \
                (word[cut - 1].isdigit() or word[cut - 1] in non_joining and known(word_key(word[:cut]))):
            return cut
    return next((cut for cut in range(MIN_GLUED_WORD, len(word) - MIN_GLUED_WORD + 1)
                 if word[cut - 1] in non_joining and named(word_key(word[:cut])) and named(word_key(word[cut:]))), None)


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
    roots = [index._root for index in indexes]
    # Most words start no phrase: only the others are looked at (this runs for every sentence
    # and lexicon list, so the words are sifted in one comprehension rather than one by one).
    if len(roots) == 1:
        starts = [i for i, key in enumerate(keys) if key in roots[0]]
    else:
        starts = [i for i, key in enumerate(keys) if any(key in root for root in roots)]
    matched_to = 0  # matches never overlap
    for i in starts:
        if i < matched_to:
            continue
        best = None
        for index in indexes:
            match = index.longest_at(keys, i)
            if match and (best is None or match[0] > best[0]):
                best = match
        if best:
            yield i, *best
            matched_to = best[0]
