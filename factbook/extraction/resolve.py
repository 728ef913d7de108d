"""Which entity each mention names: within the article first, then against the database.

Persons are matched by `nameparts.same_person`: given name and family name together, in any
script and spelling. A one-word name ("Sharif") is linked only when exactly one candidate
carries that part, otherwise it stays unresolved. A role
used alone ("آرمی چیف", "सेना प्रमुख") names the person extraction linked it to.
Organisations are matched through the gazetteer, acronyms and alias keys.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from factbook.entities import names
from factbook.kinds import EntityType

from .extract import Extraction, FoundMention
from .gazetteer import Gazetteer, KnownOrganisation, KnownPerson
from .institutions import organisation_display_name
from .nameparts import NameIndex, distinctive_alone, name_parts, person_display_name, same_person, shares_part

PERSON, ORGANISATION = EntityType.PERSON.value, EntityType.ORGANISATION.value
MAX_QUALIFIER_GAP = 6  # characters between a state and the body it qualifies: "پاکستان کی وزارت دفاع"


class KnownEntity(NamedTuple):
    """A stored person or organisation as the resolver knows it."""

    entity_type: str
    pk: int
    name: str
    wikidata_id: str


@dataclass(eq=False)
class EntityRef:
    """One entity an article names; `existing` is set when the database already has it."""

    entity_type: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisation_kind: str = ""
    known: KnownOrganisation | KnownPerson | None = None  # the gazetteer's entry
    existing: KnownEntity | None = None
    ambiguous: bool = False  # a bare surname that several known people share
    country: str = ""  # the state the article names an organisation's body of
    display_name: str = ""  # for a new entity
    name_is_automatic: bool = False

    def add(self, mention: FoundMention):
        if not mention.role_reference and mention.text not in self.names:
            self.names.append(mention.text)
        if mention.role and mention.role not in self.roles:
            self.roles.append(mention.role)


def _is_one_word(name: str) -> bool:
    return len(name_parts(name)) == 1


def _qualifies(qualifier: FoundMention, mention: FoundMention) -> bool:
    """A state named just before a body in the same sentence: "پاکستان کی وزارت دفاع",
    "भारत का रक्षा मंत्रालय", "Pakistan's Ministry of Defence"."""
    return (qualifier.entity_type == mention.entity_type == ORGANISATION
            and qualifier.organisation_kind == "state" and mention.organisation_kind != "state"
            and qualifier.sentence == mention.sentence and 0 <= mention.start - qualifier.end <= MAX_QUALIFIER_GAP)


class Resolver:
    """Decides which entity each mention of an article names, from the article and from an index,
    held in memory, of the aliases and entities stored. It reads no database: whoever holds it
    keeps the index up to date (`learn_*`, `forget_*`; factbook.extraction.stored_names)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.person_aliases: dict[int, tuple[str, int]] = {}  # alias id -> (name, person id)
        self.person_parts = NameIndex()  # the person aliases' names by alias id
        self.persons_named: dict[str, set[int]] = {}  # name -> alias ids
        self.organisation_aliases: dict[int, tuple[str, str, int]] = {}  # alias id -> (name, key, organisation id)
        self.organisations_keyed: dict[str, dict[int, int]] = {}  # key -> alias id -> organisation id
        self.names_of: dict[tuple[str, int], set[str]] = {}  # (entity type, entity id) -> alias names
        self.entities = {PERSON: {}, ORGANISATION: {}}  # entity type -> id -> (name, Wikidata id)
        self.organisations_named: dict[str, set[int]] = {}  # name -> organisation ids
        self.persons_identified: dict[str, int] = {}  # Wikidata id -> person id
        self.distinct_persons: set[frozenset[int]] = set()  # pairs a curator declared different people
        self.version = 0  # counts the changes learnt

    def learn_entity(self, entity_type, pk, name, wikidata_id):
        if self.entities[entity_type].get(pk) == (name, wikidata_id):
            return
        self.forget_entity(entity_type, pk)
        self.entities[entity_type][pk] = (name, wikidata_id)
        if entity_type == ORGANISATION:
            self.organisations_named.setdefault(name, set()).add(pk)
        elif wikidata_id:
            self.persons_identified[wikidata_id] = pk
        self.version += 1

    def forget_entity(self, entity_type, pk):
        if pk not in self.entities[entity_type]:
            return
        name, wikidata_id = self.entities[entity_type].pop(pk)
        if entity_type == ORGANISATION:
            self.organisations_named[name].discard(pk)
        elif self.persons_identified.get(wikidata_id) == pk:
            del self.persons_identified[wikidata_id]
        self.version += 1

    def learn_distinct_persons(self, pairs: set[frozenset[int]]):
        if pairs != self.distinct_persons:
            self.distinct_persons, self.version = pairs, self.version + 1

    def _entity(self, entity_type, pk) -> KnownEntity:
        if pk not in self.entities[entity_type]:
            raise LookupError(f"{entity_type} #{pk}, named by an alias in the index, is not in it")
        return KnownEntity(entity_type, pk, *self.entities[entity_type][pk])

    def learn_alias(self, entity_type, pk, name, key, entity_id) -> bool:
        """Index one alias as it now is; whether that changed anything."""
        if entity_type == PERSON:
            if self.person_aliases.get(pk) == (name, entity_id):
                return False
            self.forget_alias(entity_type, pk)
            self.person_aliases[pk] = (name, entity_id)
            self.person_parts.add(pk, name)
            self.persons_named.setdefault(name, set()).add(pk)
        else:
            if self.organisation_aliases.get(pk) == (name, key, entity_id):
                return False
            self.forget_alias(entity_type, pk)
            self.organisation_aliases[pk] = (name, key, entity_id)
            self.organisations_keyed.setdefault(key, {})[pk] = entity_id
        self.names_of.setdefault((entity_type, entity_id), set()).add(name)
        self.version += 1
        return True

    def forget_alias(self, entity_type, pk):
        if entity_type == PERSON:
            if pk not in self.person_aliases:
                return
            name, entity_id = self.person_aliases.pop(pk)
            self.person_parts.discard(pk)
            self.persons_named[name].discard(pk)
        else:
            if pk not in self.organisation_aliases:
                return
            name, key, entity_id = self.organisation_aliases.pop(pk)
            del self.organisations_keyed[key][pk]
        self.names_of[entity_type, entity_id].discard(name)
        self.version += 1

    def known_person_names(self) -> list[str]:
        return [name for name, _ in self.person_aliases.values()]

    def has_alias(self, entity_type, entity_id: int, name: str) -> bool:
        return name in self.names_of.get((entity_type, entity_id), ())

    def resolve(self, extraction: Extraction) -> list[EntityRef | None]:
        # The article's names keyed in one transliteration call per script, not one per new word.
        names.prepare_names(m.text for m in extraction.mentions)
        refs: list[EntityRef | None] = [None] * len(extraction.mentions)
        self._resolve_organisations(extraction.mentions, refs)
        person_ids = self._resolve_persons(extraction.mentions, refs)
        self._set_existing(list(dict.fromkeys(filter(None, refs))), person_ids)
        return refs

    def _set_existing(self, refs, person_ids):
        """Set `existing` on each ref the database has: an organisation under the gazetteer's
        name, else one with an alias of the same key; a person found by name, else by the
        gazetteer's Wikidata id."""
        for ref in refs:
            if ref.entity_type == ORGANISATION:
                named = self.organisations_named.get(ref.known.name) if ref.known else None
                found = min(named) if named else self._keyed_organisation(ref)
                ref.existing = self._entity(ORGANISATION, found) if found else None
            elif ref in person_ids:
                ref.existing = self._entity(PERSON, person_ids[ref])
            elif ref.known and ref.known.wikidata_id in self.persons_identified:
                ref.existing = self._entity(PERSON, self.persons_identified[ref.known.wikidata_id])

    # Organisations

    def _resolve_organisations(self, mentions, refs):
        by_key: dict[str, EntityRef] = {}
        for number, mention in enumerate(mentions):
            if mention.entity_type != ORGANISATION:
                continue
            if mention.same_as is not None and refs[mention.same_as]:
                ref = refs[mention.same_as]
            else:
                key = mention.known_name or names.match_key(mention.text)
                ref = by_key.get(key)
                if ref is None:
                    known = self._known(mention)
                    ref = by_key[key] = EntityRef(ORGANISATION, organisation_kind=mention.organisation_kind, known=known)
            ref.add(mention)
            refs[number] = ref
        for number, mention in enumerate(mentions):
            qualifier = mentions[number - 1] if number else None
            if refs[number] and qualifier and _qualifies(qualifier, mention) and refs[number - 1]:
                country = refs[number - 1]
                refs[number].country = refs[number].country or (country.known.name if country.known else qualifier.text)
        for ref in dict.fromkeys(filter(None, refs)):
            ref.display_name = organisation_display_name(ref.names, ref.country)

    def _known(self, mention):
        """The gazetteer's entry the mention names; or, for a name the rules made up (a state's
        national team), an entry of that name alone."""
        if not mention.known_name:
            return None
        listed = next((o for o in self.gazetteer.organisations if o.name == mention.known_name), None)
        return listed or KnownOrganisation(mention.known_name, mention.organisation_kind, ())

    def _keyed_organisation(self, ref: EntityRef) -> int | None:
        """The organisation with an alias of the same key as a name of `ref`, the latest alias
        of a key counting."""
        for name in list(ref.names) + list(ref.known.aliases if ref.known else []):
            keyed = self.organisations_keyed.get(names.match_key(name))
            if keyed:
                return keyed[max(keyed)]
        return None

    # Persons

    def _resolve_persons(self, mentions, refs):
        clusters: list[EntityRef] = []
        for number, mention in enumerate(mentions):
            if mention.entity_type != PERSON or mention.role_reference:
                continue
            ref = self._cluster_for(mention.text, clusters)
            if ref is False:
                continue  # a surname several people share: left unresolved
            if ref is None:
                ref = EntityRef(PERSON)
                clusters.append(ref)
            ref.add(mention)
            refs[number] = ref
        for number, mention in enumerate(mentions):
            if mention.role_reference and mention.holder is not None and refs[mention.holder]:
                refs[number] = refs[mention.holder]
                refs[number].add(mention)
        person_ids = {}  # ref -> the stored person's id
        for ref in clusters:
            person_id = self._existing_person(ref)
            if person_id is not None:
                person_ids[ref] = person_id
            elif not ref.ambiguous:
                ref.known = self.gazetteer.person_named(ref.names)  # stored by its Wikidata id, if at all
            display = person_display_name(ref.names)
            ref.display_name, ref.name_is_automatic = display.name, display.is_automatic
        return person_ids

    def _cluster_for(self, name, clusters):
        matches = [c for c in clusters if any(same_person(name, other) for other in c.names)]
        if not matches and _is_one_word(name):
            matches = [c for c in clusters if any(shares_part(name, other) for other in c.names)]
            if len(matches) > 1:
                return False
        return matches[0] if matches else None

    def _existing_person(self, ref: EntityRef) -> int | None:
        """The id of the stored person the names denote: one with exactly such an alias, else the
        best cross-script match. Candidates a curator declared different people are not guessed
        between: the mention stays unresolved."""
        written = {names.normalise(n) for n in ref.names}
        exact = {self.person_aliases[pk][1] for name in written for pk in self.persons_named.get(name, ())}
        full_names = [n for n in ref.names if not _is_one_word(n)]
        if exact:
            candidates = {pid: 100.0 for pid in exact}
        elif full_names:
            candidates = {}
            for name in full_names:
                for pk, alias in self.person_parts.candidates(name).items():
                    if same_person(name, alias):
                        person_id = self.person_aliases[pk][1]
                        candidates[person_id] = max(candidates.get(person_id, 0), names.name_score(name, alias))
        elif not distinctive_alone(ref.names[0]):  # "सीडीओ" spells only s-d, as "Asad" does
            return None
        else:  # a bare surname: only when a single known person carries it
            candidates = {}
            for pk, alias in self.person_parts.sharing_part(ref.names[0]).items():
                if shares_part(ref.names[0], alias):
                    candidates[self.person_aliases[pk][1]] = 0.0
                    if len(candidates) > 1:
                        break  # already ambiguous
            if len(candidates) > 1:
                ref.ambiguous = True
                return None
        if not candidates:
            return None
        ranked = sorted(candidates, key=lambda pid: (-candidates[pid], pid))
        rivals = [pid for pid in ranked[1:] if candidates[pid] == candidates[ranked[0]]
                  or frozenset((ranked[0], pid)) in self.distinct_persons]
        if rivals:
            ref.ambiguous = True
            return None
        return ranked[0]
