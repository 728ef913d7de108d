"""Which entity each mention names: within the article first, then against the database.

Persons are matched by `nameparts.same_person`: given name and family name together, in any
script and spelling. A one-word name ("Sharif") is linked only when exactly one candidate
carries that part, otherwise it stays unresolved. A role
used alone ("آرمی چیف", "सेना प्रमुख") names the person extraction linked it to.
Organisations are matched through the gazetteer, acronyms and alias keys.
"""

from dataclasses import dataclass, field

from factbook.entities import names
from factbook.entities.models import Organisation, OrganisationAlias, Person, PersonAlias, PersonDistinction

from .extract import Extraction, FoundMention
from .gazetteer import Gazetteer, KnownOrganisation, KnownPerson
from .institutions import organisation_display_name
from .nameparts import name_parts, person_display_name, same_person, shares_part

MAX_QUALIFIER_GAP = 6  # characters between a state and the body it qualifies: "پاکستان کی وزارت دفاع"


@dataclass(eq=False)
class EntityRef:
    """One entity an article names; `existing` is set when the database already has it."""

    entity_type: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisation_kind: str = ""
    known: KnownOrganisation | KnownPerson | None = None  # the gazetteer's entry
    existing: object = None
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
    return (qualifier.entity_type == mention.entity_type == "organisation"
            and qualifier.organisation_kind == "state" and mention.organisation_kind != "state"
            and qualifier.sentence == mention.sentence and 0 <= mention.start - qualifier.end <= MAX_QUALIFIER_GAP)


class Resolver:
    """Holds an in-memory index of known names; `remember` adds what an import stored."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.person_names: list[tuple[str, int]] = []
        self.organisation_keys: dict[str, int] = {}
        self.seen = {PersonAlias: 0, OrganisationAlias: 0}  # the last alias id loaded of each
        self.refresh()

    def refresh(self) -> list[str]:
        """Load the aliases other processes stored since the last call; returns their names."""
        persons = (PersonAlias.objects.filter(pk__gt=self.seen[PersonAlias]).order_by("pk")
                   .values_list("pk", "name", "person_id"))
        organisations = OrganisationAlias.objects.filter(pk__gt=self.seen[OrganisationAlias]).order_by("pk")
        added = []
        for pk, name, person_id in persons:
            self.person_names.append((name, person_id))
            self.seen[PersonAlias] = max(self.seen[PersonAlias], pk)
            added.append(name)
        for pk, key, organisation_id in organisations.values_list("pk", "key", "organisation_id"):
            self.organisation_keys[key] = organisation_id
            self.seen[OrganisationAlias] = max(self.seen[OrganisationAlias], pk)
        self.distinct_persons = {frozenset(pair) for pair in PersonDistinction.objects.values_list("first", "second")}
        return added

    def known_person_names(self) -> list[str]:
        return [name for name, _ in self.person_names]

    def remember(self, aliases):
        for alias in aliases:
            if isinstance(alias, PersonAlias):
                self.person_names.append((alias.name, alias.person_id))
            else:
                self.organisation_keys[alias.key] = alias.organisation_id
            self.seen[type(alias)] = max(self.seen[type(alias)], alias.pk)

    def resolve(self, extraction: Extraction) -> list[EntityRef | None]:
        refs: list[EntityRef | None] = [None] * len(extraction.mentions)
        self._resolve_organisations(extraction.mentions, refs)
        self._resolve_persons(extraction.mentions, refs)
        return refs

    # Organisations

    def _resolve_organisations(self, mentions, refs):
        by_key: dict[str, EntityRef] = {}
        for number, mention in enumerate(mentions):
            if mention.entity_type != "organisation":
                continue
            if mention.same_as is not None and refs[mention.same_as]:
                ref = refs[mention.same_as]
            else:
                key = mention.known_name or names.match_key(mention.text)
                ref = by_key.get(key)
                if ref is None:
                    known = self._known(mention.known_name)
                    ref = by_key[key] = EntityRef("organisation", organisation_kind=mention.organisation_kind, known=known)
            ref.add(mention)
            refs[number] = ref
        for number, mention in enumerate(mentions):
            qualifier = mentions[number - 1] if number else None
            if refs[number] and qualifier and _qualifies(qualifier, mention) and refs[number - 1]:
                country = refs[number - 1]
                refs[number].country = refs[number].country or (country.known.name if country.known else qualifier.text)
        for ref in dict.fromkeys(filter(None, refs)):
            ref.existing = self._existing_organisation(ref)
            ref.display_name = organisation_display_name(ref.names, ref.country)

    def _known(self, name):
        return next((o for o in self.gazetteer.organisations if o.name == name), None) if name else None

    def _existing_organisation(self, ref: EntityRef):
        if ref.known:
            found = Organisation.objects.filter(name=ref.known.name).first()
            if found:
                return found
        candidates = list(ref.names) + list(ref.known.aliases if ref.known else [])
        for name in candidates:
            organisation_id = self.organisation_keys.get(names.match_key(name))
            if organisation_id:
                return Organisation.objects.get(pk=organisation_id)
        return None

    # Persons

    def _resolve_persons(self, mentions, refs):
        clusters: list[EntityRef] = []
        for number, mention in enumerate(mentions):
            if mention.entity_type != "person" or mention.role_reference:
                continue
            ref = self._cluster_for(mention.text, clusters)
            if ref is False:
                continue  # a surname several people share: left unresolved
            if ref is None:
                ref = EntityRef("person")
                clusters.append(ref)
            ref.add(mention)
            refs[number] = ref
        for number, mention in enumerate(mentions):
            if mention.role_reference and mention.holder is not None and refs[mention.holder]:
                refs[number] = refs[mention.holder]
                refs[number].add(mention)
        for ref in clusters:
            ref.existing = self._existing_person(ref)
            if ref.existing is None and not ref.ambiguous:
                ref.known = self.gazetteer.person_named(ref.names)
                if ref.known and ref.known.wikidata_id:
                    ref.existing = Person.objects.filter(wikidata_id=ref.known.wikidata_id).first()
            display = person_display_name(ref.names)
            ref.display_name, ref.name_is_automatic = display.name, display.is_automatic

    def _cluster_for(self, name, clusters):
        matches = [c for c in clusters if any(same_person(name, other) for other in c.names)]
        if not matches and _is_one_word(name):
            matches = [c for c in clusters if any(shares_part(name, other) for other in c.names)]
            if len(matches) > 1:
                return False
        return matches[0] if matches else None

    def _existing_person(self, ref: EntityRef):
        """The stored person the names denote: one with exactly such an alias, else the best
        cross-script match. Candidates a curator declared different people are not guessed
        between: the mention stays unresolved."""
        written = {names.normalise(n) for n in ref.names}
        exact = {pid for alias, pid in self.person_names if alias in written}
        full_names = [n for n in ref.names if not _is_one_word(n)]
        if exact:
            candidates = {pid: 100.0 for pid in exact}
        elif full_names:
            candidates = {}
            for alias, person_id in self.person_names:
                for name in full_names:
                    if same_person(name, alias):
                        candidates[person_id] = max(candidates.get(person_id, 0), names.name_score(name, alias))
        else:  # a bare surname: only when a single known person carries it
            candidates = {pid: 0.0 for alias, pid in self.person_names if shares_part(ref.names[0], alias)}
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
        return Person.objects.get(pk=ranked[0])
