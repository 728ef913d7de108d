"""Writes one extracted article to the database, all or nothing, in a fixed number of bulk
statements whatever the article's size: the source, its sentences, new entities and aliases,
roles, mentions, events with their links, claims with theirs, and the history rows of each
(django-simple-history's own bulk writer for rows, and its many-to-many history alongside)."""

import datetime as dt
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

from django.db import connection, transaction
from django.db.models import Count, Q
from simple_history.utils import bulk_create_with_history, get_m2m_field_name, get_m2m_reverse_field_name

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
    new_aliases: list = field(default_factory=list)  # for the resolver, once the transaction commits
    carried: dict = field(default_factory=dict)


# Any 64-bit number no other application's advisory lock on the database uses.
RESOLUTION_LOCK = 0x46414354424F4F4B  # "FACTBOOK"


@contextmanager
def resolution_lock():
    """Held from resolving an article's names until its transaction commits, so that imports
    running at once resolve against everything stored before them: the same person or source
    found by two processes ends as one row. On PostgreSQL an advisory lock, taken after the
    article is read, segmented and extracted (which run in parallel). SQLite, the embedded
    default, has no task queue: its imports run one at a time. Cost: README, "Import speed"."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RESOLUTION_LOCK])
    yield


@transaction.atomic
def store_article(record: ArticleRecord, segments: list[Segment], extraction: Extraction,
                  refs: list[EntityRef | None]) -> StoreResult:
    result = StoreResult(Source.objects.create(
        title=record.title, language=record.language, text=record.text, file_name=record.file_name,
        published_on=record.published_on, published_on_is_approximate=record.published_on_is_approximate,
        publisher=record.publisher, url=record.url, summary=record.summary, previous_version=record.previous_version,
    ))
    result.created["sources"] += 1
    sentences = Sentence.objects.bulk_create(
        Sentence(source=result.source, position=n, start=s.start, end=s.end, kind=s.kind,
                 text=record.text[s.start:s.end])
        for n, s in enumerate(segments)
    )
    result.created["sentences"] += len(sentences)
    entities = _store_entities(refs, record.language, result)
    _store_roles(entities, result.source)
    mention_entities = [entities.get(ref) for ref in refs]
    _store_mentions(extraction, sentences, mention_entities, refs)
    events = _store_events(extraction, sentences, mention_entities, result.created, record.previous_version)
    _store_claims(extraction, sentences, mention_entities, events, result.created)
    if record.previous_version:
        result.carried = carry_over(record.previous_version, result.source)
    return result


def _store_entities(refs, language, result):
    stored = [ref for ref in dict.fromkeys(filter(None, refs)) if not ref.ambiguous and ref.names]
    new = {ref: _new_person(ref) if ref.entity_type == EntityType.PERSON else _new_organisation(ref)
           for ref in stored if ref.existing is None}
    for model in (Person, Organisation):
        bulk_create_with_history([e for e in new.values() if isinstance(e, model)], model,
                                 default_change_reason=UNNAMED_ACTION)
    entities = {ref: ref.existing or new[ref] for ref in stored}
    for ref in new:
        result.created[f"{ref.entity_type}s"] += 1
    result.new_aliases += _add_aliases(PersonAlias, "person", entities, language)
    result.new_aliases += _add_aliases(OrganisationAlias, "organisation", entities, language)
    return entities


def _store_roles(entities, source):
    """Each role the article gives a person, as of the article's date."""
    Role.objects.bulk_create(
        (Role(person=entity, title=fitted(Role, "title", title), source=source, language=source.language,
              as_of=source.published_on)
         for ref, entity in entities.items() if isinstance(entity, Person) for title in ref.roles),
        ignore_conflicts=True,  # a title twice: two names of one person, or equal once shortened
    )


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


def _add_aliases(model, field_name, entities, language):
    """The names of each entity it has no alias for yet, written in one statement."""
    entity_model = model._meta.get_field(field_name).related_model
    mine = [(ref, entity) for ref, entity in entities.items() if isinstance(entity, entity_model)]
    known = [entity.pk for ref, entity in mine if ref.existing is not None]
    existing = set(model.objects.filter(**{f"{field_name}__in": known}).values_list(f"{field_name}_id", "name")) if known else set()
    added = []
    for ref, entity in mine:
        for name in dict.fromkeys(names.normalise(n) for n in ref.names + list(ref.known.aliases if ref.known else [])):
            # a name too long for its column is no name to match
            if name and (entity.pk, name) not in existing and fits(model, "name", name):
                existing.add((entity.pk, name))
                alias = model(name=name, language=language_of_script(names.script_code(name), language),
                              **{field_name: entity})
                alias.fill_keys()
                added.append(alias)
    return bulk_create_with_history(added, model, default_change_reason=UNNAMED_ACTION) if added else []


def _store_mentions(extraction, sentences, mention_entities, refs):
    Mention.objects.bulk_create(
        Mention(
            sentence=sentences[m.sentence], start=m.start, end=m.end, text=m.text,
            entity_type=m.entity_type, role=fitted(Mention, "role", m.role),
            person=entity if m.entity_type == EntityType.PERSON else None,
            organisation=entity if m.entity_type == EntityType.ORGANISATION else None,
        )
        for m, entity in zip(extraction.mentions, mention_entities)
    )


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
    Claim.objects.bulk_create(claims)
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
    plans, stored = {}, []
    for found in extraction.events:
        participants = {mention_entities[p] for p in found.participants} - {None}
        persons = {e for e in participants if isinstance(e, Person)}
        organisations = {e for e in participants if isinstance(e, Organisation)}
        earlier = same_event_in_previous(previous_version, found.kind, found.date, persons, organisations)
        plan = (_plan_for(earlier, plans) if earlier
                else _same_event(found.kind, found.factuality, found.date, persons, organisations, plans))
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
    Event.objects.bulk_create(new)
    Event.objects.bulk_update([p.event for p in plans if p.new_date], ["date", "date_precision"])
    links = {name: _link(Event, name, [(p.event, target) for p in plans for target in getattr(p, name)], stored)
             for name in ("persons", "organisations")}
    _link(Event, "sentences", [(p.event, s) for p in plans for s in p.sentences])  # all new; kept in no history
    _write_history(Event, new, links)
    linked = {row.event_id for rows in links.values() for row in rows}
    changed = [p.event for p in plans if p.event in stored and (p.new_date or p.event.pk in linked)]
    if changed:  # their history records the links they had before this article too
        _write_history(Event, changed, {name: _links_of(Event, name, changed) for name in links}, update=True)


def _link(model, field_name, pairs, stored_before=()):
    """Through rows of a many-to-many field for (instance, target) pairs that are not linked
    yet, written in one statement; returns them. Only `stored_before` instances can have links."""
    field = model._meta.get_field(field_name)
    through, own, other = field.remote_field.through, get_m2m_field_name(field), get_m2m_reverse_field_name(field)
    existing = set(through.objects.filter(**{f"{own}_id__in": [i.pk for i in stored_before]})
                   .values_list(f"{own}_id", f"{other}_id")) if stored_before else set()
    rows = [through(**{f"{own}_id": instance.pk, f"{other}_id": target.pk})
            for instance, target in dict.fromkeys((i, t) for i, t in pairs) if (instance.pk, target.pk) not in existing]
    return through.objects.bulk_create(rows)


def _links_of(model, field_name, instances):
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    return list(through.objects.filter(**{f"{get_m2m_field_name(field)}_id__in": [i.pk for i in instances]}))


def _write_history(model, instances, links, update=False):
    """One history record per instance, with the many-to-many links it has, as
    simple-history's signal handlers would write them one query at a time."""
    history, m2m_history = _history_models(model)
    records = history.bulk_history_create(instances, update=update, default_change_reason=UNNAMED_ACTION) or []
    record_of = {record.id: record for record in records}
    for field_name, rows in links.items():
        field = model._meta.get_field(field_name)
        own, other = get_m2m_field_name(field), get_m2m_reverse_field_name(field)
        m2m_history[field_name].objects.bulk_create(
            m2m_history[field_name](history=record_of[getattr(row, f"{own}_id")], id=row.pk,
                                    **{f"{own}_id": getattr(row, f"{own}_id"), f"{other}_id": getattr(row, f"{other}_id")})
            for row in rows if getattr(row, f"{own}_id") in record_of
        )


@cache
def _history_models(model):
    """The model's history manager and its many-to-many history models by field name (each
    access to `model.history` builds a new manager class)."""
    history = model.history
    return history, {field.name: getattr(history.model, field.name).model for field in history.model._history_m2m_fields}


def _same_event(kind, factuality, date: FoundDate, persons, organisations, plans):
    """An event of the same kind, factuality and a compatible date, stored before or found
    earlier in this article: with one shared person when both dates are known, two when one is
    not; an event that names no person joins one only on the very same date and with the same
    organisations. Stored candidates are narrowed in SQL (kind, date window, shared persons
    counted there), so a popular person's other events are never loaded."""
    for plan in plans.values():  # those this article found already, and the stored ones it joined
        if (plan.event.kind, plan.event.factuality) != (kind, factuality):
            continue
        if persons and _joins(date, plan.event, len(persons & plan.persons)):
            return plan
        if not persons and not plan.persons and not _undated(date) and plan.organisations == organisations \
                and (plan.event.date, plan.event.date_precision) == (date.date, date.precision):
            return plan
    if persons:
        candidates = Event.objects.filter(kind=kind, factuality=factuality, persons__in=persons)
        if date.date:  # every compatible date lies in this window, a day either side
            first, last = ((date.date - RECENT, date.date) if date.precision == "before" else
                           (date.date.replace(month=1, day=1), date.date.replace(month=12, day=31)))
            window = (first - dt.timedelta(days=1), last + dt.timedelta(days=1))
            candidates = candidates.filter(Q(date__range=window) | Q(date__isnull=True) | Q(date_precision="before"))
        candidates = candidates.annotate(shared=Count("persons")).filter(shared__gte=2 if _undated(date) else 1)
        for event in candidates:
            if _joins(date, event, event.shared):
                return _plan_for(event, plans)
    elif not _undated(date):
        candidates = Event.objects.filter(kind=kind, factuality=factuality, persons=None, date=date.date,
                                          date_precision=date.precision)
        for event in candidates.prefetch_related("organisations"):
            if set(event.organisations.all()) == organisations:
                return _plan_for(event, plans)
    return None


def _joins(date, event, shared):
    """Whether an event sharing `shared` persons with the one found is the same happening."""
    stored = FoundDate(event.date, event.date_precision)
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
