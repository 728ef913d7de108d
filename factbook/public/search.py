"""Search over claims, sentences, persons, organisations and events.

The `match_*` functions narrow a queryset to what matches a query; the list filters use them
too, so a list's "q" finds what the search page finds. On PostgreSQL they use its indexes
(factbook/web/migrations/0002_search_indexes.py): sentences and claims by full text over a
stored tsvector ('simple' configuration), names, titles and places by substring and trigram
similarity, and they annotate `rank`; elsewhere they fall back to substring matching. Names are
found in any script through EntityQuerySet.search (alias transliteration and consonant skeleton).
Each group of the search page runs a few limited queries, never an OR of a text test with an
`IN (subquery)`, which PostgreSQL re-scans for every row.

Claims are found four ways, merged into one ranked list by reciprocal rank fusion, each
result saying why it matched: made by someone the query names, about someone it names, holding
its words, and close to it in meaning (the query's e5 vector against the claims' vectors,
factbook.corroboration.vectors), which finds an Urdu claim for an English query.
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
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.db import connections
from django.db.models import Expression, F, FloatField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.corroboration import vectors
from factbook.entities import names
from factbook.entities.models import Mention, Organisation, Person
from factbook.events.models import Event
from factbook.sources.models import SentenceKind

from . import visibility

MAX_QUERY_LENGTH = 200
RESULTS_PER_GROUP = 20
# Sentences and claims are ranked among this many of the newest matches: a common word is in
# 80,000 sentences of a large collection, and ranking them all takes longer than a page may.
RANKED_CANDIDATES = 1000
# Word similarity from which a name counts as a (misspelt) match without the alias rules:
# pg_trgm's word_similarity_threshold, which the web app sets on every PostgreSQL connection.
MIN_NAME_SIMILARITY = 0.5
# Cosine of an e5 query vector and a claim's from which the claim counts as close in meaning.
# Measured on the seeds: a query restating a claim, in its language or another, scores
# 0.84-0.94 with it; queries on other topics (weather, cricket) or a bare name 0.74-0.79.
MIN_MEANING_SIMILARITY = 0.83
# Reciprocal rank fusion's constant (Cormack et al., 2009): a claim's score is the sum over the
# lists it is in of 1 / (FUSION_K + its rank there).
FUSION_K = 60


class Span(NamedTuple):
    start: int
    end: int


@dataclass
class ResultGroup:
    key: str  # persons, organisations, events, claims or sentences
    items: list
    has_more: bool
    more_url: str = ""


class Reason(NamedTuple):
    """Why a claim matched: `kind` is made_by, about, words or meaning; `entity` the person or
    organisation the query names (made_by, about); `similarity` the cosine (meaning)."""

    kind: str
    entity: object = None
    similarity: float = 0.0


def clean_query(query):
    """The query as stored texts are written (NFC), single-spaced and of bounded length."""
    return " ".join(unicodedata.normalize("NFC", query).split())[:MAX_QUERY_LENGTH]


def on_postgresql(queryset):
    return connections[queryset.db].vendor == "postgresql"


class SearchDocument(Expression):
    """The stored tsvector `search_document` of the queryset's own table (sentences, claims),
    which a PostgreSQL-only migration adds (factbook/web/migrations/0002_search_indexes.py)."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.search_document", []


def words_query(query, prefix):
    """A tsquery of every word of `query` (as whole words, or as beginnings of words)."""
    lexemes = ("'{}'{}".format(word.replace("\\", "\\\\").replace("'", "''"), ":*" if prefix else "")
               for word in query.split())
    return SearchQuery(" & ".join(lexemes), config="simple", search_type="raw")


def has_words(query, fields):
    """Every word of `query` in one of `fields`, as a substring."""
    condition = Q()
    for word in query.split():
        condition &= reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
    return condition


def match_text(queryset, query):
    """Rows (sentences, claims) whose text has every word of `query`.

    On PostgreSQL through the stored tsvector and its GIN index: words that begin with each
    query word match, whole-word hits rank first. Elsewhere any substring matches."""
    if not on_postgresql(queryset):
        return queryset.filter(has_words(query, ["text"]))
    document = SearchDocument()
    return (queryset.filter(SearchVectorExact(document, words_query(query, prefix=True)))
            .annotate(rank=SearchRank(document, words_query(query, prefix=False))))


def match_titles(queryset, fields, query, also=None):
    """Rows with every word of `query` in one of `fields` (or matching `also`), ranked on PostgreSQL
    by full-text rank (the substring tests use its trigram indexes)."""
    condition = has_words(query, fields)
    if also is not None:
        condition |= also
    queryset = queryset.filter(condition)
    if not on_postgresql(queryset):
        return queryset
    return queryset.annotate(rank=SearchRank(SearchVector(*fields, config="simple"), words_query(query, prefix=False)))


def named_entities(query):
    """Persons and organisations readers may see whose names match `query`, in any script."""
    return visibility.public_persons().search(query), visibility.public_organisations().search(query)


def named_ids(query):
    """The ids of `named_entities`, read once for the search page's groups that all need them."""
    return tuple(list(entities.values_list("pk", flat=True)) for entities in named_entities(query))


def match_entities(queryset, query):
    """Persons or organisations named `query` in any script; on PostgreSQL also names within
    trigram reach of it (typos), ranked by similarity of the name or the closest alias."""
    model = queryset.model
    if not on_postgresql(queryset):
        return queryset.filter(pk__in=model.objects.name_matches(query))
    aliases = model._meta.get_field("aliases")
    similar_name = TrigramWordSimilar(F("name"), query)  # name %> query, served by a trigram index
    found = model.objects.name_matches(
        query,
        model.objects.filter(similar_name).values("pk"),
        aliases.related_model.objects.filter(similar_name).values(aliases.field.name),
    )
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
    return queryset.filter(pk__in=found).annotate(rank=similarity)


def match_claims(queryset, query):
    return match_text(queryset, query)


def events_with_participants(persons, organisations):
    """Ids of the events `persons` or `organisations` (querysets or ids) take part in."""
    through_persons = Event.persons.through.objects.filter(person__in=persons).values("event")
    through_organisations = Event.organisations.through.objects.filter(organisation__in=organisations).values("event")
    return through_persons.union(through_organisations)


def match_events(queryset, query):
    """Events by title or place, and events whose participants are named `query`."""
    participants = events_with_participants(*named_entities(query))
    return match_titles(queryset, ["title", "place"], query, also=Q(pk__in=participants))


def mentions_of(persons, organisations):
    return Mention.objects.filter(Q(person__in=persons) | Q(organisation__in=organisations))


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


def among_newest(matches):
    """`matches`, narrowed to the RANKED_CANDIDATES newest of them."""
    return matches.filter(pk__in=matches.order_by("-pk").values("pk")[:RANKED_CANDIDATES])


def first_results(queryset):
    """Up to RESULTS_PER_GROUP rows, and whether there are more."""
    rows = list(ranked(queryset)[:RESULTS_PER_GROUP + 1])
    return rows[:RESULTS_PER_GROUP], len(rows) > RESULTS_PER_GROUP


def list_url(url_name, query):
    return f"{reverse(url_name)}?{urlencode({'q': query})}"


PUBLIC_ENTITIES = {"persons": visibility.public_persons, "organisations": visibility.public_organisations}


def entity_group(key, query):
    entities, has_more = first_results(match_entities(PUBLIC_ENTITIES[key]().prefetch_related("aliases"), query))
    for entity in entities:
        entity.hits = name_hits(entity.name, query)
        for alias in entity.aliases.all():
            alias.hits = name_hits(alias.name, query)
    return ResultGroup(key, entities, has_more, list_url(f"web:{key[:-1]}_list", query))


def event_group(query, named):
    """Events by title or place, best first, then events with a participant of that name: two
    limited queries, where one with an OR over both would rank every participant's event."""
    events = visibility.public_events()
    by_title = list(ranked(match_titles(events, ["title", "place"], query))[:RESULTS_PER_GROUP + 1])
    by_participant = events.filter(pk__in=events_with_participants(*named)).exclude(pk__in=[e.pk for e in by_title])
    rows = by_title + list(by_participant.order_by(*Event._meta.ordering, "pk")[:RESULTS_PER_GROUP + 1 - len(by_title)])
    events, has_more = rows[:RESULTS_PER_GROUP], len(rows) > RESULTS_PER_GROUP
    for event in events:
        event.hits = text_hits(event.title, query)
    return ResultGroup("events", events, has_more, list_url("web:event_list", query))


CANDIDATES = RESULTS_PER_GROUP + 1  # from each way of matching a claim


def claims_by_named(named):
    """(claim id, Reason) of the newest public claims made by, then about, the persons and
    organisations `named` (ids): each an index range, read as ids."""
    persons, organisations = named
    claims = visibility.public_claims().latest_first()
    found = []
    for field, ids, model in (("person", persons, Person), ("organisation", organisations, Organisation)):
        if not ids:
            continue
        made = claims.filter(**{f"claimant_{field}__in": ids}).values_list("pk", f"claimant_{field}")[:CANDIDATES]
        about = (Claim._meta.get_field(f"about_{field}s").remote_field.through.objects
                 .filter(**{f"{field}__in": ids}, claim__in=claims).order_by("-claim")
                 .values_list("claim", field)[:CANDIDATES])
        made, about = list(made), list(about)
        entities = model.objects.prefetch_related("aliases").in_bulk({entity for _, entity in made + about})
        found += [(pk, Reason("made_by", entities[entity])) for pk, entity in made]
        found += [(pk, Reason("about", entities[entity])) for pk, entity in about]
    return found


def claims_by_words(query):
    ids = ranked(among_newest(match_claims(visibility.public_claims(), query))).values_list("pk", flat=True)
    return [(pk, Reason("words")) for pk in ids[:CANDIDATES]]


def claims_by_meaning(query):
    """Public claims whose vectors are closest to the query's, closest first. The index holds
    every embedded claim, so a few more are asked for than are kept."""
    neighbours = [n for n in vectors.nearest_to_query(query, 2 * CANDIDATES) if n.similarity >= MIN_MEANING_SIMILARITY]
    public = set(visibility.public_claims().filter(pk__in=[n.claim_id for n in neighbours]).values_list("pk", flat=True))
    return [(n.claim_id, Reason("meaning", similarity=n.similarity)) for n in neighbours if n.claim_id in public][:CANDIDATES]


def fused(*ranked_lists):
    """Claim id -> (score, reasons) by reciprocal rank fusion of lists of (claim id, Reason)."""
    scores = {}
    for found in ranked_lists:
        for rank, (pk, reason) in enumerate(found):
            score, reasons = scores.get(pk, (0.0, []))
            scores[pk] = (score + 1 / (FUSION_K + rank + 1), reasons + [reason])
    return scores


def claim_group(query, named):
    """Claims by and about whom the query names, with its words and close to it in meaning, as
    one list best first; each claim with `.reasons` (why it matched) and `.hits` (its words)."""
    scores = fused(*(found for found in (claims_by_named(named), claims_by_words(query), claims_by_meaning(query))))
    best = sorted(scores, key=lambda pk: (-scores[pk][0], -pk))
    rows = visibility.claim_rows().in_bulk(best[:RESULTS_PER_GROUP])
    claims = [rows[pk] for pk in best[:RESULTS_PER_GROUP] if pk in rows]
    for claim in claims:
        claim.reasons = scores[claim.pk][1]
        claim.hits = text_hits(claim.text, query)
    return ResultGroup("claims", claims, len(best) > RESULTS_PER_GROUP, list_url("web:claim_list", query))


def sentence_group(query, named):
    """Sentences of current articles (not page chrome) containing the words, best first, then
    sentences naming someone `query` names; each named person or organisation marked."""
    sentences = (
        visibility.current_sentences().exclude(kind=SentenceKind.CHROME)
        .select_related("source")
        .prefetch_related(Prefetch("mentions", queryset=mentions_of(*named), to_attr="named"))
    )
    by_text = list(ranked(among_newest(match_text(sentences, query)))[:RESULTS_PER_GROUP + 1])
    by_name = (sentences.filter(pk__in=mentions_of(*named).values("sentence"))
               .exclude(pk__in=[sentence.pk for sentence in by_text]).order_by(*sentences.model._meta.ordering, "pk"))
    rows = by_text + list(by_name[:RESULTS_PER_GROUP + 1 - len(by_text)])
    sentences, has_more = rows[:RESULTS_PER_GROUP], len(rows) > RESULTS_PER_GROUP
    for sentence in sentences:
        sentence.hits = text_hits(sentence.text, query) + sentence.named
    return ResultGroup("sentences", sentences, has_more)


AUTOCOMPLETE_RESULTS = 10


def autocomplete_choices(kind, query):
    """The records a filter's autocomplete offers for `query`: the best-matching public persons
    or organisations, or current sources by title."""
    sources = visibility.current_sources()
    if not query:
        return sources.none()
    if kind == "sources":
        return sources.filter(title__icontains=query).order_by(*sources.model._meta.ordering, "pk")
    return ranked(match_entities(PUBLIC_ENTITIES[kind](), query))


def search_all(query):
    """The results for `query`, grouped by kind of record, each group in order of relevance."""
    query = clean_query(query)
    if not query:
        return []
    named = named_ids(query)
    return [
        entity_group("persons", query),
        entity_group("organisations", query),
        event_group(query, named),
        claim_group(query, named),
        sentence_group(query, named),
    ]
