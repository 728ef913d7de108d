"""Per-language extraction rules, loaded from `lexicons/<language>.yaml`.

A language without a file gets an empty lexicon: its articles import with sentences,
known entities from the gazetteer, and nothing the rules would have found.
"""

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from .datafiles import read_yaml
from .tokens import phrase_key

LEXICON_DIR = Path(__file__).parent / "lexicons"


@dataclass(frozen=True)
class SpeechCue:
    cue: tuple[str, ...]
    speaker_markers: frozenset[str]
    # A verb that takes objects as often as statements ("denied them bail", "announced the
    # squad") reports a statement only with its complementiser ("denied that").
    needs_complementiser: bool = False
    # A participle ("saying", "adding") whose speaker is the subject the sentence opens with.
    participle: bool = False


@dataclass(frozen=True)
class Lexicon:
    language: str
    person_titles: tuple[tuple[str, ...], ...] = ()  # with the professions
    professions: tuple[tuple[str, ...], ...] = ()  # titles that never stand alone for a person
    stopwords: frozenset[str] = frozenset()
    organisation_heads_first: dict = field(default_factory=dict)  # phrase key -> kind
    organisation_heads_last: dict = field(default_factory=dict)
    speech_cues: tuple[SpeechCue, ...] = ()
    according_to: tuple[tuple[str, ...], ...] = ()
    document_speech: tuple[tuple[str, ...], ...] = ()
    document_words: frozenset[str] = frozenset()
    pronoun_speakers: tuple[tuple[str, ...], ...] = ()
    event_triggers: dict = field(default_factory=dict)  # phrase key -> event kind; "<lemma>" words stand for their forms
    contextual_triggers: dict = field(default_factory=dict)  # phrase key -> kind, only where its setting is named
    trigger_settings: dict = field(default_factory=dict)  # kind -> words that name its setting ("court")
    generic_determiners: frozenset[str] = frozenset()  # "every election" is no particular happening
    earlier_markers: tuple[tuple[str, ...], ...] = ()  # "اس سے قبل": the sentence tells of an earlier happening
    word_forms: dict = field(default_factory=dict)  # lemma -> phrase keys of its forms ("کرنا" -> کیا, کر لیا ...)
    inflections: tuple[tuple[str, str], ...] = ()  # (ending dropped, ending added) for a lemma with no listed forms
    weekdays: dict = field(default_factory=dict)
    months: dict = field(default_factory=dict)
    weekday_cues_after: frozenset[str] = frozenset()  # when given, a weekday is a date only before these ("ہفتہ کو", not "ایک ہفتہ")
    month_cues_before: frozenset[str] = frozenset()  # "in February": a month after these is a date
    month_cues_after: frozenset[str] = frozenset()  # "فروری میں": a month before these is a date
    spelled_years: dict = field(default_factory=dict)  # phrase key -> year ("دو ہزار تئیس": 2023)
    relative_years: dict = field(default_factory=dict)  # phrase key -> offset in years
    relative_days: dict = field(default_factory=dict)
    year_suffixes: tuple[str, ...] = ()
    spelled_year_cues: frozenset[str] = frozenset()  # a spelled year is one only beside these or a month
    case_markers: frozenset[str] = frozenset()
    # Words often written with no space after a letter that does not join the next, where
    # the gap does not show ("بورڈکی" for "بورڈ کی"), and those letters.
    glued_markers: frozenset[str] = frozenset()
    non_joining_letters: frozenset[str] = frozenset()
    subject_markers: frozenset[str] = frozenset()
    indefinites: frozenset[str] = frozenset()
    complementisers: frozenset[str] = frozenset()
    clause_breaks: tuple[tuple[str, ...], ...] = ()
    attribution_only: tuple[tuple[str, ...], ...] = ()  # "this was said": the sentence sources the last one
    number_words: frozenset[str] = frozenset()  # "three", "تین": a quantity written out
    work_nouns: frozenset[str] = frozenset()  # "film", "ڈرامہ": a quotation after them is a title
    negations: frozenset[str] = frozenset()  # a claim with one of these is negated ("not invited")
    factuality_cues: dict = field(default_factory=dict)  # phrase key -> factuality, first listed wins
    factuality_after_trigger: dict = field(default_factory=dict)  # phrase key -> factuality, right after a trigger
    factuality_suffixes: dict = field(default_factory=dict)  # word ending -> factuality ("करेंगे")
    factuality_window: tuple[int, int] = (4, 4)  # how many words before and after a trigger a cue may stand
    predicate_ends: frozenset[str] = frozenset()  # past or present auxiliaries after which no cue is the trigger's
    not_a_party_before: tuple[tuple[str, ...], ...] = ()  # "in", "about": a place or topic follows
    not_a_party_after: tuple[tuple[str, ...], ...] = ()  # "میں", "کے بارے میں" after a place or topic
    place_before: tuple[tuple[str, ...], ...] = ()  # of those, the ones that mark where it happened ("in")
    place_after: tuple[tuple[str, ...], ...] = ()  # ("میں"); "about Pakistan" is a topic
    party_markers: dict = field(default_factory=dict)  # phrase key -> kinds it makes a name a party of ("سے": meeting)
    markers_before_names: bool = False  # prepositions ("with X") rather than postpositions ("X سے")
    party_fillers: frozenset[str] = frozenset()  # words between a party and its happening ("X سے اہم ملاقات")
    genitive_markers: frozenset[str] = frozenset()  # "کا", "'s": "روس کے نائب وزیر" qualifies the minister
    relative_openers: tuple[tuple[str, ...], ...] = ()  # anywhere after a trigger: its topic follows ("جس میں")
    topic_openers: tuple[tuple[str, ...], ...] = ()  # after a trigger: what the happening was about follows
    content_cues: tuple[tuple[str, ...], ...] = ()
    adjunct_openers: frozenset[str] = frozenset()  # after a speech verb: when or where it was said ("said after the match")  # speech verbs that open what was said without a complementiser
    event_titles: dict = field(default_factory=dict)  # kind (or "default") -> template; see events.event_title
    demonstratives: frozenset[str] = frozenset()
    government_words: frozenset[str] = frozenset()
    craft_words: frozenset[str] = frozenset()  # a name before or ending in one is a craft's, no one's
    wishes: tuple[tuple[str, ...], ...] = ()  # openings of a prayer or a wish, which states nothing
    team_words: tuple[tuple[str, ...], ...] = ()  # with a state's name, its national team ("ٹیم", "squad")
    sports: dict = field(default_factory=dict)  # phrase key -> the sport in English ("کرکٹ" -> cricket)
    team_groups: dict = field(default_factory=dict)  # phrase key -> English ("महिला" -> women's)
    event_blockers: tuple[tuple[str, ...], ...] = ()
    reference_determiners: frozenset[str] = frozenset()
    addressee_cues: frozenset[str] = frozenset()
    # How the language writes names and attributes speech:
    capitalised_names: bool = False  # names are capitalised words (and `name_links` between them)
    name_links: frozenset[str] = frozenset()  # "of" in "Ministry of Natural Resources"
    # Where a title's place stands: "बांदा जिलाधिकारी", "Punjab Chief Minister" (before);
    # "کمشنر کراچی", "گورنر سندھ" (after). The place is then part of the title.
    place_before_titles: bool = False
    place_after_titles: bool = False
    appositive_names: bool = False  # "Daniel Okafor, deputy executive secretary"
    longest_name_before_head: int = 4  # words of an organisation name before its head word
    speaker_before_verb: bool = False  # "X said CONTENT": no case marker after the speaker
    according_to_before_source: bool = False  # "according to X, CONTENT" (not "X کے مطابق")
    # Recognising names without a title:
    non_name_words: frozenset[str] = frozenset()  # verbs, common nouns, places: never in a name
    term_words: frozenset[str] = frozenset()  # "Cash Reserve Ratio (CRR)", "(एमएसएफ) दर": an acronym of a term, no body
    verb_forms: frozenset[str] = frozenset()  # "لیکر", "करके": never in the name of a person or a body
    place_nouns_after: frozenset[str] = frozenset()  # "Seraikela district", "बांदा जिले": the words before name a place
    place_nouns_before: frozenset[str] = frozenset()  # "ضلع جھنگ": the words after name a place
    place_name_words: frozenset[str] = frozenset()  # "احمد پور", "गांधी नगर": they end a place's name
    place_name_endings: tuple[str, ...] = ()  # "بہاولپور", "जयपुर": an unknown word ending so is a place
    honorifics_after: frozenset[str] = frozenset()  # "صاحب", "जी": after a name, a person's
    conjunctions: frozenset[str] = frozenset()  # "اور", "and": between the names of a list
    letter_names: frozenset[str] = frozenset()  # initials spelled out: "آر", "के" in "आर.के."

    @cached_property
    def title_words(self) -> frozenset[str]:
        return frozenset(word for title in self.person_titles for word in title)


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names the file and the reason."""


def _keys(phrases):
    if not all(isinstance(p, str) for p in phrases):
        raise ValueError(f"Lexicon phrases must be strings (quote YAML words like 'on'): {phrases!r}")
    return tuple(dict.fromkeys(k for k in map(phrase_key, phrases) if k))


def _words(words):
    return frozenset(k[0] for k in _keys(words))


def _single_words(words):
    phrases = [w for w in words if len(phrase_key(w)) > 1] if all(isinstance(w, str) for w in words) else []
    if phrases:
        raise ValueError(f"single words expected, not phrases: {', '.join(phrases)}")
    return _words(words)


def _keyed(mapping):
    return {phrase_key(phrase): value for phrase, value in mapping.items() if phrase_key(phrase)}


def _by_kind(groups):
    return {phrase_key(p): kind for kind, phrases in groups.items() for p in phrases if phrase_key(p)}


def _first_listed(groups):
    """{kind: [phrases]} -> {phrase key: kind}, a phrase keeping the first kind it is listed under."""
    keyed = {}
    for kind, phrases in groups.items():
        for key in _keys(phrases):
            keyed.setdefault(key, kind)
    return keyed


def _pattern_key(phrase):
    """A phrase's word keys, a word written "<lemma>" kept as it is: it stands for each form of
    the lemma (see rules.inflected)."""
    if not isinstance(phrase, str):
        raise ValueError(f"Lexicon phrases must be strings (quote YAML words like 'on'): {phrase!r}")
    key = []
    for word in phrase.split():
        key.extend([word] if word.startswith("<") and word.endswith(">") else phrase_key(word))
    return tuple(key)


def _patterns(phrases):
    return tuple(dict.fromkeys(key for key in map(_pattern_key, phrases) if key))


def _word_groups(groups):
    return {kind: _words(words) for kind, words in groups.items()}


def _triggers(groups):
    return {_pattern_key(p): kind for kind, phrases in groups.items() for p in phrases if _pattern_key(p)}


def _forms(lemmas):
    return {lemma: _keys(forms) for lemma, forms in lemmas.items()}


def _inflections(pairs):
    return tuple((str(drop or ""), str(add or "")) for drop, add in pairs)


def _kinds_by_phrase(groups):
    """{kind: [phrases]} -> {phrase key: the kinds it is listed under}."""
    kinds = {}
    for kind, phrases in groups.items():
        for key in _keys(phrases):
            kinds[key] = kinds.get(key, ()) + (kind,)
    return kinds


def _suffixes(groups):
    return {suffix: kind for kind, suffixes in groups.items() for suffix in suffixes}


def _window(words):
    before, after = words
    return int(before), int(after)


def _titles(titles):
    if not isinstance(titles, dict) or "default" not in titles:
        raise ValueError("event_titles needs a 'default' template")
    return dict(titles)


def _speech_cues(cues):
    return tuple(SpeechCue(phrase_key(c["cue"]), _words(c.get("speaker_marker", [])), bool(c.get("needs_complementiser")),
                           bool(c.get("participle"))) for c in cues)


# How each YAML key becomes a Lexicon field.
READERS = {
    "person_titles": _keys, "professions": _keys, "stopwords": _words, "organisation_heads_first": _by_kind,
    "organisation_heads_last": _by_kind, "speech_cues": _speech_cues, "according_to": _keys,
    "document_speech": _keys, "document_words": _words, "pronoun_speakers": _keys,
    "event_triggers": _triggers, "contextual_triggers": _triggers,
    "trigger_settings": _word_groups,
    "generic_determiners": _words, "earlier_markers": _keys, "word_forms": _forms, "inflections": _inflections, "weekdays": _keyed, "months": _keyed, "month_cues_before": _words, "weekday_cues_after": _words, "month_cues_after": _words,
    "spelled_years": _keyed, "relative_years": _keyed,
    "relative_days": _keyed, "year_suffixes": tuple, "spelled_year_cues": _words, "case_markers": _words, "subject_markers": _words,
    "glued_markers": _words, "non_joining_letters": frozenset,
    "indefinites": _words, "complementisers": _words, "clause_breaks": _keys,
    "attribution_only": _keys, "negations": _words, "number_words": _words, "work_nouns": _words, "factuality_cues": _first_listed, "factuality_suffixes": _suffixes, "factuality_after_trigger": _first_listed, "factuality_window": _window, "predicate_ends": _words,
    "not_a_party_before": _keys, "not_a_party_after": _keys, "place_before": _keys, "place_after": _keys,
    "party_markers": _kinds_by_phrase, "markers_before_names": bool, "party_fillers": _words, "genitive_markers": _words,
    "topic_openers": _keys, "relative_openers": _keys, "content_cues": _keys, "adjunct_openers": _words, "event_titles": _titles, "demonstratives": _words, "government_words": _words,
    "team_words": _keys, "wishes": _keys, "craft_words": _single_words, "sports": _by_kind, "team_groups": _by_kind,
    "event_blockers": _patterns, "reference_determiners": _words, "addressee_cues": _words,
    "capitalised_names": bool, "place_before_titles": bool, "place_after_titles": bool, "name_links": _words, "appositive_names": bool,
    "longest_name_before_head": int, "speaker_before_verb": bool, "according_to_before_source": bool,
    "non_name_words": _single_words, "verb_forms": _single_words, "term_words": _single_words, "place_nouns_after": _single_words, "place_nouns_before": _single_words, "place_name_words": _single_words, "place_name_endings": tuple, "honorifics_after": _single_words, "letter_names": _single_words, "conjunctions": _single_words,
}


def read_lexicon(language: str, data: dict, path="") -> Lexicon:
    """A lexicon from its YAML data; unknown keys are refused, so a misspelt rule is not lost."""
    unknown = sorted(set(data) - set(READERS))
    if unknown:
        raise LexiconError(f"{path or language}: unknown lexicon keys: {', '.join(unknown)}")
    try:
        fields = {key: READERS[key](value) for key, value in data.items()}
        fields["person_titles"] = tuple(dict.fromkeys(fields.get("person_titles", ()) + fields.get("professions", ())))
        return Lexicon(language, **fields)
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise LexiconError(f"{path or language}: {error}") from error


@cache
def lexicon_for(language: str) -> Lexicon:
    path = LEXICON_DIR / f"{language}.yaml"
    if not path.exists():
        return Lexicon(language)
    return read_lexicon(language, read_yaml(path) or {}, path)
