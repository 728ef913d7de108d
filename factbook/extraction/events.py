"""The events stage: happenings the article reports, one per clause with a trigger word,
with whether they happened, who took part and when, merged across the article's sentences
when they tell of the same happening."""

import datetime as dt
from dataclasses import replace

from factbook.kinds import EventKind, Factuality, SentenceKind

from .context import ArticleContext, Sentence
from .dates import FoundDate, dates_compatible, find_date
from .lexicon import Lexicon
from .records import FoundClaim, FoundEvent
from .rules import BLOCKED
from .tokens import find_phrases, phrase_key

# The interface languages, each with title templates in its lexicon.
TITLE_LANGUAGES = ("en", "ur", "hi")
# When a clause has several triggers, the most specific names the happening.
EVENT_PRIORITY = [EventKind.AGREEMENT, EventKind.MILITARY_EXERCISE, EventKind.SUMMIT, EventKind.COURT_RULING,
                  EventKind.ARREST, EventKind.APPOINTMENT, EventKind.RESIGNATION, EventKind.ELECTION,
                  EventKind.AWARD, EventKind.MATCH, EventKind.LAUNCH, EventKind.ACCIDENT, EventKind.DISASTER,
                  EventKind.MEETING, EventKind.VISIT, EventKind.TRADE, EventKind.STATEMENT, EventKind.OTHER]


def find_events(ctx: ArticleContext) -> list[FoundEvent]:
    lexicon = ctx.lexicon
    events: list[FoundEvent] = []
    for sentence in ctx.sentences:
        if sentence.kind != SentenceKind.BODY:
            continue
        clauses = _clauses(ctx, sentence)
        for first, end in clauses:
            event = _clause_event(ctx, sentence, first, end)
            if event is not None:
                if event.date.date is None and len(clauses) == 1:
                    event.date = find_date(sentence.tokens[first:end], lexicon, ctx.published_on)
                _merge_or_add(ctx, events, event)
    return [_bounded_by_publication(e, ctx.published_on) for e in events]


def _bounded_by_publication(event: FoundEvent, published_on: dt.date | None) -> FoundEvent:
    """A happening reported without a date of its own took place on or before the day the
    article was published; only an undated article leaves it unknown."""
    if event.date.date is None and published_on and event.factuality == Factuality.HAPPENED:
        return replace(event, date=FoundDate(published_on, "before"))
    return event


def _clauses(ctx: ArticleContext, sentence: Sentence) -> list[tuple[int, int]]:
    """Token ranges of the sentence cut at connectives that open a new clause ("جب کہ",
    "जबकि", "while")."""
    cuts = [first for first, _, _ in find_phrases(sentence.tokens, ctx.lexicon.clause_breaks)]
    bounds = [0, *cuts, len(sentence.tokens)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _clause_event(ctx: ArticleContext, sentence: Sentence, first: int, end: int) -> FoundEvent | None:
    clause = sentence.tokens[first:end]
    found = [(at, end, kind) for at, end, kind in find_phrases(clause, ctx.rules.event_triggers) if kind != BLOCKED]
    if not found:
        return None
    at, trigger_end, kind = min(found, key=lambda f: EVENT_PRIORITY.index(f[2]))
    places = list(find_phrases(clause, ctx.rules.places))
    return FoundEvent(
        kind, [sentence.index], _parties(ctx, sentence, first, end),
        find_date(clause, ctx.lexicon, ctx.published_on),
        place=places[0][2] if places else "",
        refers_back=at > 0 and clause[at - 1].key in ctx.lexicon.demonstratives,
        factuality=factuality(clause, (at, trigger_end), ctx.lexicon),
        clauses=[(sentence.index, clause[0].start, clause[-1].end)],
    )


def factuality(clause, trigger: tuple[int, int], lexicon: Lexicon) -> str:
    """Whether the happening of the trigger (its first and end token) took place: a cue
    within the lexicon's window of words before or after it says it was denied, proposed or
    planned (the lexicon's first listed kind wins)."""
    first, end = trigger
    before, after = lexicon.factuality_window
    near = clause[max(0, first - before):min(len(clause), end + after)]
    said = {kind for _, _, kind in find_phrases(near, lexicon.factuality_cues)}
    said |= {kind for token in near for suffix, kind in lexicon.factuality_suffixes.items() if token.key.endswith(suffix)}
    ranked = list(dict.fromkeys([*lexicon.factuality_cues.values(), *lexicon.factuality_suffixes.values()]))
    return min(said, key=ranked.index) if said else Factuality.HAPPENED


def _parties(ctx: ArticleContext, sentence: Sentence, first: int, end: int) -> list[int]:
    """The clause's mentions that take part: not those the grammar marks as the place or the
    topic ("in Pakistan", "on Afghanistan", "افغانستان کے بارے میں", "पाकिस्तान में")."""
    tokens, lexicon = sentence.tokens, ctx.lexicon
    keys = [t.key for t in tokens]
    parties = []
    for mention in ctx.mentions.within(sentence.index, first, end):
        start, stop = ctx.mentions.words_of(mention)
        before = any(tuple(keys[max(0, start - len(m)):start]) == m for m in lexicon.not_a_party_before)
        after = any(tuple(keys[stop:stop + len(m)]) == m for m in lexicon.not_a_party_after)
        if not (before or after):
            parties.append(mention)
    return parties


def _merge_or_add(ctx: ArticleContext, events: list[FoundEvent], event: FoundEvent):
    """Sentences of one article about one happening give one event. A sentence joins the
    latest event of its kind and factuality when it points back to it ("اس ملاقات") or
    names no one and gives no date of its own; else when its people are among the event's,
    or the event's among its own ("X met Y" ... "X said at the meeting")."""
    people = _people(ctx, event.participants)
    for other in reversed(events):
        if (other.kind, other.factuality) != (event.kind, event.factuality) or not dates_compatible(other.date, event.date):
            continue
        other_people = _people(ctx, other.participants)
        follows_up = event.refers_back or (not people and event.date.date is None)
        if not follows_up and not (people and other_people and (people <= other_people or other_people <= people)):
            continue
        other.sentences += [n for n in event.sentences if n not in other.sentences]
        other.participants += [p for p in event.participants if p not in other.participants]
        other.clauses += event.clauses
        if event.date.date and (other.date.date is None or event.date.precision == "day"):
            other.date = event.date
        other.place = other.place or event.place
        return
    events.append(event)


def _people(ctx: ArticleContext, participants) -> set[str]:
    """Participants who are persons, by name (a role used alone by its holder's name)."""
    people = set()
    for p in participants:
        mention = ctx.mentions[p]
        if mention.role_reference:
            if mention.holder is None:
                continue
            mention = ctx.mentions[mention.holder]
        if mention.entity_type == "person":
            people.add(" ".join(phrase_key(mention.text)))
    return people


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
