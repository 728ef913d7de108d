"""Site search over claims, sentences, persons, organisations and events.

The `match_*` functions narrow a queryset to what matches a query; the list filters use them
too, so a list's "q" finds what the search page finds. On PostgreSQL they also annotate `rank`
(full-text rank with the `simple` configuration, trigram similarity for names); elsewhere
they fall back to substring matching. Names are found in any script through
EntityQuerySet.search (alias transliteration and consonant skeleton).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import NamedTuple
from urllib.parse import urlencode

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
    TrigramWordSimilarity,
)
from django.db import connections
from django.db.models import FloatField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.entities import names
from factbook.entities.models import Mention, Organisation, Person
from factbook.events.models import Event
from factbook.sources.models import Sentence, SentenceKind

MAX_QUERY_LENGTH = 200
RESULTS_PER_GROUP = 20
# Word similarity from which a name counts as a (misspelt) match without the alias rules.
MIN_NAME_SIMILARITY = 0.5


class Span(NamedTuple):
    start: int
    end: int


@dataclass
class ResultGroup:
    key: str
    label: str
    template: str
    items: list
    has_more: bool
    more_url: str = ""


def clean_query(query):
    """The query as stored texts are written (NFC), single-spaced and of bounded length."""
    return " ".join(unicodedata.normalize("NFC", query).split())[:MAX_QUERY_LENGTH]


def on_postgresql(queryset):
    return connections[queryset.db].vendor == "postgresql"


def match_text(queryset, fields, query, also=None):
    """Rows with every word of `query` in one of `fields` (or matching `also`).

    Substring hits count on every database, so part of a word finds it; PostgreSQL adds
    full-text hits and ranks whole-word hits first."""
    condition = Q()
    for word in query.split():
        condition &= reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
    if also is not None:
        condition |= also
    if not on_postgresql(queryset):
        return queryset.filter(condition)
    vector = SearchVector(*fields, config="simple")
    words = SearchQuery(query, config="simple", search_type="websearch")
    matches = SearchVectorExact(vector, words)  # vector @@ query; a rank > 0 is not a match
    return queryset.annotate(rank=SearchRank(vector, words)).filter(condition | Q(matches))


def named_entities(query):
    """Persons and organisations readers may see whose names match `query`, in any script."""
    return Person.objects.public().search(query), Organisation.objects.public().search(query)


def match_entities(queryset, query):
    """Persons or organisations named `query` in any script; on PostgreSQL also names within
    trigram reach of it (typos), ranked by similarity of the name or the closest alias."""
    model = queryset.model
    found = Q(pk__in=model.objects.search(query).values("pk"))
    if not on_postgresql(queryset):
        return queryset.filter(found)
    aliases = model._meta.get_field("aliases")
    closest_alias = (
        aliases.related_model.objects.filter(**{aliases.field.name: OuterRef("pk")})
        .annotate(similarity=TrigramWordSimilarity(Value(query), "name"))
        .order_by("-similarity")
        .values("similarity")[:1]
    )
    similarity = Greatest(
        TrigramWordSimilarity(Value(query), "name"),
        Coalesce(Subquery(closest_alias, output_field=FloatField()), 0.0),
    )
    return queryset.annotate(rank=similarity).filter(found | Q(rank__gte=MIN_NAME_SIMILARITY))


def match_claims(queryset, query):
    return match_text(queryset, ["text"], query)


def match_events(queryset, query):
    """Events by title or place, and events whose participants are named `query`."""
    persons, organisations = named_entities(query)
    participants = Q(pk__in=Event.objects.filter(Q(persons__in=persons) | Q(organisations__in=organisations))
                     .values("pk"))
    return match_text(queryset, ["title", "place"], query, also=participants)


def mentions_named(query):
    persons, organisations = named_entities(query)
    return Mention.objects.filter(Q(person__in=persons) | Q(organisation__in=organisations))


def match_sentences(queryset, query):
    """Sentences containing `query`, and sentences naming someone `query` names, in any script."""
    return match_text(queryset, ["text"], query, also=Q(pk__in=mentions_named(query).values("sentence")))


def text_hits(text, query):
    """Where the words of `query` occur in `text`, ignoring case."""
    words = sorted(set(query.split()), key=len, reverse=True)  # longest first: "Khan" before "Kh"
    if not words:
        return []
    pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
    return [Span(*match.span()) for match in pattern.finditer(text)]


def name_hits(name, query):
    """Where `query` occurs in `name`: literally, or else the words that share its consonant
    skeleton, so "बाजवा" marks "باجوہ" in "قمر جاوید باجوہ"."""
    hits = text_hits(name, query)
    if hits:
        return hits
    wanted = set(names.skeleton(query))
    return [Span(*word.span()) for word in re.finditer(r"\S+", name) if wanted & set(names.skeleton(word.group()))]


def ranked(queryset):
    """Best matches first where the database ranks them; the model's order otherwise and for ties."""
    ordering = [*queryset.model._meta.ordering, "pk"]
    return queryset.order_by("-rank", *ordering) if on_postgresql(queryset) else queryset.order_by(*ordering)


def first_results(queryset):
    """Up to RESULTS_PER_GROUP rows, and whether there are more."""
    rows = list(ranked(queryset)[:RESULTS_PER_GROUP + 1])
    return rows[:RESULTS_PER_GROUP], len(rows) > RESULTS_PER_GROUP


def list_url(url_name, query):
    return f"{reverse(url_name)}?{urlencode({'q': query})}"


def entity_group(key, label, model, query):
    entities, has_more = first_results(match_entities(model.objects.public().prefetch_related("aliases"), query))
    for entity in entities:
        entity.hits = name_hits(entity.name, query)
        for alias in entity.aliases.all():
            alias.hits = name_hits(alias.name, query)
    return ResultGroup(key, label, "web/_search_entities.html", entities, has_more,
                       list_url(f"web:{model._meta.model_name}_list", query))


def event_group(query):
    events, has_more = first_results(match_events(Event.objects.public().current(), query))
    for event in events:
        event.hits = text_hits(event.title, query)
    return ResultGroup("events", "Events", "web/_search_events.html", events, has_more,
                       list_url("web:event_list", query))


def claim_group(query):
    claims, has_more = first_results(match_claims(Claim.objects.public().with_provenance(), query))
    for claim in claims:
        claim.hits = text_hits(claim.text, query)
    return ResultGroup("claims", "Claims", "web/_search_claims.html", claims, has_more,
                       list_url("web:claim_list", query))


def sentence_group(query):
    """Sentences of current articles (not page chrome), each named person or organisation marked."""
    sentences = (
        Sentence.objects.current().exclude(kind=SentenceKind.CHROME)
        .select_related("source")
        .prefetch_related(Prefetch("mentions", queryset=mentions_named(query), to_attr="named"))
    )
    sentences, has_more = first_results(match_sentences(sentences, query))
    for sentence in sentences:
        sentence.hits = text_hits(sentence.text, query) + sentence.named
    return ResultGroup("sentences", "Sentences", "web/_search_sentences.html", sentences, has_more)


def search_all(query):
    """The results for `query`, grouped by kind of record, each group in order of relevance."""
    query = clean_query(query)
    if not query:
        return []
    return [
        entity_group("persons", "Persons", Person, query),
        entity_group("organisations", "Organisations", Organisation, query),
        event_group(query),
        claim_group(query),
        sentence_group(query),
    ]
