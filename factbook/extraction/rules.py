"""A language's lexicon joined with the gazetteer: the tables every stage matches against,
built once per language and run, never per article."""

from dataclasses import dataclass, field
from itertools import product

from .gazetteer import Gazetteer, KnownOrganisation
from .lexicon import Lexicon
from .nameparts import NamePartLexicon, load_name_parts
from .tokens import PhraseIndex, phrase_key

BLOCKED = "blocked"  # the event kind of a phrase that holds a trigger but reports no happening
# The lexicon lists (`Rules.word_classes`) of nouns, and of words that are none.
NAMING_CLASSES = frozenset({"head", "title", "profession"})
NOUN_CLASSES = NAMING_CLASSES | {"month", "weekday", "non_name", "demonym", "government"}
FUNCTION_CLASSES = frozenset({"verb", "stopword", "case", "subject", "conjunction", "negation", "complementiser"})
# Per-word results a run of the rules keeps (`Rules.per_word`); beyond this many all are
# forgotten at once, so that a worker importing for months keeps a bounded memory.
MAX_REMEMBERED_WORDS = 200_000


@dataclass(frozen=True)
class Rules:
    lexicon: Lexicon
    organisations: PhraseIndex  # alias words -> KnownOrganisation
    demonyms: frozenset[str]  # "روسی", "भारतीय": adjectives of a known state
    states_by_demonym: dict[str, KnownOrganisation]  # "پاکستانی" -> Pakistan
    places: PhraseIndex  # alias words -> the place's name
    person_titles: PhraseIndex
    heads_first: PhraseIndex  # organisation head words -> kind
    heads_last: PhraseIndex
    team_words: PhraseIndex  # "team", "ٹیم": with a state's name, its national team
    sports: PhraseIndex  # sport words -> the sport in English
    team_groups: PhraseIndex  # "women's", "महिला" -> English
    speech_cues: PhraseIndex  # cue words -> (its place in the lexicon's list, SpeechCue)
    event_triggers: PhraseIndex  # phrase words -> event kind, or BLOCKED ("press conference")
    contextual_triggers: PhraseIndex  # phrase words -> (event kind,): a happening where its setting is named
    name_parts: NamePartLexicon  # given and family names, particles, in every script
    not_names: frozenset[str]  # words that are certainly not part of a person's name
    name_followers: frozenset[str]  # words after a name that make it a person's ("نے", "said", "جی")
    date_words: frozenset[str]  # months, weekdays, "today": never a word of an organisation's name
    word_classes: dict[str, tuple[str, ...]]  # word -> the lexicon lists that hold it, for the tagger
    remembered: dict = field(default_factory=dict, compare=False, repr=False)  # for `per_word`

    def per_word(self, key: tuple, compute):
        """`compute()` for a fact about one word that depends on nothing but the word and these
        rules (`key` names the fact and the word), worked out once per run: an article's words
        are mostly words earlier articles had."""
        if key not in self.remembered:
            if len(self.remembered) >= MAX_REMEMBERED_WORDS:
                self.remembered.clear()
            self.remembered[key] = compute()
        return self.remembered[key]

    def knows_noun(self, key: str) -> bool:
        """Whether the word is a name part, a one-word place or organisation, or a noun the
        lexicon lists (a title, an organisation's head, a month ...), and no verb or function word."""
        classes = self.word_classes.get(key, ())
        if FUNCTION_CLASSES.intersection(classes):
            return False
        return self.names_or_titles(key) or bool(NOUN_CLASSES.intersection(classes))

    def names_or_titles(self, key: str) -> bool:
        """Whether the word is a name part, a one-word place or organisation, a title or an
        organisation's head word."""
        return key in self.name_parts or (key,) in self.organisations or (key,) in self.places \
            or bool(NAMING_CLASSES.intersection(self.word_classes.get(key, ())))

    def known_organisation(self, key: tuple[str, ...]) -> KnownOrganisation | None:
        return self.organisations.get(key)


def forms_of(lemma: str, lexicon: Lexicon) -> list[tuple[str, ...]]:
    """The word keys of each form of a lemma: those the lexicon lists ("کرنا": کیا, کی, کر لیا),
    else the lemma and its regular inflections ("arrest": arrests, arrested, arresting)."""
    listed = lexicon.word_forms.get(lemma)
    if listed is not None:
        return list(listed)
    key = phrase_key(lemma)
    if len(key) != 1:
        return [key] if key else []
    word = key[0]
    return list(dict.fromkeys([key, *((word[: len(word) - len(drop)] + add,) for drop, add in lexicon.inflections
                                      if word.endswith(drop) and len(word) > len(drop))]))


def inflected(lexicon: Lexicon, phrases: dict) -> dict:
    """Phrase keys with their "<lemma>" words replaced by each form: {"<meet> with": kind} gives
    "meets with", "met with" ... each with the kind."""
    expanded = {}
    for key, value in phrases.items():
        choices = [forms_of(word[1:-1], lexicon) if word.startswith("<") else [(word,)] for word in key]
        for parts in product(*choices):
            expanded.setdefault(tuple(word for part in parts for word in part), value)
    return expanded


def _not_names(lexicon: Lexicon, aliases, places, demonyms, triggers) -> frozenset[str]:
    """The lexicon's non-name words, and every word the rules know to be something else:
    function words, titles, dates, organisation heads, one-word names of places and states."""
    phrases = [*lexicon.organisation_heads_first, *lexicon.organisation_heads_last, *lexicon.months,
               *lexicon.weekdays, *lexicon.relative_days, *triggers, *lexicon.factuality_cues,
               *(key for key in [*aliases, *places] if len(key) == 1),
               *((word,) for pronoun in lexicon.pronoun_speakers for word in pronoun)]  # "انہوں نے"
    return frozenset().union(
        lexicon.non_name_words, lexicon.verb_forms, lexicon.stopwords, lexicon.title_words, lexicon.case_markers,
        lexicon.subject_markers, lexicon.indefinites, lexicon.complementisers, lexicon.document_words,
        lexicon.government_words, lexicon.demonstratives, demonyms,
        (key[0] for key in phrases if len(key) == 1),
    )


def _word_classes(lexicon: Lexicon, demonyms, triggers) -> dict[str, tuple[str, ...]]:
    """Each lexicon word with the names of the lists that hold it ("نے": case, subject, stopword)."""
    def first_words(phrases):
        return {key[0] for key in phrases if len(key) == 1}

    lists = {
        "stopword": lexicon.stopwords, "title": lexicon.title_words, "case": lexicon.case_markers,
        "subject": lexicon.subject_markers, "honorific": lexicon.honorifics_after,
        "conjunction": lexicon.conjunctions, "indefinite": lexicon.indefinites,
        "complementiser": lexicon.complementisers, "document": lexicon.document_words,
        "government": lexicon.government_words, "demonstrative": lexicon.demonstratives,
        "determiner": lexicon.reference_determiners, "non_name": lexicon.non_name_words, "verb": lexicon.verb_forms,
        "link": lexicon.name_links, "negation": lexicon.negations, "addressee": lexicon.addressee_cues,
        "demonym": demonyms, "profession": {word for title in lexicon.professions for word in title},
        "speech": {cue.cue[0] for cue in lexicon.speech_cues},
        "month": first_words(lexicon.months), "weekday": first_words(lexicon.weekdays),
        "day": first_words(lexicon.relative_days), "trigger": first_words(triggers),
        "head": first_words([*lexicon.organisation_heads_first, *lexicon.organisation_heads_last]),
    }
    classes: dict[str, list[str]] = {}
    for name, words in lists.items():
        for word in words:
            classes.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in classes.items()}


def rules_for(lexicon: Lexicon, gazetteer: Gazetteer, name_parts: NamePartLexicon | None = None) -> Rules:
    aliases = {key: org for org in gazetteer.organisations for key in map(phrase_key, org.aliases) if key}
    aliases.update({  # "روسی حکومت", "भारत सरकार", "Pakistan government" name the state
        (*phrase_key(name), word): org
        for org in gazetteer.organisations if org.kind == "state"
        for name in (*org.demonyms, *org.aliases) for word in lexicon.government_words
    })
    states_by_demonym = {key[0]: org for org in gazetteer.organisations if org.kind == "state"
                         for key in map(phrase_key, org.demonyms) if len(key) == 1}
    demonyms = frozenset(key[0] for org in gazetteer.organisations for key in map(phrase_key, org.demonyms) if key)
    places = {key: p.name for p in gazetteer.places for key in map(phrase_key, p.aliases) if key}
    triggers = inflected(lexicon, lexicon.event_triggers)
    return Rules(
        lexicon=lexicon,
        organisations=PhraseIndex(aliases),
        demonyms=demonyms,
        states_by_demonym=states_by_demonym,
        places=PhraseIndex(places),
        person_titles=PhraseIndex(lexicon.person_titles),
        heads_first=PhraseIndex(lexicon.organisation_heads_first),
        heads_last=PhraseIndex(lexicon.organisation_heads_last),
        team_words=PhraseIndex(lexicon.team_words),
        sports=PhraseIndex(lexicon.sports),
        team_groups=PhraseIndex(lexicon.team_groups),
        speech_cues=PhraseIndex({cue.cue: (order, cue) for order, cue in reversed(list(enumerate(lexicon.speech_cues)))}),
        # The longer blocker wins over the trigger inside it: "प्रेस वार्ता" is no "वार्ता".
        event_triggers=PhraseIndex({**inflected(lexicon, dict.fromkeys(lexicon.event_blockers, BLOCKED)), **triggers}),
        contextual_triggers=PhraseIndex({key: (kind,) for key, kind in inflected(lexicon, lexicon.contextual_triggers).items()}),
        name_parts=load_name_parts() if name_parts is None else name_parts,
        not_names=_not_names(lexicon, aliases, places, demonyms, triggers),
        name_followers=lexicon.honorifics_after | lexicon.subject_markers | {cue.cue[0] for cue in lexicon.speech_cues},
        date_words=frozenset(key[0] for key in [*lexicon.months, *lexicon.weekdays, *lexicon.relative_days] if len(key) == 1),
        word_classes=_word_classes(lexicon, demonyms, triggers),
    )
