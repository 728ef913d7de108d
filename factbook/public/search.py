"""Search over claims, sentences, persons, organisations and events.

The `match_*` functions narrow a queryset to what matches a query; the list filters use them
too, so a list's "q" finds what the search page finds. On PostgreSQL they use its indexes
(factbook/web/migrations/0002_search_indexes.py): sentences and claims by full text over a
stored tsvector ('simple' configuration), names, titles and places by substring and trigram
similarity; elsewhere they fall back to substring matching. Names are found in any script
through EntityQuerySet.search (alias transliteration and consonant skeleton). Each group of the
search page runs a few limited queries whose cost does not grow with the collection (see
`text_matches`, `best_entities`), never an OR of a text test with an `IN (subquery)`, which
PostgreSQL re-scans for every row.

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
from django.db.models import BooleanField, Expression, F, FloatField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.corroboration import vectors
from factbook.entities import names
from factbook.entities.models import Mention, Organisation, Person
from factbook.events.models import Event
from factbook.queries import Among
from factbook.sources.models import SentenceKind

from . import visibility
from .pagination import estimated_count

MAX_QUERY_LENGTH = 200
RESULTS_PER_GROUP = 20
# Up to this many sentences or claims with the words (by the planner's estimate), all of them are
# read through the full-text index and ranked; beyond, the newest are read newest first. At a
# million rows the two cost the same here (about 15 µs a row read through the index, about 0.6 µs
# a row walked newest first: 1,000 matches, or 21 matches among 21,000 rows).
DENSE_MATCHES = 1000
# Word similarity from which a name counts as a (misspelt) match without the alias rules:
# pg_trgm's word_similarity_threshold, which the web app sets on every PostgreSQL connection.
MIN_NAME_SIMILARITY = 0.5
# A query of more words than this is not looked for as a misspelt name.
MAX_NAME_WORDS = 5
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
    """A tsquery of every word of `query` as a whole word; with `prefix`, its last word may be the
    beginning of one, as a reader types it. Every word a beginning made a seven-word query cost
    20-30 ms at a million claims (each short word, "on", begins thousands of words), a fifth of a
    search; whole words cost under a millisecond."""
    words = query.split()
    lexemes = ("'{}'{}".format(word.replace("\\", "\\\\").replace("'", "''"), ":*" if prefix and n == len(words) - 1 else "")
               for n, word in enumerate(words))
    return SearchQuery(" & ".join(lexemes), config="simple", search_type="raw")


def has_words(query, fields):
    """Every word of `query` in one of `fields`, as a substring."""
    condition = Q()
    for word in query.split():
        condition &= reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
    return condition


def match_text(queryset, query):
    """Rows (sentences, claims) whose text has every word of `query`.

    On PostgreSQL through the stored tsvector and its GIN index: the query's words, the last as
    the beginning of a word. Elsewhere any substring matches."""
    if not on_postgresql(queryset):
        return queryset.filter(has_words(query, ["text"]))
    return queryset.filter(SearchVectorExact(SearchDocument(), words_query(query, prefix=True)))


def text_matches(queryset, query, count):
    """Up to `count` rows of `queryset` (sentences, claims) whose text has every word of
    `query`, as a list: whole-word hits first, then the newest.

    Two queries on PostgreSQL whatever the words, each bounded. EXPLAIN gives the planner's
    estimate of how many rows of the whole table have them (its statistics of the tsvectors know
    the common words; a rare or unknown word is estimated at a few hundred rows). Up to
    DENSE_MATCHES, every match is read through the GIN index and ranked. Beyond, matches are
    dense, so the newest `count` are a short walk of the primary key backwards, and they are
    ranked among themselves. Left to choose, the planner walks backwards for a word estimated
    at 500 rows too: all million claims (0.5 s) when it is in none."""
    matches = match_text(queryset, query)
    if not on_postgresql(queryset):
        return list(matches.order_by("-pk")[:count])
    whole = SearchVectorExact(SearchDocument(), words_query(query, prefix=False))
    if estimated_count(match_text(queryset.model.objects.all(), query)) <= DENSE_MATCHES:
        return list(matches.annotate(whole=whole).order_by("-whole", "-pk")[:count])
    newest = list(matches.annotate(whole=whole).order_by("-pk")[:count])
    return sorted(newest, key=lambda row: not row.whole)  # stable: newest first among equals


def match_titles(queryset, fields, query):
    """Rows with every word of `query` in one of `fields`, ranked on PostgreSQL by full-text rank
    (the substring tests use its trigram indexes)."""
    queryset = queryset.filter(has_words(query, fields))
    if not on_postgresql(queryset):
        return queryset
    return queryset.annotate(rank=SearchRank(SearchVector(*fields, config="simple"), words_query(query, prefix=False)))


def named_entities(query):
    """Persons and organisations readers may see whose names match `query`, in any script."""
    return visibility.public_persons().search(query), visibility.public_organisations().search(query)


def named_ids(query):
    """The ids of `named_entities` in name order, read once for the search page's groups that all
    need them. In two steps, the matching ids and then those of them readers may see: as one
    query, PostgreSQL read and hashed all 50,000 persons to keep the 1,100 named "Bajwa"."""
    return tuple(
        list(public().filter(Among("pk", [pk for pk, in model.objects.name_matches(query).values_list("pk")]))
             .order_by("name", "pk").values_list("pk", flat=True))
        for model, public in ((Person, visibility.public_persons), (Organisation, visibility.public_organisations))
    )


def names_a_name(query):
    """Whether `query` is short enough to be a misspelt name: a sentence is not one, and PostgreSQL
    scanned all 10,000 organisations to compare their names with a seven-word query (58 ms)."""
    return len(query.split()) <= MAX_NAME_WORDS


def similar_names(model, query):
    """The ids of the persons or organisations (`model`) with a name or an alias within trigram
    reach of `query` (typos), each part served by a trigram index: `name %> query`."""
    aliases = model._meta.get_field("aliases")
    similar_name = TrigramWordSimilar(F("name"), query)
    return (model.objects.filter(similar_name).order_by().values("pk"),
            aliases.related_model.objects.filter(similar_name).order_by().values(aliases.field.name))


def match_entities(queryset, query):
    """Persons or organisations named `query` in any script; on PostgreSQL also names within
    trigram reach of it (typos)."""
    model = queryset.model
    if not on_postgresql(queryset) or not names_a_name(query):
        return queryset.filter(pk__in=model.objects.name_matches(query))
    return queryset.filter(pk__in=model.objects.name_matches(query, *similar_names(model, query)))


def name_similarity(model, query):
    """How close `query` is to the name of each row or to its closest alias (pg_trgm)."""
    aliases = model._meta.get_field("aliases")
    closest_alias = (
        aliases.related_model.objects.filter(**{aliases.field.name: OuterRef("pk")})
        .annotate(similarity=TrigramWordSimilarity(Value(query), "name"))
        .order_by("-similarity")
        .values("similarity")[:1]
    )
    return Greatest(
        TrigramWordSimilarity(Value(query), "name"),
        Coalesce(Subquery(closest_alias, output_field=FloatField()), 0.0),
    )


def best_entities(queryset, query, named, count):
    """Up to `count` of the persons or organisations of `queryset`: those `named` (the ids of
    the names with `query` in them, in name order) first, then on PostgreSQL the names most
    similar to it. Always two queries: the similar names are looked for (and their similarity
    computed, 10 µs a name) only when the named are too few and the query could be a name, else
    the query is `WHERE false`, so that "Bajwa", in 1,000 names, does not rank them all."""
    rows = {row.pk: row for row in queryset.filter(Among("pk", named[:count]))}  # a query even for none
    found = [rows[pk] for pk in named[:count] if pk in rows]
    if not on_postgresql(queryset):
        return found
    wanted = count - len(found) if names_a_name(query) else 0
    similar = (queryset.filter(pk__in=reduce(QuerySet.union, similar_names(queryset.model, query)))
               .exclude(Among("pk", named)).filter(Value(wanted > 0, output_field=BooleanField()))
               .annotate(rank=name_similarity(queryset.model, query)).order_by("-rank", "name", "pk"))
    return found + list(similar[:max(wanted, 1)])


def match_claims(queryset, query):
    return match_text(queryset, query)


def events_with_participants(persons, organisations):
    """Ids of the events of the persons or organisations that the filters `persons` and
    `organisations` (of `person` and `organisation` in the tables of participants) let through."""
    through_persons = Event.persons.through.objects.filter(persons).values_list("event")
    through_organisations = Event.organisations.through.objects.filter(organisations).values_list("event")
    return through_persons.union(through_organisations)


def match_events(queryset, query):
    """Events by title or place, and events whose participants are named `query`: one set of
    ids, a UNION, where an OR of the title test with `IN (participants' events)` may rescan the
    subquery for every event."""
    by_title = Event.objects.filter(has_words(query, ["title", "place"])).order_by().values_list("pk")
    persons, organisations = named_entities(query)
    participants = events_with_participants(Q(person__in=persons), Q(organisation__in=organisations))
    return queryset.filter(pk__in=by_title.union(participants))


def mentions_of(persons, organisations):
    """Mentions of the persons or organisations (ids)."""
    return Mention.objects.filter(Q(Among("person", persons)) | Q(Among("organisation", organisations)))


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


def list_url(url_name, query):
    return f"{reverse(url_name)}?{urlencode({'q': query})}"


PUBLIC_ENTITIES = {"persons": visibility.public_persons, "organisations": visibility.public_organisations}


def entity_group(key, query, named):
    rows = best_entities(PUBLIC_ENTITIES[key]().prefetch_related("aliases"), query, named, RESULTS_PER_GROUP + 1)
    entities, has_more = rows[:RESULTS_PER_GROUP], len(rows) > RESULTS_PER_GROUP
    names.prepare_names([query, *(n for e in entities for n in [e.name, *(a.name for a in e.aliases.all())])])
    for entity in entities:
        entity.hits = name_hits(entity.name, query)
        for alias in entity.aliases.all():
            alias.hits = name_hits(alias.name, query)
    return ResultGroup(key, entities, has_more, list_url(f"web:{key[:-1]}_list", query))


def event_group(query, named):
    """Events by title or place, best first, then events with a participant of that name:
    limited queries, where one with an OR over both would rank every participant's event.

    The participants' events are read as ids first (a few thousand for a name a thousand persons
    share): given them as a subquery, PostgreSQL walked every event in date order and compared
    each with all of them (1.3 million comparisons, 185 ms)."""
    events = visibility.public_events()
    by_title = list(ranked(match_titles(events, ["title", "place"], query))[:RESULTS_PER_GROUP + 1])
    persons, organisations = named
    participants = events_with_participants(Among("person", persons), Among("organisation", organisations))
    by_participant = events.filter(Among("pk", [pk for pk, in participants])).exclude(pk__in=[e.pk for e in by_title])
    wanted = max(RESULTS_PER_GROUP + 1 - len(by_title), 1)  # at least one, so that a page always runs its queries
    rows = by_title + list(by_participant.order_by(*Event._meta.ordering, "pk")[:wanted])
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
        made = claims.filter(Among(f"claimant_{field}", ids)).values_list("pk", f"claimant_{field}")[:CANDIDATES]
        about = (Claim._meta.get_field(f"about_{field}s").remote_field.through.objects
                 .filter(Among(field, ids), claim__in=claims).order_by("-claim")
                 .values_list("claim", field)[:CANDIDATES])
        made, about = list(made), list(about)
        entities = model.objects.prefetch_related("aliases").in_bulk({entity for _, entity in made + about})
        found += [(pk, Reason("made_by", entities[entity])) for pk, entity in made]
        found += [(pk, Reason("about", entities[entity])) for pk, entity in about]
    return found


def claims_by_words(query):
    return [(claim.pk, Reason("words")) for claim in text_matches(visibility.public_claims().only("pk"), query, CANDIDATES)]


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
    by_text = text_matches(sentences, query, RESULTS_PER_GROUP + 1)
    by_name = (sentences.filter(pk__in=mentions_of(*named).values("sentence"))
               .exclude(pk__in=[sentence.pk for sentence in by_text]).order_by(*sentences.model._meta.ordering, "pk"))
    rows = by_text + list(by_name[:RESULTS_PER_GROUP + 1 - len(by_text)])
    sentences, has_more = rows[:RESULTS_PER_GROUP], len(rows) > RESULTS_PER_GROUP
    for sentence in sentences:
        sentence.hits = text_hits(sentence.text, query) + sentence.named
    return ResultGroup("sentences", sentences, has_more)


AUTOCOMPLETE_RESULTS = 10


def autocomplete_choices(kind, query, count):
    """Up to `count` records a filter's autocomplete offers for `query`: the best-matching public
    persons or organisations, or current sources by title."""
    if not query:
        return []
    if kind == "sources":
        sources = visibility.current_sources()
        return list(sources.filter(title__icontains=query).order_by(*sources.model._meta.ordering, "pk")[:count])
    entities = PUBLIC_ENTITIES[kind]()
    named = list(entities.search(query).order_by("name", "pk").values_list("pk", flat=True)[:count])
    return best_entities(entities, query, named, count)


def search_all(query):
    """The results for `query`, grouped by kind of record, each group in order of relevance."""
    query = clean_query(query)
    if not query:
        return []
    named = named_ids(query)
    return [
        entity_group("persons", query, named[0]),
        entity_group("organisations", query, named[1]),
        event_group(query, named),
        claim_group(query, named),
        sentence_group(query, named),
    ]
