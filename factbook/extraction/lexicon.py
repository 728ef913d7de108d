"""Per-language extraction rules, loaded from `lexicons/<language>.yaml`.

A language without a file gets an empty lexicon: its articles import with sentences,
known entities from the gazetteer, and nothing the rules would have found.
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from .tokens import phrase_key

LEXICON_DIR = Path(__file__).parent / "lexicons"


@dataclass(frozen=True)
class SpeechCue:
    cue: tuple[str, ...]
    speaker_markers: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    language: str
    person_titles: tuple[tuple[str, ...], ...] = ()
    stopwords: frozenset[str] = frozenset()
    organisation_heads_first: dict = field(default_factory=dict)  # phrase key -> kind
    organisation_heads_last: dict = field(default_factory=dict)
    speech_cues: tuple[SpeechCue, ...] = ()
    according_to: tuple[tuple[str, ...], ...] = ()
    document_speech: tuple[tuple[str, ...], ...] = ()
    document_words: frozenset[str] = frozenset()
    pronoun_speakers: tuple[tuple[str, ...], ...] = ()
    event_triggers: dict = field(default_factory=dict)  # phrase key -> event kind
    weekdays: dict = field(default_factory=dict)
    months: dict = field(default_factory=dict)
    relative_years: dict = field(default_factory=dict)  # phrase key -> offset in years
    relative_days: dict = field(default_factory=dict)
    year_suffixes: tuple[str, ...] = ()
    case_markers: frozenset[str] = frozenset()
    subject_markers: frozenset[str] = frozenset()
    indefinites: frozenset[str] = frozenset()
    complementisers: frozenset[str] = frozenset()
    clause_breaks: tuple[tuple[str, ...], ...] = ()
    unrealised: frozenset[str] = frozenset()
    unrealised_suffixes: tuple[str, ...] = ()
    demonstratives: frozenset[str] = frozenset()
    government_words: frozenset[str] = frozenset()
    event_blockers: tuple[tuple[str, ...], ...] = ()
    reference_determiners: frozenset[str] = frozenset()
    addressee_cues: frozenset[str] = frozenset()

    @property
    def title_words(self) -> frozenset[str]:
        return frozenset(word for title in self.person_titles for word in title)


def _keys(phrases):
    if not all(isinstance(p, str) for p in phrases):
        raise ValueError(f"Lexicon phrases must be strings (quote YAML words like 'on'): {phrases!r}")
    return tuple(dict.fromkeys(k for k in map(phrase_key, phrases) if k))


def _words(words):
    return frozenset(k[0] for k in _keys(words))


def _keyed(mapping):
    return {phrase_key(phrase): value for phrase, value in mapping.items() if phrase_key(phrase)}


def _by_kind(groups):
    return {phrase_key(p): kind for kind, phrases in groups.items() for p in phrases if phrase_key(p)}


@cache
def lexicon_for(language: str) -> Lexicon:
    path = LEXICON_DIR / f"{language}.yaml"
    if not path.exists():
        return Lexicon(language)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Lexicon(
        language=language,
        person_titles=_keys(data.get("person_titles", [])),
        stopwords=_words(data.get("stopwords", [])),
        organisation_heads_first=_by_kind(data.get("organisation_heads_first", {})),
        organisation_heads_last=_by_kind(data.get("organisation_heads_last", {})),
        speech_cues=tuple(
            SpeechCue(phrase_key(c["cue"]), _words(c.get("speaker_marker", [])))
            for c in data.get("speech_cues", [])
        ),
        according_to=_keys(data.get("according_to", [])),
        document_speech=_keys(data.get("document_speech", [])),
        document_words=_words(data.get("document_words", [])),
        pronoun_speakers=_keys(data.get("pronoun_speakers", [])),
        event_triggers=_by_kind(data.get("event_triggers", {})),
        weekdays=_keyed(data.get("weekdays", {})),
        months=_keyed(data.get("months", {})),
        relative_years=_keyed(data.get("relative_years", {})),
        relative_days=_keyed(data.get("relative_days", {})),
        year_suffixes=tuple(data.get("year_suffixes", [])),
        case_markers=_words(data.get("case_markers", [])),
        subject_markers=_words(data.get("subject_markers", [])),
        indefinites=_words(data.get("indefinites", [])),
        complementisers=_words(data.get("complementisers", [])),
        clause_breaks=_keys(data.get("clause_breaks", [])),
        unrealised=_words(data.get("unrealised", [])),
        unrealised_suffixes=tuple(data.get("unrealised_suffixes", [])),
        demonstratives=_words(data.get("demonstratives", [])),
        government_words=_words(data.get("government_words", [])),
        event_blockers=_keys(data.get("event_blockers", [])),
        reference_determiners=_words(data.get("reference_determiners", [])),
        addressee_cues=_words(data.get("addressee_cues", [])),
    )
