"""The events stage: happenings the article reports, one per clause with a trigger word,
merged across the article's sentences when they tell of the same happening."""

from factbook.kinds import EventKind, SentenceKind

from .context import ArticleContext, Sentence
from .dates import dates_compatible, find_date
from .records import FoundEvent
from .rules import BLOCKED
from .tokens import find_phrases, phrase_key

# When a clause has several triggers, the most specific names the happening.
EVENT_PRIORITY = [EventKind.AGREEMENT, EventKind.MILITARY_EXERCISE, EventKind.SUMMIT, EventKind.MEETING,
                  EventKind.VISIT, EventKind.TRADE]


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
    return events


def _clauses(ctx: ArticleContext, sentence: Sentence) -> list[tuple[int, int]]:
    """Token ranges of the sentence cut at connectives that open a new clause ("جب کہ",
    "जबकि", "while")."""
    cuts = [first for first, _, _ in find_phrases(sentence.tokens, ctx.lexicon.clause_breaks)]
    bounds = [0, *cuts, len(sentence.tokens)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _clause_event(ctx: ArticleContext, sentence: Sentence, first: int, end: int) -> FoundEvent | None:
    clause = sentence.tokens[first:end]
    found = [(at, kind) for at, _, kind in find_phrases(clause, ctx.rules.event_triggers) if kind != BLOCKED]
    if not found or any(_unrealised(ctx, t) for t in clause):
        return None
    at, kind = min(found, key=lambda f: EVENT_PRIORITY.index(f[1]))
    participants = ctx.mentions.within(sentence.index, first, end)
    place = next((name for _, _, name in find_phrases(clause, ctx.rules.places)), "")
    refers_back = at > 0 and clause[at - 1].key in ctx.lexicon.demonstratives
    return FoundEvent(kind, [sentence.index], participants, find_date(clause, ctx.lexicon, ctx.published_on),
                      place, refers_back)


def _unrealised(ctx: ArticleContext, token) -> bool:
    """Negation, future or expectation: the clause tells what did not happen."""
    lexicon = ctx.lexicon
    return token.key in lexicon.unrealised or token.key.endswith(lexicon.unrealised_suffixes or ("\0",))


def _merge_or_add(ctx: ArticleContext, events: list[FoundEvent], event: FoundEvent):
    """Sentences of one article about one happening give one event. A sentence joins the
    latest event of its kind when it points back to it ("اس ملاقات") or names no one and
    gives no date of its own; else when its people are among the event's, or the
    event's among its own ("X met Y" ... "X said at the meeting")."""
    people = _people(ctx, event.participants)
    for other in reversed(events):
        if other.kind != event.kind or not dates_compatible(other.date, event.date):
            continue
        other_people = _people(ctx, other.participants)
        follows_up = event.refers_back or (not people and event.date.date is None)
        if not follows_up and not (people and other_people and (people <= other_people or other_people <= people)):
            continue
        other.sentences += event.sentences
        other.participants += [p for p in event.participants if p not in other.participants]
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
