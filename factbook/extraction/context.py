"""What extraction knows of one article while its stages run: the article's sentences with
their words (tokenised once), the language's rules, and the mentions found so far.

Mentions get stable ids in the order they are found; removing one never renumbers the others.
Each word of a sentence belongs to one mention at most, and the table records which, so
checking whether a span is still free costs the span's length, not the number of mentions.
"""

import datetime as dt
import itertools
from dataclasses import dataclass, field

from factbook.kinds import SentenceKind

from .records import FoundMention
from .rules import Rules
from .segment import Segment
from .tokens import PhraseIndex, Token, split_glued, tokenize


@dataclass(frozen=True)
class Sentence:
    index: int  # into the article's segments
    text: str
    kind: SentenceKind
    tokens: tuple[Token, ...]
    opens_paragraph: bool  # a line break separates it from the sentence before

    def words(self, first: int, end: int) -> str:
        """The text from token `first` to the end of token `end - 1`."""
        return self.text[self.tokens[first].start : self.tokens[end - 1].end]


class Mentions:
    """The article's mentions by stable id, and which mention each word belongs to."""

    def __init__(self, sentences: list[Sentence]):
        self._found: dict[int, FoundMention] = {}
        self._words: dict[int, tuple[int, int]] = {}  # id -> (first, end) token of its sentence
        self._owners: list[list[int | None]] = [[None] * len(s.tokens) for s in sentences]
        self._ids = itertools.count()

    def add(self, sentence: Sentence, first: int, end: int, **fields) -> int | None:
        """A new mention of tokens first..end-1, or None when a word of it belongs to another."""
        owners = self._owners[sentence.index]
        if any(owner is not None for owner in owners[first:end]):
            return None
        mention_id = next(self._ids)
        self._found[mention_id] = FoundMention(sentence.index, sentence.tokens[first].start,
                                               sentence.tokens[end - 1].end, sentence.words(first, end), **fields)
        self._words[mention_id] = (first, end)
        owners[first:end] = [mention_id] * (end - first)
        return mention_id

    def remove(self, mention_id: int):
        mention = self._found.pop(mention_id)
        first, end = self._words.pop(mention_id)
        self._owners[mention.sentence][first:end] = [None] * (end - first)

    def __getitem__(self, mention_id: int) -> FoundMention:
        return self._found[mention_id]

    def __iter__(self):
        """Ids in the order the mentions were found."""
        return iter(self._found)

    def words_of(self, mention_id: int) -> tuple[int, int]:
        return self._words[mention_id]

    def owner(self, sentence: int, token: int) -> int | None:
        return self._owners[sentence][token]

    def overlapping(self, sentence: int, first: int, end: int) -> list[int]:
        """Ids of the mentions with a word among tokens first..end-1, in text order."""
        return [m for m in dict.fromkeys(self._owners[sentence][first:end]) if m is not None]

    def within(self, sentence: int, first: int = 0, end: int | None = None) -> list[int]:
        """Ids of the mentions wholly among tokens first..end-1, in text order."""
        end = len(self._owners[sentence]) if end is None else end
        return [m for m in self.overlapping(sentence, first, end)
                if first <= self._words[m][0] and self._words[m][1] <= end]

    def in_text_order(self) -> list[int]:
        return sorted(self._found, key=lambda m: (self._found[m].sentence, self._found[m].start))


@dataclass
class ArticleContext:
    text: str
    sentences: list[Sentence]
    published_on: dt.date | None
    rules: Rules
    known_names: PhraseIndex  # person names the database knows, keyed by their words
    mentions: Mentions = None
    abbreviated: set[int] = field(default_factory=set)  # ids of full names an acronym points to
    word_kinds: dict[int, list[str]] = field(default_factory=dict)  # sentence -> its words' name-word kinds

    def __post_init__(self):
        self.mentions = Mentions(self.sentences)

    @property
    def lexicon(self):
        return self.rules.lexicon


def article_context(text: str, segments: list[Segment], published_on, rules: Rules,
                    known_names: PhraseIndex) -> ArticleContext:
    lexicon = rules.lexicon
    sentences = [
        Sentence(n, text[s.start : s.end], s.kind, split_glued(tokenize(text[s.start : s.end]), lexicon.glued_markers,
                                                               lexicon.non_joining_letters, rules.knows_noun,
                                                               rules.names_or_titles),
                 n > 0 and "\n" in text[segments[n - 1].end : s.start])
        for n, s in enumerate(segments)
    ]
    return ArticleContext(text, sentences, published_on, rules, known_names)
