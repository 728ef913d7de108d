"""A language's lexicon joined with the gazetteer: the tables every stage matches against,
built once per language and run, never per article."""

from dataclasses import dataclass

from .gazetteer import Gazetteer, KnownOrganisation
from .lexicon import Lexicon
from .tokens import PhraseIndex, phrase_key

BLOCKED = "blocked"  # the event kind of a phrase that holds a trigger but reports no happening


@dataclass(frozen=True)
class Rules:
    lexicon: Lexicon
    organisations: PhraseIndex  # alias words -> KnownOrganisation
    demonyms: frozenset[str]  # "روسی", "भारतीय": adjectives of a known state
    places: PhraseIndex  # alias words -> the place's name
    person_titles: PhraseIndex
    heads_first: PhraseIndex  # organisation head words -> kind
    heads_last: PhraseIndex
    speech_cues: PhraseIndex  # cue words -> (its place in the lexicon's list, SpeechCue)
    event_triggers: PhraseIndex  # phrase words -> event kind, or BLOCKED ("press conference")

    def known_organisation(self, key: tuple[str, ...]) -> KnownOrganisation | None:
        return self.organisations.get(key)


def rules_for(lexicon: Lexicon, gazetteer: Gazetteer) -> Rules:
    aliases = {key: org for org in gazetteer.organisations for key in map(phrase_key, org.aliases) if key}
    aliases.update({  # "روسی حکومت", "भारत सरकार" name the state
        (*phrase_key(demonym), word): org
        for org in gazetteer.organisations for demonym in org.demonyms
        for word in lexicon.government_words
    })
    return Rules(
        lexicon=lexicon,
        organisations=PhraseIndex(aliases),
        demonyms=frozenset(key[0] for org in gazetteer.organisations for key in map(phrase_key, org.demonyms) if key),
        places=PhraseIndex({key: p.name for p in gazetteer.places for key in map(phrase_key, p.aliases) if key}),
        person_titles=PhraseIndex(lexicon.person_titles),
        heads_first=PhraseIndex(lexicon.organisation_heads_first),
        heads_last=PhraseIndex(lexicon.organisation_heads_last),
        speech_cues=PhraseIndex({cue.cue: (order, cue) for order, cue in reversed(list(enumerate(lexicon.speech_cues)))}),
        # The longer blocker wins over the trigger inside it: "प्रेस वार्ता" is no "वार्ता".
        event_triggers=PhraseIndex({**dict.fromkeys(lexicon.event_blockers, BLOCKED), **lexicon.event_triggers}),
    )
