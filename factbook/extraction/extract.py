"""Rule-based extraction of mentions, claims and events from a segmented article.

`extract_article` runs plain stages over one article's context (`context.py`): the
recognisers of `recognise.py` sentence by sentence, then claims and events. The rules of
the article's language come from `lexicons/<language>.yaml` joined with the gazetteer
(`rules.py`). It knows nothing of the database: it names entities by their surface text,
and the resolver decides who they are.
"""

import datetime as dt
from dataclasses import replace

from factbook.kinds import SentenceKind

from .claims import find_claims
from .context import ArticleContext, Sentence, article_context
from .events import find_events, link_claims
from .recognise import (
    find_appositive_persons,
    find_bracketed_acronyms,
    find_headed_organisations,
    find_known_organisations,
    find_national_teams,
    find_repeated_names,
    find_titled_persons,
    find_untitled_persons,
    link_role_references,
)
from .records import Extraction, FoundClaim, FoundEvent, FoundMention
from .rules import Rules
from .segment import Segment
from .tagger import find_tagged_names
from .tokens import PhraseIndex

__all__ = ["Extraction", "FoundClaim", "FoundEvent", "FoundMention", "extract_article"]

# Sentence kinds whose names belong to the article; credits and page chrome often name others.
MENTION_KINDS = {SentenceKind.BODY, SentenceKind.HEADLINE, SentenceKind.SUBHEADING, SentenceKind.CAPTION}
# Per sentence, in order of certainty: each word goes to the first stage that claims it.
SENTENCE_STAGES = [
    find_bracketed_acronyms,  # a name spelled out before its acronym is the most certain
    find_known_organisations,
    find_national_teams,  # which a known state's name may begin
    find_headed_organisations,
    find_titled_persons,
    find_appositive_persons,
]


def extract_article(text: str, segments: list[Segment], published_on: dt.date | None, rules: Rules,
                    known_names: PhraseIndex) -> Extraction:
    """Mentions, claims and events of one article. `known_names` holds the person names the
    database knows (see `recognise.known_names_index`), built once for a whole run."""
    ctx = article_context(text, segments, published_on, rules, known_names)
    named = named_sentences(ctx)
    find_certain_mentions(ctx, named)
    for sentence in named:  # the least certain: names from the evidence of their own words
        find_tagged_names(ctx, sentence)
        find_untitled_persons(ctx, sentence)
    find_repeated_names(ctx, named)  # and again, for the surnames of those names
    link_role_references(ctx)
    events = find_events(ctx)
    claims = link_claims(find_claims(ctx), events)
    return _extraction(ctx, claims, events)


def named_sentences(ctx: ArticleContext) -> list[Sentence]:
    return [s for s in ctx.sentences if s.kind in MENTION_KINDS]


def find_certain_mentions(ctx: ArticleContext, named: list[Sentence]):
    """The mentions found before the tagger's: what it learnt to complete."""
    for sentence in named:
        for stage in SENTENCE_STAGES:
            stage(ctx, sentence)
    find_repeated_names(ctx, named)


def _extraction(ctx: ArticleContext, claims, events) -> Extraction:
    """The records, with mentions in text order and pointed at by their index in it."""
    order = ctx.mentions.in_text_order()
    index = {mention_id: n for n, mention_id in enumerate(order)}
    at = index.get
    mentions = [replace(ctx.mentions[m], same_as=at(ctx.mentions[m].same_as), holder=at(ctx.mentions[m].holder))
                for m in order]
    return Extraction(
        mentions=mentions,
        claims=[replace(c, claimant=at(c.claimant)) for c in claims],
        events=[replace(e, participants=[index[p] for p in e.participants]) for e in events],
    )
