"""Known entities and places shipped with the app: every country from pycountry's ISO 3166
names (English, Urdu, Hindi), completed by `seeds/gazetteer.yaml`."""

import gettext
from dataclasses import dataclass, replace
from functools import cache, cached_property

import pycountry

from .datafiles import read_yaml
from .nameparts import NameIndex, same_person

COUNTRY_NAME_LANGUAGES = ["ur", "hi"]


@dataclass(frozen=True)
class KnownOrganisation:
    name: str
    kind: str
    aliases: tuple[str, ...]
    wikidata_id: str = ""
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownPerson:
    name: str
    aliases: tuple[str, ...]
    wikidata_id: str = ""
    description: str = ""


@dataclass(frozen=True)
class Place:
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Gazetteer:
    organisations: tuple[KnownOrganisation, ...]
    places: tuple[Place, ...]
    persons: tuple[KnownPerson, ...] = ()

    def person_named(self, names) -> KnownPerson | None:
        """The one known person any of `names` can denote, in any script; None if none or several."""
        aliases, index = self._person_aliases
        matches = {aliases[n][0] for name in names for n, alias in index.candidates(name).items()
                   if same_person(name, alias)}
        return matches.pop() if len(matches) == 1 else None

    @cached_property
    def _person_aliases(self):
        """Every (person, alias), and an index of the aliases by their number in that list."""
        aliases = [(p, alias) for p in self.persons for alias in p.aliases]
        index = NameIndex()
        for number, (_, alias) in enumerate(aliases):
            index.add(number, alias)
        return aliases, index


def _countries() -> dict[str, KnownOrganisation]:
    """Every ISO 3166 country as a state, by alpha-2 code, with its names in each script."""
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                    for lang in COUNTRY_NAME_LANGUAGES]
    countries = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        names = [english, country.name, *(t.gettext(country.name) for t in translations)]
        aliases = tuple(dict.fromkeys(n for n in names if "," not in n))  # "Korea, Republic of"
        countries[country.alpha_2] = KnownOrganisation(english, "state", aliases)
    return countries


@cache
def load_gazetteer(path) -> Gazetteer:
    data = read_yaml(path) or {}
    countries = _countries()
    listed = []
    for o in data.get("organisations", []):
        known = KnownOrganisation(
            o["name"], o["kind"], tuple(o.get("aliases", [])), o.get("wikidata_id", ""), tuple(o.get("demonyms", []))
        )
        country = countries.pop(o["iso"], None) if "iso" in o else None
        if country:  # the listed short forms first, then ISO's names
            known = replace(known, aliases=tuple(dict.fromkeys(known.aliases + country.aliases)))
        listed.append(known)
    return Gazetteer(
        organisations=tuple(listed) + tuple(countries.values()),
        places=tuple(Place(p["name"], tuple(p.get("aliases", []))) for p in data.get("places", [])),
        persons=tuple(
            KnownPerson(p["name"], tuple(p.get("aliases", [])), p.get("wikidata_id", ""), p.get("description", ""))
            for p in data.get("persons", [])
        ),
    )
