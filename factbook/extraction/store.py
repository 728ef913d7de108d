"""Writes one extracted article to the database in a fixed number of bulk statements whatever
the article's size: first the new entities and aliases it names (`store_entities`, under the
resolution lock), then the source, its sentences, roles, mentions, events with their links and
claims with theirs (`store_article`), and the history rows of each (django-simple-history's own
bulk writer for rows, and its many-to-many history alongside)."""

import datetime as dt
import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

from django.db import connection, models, transaction
from django.db.models import Count, Q
from django.db.models.constants import OnConflict
from django.utils import timezone
from simple_history.utils import get_m2m_field_name, get_m2m_reverse_field_name

from factbook.claims.models import Claim
from factbook.curation.history import UNNAMED_ACTION  # bulk writes send no history signals
from factbook.entities import names
from factbook.entities.models import (
    EntityType,
    Mention,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Role,
)
from factbook.events.models import Event
from factbook.sources.languages import language_of_script
from factbook.sources.models import Sentence, Source

from .columns import fits, fitted
from .dates import RECENT, FoundDate, dates_compatible
from .events import TITLE_LANGUAGES, event_title
from .extract import Extraction
from .lexicon import lexicon_for
from .resolve import EntityRef
from .segment import Segment
from .stored_names import stored_entity
from .versions import carry_over, same_event_in_previous


@dataclass
class ArticleRecord:
    """What the import knows of one article before storing it."""

    text: str
    file_name: str
    language: str
    title: str
    published_on: object = None
    published_on_is_approximate: bool = False
    publisher: str = ""
    url: str = ""
    summary: str = ""
    previous_version: Source | None = None


@dataclass
class StoreResult:
    source: Source
    created: Counter = field(default_factory=Counter)
    carried: dict = field(default_factory=dict)


@dataclass
class StoredEntities:
    """The entity each stored ref names, and what `store_entities` added for them."""

    entities: dict
    created: Counter = field(default_factory=Counter)
    new: list = field(default_factory=list)  # persons and organisations
    new_aliases: list = field(default_factory=list)  # for the resolver, once the transaction commits


# Any 64-bit number no other application's advisory lock on the database uses.
RESOLUTION_LOCK = 0x46414354424F4F4B  # "FACTBOOK"


@contextmanager
def resolution_lock():
    """Held while an article's new entities and aliases are decided and written, until that
    transaction commits, so that imports running at once resolve against everything stored
    before them: the same person found by two processes ends as one row. Articles that name
    no one new do not take it. On PostgreSQL an advisory lock; SQLite, the embedded default,
    has no task queue: its imports run one at a time. Cost: README, "Import speed"."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RESOLUTION_LOCK])
    yield


def _advisory_locks(function, keys):
    """PostgreSQL advisory locks on text keys, taken in one statement and in one order (so
    that two processes wanting some of the same keys never wait for each other in a circle)."""
    if connection.vendor == "postgresql" and keys:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(k) FROM (SELECT DISTINCT hashtextextended(key, 0) AS k "
                           "FROM unnest(%s::text[]) AS key ORDER BY 1) AS keys", [sorted(keys)])


@contextmanager
def article_lock(*keys):
    """Held for a whole import of one article, on its text, file name and URL: a process
    importing the same text or another version of the same article waits, then finds it
    stored. Session locks, as the import spans transactions."""
    keys = [f"article:{key}" for key in keys if key]
    _advisory_locks("pg_advisory_lock", keys)
    try:
        yield
    finally:
        _advisory_locks("pg_advisory_unlock", keys)


def stored_refs(refs) -> list[EntityRef]:
    """The refs whose entity is stored: every one told apart and named."""
    return [ref for ref in dict.fromkeys(filter(None, refs)) if not ref.ambiguous and ref.names]


def writes_entities(refs, has_alias) -> bool:
    """Whether storing the article adds an entity, or an alias `has_alias(entity type, id, name)`
    says the database lacks: what `store_entities` does under the resolution lock."""
    for ref in stored_refs(refs):
        if ref.existing is None:
            return True
        model = PersonAlias if ref.entity_type == EntityType.PERSON else OrganisationAlias
        if any(not has_alias(ref.entity_type, ref.existing.pk, name) for name in _alias_names(ref, model)):
            return True
    return False


@transaction.atomic
def store_entities(refs, language, has_alias) -> StoredEntities:
    """New entities, and the aliases `has_alias(entity type, id, name)` says the database lacks."""
    stored = stored_refs(refs)
    new = {ref: _new_person(ref) if ref.entity_type == EntityType.PERSON else _new_organisation(ref)
           for ref in stored if ref.existing is None}
    for model in (Person, Organisation):
        _history_records(model, _insert(model, [e for e in new.values() if isinstance(e, model)]))
    result = StoredEntities({ref: stored_entity(ref.existing) if ref.existing else new[ref] for ref in stored},
                            new=list(new.values()))
    for ref in new:
        result.created[f"{ref.entity_type}s"] += 1
    result.new_aliases += _add_aliases(PersonAlias, "person", result.entities, language, has_alias)
    result.new_aliases += _add_aliases(OrganisationAlias, "organisation", result.entities, language, has_alias)
    return result


def existing_entities(refs) -> StoredEntities:
    """What `store_entities` returns for an article that names no one new."""
    return StoredEntities({ref: stored_entity(ref.existing) for ref in stored_refs(refs)})


@transaction.atomic
def remove_entities(stored: StoredEntities):
    """Undo `store_entities` for an article that then failed to store: its aliases, and the
    entities it added that nothing names yet (another article may have found them meanwhile)."""
    for model in (PersonAlias, OrganisationAlias):
        model.objects.filter(pk__in=[a.pk for a in stored.new_aliases if isinstance(a, model)]).delete()
    for model in (Person, Organisation):
        model.objects.filter(pk__in=[e.pk for e in stored.new if isinstance(e, model)], mentions=None).delete()


@transaction.atomic
def store_article(record: ArticleRecord, segments: list[Segment], extraction: Extraction,
                  refs: list[EntityRef | None], entities: dict) -> StoreResult:
    """The article itself, naming `entities` (ref -> stored entity)."""
    mention_entities = [entities.get(ref) for ref in refs]
    # Events join those other articles reported with a participant in common: articles with
    # none in common store theirs at once, the others one after another.
    _advisory_locks("pg_advisory_xact_lock", _event_keys(extraction, mention_entities))
    result = StoreResult(Source.objects.create(
        title=record.title, language=record.language, text=record.text, file_name=record.file_name,
        published_on=record.published_on, published_on_is_approximate=record.published_on_is_approximate,
        publisher=record.publisher, url=record.url, summary=record.summary, previous_version=record.previous_version,
    ))
    result.created["sources"] += 1
    sentences = _insert(Sentence, [
        Sentence(source=result.source, position=n, start=s.start, end=s.end, kind=s.kind,
                 text=record.text[s.start:s.end])
        for n, s in enumerate(segments)
    ])
    result.created["sentences"] += len(sentences)
    _store_roles(entities, result.source)
    _store_mentions(extraction, sentences, mention_entities, refs)
    events = _store_events(extraction, sentences, mention_entities, result.created, record.previous_version)
    _store_claims(extraction, sentences, mention_entities, events, result.created)
    if record.previous_version:
        result.carried = carry_over(record.previous_version, result.source)
    return result


def _event_keys(extraction, mention_entities) -> list[str]:
    """The lock keys of the article's events: each participant, and for an event naming none
    its kind and date (`_same_event` joins such events only on the very same date)."""
    keys = []
    for found in extraction.events:
        participants = {mention_entities[p] for p in found.participants} - {None}
        keys += [f"event:{type(e).__name__}:{e.pk}" for e in participants]
        if not participants:
            keys.append(f"event:{found.kind}:{found.factuality}:{found.date.date}:{found.date.precision}")
    return keys


def _store_roles(entities, source):
    """Each role the article gives a person, as of the article's date."""
    _insert(Role, [
        Role(person=entity, title=fitted(Role, "title", title), source=source, language=source.language,
              as_of=source.published_on)
        for ref, entity in entities.items() if isinstance(entity, Person) for title in ref.roles
    ], ignore_conflicts=True)  # a title twice: two names of one person, or equal once shortened


def _new_person(ref: EntityRef):
    role = ref.roles[0] if ref.roles else ""
    if ref.known:
        return Person(name=ref.known.name, description=ref.known.description or fitted(Person, "description", role),
                      wikidata_id=ref.known.wikidata_id)
    return Person(name=fitted(Person, "name", ref.display_name), name_is_automatic=ref.name_is_automatic,
                  description=fitted(Person, "description", role))


def _new_organisation(ref: EntityRef):
    if ref.known:
        return Organisation(name=ref.known.name, kind=ref.known.kind, wikidata_id=ref.known.wikidata_id)
    return Organisation(name=fitted(Organisation, "name", ref.display_name), kind=ref.organisation_kind or "other")


def _alias_names(ref, model) -> list[str]:
    """The names an entity gets an alias for; a name too long for its column is no name to match."""
    return [name for name in dict.fromkeys(names.normalise(n) for n in ref.names + list(ref.known.aliases if ref.known else []))
            if name and fits(model, "name", name)]


def _add_aliases(model, field_name, entities, language, has_alias):
    """The names of each entity it has no alias for yet (`has_alias`), written in one statement."""
    entity_model = model._meta.get_field(field_name).related_model
    added, adding = [], set()
    for ref, entity in entities.items():
        if not isinstance(entity, entity_model):
            continue
        for name in _alias_names(ref, model):
            if (entity.pk, name) not in adding and not (ref.existing and has_alias(field_name, entity.pk, name)):
                adding.add((entity.pk, name))
                alias = model(name=name, language=language_of_script(names.script_code(name), language),
                              **{field_name: entity})
                alias.fill_keys()
                added.append(alias)
    _history_records(model, _insert(model, added))
    return added


def _store_mentions(extraction, sentences, mention_entities, refs):
    _insert(Mention, [
        Mention(
            sentence=sentences[m.sentence], start=m.start, end=m.end, text=m.text,
            entity_type=m.entity_type, role=fitted(Mention, "role", m.role),
            person=entity if m.entity_type == EntityType.PERSON else None,
            organisation=entity if m.entity_type == EntityType.ORGANISATION else None,
        )
        for m, entity in zip(extraction.mentions, mention_entities)
    ])


def _store_claims(extraction, sentences, mention_entities, events, created):
    claims, about = [], {}
    for found in extraction.claims:
        claimant = mention_entities[found.claimant] if found.claimant is not None else None
        claim = Claim(
            sentence=sentences[found.sentence], start=found.start, end=found.end, text=found.text,
            mode=found.mode, polarity=found.polarity,
            claimant_person=claimant if isinstance(claimant, Person) else None,
            claimant_organisation=claimant if isinstance(claimant, Organisation) else None,
            event=events[found.event] if found.event is not None else None,
        )
        claims.append(claim)
        about[id(claim)] = {
            entity for m, entity in zip(extraction.mentions, mention_entities)
            if entity is not None and entity != claimant and m.sentence == found.sentence
            and found.start <= m.start and m.end <= found.end
        }
    _insert(Claim, claims)
    links = {
        "about_persons": _link(Claim, "about_persons",
                               [(c, e) for c in claims for e in about[id(c)] if isinstance(e, Person)]),
        "about_organisations": _link(Claim, "about_organisations",
                                     [(c, e) for c in claims for e in about[id(c)] if isinstance(e, Organisation)]),
    }
    _write_history(Claim, claims, links)
    created["claims"] += len(claims)


@dataclass(eq=False)
class _EventPlan:
    """An event the article reports: new, or one already stored that it joins."""

    event: Event
    persons: set
    organisations: set
    sentences: list = field(default_factory=list)
    new_date: bool = False  # a stored event that gets the date this article gives


def _store_events(extraction, sentences, mention_entities, created, previous_version=None):
    """Store each event, joining one another article already reported; returns the stored
    event of each found one, in order."""
    plans, stored, found_events = {}, [], []
    for found in extraction.events:
        participants = {mention_entities[p] for p in found.participants} - {None}
        found_events.append((found, {e for e in participants if isinstance(e, Person)},
                             {e for e in participants if isinstance(e, Organisation)}))
    joined = _stored_events_joined(found_events)
    for found, persons, organisations in found_events:
        earlier = same_event_in_previous(previous_version, found.kind, found.date, persons, organisations)
        plan = (_plan_for(earlier, plans) if earlier
                else _same_event(found.kind, found.factuality, found.date, persons, organisations, plans,
                                 joined.get(id(found))))
        if plan is None:
            titles = event_titles(found, extraction.mentions, mention_entities)
            event = Event(
                kind=found.kind, factuality=found.factuality, title=fitted(Event, "title", titles["en"]),
                titles=titles, date=found.date.date, date_precision=found.date.precision, place=found.place,
            )
            plan = plans[id(event)] = _EventPlan(event, set(), set())
            created["events"] += 1
        elif _better_date(plan.event, found.date):
            plan.event.date, plan.event.date_precision = found.date.date, found.date.precision
            plan.new_date = plan.event.pk is not None
        plan.persons |= persons
        plan.organisations |= organisations
        plan.sentences += [sentences[n] for n in found.sentences]
        stored.append(plan.event)
    _write_events(list(plans.values()))
    return stored


def _better_date(event, date: FoundDate) -> bool:
    """Whether the date an article gives improves the event's: any date for an undated event,
    a real one for an event only known to be "on or before". A curator's date stands."""
    if event.is_reviewed:
        return False
    if event.date is None:
        return date.date is not None
    return event.date_precision == "before" and not _undated(date)


def _undated(date: FoundDate) -> bool:
    """Whether a date tells two happenings apart by no day, month or year of its own."""
    return date.precision in ("unknown", "before")


def _write_events(plans):
    stored = [p.event for p in plans if p.event.pk is not None]
    new = [p.event for p in plans if p.event.pk is None]
    _insert(Event, new)
    Event.objects.bulk_update([p.event for p in plans if p.new_date], ["date", "date_precision"])
    had = {name: _links_of(Event, name, stored) for name in ("persons", "organisations")}
    links = {name: _link(Event, name, [(p.event, target) for p in plans for target in getattr(p, name)], had[name])
             for name in had}
    _link(Event, "sentences", [(p.event, s) for p in plans for s in p.sentences])  # all new; kept in no history
    _write_history(Event, new, links)
    linked = {row.event_id for rows in links.values() for row in rows}
    changed = [p.event for p in plans if p.event in stored and (p.new_date or p.event.pk in linked)]
    if changed:  # their history records the links they had before this article too
        ids = {event.pk for event in changed}
        _write_history(Event, changed, {name: [row for row in had[name] + links[name] if row.event_id in ids]
                                        for name in links}, update=True)


def _link(model, field_name, pairs, had=()):
    """Through rows of a many-to-many field for (instance, target) pairs that are not linked
    yet (`had`: the rows the instances have), written in one statement; returns them."""
    field = model._meta.get_field(field_name)
    through, own, other = field.remote_field.through, get_m2m_field_name(field), get_m2m_reverse_field_name(field)
    existing = {(getattr(row, f"{own}_id"), getattr(row, f"{other}_id")) for row in had}
    rows = [through(**{f"{own}_id": instance.pk, f"{other}_id": target.pk})
            for instance, target in dict.fromkeys((i, t) for i, t in pairs) if (instance.pk, target.pk) not in existing]
    return _insert(through, rows)


def _links_of(model, field_name, instances) -> list:
    if not instances:
        return []
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    return list(through.objects.filter(**{f"{get_m2m_field_name(field)}_id__in": [i.pk for i in instances]}))


def _write_history(model, instances, links, update=False):
    """One history record per instance, with the many-to-many links it has, as
    simple-history's signal handlers would write them one query at a time."""
    history, m2m_history = _history_models(model)
    record_of = _history_records(model, instances, update)
    for field_name, rows in links.items():
        field = model._meta.get_field(field_name)
        own, other = get_m2m_field_name(field), get_m2m_reverse_field_name(field)
        _insert_rows(m2m_history[field_name], [
            {"history_id": record_of[getattr(row, f"{own}_id")], "id": row.pk,
             f"{own}_id": getattr(row, f"{own}_id"), f"{other}_id": getattr(row, f"{other}_id")}
            for row in rows if getattr(row, f"{own}_id") in record_of
        ])


def _history_records(model, instances, update=False) -> dict[int, int]:
    """The history record of each instance, as simple-history's bulk_history_create makes them
    (bulk writes send no signals); the id of each instance's record. The database copies them
    from the rows just written, one statement per batch of ids, rather than Python building
    each record from the instance (that took 15% of storing an article)."""
    if not instances:
        return {}
    history = _history_models(model)[0].model
    user = history.get_default_history_user(instances[0])
    quote = connection.ops.quote_name
    tracked = ", ".join(quote(f.column) for f in history.tracked_fields)
    recorded = ", ".join(map(quote, ["history_date", "history_user_id", "history_change_reason", "history_type"]))
    now = history._meta.get_field("history_date").get_db_prep_save(timezone.now(), connection)
    common = [now, user.pk if user else None, UNNAMED_ACTION, "~" if update else "+"]
    ids = [instance.pk for instance in instances]
    record_of = {}
    with connection.cursor() as cursor:
        for first in range(0, len(ids), HISTORY_BATCH):
            batch = ids[first : first + HISTORY_BATCH]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({tracked}, {recorded}) "
                f"SELECT {tracked}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(batch))}) "
                f"RETURNING {quote(model._meta.pk.column)}, history_id", common + batch)
            record_of.update(cursor.fetchall())
    return record_of


def _insert(model, objs, ignore_conflicts=False) -> list:
    """`objs` written in one statement (`_insert_rows`), their ids set (unless conflicting
    rows are ignored)."""
    if not objs:
        return objs
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    fields = [f for f in model._meta.concrete_fields if not f.primary_key or getattr(objs[0], f.attname) is not None]
    ids = _insert_rows(model, [{f.attname: f.pre_save(obj, True) for f in fields} for obj in objs], ignore_conflicts)
    for obj, pk in zip(objs, ids):
        setattr(obj, model._meta.pk.attname, pk)
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias
    return objs


HISTORY_BATCH = 500  # ids a history statement copies: below every database's limit of parameters

# Fields whose Python values JSON carries as the database stores them (dates as ISO text).
AS_IS_IN_JSON = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey,
                 models.JSONField, models.DateField)
# Fields whose Python values a database driver binds as they are.
AS_IS_BOUND = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def _insert_rows(model, rows, ignore_conflicts=False) -> list[int]:
    """Rows (field attribute name -> value, the same names in each) in one INSERT; their ids,
    unless conflicting rows are ignored. Written directly rather than by bulk_create, which
    builds a model instance and compiles every value of every row: that cost more than all
    the rest of storing an article."""
    if not rows:
        return []
    if connection.vendor == "postgresql":
        return _insert_json_rows(model, rows, ignore_conflicts)
    if not connection.features.can_return_rows_from_bulk_insert:
        return [o.pk for o in model.objects.bulk_create([model(**row) for row in rows], ignore_conflicts=ignore_conflicts)]
    opts, ops, quote = model._meta, connection.ops, connection.ops.quote_name
    fields = [opts.get_field(name) for name in rows[0]]
    prepared = [(f.attname, None if isinstance(f, AS_IS_BOUND) else f) for f in fields]
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    start = f"{ops.insert_statement(on_conflict=on_conflict)} {quote(opts.db_table)} " \
            f"({', '.join(quote(f.column) for f in fields)}) VALUES "
    end = "" if ignore_conflicts else f" RETURNING {quote(opts.pk.column)}"
    placeholders = f"({', '.join(['%s'] * len(fields))})"
    ids = []
    with connection.cursor() as cursor:
        batch = ops.bulk_batch_size(fields, rows)
        for first in range(0, len(rows), batch):
            part = rows[first : first + batch]
            values = [row[name] if f is None else f.get_db_prep_save(row[name], connection)
                      for row in part for name, f in prepared]
            cursor.execute(start + ", ".join([placeholders] * len(part)) + end, values)
            ids += [] if ignore_conflicts else [pk for pk, in cursor.fetchall()]
    return ids


def _insert_json_rows(model, rows, ignore_conflicts) -> list[int]:
    """`_insert_rows` on PostgreSQL: the rows travel as one JSON parameter, which costs less to
    bind than a parameter per value."""
    opts, quote = model._meta, connection.ops.quote_name
    fields = [opts.get_field(name) for name in rows[0]]
    prepared = [(f.attname, f.column, None if isinstance(f, AS_IS_IN_JSON) else f) for f in fields]
    data = json.dumps([{column: row[name] if f is None else f.get_db_prep_save(row[name], connection)
                        for name, column, f in prepared} for row in rows], default=str)
    table, columns = quote(opts.db_table), ", ".join(quote(f.column) for f in fields)
    end = "ON CONFLICT DO NOTHING" if ignore_conflicts else f"RETURNING {quote(opts.pk.column)}"
    with connection.cursor() as cursor:
        # In the order given, so that the ids returned are the rows' in order.
        cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM json_populate_recordset"
                       f"(NULL::{table}, %s) WITH ORDINALITY AS given ORDER BY given.ordinality {end}", [data])
        return [] if ignore_conflicts else [pk for pk, in cursor.fetchall()]


@cache
def _history_models(model):
    """The model's history manager and its many-to-many history models by field name (each
    access to `model.history` builds a new manager class)."""
    history = model.history
    return history, {field.name: getattr(history.model, field.name).model for field in history.model._history_m2m_fields}


def _same_event(kind, factuality, date: FoundDate, persons, organisations, plans, stored):
    """An event of the same kind, factuality and a compatible date, found earlier in this
    article or stored before (`stored`, the first `_stored_events_joined` found): with one
    shared person when both dates are known, two when one is not; an event that names no
    person joins one only on the very same date and with the same organisations."""
    for plan in plans.values():  # those this article found already, and the stored ones it joined
        if (plan.event.kind, plan.event.factuality) != (kind, factuality):
            continue
        if persons and _joins(date, FoundDate(plan.event.date, plan.event.date_precision),
                              len(persons & plan.persons)):
            return plan
        if not persons and not plan.persons and not _undated(date) and plan.organisations == organisations \
                and (plan.event.date, plan.event.date_precision) == (date.date, date.precision):
            return plan
    # One plan per stored row: two happenings of this article that both join it update it once.
    return _plan_for(stored, plans) if stored else None


def _window(date: FoundDate):
    """The dates every date compatible with `date` lies between, a day either side; None for any."""
    if not date.date:
        return None
    first, last = ((date.date - RECENT, date.date) if date.precision == "before" else
                   (date.date.replace(month=1, day=1), date.date.replace(month=12, day=31)))
    return first - dt.timedelta(days=1), last + dt.timedelta(days=1)


def _in_window(window, event_date, precision) -> bool:
    return window is None or event_date is None or precision == "before" or window[0] <= event_date <= window[1]


def _stored_events_joined(found_events) -> dict:
    """For each event found (by id), the first stored event `_same_event` joins it to, in the
    events' order: of the same kind and factuality, in its date window, with enough persons in
    common, or naming nobody, on the same date, with the same organisations. One query reads
    the candidates' shared persons (a popular person's other events are never loaded), one
    those that name nobody, one the events chosen."""
    named = [(found, persons) for found, persons, _ in found_events if persons]
    unnamed = [(found, organisations) for found, persons, organisations in found_events
               if not persons and not _undated(found.date)]
    chosen = {}
    if named:  # one plain condition for all (cheap to build and plan); each event's own test below
        windows = [w for w in (_window(found.date) for found, _ in named) if w]
        dated = Q(pk__in=[])
        if windows:
            dated = (Q(event__date__range=(min(w[0] for w in windows), max(w[1] for w in windows)))
                     | Q(event__date__isnull=True) | Q(event__date_precision="before"))
        undated = {p for found, persons in named if _undated(found.date) for p in persons}
        if undated:  # an undated event joins one of any date that shares two persons: only those are read
            dated |= Q(event_id__in=Event.persons.through.objects.filter(person__in=undated).values("event_id")
                       .annotate(shared=Count("person_id")).filter(shared__gte=2).values("event_id"))
        condition = Q(person__in={p for _, persons in named for p in persons},
                      event__kind__in={found.kind for found, _ in named}) & dated
        candidates = {}  # event id -> (kind, factuality, date, precision, person ids), in the events' order
        rows = (Event.persons.through.objects.filter(condition)
                .order_by(*(f"{'-' if o.startswith('-') else ''}event__{o.lstrip('-')}" for o in Event._meta.ordering))
                .values_list("event_id", "event__kind", "event__factuality", "event__date", "event__date_precision",
                             "person_id"))
        for event_id, *event, person_id in rows:
            candidates.setdefault(event_id, (*event, set()))[-1].add(person_id)
        for found, persons in named:
            window, ids = _window(found.date), {p.pk for p in persons}
            chosen[id(found)] = next(
                (event_id for event_id, (kind, factuality, date, precision, shared) in candidates.items()
                 if (kind, factuality) == (found.kind, found.factuality) and _in_window(window, date, precision)
                 and len(ids & shared) >= (2 if _undated(found.date) else 1)
                 and _joins(found.date, FoundDate(date, precision), len(ids & shared))), None)
    if unnamed:
        candidates = {}  # event id -> (kind, factuality, date, precision, organisation ids)
        rows = Event.objects.filter(kind__in={found.kind for found, _ in unnamed},
                                    date__in={found.date.date for found, _ in unnamed}, persons=None).values_list(
            "id", "kind", "factuality", "date", "date_precision", "organisations")
        for event_id, *event, organisation_id in rows:
            candidates.setdefault(event_id, (*event, set()))[-1].add(organisation_id)
        for found, organisations in unnamed:
            wanted = (found.kind, found.factuality, found.date.date, found.date.precision, {o.pk for o in organisations})
            chosen[id(found)] = next((event_id for event_id, (*event, linked) in candidates.items()
                                      if (*event, linked - {None}) == wanted), None)
    events = Event.objects.in_bulk({pk for pk in chosen.values() if pk})
    return {key: events[pk] for key, pk in chosen.items() if pk}


def _joins(date, stored: FoundDate, shared):
    """Whether an event of date `stored` sharing `shared` persons with the one found is the same happening."""
    if not dates_compatible(date, stored):
        return False
    return shared >= (2 if _undated(date) or _undated(stored) else 1)


def _plan_for(event, plans):
    return plans.setdefault(id(event), _EventPlan(event, set(), set()))


def event_titles(found, mentions, mention_entities) -> dict[str, str]:
    """The event's title in each interface language, persons first: a party's display name,
    or the article's own spelling when that is in the language's script and the name is not."""
    parties = {mention_entities[p]: mentions[p].text for p in found.participants if mention_entities[p] is not None}
    ordered = sorted(parties.items(), key=lambda party: not isinstance(party[0], Person))
    titles = {}
    for language in TITLE_LANGUAGES:
        def in_script(text):
            return language_of_script(names.script_code(text), language) == language
        who = [written if in_script(written) and not in_script(entity.name) else entity.name
               for entity, written in ordered]
        titles[language] = event_title(found.kind, who, found.place, lexicon_for(language).event_titles)
    return titles
