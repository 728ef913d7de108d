"""The events stage: happenings the article reports, one per kind of trigger word in a
clause, with whether they happened, who took part and when, merged across the article's
sentences when they tell of the same happening."""

import datetime as dt
from dataclasses import dataclass, replace

from factbook.kinds import EventKind, Factuality, OrganisationKind, SentenceKind

from .claims import quoted_spans
from .context import ArticleContext, Sentence
from .dates import FoundDate, dates_compatible, find_date, number_of
from .lexicon import Lexicon
from .records import FoundClaim, FoundEvent
from .rules import BLOCKED
from .tokens import find_phrases, phrase_key

# The interface languages, each with title templates in its lexicon.
TITLE_LANGUAGES = ("en", "ur", "hi")
# How far after a speech verb its complementiser may stand ("told reporters in Lahore that").
COMPLEMENTISER_REACH = 8
# How many words may stand between a party and the trigger it is attached to.
ATTACHMENT_REACH = 3
# How many words before a trigger a generic determiner makes it no particular happening ("हर राजनीतिक चुनाव").
GENERIC_REACH = 2
# Happenings that befall people: a state or a company is where or whose they were, not a party.
HARMED_KINDS = {EventKind.ACCIDENT, EventKind.DISASTER}
# A number before these counts the people ("3 گرفتار", "15 arrested"), not the happenings.
PEOPLE_COUNTED = {EventKind.ARREST}


@dataclass(frozen=True)
class Trigger:
    first: int  # token range in the sentence
    end: int
    kind: str


def find_events(ctx: ArticleContext) -> list[FoundEvent]:
    events: list[FoundEvent] = []
    told = []  # the events the last sentence told of
    for sentence in ctx.sentences:
        if sentence.kind != SentenceKind.BODY:
            told = []
            continue
        clauses = _clauses(ctx, sentence)
        found = [event for first, end in clauses for event in _clause_events(ctx, sentence, first, end)]
        if not found and len(told) == 1 and not sentence.opens_paragraph:
            _goes_on(ctx, sentence, clauses, told[0])
            continue
        told = [_merge_or_add(ctx, events, event) for event in found]
    return [_bounded_by_publication(e, ctx.published_on) for e in events]


def _goes_on(ctx: ArticleContext, sentence: Sentence, clauses, event: FoundEvent):
    """A sentence that reports no happening of its own, in the paragraph of one that did, goes
    on telling of it: who it names as taking part ("the scorers", "those who attended")
    take part in it."""
    if any(find_phrases(sentence.tokens, ctx.lexicon.earlier_markers)):
        return  # "اس سے قبل ...": another, earlier happening
    whole = Trigger(len(sentence.tokens), len(sentence.tokens), event.kind)
    parties = [p for first, end in clauses for p in _parties(ctx, sentence, first, end, [whole], end)[0][0]]
    # Who says something of the happening did not take part for saying it.
    cues = [first for first, _, _ in find_phrases(sentence.tokens, ctx.rules.speech_cues)]
    speakers = {m for first, end in clauses for cue in cues if first <= cue < end
                for m in ctx.mentions.within(sentence.index, first, cue)}
    people = [p for p in parties if ctx.mentions[p].entity_type == "person" and p not in speakers]
    if people:
        event.participants += [p for p in people if p not in event.participants]
        event.sentences.append(sentence.index)


def _bounded_by_publication(event: FoundEvent, published_on: dt.date | None) -> FoundEvent:
    """A happening reported without a date of its own took place on or before the day the
    article was published; only an undated article leaves it unknown."""
    if event.date.date is None and published_on and event.factuality == Factuality.HAPPENED:
        return replace(event, date=FoundDate(published_on, "before"))
    return event


def _clauses(ctx: ArticleContext, sentence: Sentence) -> list[tuple[int, int]]:
    """Token ranges of the sentence cut at connectives that open a new clause ("جب کہ",
    "जबकि", "while"), and where what someone said begins ("کہا کہ", "said that", "said"):
    the speaker is no party to the happenings they report."""
    tokens, lexicon = sentence.tokens, ctx.lexicon
    cuts = [first for first, _, _ in find_phrases(tokens, lexicon.clause_breaks)]
    for _, end, _ in find_phrases(tokens, ctx.rules.speech_cues):
        reach = range(end - 1, min(end + COMPLEMENTISER_REACH, len(tokens)))
        that = next((n for n in reach if tokens[n].key in lexicon.complementisers), None)
        if that is not None:
            cuts.append(that + 1)
    cuts += [end for _, end, _ in find_phrases(tokens, lexicon.content_cues)  # but "X said after the match"
             if end == len(tokens) or tokens[end].key not in lexicon.adjunct_openers]
    for start, end in quoted_spans(sentence.text)[0]:  # a quotation is the speaker's, not the clause's
        cuts += [next((n for n, t in enumerate(tokens) if t.start >= offset), len(tokens)) for offset in (start, end)]
    bounds = sorted({0, *cuts, len(tokens)})
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _triggers(ctx: ArticleContext, sentence: Sentence, first: int, end: int) -> list[Trigger]:
    """The first trigger of each kind in the clause: a visit and the meeting during it are two
    happenings. A trigger inside a name ("Election Commission") reports none, nor one after a
    generic determiner ("every election"); a contextual one ("rejected the request") only in a
    clause that names its setting ("the court")."""
    tokens, keys = sentence.tokens, [t.key for t in sentence.tokens]
    contexts = _contexts(ctx, sentence, first, end)
    found = {}
    for at, stop, kind in find_phrases(tokens[first:end], ctx.rules.event_triggers, ctx.rules.contextual_triggers):
        at, stop = first + at, first + stop
        if isinstance(kind, tuple):  # (kind, needs its setting named)
            kind = kind[0] if kind[0] in contexts else BLOCKED
        generic = any(key in ctx.lexicon.generic_determiners for key in keys[max(first, at - GENERIC_REACH):at]) \
            or at > first and kind not in PEOPLE_COUNTED and _count(tokens[at - 1], ctx.lexicon)
        if kind != BLOCKED and not generic and not ctx.mentions.overlapping(sentence.index, at, stop):
            found.setdefault(kind, Trigger(at, stop, kind))
    return list(found.values())


def _count(token, lexicon: Lexicon) -> bool:
    """A number of happenings ("343 میچ کھیلے", "two accidents") is a tally, not one of them;
    a year before a trigger ("2020 elections") dates it."""
    number = number_of(token, lexicon)
    return number is not None and number > 1 and not 1800 <= number < 2100


def _contexts(ctx: ArticleContext, sentence: Sentence, first: int, end: int) -> set[str]:
    """The kinds whose setting the clause names, in its words or a name ("the IHC", known as
    the Islamabad High Court or written out in the article)."""
    words = {t.key for t in sentence.tokens[first:end]}
    for mention in ctx.mentions.within(sentence.index, first, end):
        named = ctx.mentions[ctx.mentions[mention].same_as] if ctx.mentions[mention].same_as is not None else None
        words |= {key for found in (ctx.mentions[mention], named) if found
                  for name in (found.text, found.known_name or "") for key in phrase_key(name)}
    return {kind for kind, settings in ctx.lexicon.trigger_settings.items() if words & settings}


def _clause_events(ctx: ArticleContext, sentence: Sentence, first: int, end: int) -> list[FoundEvent]:
    triggers = _triggers(ctx, sentence, first, end)
    if not triggers:
        return []
    clause, tokens = sentence.tokens[first:end], sentence.tokens
    keys = [t.key for t in tokens]
    topic_from = _topic_start(ctx, keys, triggers, end)
    parties, place = _parties(ctx, sentence, first, end, triggers, topic_from)
    # A date among what a meeting was about ("اجلاس میں 2026 کے ورلڈ کپ") is not the meeting's,
    # nor the year in brackets after a work ("Taal (1999)").
    dated = tuple(t for t in tokens[first:topic_from]
                  if sentence.text[t.start - 1:t.start] + sentence.text[t.end:t.end + 1] != "()")
    earlier_at = [first + at for at, _, _ in find_phrases(clause, ctx.lexicon.earlier_markers)]
    events = []
    for n, trigger in enumerate(triggers):
        earlier = any(at < trigger.first for at in earlier_at)
        # A happening among what a meeting was about ("بैठक में ... अभ्यास ... पर चर्चा की गई")
        # is as real as the verb at the clause's end says.
        said = factuality(clause, (trigger.first - first, trigger.end - first), ctx.lexicon, to_end=trigger.first >= topic_from)
        date = find_date(dated, ctx.lexicon, ctx.published_on, ahead=said == Factuality.PLANNED)
        if said == Factuality.PLANNED and _past(date, ctx.published_on):  # "ریلیز ہونے والی" in October 2022
            said = Factuality.HAPPENED
        events.append(FoundEvent(
            trigger.kind, [sentence.index], parties[n], date, place=place,
            refers_back=trigger.first > first and tokens[trigger.first - 1].key in ctx.lexicon.demonstratives,
            factuality=said, earlier=earlier, clauses=[(sentence.index, clause[0].start, clause[-1].end)],
        ))
    return events


def _past(date: FoundDate, published_on: dt.date | None) -> bool:
    """Whether the whole period a date names ended before the article was published."""
    if date.date is None or published_on is None or date.precision == "before":
        return False
    if date.precision == "day":
        return date.date < published_on
    if date.precision == "month":
        return (date.date.year, date.date.month) < (published_on.year, published_on.month)
    return date.date.year < published_on.year


def factuality(clause, trigger: tuple[int, int], lexicon: Lexicon, to_end=False) -> str:
    """Whether the happening of the trigger (its first and end token) took place: a cue
    within the lexicon's window of words before or after it (or `to_end` of the clause) says
    it was denied, proposed or planned (the lexicon's first listed kind wins). A marker right
    after it decides first: what something is for ("دورے کیلئے") is still to come, what
    something came after ("ملاقات کے بعد") took place."""
    first, end = trigger
    for marker, said in lexicon.factuality_after_trigger.items():
        if tuple(t.key for t in clause[end:end + len(marker)]) == marker:
            return said
    before, after = lexicon.factuality_window
    reach = len(clause) if to_end else end + after
    # The verb group that closes the trigger's predicate ends its cues: in "دورہ کیا اور ...
    # جائیں گے" the future is another clause's.
    reach = next((max(n + 1, end) for n in range(first, min(reach, len(clause))) if clause[n].key in lexicon.predicate_ends),
                 reach)
    # The trigger's own words are no cue: "denied bail" is a ruling that was made.
    sides = clause[max(0, first - before):first], clause[end:reach]
    said = {kind for side in sides for _, _, kind in find_phrases(side, lexicon.factuality_cues)}
    said |= {kind for side in sides for token in side for suffix, kind in lexicon.factuality_suffixes.items()
             if token.key.endswith(suffix)}
    ranked = list(dict.fromkeys([*lexicon.factuality_cues.values(), *lexicon.factuality_suffixes.values()]))
    return min(said, key=ranked.index) if said else Factuality.HAPPENED


def _parties(ctx: ArticleContext, sentence: Sentence, first: int, end: int, triggers: list[Trigger], topic_from: int):
    """Who takes part in each of the clause's happenings, and where they took place. Not a
    party: a place or topic ("in Pakistan", "افغانستان کے بارے میں"), the source of the report
    ("according to X", "X کے مطابق") and the news media reporting it, a qualifier of another
    name ("روس کے نائب وزیر دفاع", "Pakistan's minister"), nor what a meeting was about
    ("ملاقات میں ..."). A party the grammar ties to one happening ("X سے ملاقات", "visit to X",
    "met X") is that one's only; the others (the subject) take part in every happening of the
    clause."""
    keys = [t.key for t in sentence.tokens]
    places = list(find_phrases(sentence.tokens[first:end], ctx.rules.places))
    place = places[0][2] if places else ""
    parties = [[] for _ in triggers]
    for mention in ctx.mentions.within(sentence.index, first, end):
        start, stop = _extent(ctx, sentence, mention)
        joined = any(t.first == stop for t in triggers)  # "X میں شامل ہو گئے": the trigger's own "میں"
        if not joined and _marked(keys, start, stop, ctx.lexicon.not_a_party_before, ctx.lexicon.not_a_party_after):
            found = ctx.mentions[mention]
            if not place and found.organisation_kind == "state" and _marked(
                    keys, start, stop, ctx.lexicon.place_before, ctx.lexicon.place_after):
                place = found.known_name or found.text
            continue
        if _source(ctx, keys, start, stop) or _qualifier(ctx, sentence, mention, keys, stop) \
                or ctx.mentions[mention].organisation_kind == OrganisationKind.MEDIA:
            continue  # a news agency or outlet reports the happening: "(PTI)", "told ANI"
        not_a_victim = ctx.mentions[mention].entity_type != "person"  # an accident harms people, not bodies
        if start >= topic_from and not _subject(ctx, sentence, stop, end):
            continue
        for n in _attached(ctx, keys, start, stop, triggers):
            if not (not_a_victim and triggers[n].kind in HARMED_KINDS):
                parties[n].append(mention)
    return parties, place


def _extent(ctx: ArticleContext, sentence: Sentence, mention: int) -> tuple[int, int]:
    """The words of a mention with the acronym bracketed after it ("شعبہ تعلقات عامہ (آئی ایس پی
    آر) کے مطابق"): what marks the pair marks both."""
    start, stop = ctx.mentions.words_of(mention)
    after = ctx.mentions.owner(sentence.index, stop) if stop < len(sentence.tokens) else None
    if after is not None and ctx.mentions[after].same_as == mention:
        stop = ctx.mentions.words_of(after)[1]
    return start, stop


def _subject(ctx: ArticleContext, sentence: Sentence, stop: int, end: int) -> bool:
    """Whether the mention ending before token `stop` is a subject ("X نے"), also as one of a
    list of them ("ہیڈ کوچ X، کپتان Y اور Z نے شرکت کی")."""
    tokens, lexicon = sentence.tokens, ctx.lexicon
    position = stop
    while position < end:
        if tokens[position].key in lexicon.subject_markers:
            return True
        listed = tokens[position].key in lexicon.conjunctions or "," in sentence.text[tokens[position - 1].end:tokens[position].start] \
            or "،" in sentence.text[tokens[position - 1].end:tokens[position].start]
        if not listed:
            return False
        position += tokens[position].key in lexicon.conjunctions
        while position < end and tokens[position].key in lexicon.title_words:
            position += 1
        owner = ctx.mentions.owner(sentence.index, position) if position < end else None
        if owner is None:
            return False
        position = ctx.mentions.words_of(owner)[1]
    return False


def _marked(keys, start, stop, before, after) -> bool:
    """Whether one of the phrases `before` ends right before keys[start], or one of `after`
    starts at keys[stop]."""
    return (any(tuple(keys[max(0, start - len(m)):start]) == m for m in before)
            or any(tuple(keys[stop:stop + len(m)]) == m for m in after))


def _source(ctx: ArticleContext, keys, start, stop) -> bool:
    """The source of the report: "according to (the) X", "X کے مطابق", "X کے بیان"."""
    lexicon = ctx.lexicon
    if lexicon.according_to_before_source:
        determined = start  # "according to the spokesman X"
        while determined and (keys[determined - 1] in lexicon.reference_determiners or keys[determined - 1] in lexicon.title_words):
            determined -= 1
        if _marked(keys, determined, stop, lexicon.according_to, ()):
            return True
    elif _marked(keys, start, stop, (), lexicon.according_to):
        return True
    return keys[stop:stop + 1] != [] and keys[stop] in lexicon.genitive_markers and \
        keys[stop + 1:stop + 2] != [] and keys[stop + 1] in lexicon.document_words


def _qualifier(ctx: ArticleContext, sentence: Sentence, mention: int, keys, stop) -> bool:
    """A name in the genitive before a title or another name qualifies it ("روس کے نائب وزیر دفاع
    فومن", "پاک فوج کے شعبہ تعلقات عامہ", "Pakistan's minister"); only a person can have a
    person in the genitive meet someone ("عمران خان کی لاروف سے ملاقات")."""
    if stop + 1 >= len(keys) or keys[stop] not in ctx.lexicon.genitive_markers:
        return False
    if keys[stop + 1] in ctx.lexicon.title_words:
        return True
    owner = ctx.mentions.owner(sentence.index, stop + 1)
    if owner is None:
        return False
    return ctx.mentions[owner].entity_type == "organisation" or ctx.mentions[mention].entity_type == "organisation"


def _topic_start(ctx: ArticleContext, keys, triggers: list[Trigger], end: int) -> int:
    """Where what a happening was about begins: after a trigger followed by a topic opener
    ("ملاقات میں", "बैठक में") or, anywhere after it, a relative one ("جس میں"); `end` when
    there is none."""
    for trigger in triggers:
        for opener in ctx.lexicon.topic_openers:
            if tuple(keys[trigger.end:trigger.end + len(opener)]) == opener:
                return trigger.end + len(opener)
        for opener in ctx.lexicon.relative_openers:
            found = next((n for n in range(trigger.end, end) if tuple(keys[n:n + len(opener)]) == opener), None)
            if found is not None:
                return found + len(opener)
    return end


def _attached(ctx: ArticleContext, keys, start, stop, triggers: list[Trigger]) -> list[int]:
    """Indexes of the triggers a party belongs to: the one whose complement it is, next to it
    ("X سے اہم ملاقات", "met X", "visit to X"), else the nearest of a kind its case marker calls
    for ("X سے ... ملاقات کی"), else all."""
    lexicon = ctx.lexicon
    for n, trigger in enumerate(triggers):
        complement_side = start >= trigger.end if lexicon.markers_before_names else stop <= trigger.first
        if not complement_side:  # "X met Y on a visit": the subject X may be the visitor too
            continue
        between = keys[trigger.end:start] if lexicon.markers_before_names else keys[stop:trigger.first]
        allowed = lexicon.party_fillers | lexicon.genitive_markers | lexicon.title_words | {
            word for marker, kinds in lexicon.party_markers.items() if trigger.kind in kinds for word in marker}
        if len(between) <= ATTACHMENT_REACH and all(word in allowed for word in between):
            return [n]
    marker_at = (lambda m: tuple(keys[max(0, start - len(m)):start]) == m) if lexicon.markers_before_names else \
        (lambda m: tuple(keys[stop:stop + len(m)]) == m)
    kinds = {kind for marker, marker_kinds in lexicon.party_markers.items() if marker_at(marker) for kind in marker_kinds}
    called = [n for n, trigger in enumerate(triggers) if trigger.kind in kinds]
    if called:
        return [min(called, key=lambda n: min(abs(triggers[n].first - stop), abs(start - triggers[n].end)))]
    return list(range(len(triggers)))


def _merge_or_add(ctx: ArticleContext, events: list[FoundEvent], event: FoundEvent) -> FoundEvent:
    """Sentences of one article about one happening give one event. A sentence joins the
    latest event of its kind, factuality and date when it points back to it ("اس ملاقات"),
    when it names no person and no date of another precision, when its people are among the event's or the event's among its
    own ("X met Y" ... "X said at the meeting"), or when the event names no person but a body
    they share (the teams of a match, its scorers next); a sentence that tells of an earlier
    happening ("اس سے قبل", "earlier") joins only by its people. An undated happening is
    one of the last weeks before publication. Accidents and disasters join by date alone."""
    people = _people(ctx, event.participants)
    bounded = _bounded_by_publication(event, ctx.published_on).date

    def joins(other):
        if (other.kind, other.factuality) != (event.kind, event.factuality):
            return False
        if not dates_compatible(_bounded_by_publication(other, ctx.published_on).date, bounded):
            return False
        if event.kind in HARMED_KINDS:  # an accident is known by when and where, not by who spoke of it
            return not event.earlier
        other_people = _people(ctx, other.participants)
        if event.refers_back:
            return True
        if people and other_people:
            return people <= other_people or other_people <= people
        if event.earlier:
            return False
        if not people and (event.date.date is None or event.date.precision == other.date.precision):
            return True
        return bool(_bodies(ctx, event.participants) & _bodies(ctx, other.participants))  # the teams of a match

    # The latest reported; of one sentence's, the first (the main clause's, not one it quotes).
    candidates = [(max(other.sentences), -n) for n, other in enumerate(events) if joins(other)]
    if candidates:
        other = events[-max(candidates)[1]]
        other.sentences += [n for n in event.sentences if n not in other.sentences]
        other.participants += [p for p in event.participants if p not in other.participants]
        other.clauses += event.clauses
        if event.date.date and (other.date.date is None or event.date.precision == "day"):
            other.date = event.date
        other.place = other.place or event.place
        return other
    events.append(event)
    return event


def _people(ctx: ArticleContext, participants) -> set[str]:
    """Participants who are persons, by name (a role used alone by its holder's name, or by
    the role when the article names no one in it: "the health minister")."""
    people = set()
    for p in participants:
        mention = ctx.mentions[p]
        if mention.role_reference:
            if mention.holder is None:
                people.add("role:" + " ".join(phrase_key(mention.role or mention.text)))
                continue
            mention = ctx.mentions[mention.holder]
        if mention.entity_type == "person":
            people.add(" ".join(phrase_key(mention.text)))
    return people


def _bodies(ctx: ArticleContext, participants) -> set[str]:
    """Participants who are organisations, by the name the gazetteer gives them or their words."""
    return {ctx.mentions[p].known_name or " ".join(phrase_key(ctx.mentions[p].text))
            for p in participants if ctx.mentions[p].entity_type == "organisation"}


def link_claims(claims: list[FoundClaim], events: list[FoundEvent]) -> list[FoundClaim]:
    """Each claim with the event of its own clause: the event whose clause overlaps the
    claim's span most ("... held exercises, while the ministers met ..." gives each part its
    own), by index into `events`."""
    clauses = [(n, clause) for n, event in enumerate(events) for clause in event.clauses]

    def overlap(claim, clause):
        sentence, start, end = clause
        return min(end, claim.end) - max(start, claim.start) if sentence == claim.sentence else 0

    linked = []
    for claim in claims:
        best = max(clauses, key=lambda c: overlap(claim, c[1]), default=None)
        event = best[0] if best and overlap(claim, best[1]) > 0 else None
        linked.append(replace(claim, event=event))
    return linked


def event_title(kind: str, names: list[str], place: str, templates: dict) -> str:
    """A title readers can read ("Lavrov meets Bajwa in Rawalpindi") from the lexicon's
    templates: one per kind or the default, with {first}, {second}, {who}, {place} and {kind}."""
    kinds = templates.get("kinds", {})
    fields = {"first": names[0] if names else "", "second": names[1] if len(names) > 1 else "",
              "who": templates.get("joiner", ", ").join(names[:3]), "place": place,
              "kind": kinds.get(kind, kind)}
    template = templates.get(kind, "")
    needs = {f for f in fields if "{" + f + "}" in template}
    if not template or any(not fields[f] for f in needs):
        template = templates["default"] if names else "{kind}"
    title = template.format(**fields)
    if place and "{place}" not in template and "in_place" in templates:
        title = templates["in_place"].format(title=title, place=place)
    return title
