"""A learned tagger for the names the rules are least sure of: a conditional random field
(CRFsuite) over what the lexicons and the gazetteer say of each word and of its neighbours.

Of a word the lexicons do not list it sees only its last two letters (endings tell inflected
words, "देशों", from names), never the word itself; otherwise evidence that holds across
topics and languages: the script, capitals, whether the name-part lexicon knows the word
and as what, which lexicon lists hold it (titles, case markers, months, verbs ...), the
punctuation around it, its place in the sentence and the mentions found beside it.
Lexicon words ("نے", "said", "जी") are features by themselves.

The certain stages run first (acronyms, known names, organisations, titles); the tagger
labels each run of words they left free that holds a possible name word, as a person's or
an organisation's name. The model (`recogniser.crfsuite`) is trained by `manage.py
train_recogniser` from articles written for it and ships in the package; nothing is
downloaded. `scripts/crossvalidate-tagger` chooses its confidence thresholds.
"""

import threading
from collections import Counter
from pathlib import Path

import pycrfsuite

from factbook.entities.names import script_code
from factbook.kinds import OrganisationKind, SentenceKind
from factbook.sources.languages import script_of

from .context import ArticleContext, Sentence
from .recognise import (
    KNOWN_KINDS,
    MAX_NAME_WORDS,
    cased,
    joined,
    names_a_craft,
    opens_no_name,
    sentence_name_word_kinds,
    title_cased,
)
from .tokens import find_phrases

MODEL_PATH = Path(__file__).parent / "recogniser.crfsuite"
# Fixed, so that the same articles always give the same model.
TRAINING_PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}
# Below these, a name the model proposes is left to the rules: a person's with a word the
# name-part lexicon knows, and any other name (chosen by scripts/crossvalidate-tagger: on the
# 181 training articles every pair from 0.4 to 0.9 gave persons F1 0.79-0.81, organisations
# did best at 0.5).
MIN_CONFIDENCE = 0.5
MIN_CONFIDENCE_UNKNOWN = 0.5
WINDOW = (-2, -1, 1, 2)  # neighbours whose features a word's item carries
OUTSIDE = "O"
ENTITY_TYPES = ("person", "organisation")
GAPS = {",": ",", "،": ",", "(": "(", ")": ")", ":": ":", "-": "-", ".": ".", "۔": ".", "।": ".",
        '"': "quote", "“": "quote", "”": "quote", "‘": "quote", "’": "quote", "'": "quote"}


def _shape(word: str) -> str:
    """"Xx" for "Chopra", "X.X" for "A.R", "XX" for "PCB"; runs of one kind of letter collapsed."""
    shape = []
    for char in word:
        mark = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not shape or shape[-1] != mark:
            shape.append(mark)
    return "".join(shape)


def word_features(ctx: ArticleContext, token, kind: str) -> list[str]:
    """What the lexicons say of one word, wherever it stands; `kind` is its name-word kind
    (`recognise.name_word_kind`)."""
    classes = ctx.rules.word_classes.get(token.key, ())
    features = [f"s={script_code(token.text)}", f"k={kind}", f"len={min(len(token.text), 6)}"]
    if len(token.text) > 2 and not classes:  # word endings tell inflected words from names ("देशों")
        features += [f"suf1={token.key[-1:]}", f"suf2={token.key[-2:]}"]
    if token.text[0].isupper() or token.text[0].islower():
        features.append(f"sh={_shape(token.text)}")
    elif any(c.isdigit() for c in token.text):
        features.append("sh=d")
    part = ctx.rules.name_parts.lookup(token.text)
    if part:
        features.append(f"np={part.role}")
    features += [f"c={c}" for c in classes]
    if classes:
        features.append(f"w={token.key}")
    return features


def _gap(text: str) -> str:
    """The punctuation between two words, as one of a few kinds."""
    marks = [GAPS.get(char, "other") for char in text if not char.isspace()]
    return marks[0] if marks else ""


class SentenceFeatures:
    """The CRF items of a sentence's words, each built when first asked for: a word's own
    features, its phrases and neighbouring mentions, and those of its neighbours."""

    def __init__(self, ctx: ArticleContext, sentence: Sentence, kinds: list[str]):
        self.ctx, self.sentence, self.kinds = ctx, sentence, kinds
        self._place: dict[int, list[str]] = {}
        self._phrases = [[] for _ in sentence.tokens]
        rules = ctx.rules
        for name, index in (("title", rules.person_titles), ("org", rules.organisations), ("place", rules.places),
                            ("head", rules.heads_first), ("head", rules.heads_last)):
            for first, end, _ in find_phrases(sentence.tokens, index):
                self._phrases[first].append(f"p=B-{name}")
                for n in range(first + 1, end):
                    self._phrases[n].append(f"p=I-{name}")

    def _word(self, n: int, offset: int) -> list[str]:
        """The features of word n that hold wherever it stands, as a neighbour at `offset` sees them."""
        token, kind = self.sentence.tokens[n], self.kinds[n]
        return self.ctx.rules.per_word(
            ("tagger features", token.text, token.key, kind, offset),
            lambda: [f"{offset}:{f}" for f in self._word(n, 0)] if offset else word_features(self.ctx, token, kind))

    def _around(self, n: int) -> list[str]:
        """The features of word n's place: its phrases, the mention holding it, the punctuation before it."""
        if n not in self._place:
            tokens, text = self.sentence.tokens, self.sentence.text
            features = list(self._phrases[n])
            owner = self.ctx.mentions.owner(self.sentence.index, n)
            if owner is not None:
                mention = self.ctx.mentions[owner]
                features.append("m=role" if mention.role_reference else f"m={mention.entity_type}")
            before = _gap(text[tokens[n - 1].end : tokens[n].start]) if n else "start"
            if before:
                features.append(f"gap={before}")
            self._place[n] = features
        return self._place[n]

    def item(self, n: int) -> list[str]:
        features = [*self._word(n, 0), *self._around(n)]
        if self.sentence.kind != SentenceKind.BODY:
            features.append(f"sentence={self.sentence.kind}")
        for offset in WINDOW:
            m = n + offset
            if 0 <= m < len(self.sentence.tokens):
                features += self._word(m, offset)
                features += [f"{offset}:{f}" for f in self._around(m)]
            else:
                features.append(f"{offset}:edge")
        return features


def free_runs(ctx: ArticleContext, sentence: Sentence, kinds: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of words no mention holds that has a word which may be part of
    a name: what is left for the tagger."""
    runs, first = [], None
    for n in range(len(sentence.tokens) + 1):
        free = n < len(sentence.tokens) and ctx.mentions.owner(sentence.index, n) is None
        if free and first is None:
            first = n
        elif not free and first is not None:
            if any(kind != "no" for kind in kinds[first:n]):
                runs.append((first, n))
            first = None
    return runs


def runs_to_tag(ctx: ArticleContext, sentence: Sentence):
    """(first, end, CRF items, name-word kinds of the sentence) of each free run."""
    kinds = sentence_name_word_kinds(ctx, sentence)
    runs = free_runs(ctx, sentence, kinds)
    features = SentenceFeatures(ctx, sentence, kinds) if runs else None
    return [(first, end, [features.item(n) for n in range(first, end)], kinds) for first, end in runs]


def labelled_spans(labels: list[str], offset: int = 0) -> list[tuple[int, int, str]]:
    """(first, end, entity type) of each labelled span of "B-type", "I-type" ... labels; an
    "I-" label after another type starts a span."""
    spans = []
    for n, label in enumerate(labels):
        if label == OUTSIDE:
            continue
        position, entity_type = label.split("-", 1)
        if position == "I" and spans and spans[-1][1] == offset + n and spans[-1][2] == entity_type:
            spans[-1] = (spans[-1][0], offset + n + 1, entity_type)
        else:
            spans.append((offset + n, offset + n + 1, entity_type))
    return spans


def train(examples, path: Path = MODEL_PATH):
    """A model from (items, labels) sequences, in the order given."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(TRAINING_PARAMS)
    for items, labels in examples:
        trainer.append(items, labels)
    trainer.train(str(path))


_taggers = threading.local()  # a CRFsuite tagger keeps the last sequence it tagged: one per thread


def tagger(path: Path = MODEL_PATH) -> pycrfsuite.Tagger:
    loaded = getattr(_taggers, "by_path", None)
    if loaded is None:
        loaded = _taggers.by_path = {}
    if path not in loaded:
        loaded[path] = pycrfsuite.Tagger()
        loaded[path].open(str(path))
    return loaded[path]


def _possible_name(sentence: Sentence, kinds: list[str], first: int, end: int,
                   script: str) -> bool:
    """What the rules know vetoes the tagger: no word of a name is certainly something else
    (a month, a place, a verb), nothing but space separates its words, it ends with a given or
    family name, not a particle or an initial, and it is written in the script of the words
    around it (not a gloss: "रेपो दर (Repo Rate)")."""
    tokens = sentence.tokens
    return (all(kind != "no" for kind in kinds[first:end]) and kinds[end - 1] not in ("particle", "initial")
            and all(joined(sentence, a, b) for a, b in zip(tokens[first:end - 1], tokens[first + 1:end]))
            and script_of(tokens[first].text[0]) == script)


def _extended(ctx: ArticleContext, sentence: Sentence, kinds: list[str], first: int, end: int) -> tuple[int, int]:
    """The span with the free words joined to it on either side that the name-part lexicon
    knows as name words: the model often stops short of an initial or a known part
    ("ए आर रहमान", "Aditya Kumar Choudhary"). Initials are taken only as a whole run."""
    tokens, mentions = sentence.tokens, ctx.mentions

    def name_word(n: int, known_kinds) -> bool:
        return (0 <= n < len(tokens) and kinds[n] in known_kinds and mentions.owner(sentence.index, n) is None
                and cased(tokens[n].text) == cased(tokens[first].text))

    while (end - first < MAX_NAME_WORDS and name_word(first - 1, KNOWN_KINDS)
           and joined(sentence, tokens[first - 1], tokens[first])):
        first -= 1
    if first > 0 and kinds[first - 1] == "initial":  # initials cut from a longer run: "(سی) پی او خالد"
        while kinds[first] == "initial":
            first += 1
    while (end - first < MAX_NAME_WORDS and name_word(end, ("part", "joined", "particle"))
           and joined(sentence, tokens[end - 1], tokens[end])):
        end += 1
    return first, end


def tagged_spans(crf: pycrfsuite.Tagger, items) -> list[tuple[int, int, str, float]]:
    """(first, end, entity type, confidence) of each name the model finds in a run's items.
    The confidence that the span is a name is its least certain word's; its type is the one
    more probable over all its words: "Temitope Adeyemi said" is a name, of a person or a
    company by what the words around it say."""
    labels, spans = crf.tag(items), []
    for first, end, _ in labelled_spans(labels):
        words = range(first, end)
        confidence = min(1 - crf.marginal(OUTSIDE, n) for n in words)
        by_type = {t: sum(crf.marginal(f"{'B' if n == first else 'I'}-{t}", n) for n in words) for t in ENTITY_TYPES}
        spans.append((first, end, max(ENTITY_TYPES, key=by_type.get), confidence))
    return spans


def confident(entity_type: str, known: bool, confidence: float) -> bool:
    """Whether a tagged name is sure enough to be kept: `known` if the name-part lexicon knows a word of it."""
    return confidence >= (MIN_CONFIDENCE if known and entity_type == "person" else MIN_CONFIDENCE_UNKNOWN)


def find_tagged_names(ctx: ArticleContext, sentence: Sentence) -> list[int]:
    """Persons and organisations the tagger finds among the words the certain stages left free."""
    found, crf = [], tagger()
    title_case = title_cased(ctx, sentence)
    for first, end, items, kinds in runs_to_tag(ctx, sentence):
        script = Counter(script_of(t.text[0]) for t in sentence.tokens[first:end]).most_common(1)[0][0]
        for span_first, span_end, entity_type, confidence in tagged_spans(crf, items):
            span_first, span_end = first + span_first, first + span_end
            known = any(kind in KNOWN_KINDS for kind in kinds[span_first:span_end])
            if not confident(entity_type, known, confidence) \
                    or not _possible_name(sentence, kinds, span_first, span_end, script) \
                    or entity_type == "person" and opens_no_name(ctx, sentence.tokens[span_first]) \
                    or names_a_craft(ctx, sentence, span_first, span_end) \
                    or title_case and sum(kind in KNOWN_KINDS for kind in kinds[span_first:span_end]) < 2:
                continue  # in a title-case headline capitals are no evidence: two known parts are
            if entity_type == "person":
                span_first, span_end = _extended(ctx, sentence, kinds, span_first, span_end)
                while span_end - span_first > 1 and sentence.tokens[span_end - 1].key in ctx.lexicon.honorifics_after:
                    span_end -= 1  # "लता दीदी" is Lata: an honorific is no part of the name
                found.append(ctx.mentions.add(sentence, span_first, span_end, entity_type="person"))
            else:
                found.append(ctx.mentions.add(sentence, span_first, span_end, entity_type="organisation",
                                              organisation_kind=OrganisationKind.OTHER))
    return [m for m in found if m is not None]
