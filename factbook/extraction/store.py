"""Writes one extracted article to the database, all or nothing."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from factbook.claims.models import Claim
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

from .dates import FoundDate, dates_compatible
from .events import TITLE_LANGUAGES, event_title
from .lexicon import lexicon_for
from .extract import Extraction
from .resolve import EntityRef
from .segment import Segment
from .versions import carry_over


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
    events = _store_events(extraction, sentences, mention_entities, result.created)
    _store_claims(extraction, sentences, mention_entities, events, result.created)
    if record.previous_version:
        result.carried = carry_over(record.previous_version, result.source)
    return result


def _store_entities(refs, language, result):
    entities = {}
    for ref in dict.fromkeys(filter(None, refs)):
        if ref.ambiguous or not ref.names:
            continue
        if ref.entity_type == EntityType.PERSON:
            entity = ref.existing or _new_person(ref)
            aliases = ref.names + list(ref.known.aliases if ref.known else [])
            result.new_aliases += _add_aliases(PersonAlias, "person", entity, aliases, language)
        else:
            entity = ref.existing or _new_organisation(ref)
            aliases = ref.names + list(ref.known.aliases if ref.known else [])
            result.new_aliases += _add_aliases(OrganisationAlias, "organisation", entity, aliases, language)
        result.created[f"{ref.entity_type}s"] += ref.existing is None
        entities[ref] = entity
    return entities


def _store_roles(entities, source):
    """Each role the article gives a person, as of the article's date."""
    for ref, entity in entities.items():
        if isinstance(entity, Person):
            for title in ref.roles:
                Role.objects.get_or_create(
                    person=entity, title=title[:200], source=source,
                    defaults={"language": source.language, "as_of": source.published_on},
                )


def _new_person(ref: EntityRef):
    role = ref.roles[0] if ref.roles else ""
    if ref.known:
        return Person.objects.create(name=ref.known.name, description=ref.known.description or role,
                                     wikidata_id=ref.known.wikidata_id)
    return Person.objects.create(name=ref.display_name, name_is_automatic=ref.name_is_automatic, description=role)


def _new_organisation(ref: EntityRef):
    if ref.known:
        return Organisation.objects.create(
            name=ref.known.name, kind=ref.known.kind, wikidata_id=ref.known.wikidata_id
        )
    return Organisation.objects.create(name=ref.display_name, kind=ref.organisation_kind or "other")


def _add_aliases(model, field_name, entity, alias_names, language):
    existing = set(model.objects.filter(**{field_name: entity}).values_list("name", flat=True))
    added = []
    for name in dict.fromkeys(names.normalise(n) for n in alias_names):
        if name and name not in existing:
            alias = model(name=name, language=language_of_script(names.script_code(name), language))
            setattr(alias, field_name, entity)
            alias.save()
            added.append(alias)
    return added


def _store_mentions(extraction, sentences, mention_entities, refs):
    Mention.objects.bulk_create(
        Mention(
            sentence=sentences[m.sentence], start=m.start, end=m.end, text=m.text,
            entity_type=m.entity_type, role=m.role[:200],
            person=entity if m.entity_type == EntityType.PERSON else None,
            organisation=entity if m.entity_type == EntityType.ORGANISATION else None,
        )
        for m, entity in zip(extraction.mentions, mention_entities)
    )


def _store_claims(extraction, sentences, mention_entities, events, created):
    for found in extraction.claims:
        claimant = mention_entities[found.claimant] if found.claimant is not None else None
        claim = Claim.objects.create(
            sentence=sentences[found.sentence], start=found.start, end=found.end, text=found.text,
            mode=found.mode, polarity=found.polarity,
            claimant_person=claimant if isinstance(claimant, Person) else None,
            claimant_organisation=claimant if isinstance(claimant, Organisation) else None,
            event=events[found.event] if found.event is not None else None,
        )
        about = [
            entity for m, entity in zip(extraction.mentions, mention_entities)
            if entity is not None and entity != claimant and m.sentence == found.sentence
            and found.start <= m.start and m.end <= found.end
        ]
        claim.about_persons.set({e for e in about if isinstance(e, Person)})
        claim.about_organisations.set({e for e in about if isinstance(e, Organisation)})
        created["claims"] += 1


def _store_events(extraction, sentences, mention_entities, created):
    """Store each event, joining one another article already reported; returns the stored
    event of each found one, in order."""
    stored = []
    for found in extraction.events:
        participants = {mention_entities[p] for p in found.participants} - {None}
        persons = {e for e in participants if isinstance(e, Person)}
        organisations = {e for e in participants if isinstance(e, Organisation)}
        event = _same_event(found.kind, found.factuality, found.date, persons, organisations)
        if event is None:
            titles = event_titles(found, extraction.mentions, mention_entities)
            event = Event.objects.create(
                kind=found.kind, factuality=found.factuality, title=titles["en"][:300], titles=titles,
                date=found.date.date, date_precision=found.date.precision, place=found.place,
            )
            created["events"] += 1
        elif (event.date is None or event.date_precision == "before") and found.date.precision not in (
                "before", "unknown") and not event.is_reviewed:  # a curator's date stands
            event.date, event.date_precision = found.date.date, found.date.precision
            event.save(update_fields=["date", "date_precision"])
        event.persons.add(*persons)
        event.organisations.add(*organisations)
        event.sentences.add(*(sentences[n] for n in found.sentences))
        stored.append(event)
    return stored


def _same_event(kind, factuality, date: FoundDate, persons, organisations):
    """An already stored event of the same kind and a compatible date: with one shared person
    when both dates are known, two when one is not; an event that names no person joins one
    only on the very same date and with the same organisations."""
    candidates = Event.objects.filter(kind=kind, factuality=factuality).prefetch_related("persons", "organisations")
    if persons:
        candidates = candidates.filter(persons__in=persons).distinct()
    elif date.date is None or date.precision == "before":  # "on or before" tells two happenings apart by no day
        return None
    else:
        candidates = candidates.filter(persons=None, date=date.date, date_precision=date.precision)
    for event in candidates:
        if not persons:
            if set(event.organisations.all()) == organisations:
                return event
            continue
        shared = len(persons & set(event.persons.all()))
        stored = FoundDate(event.date, event.date_precision)
        dated = {date.precision, stored.precision}.isdisjoint({"unknown", "before"})
        if dated and dates_compatible(date, stored) and shared >= 1:
            return event
        if not dated and dates_compatible(date, stored) and shared >= 2:
            return event
    return None


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
