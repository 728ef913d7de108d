"""Known entities and places shipped with the app (`seeds/gazetteer.yaml`)."""

from dataclasses import dataclass
from functools import cache

import yaml
from django.conf import settings


@dataclass(frozen=True)
class KnownOrganisation:
    name: str
    kind: str
    aliases: tuple[str, ...]
    wikidata_id: str = ""
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Gazetteer:
    organisations: tuple[KnownOrganisation, ...]
    places: tuple[Place, ...]


@cache
def load_gazetteer(path=None) -> Gazetteer:
    path = path or settings.FACTBOOK_SEEDS_DIR / "gazetteer.yaml"
    data = yaml.safe_load(open(path, encoding="utf-8")) or {}
    return Gazetteer(
        organisations=tuple(
            KnownOrganisation(
                o["name"], o["kind"], tuple(o.get("aliases", [])), o.get("wikidata_id", ""),
                tuple(o.get("demonyms", [])),
            )
            for o in data.get("organisations", [])
        ),
        places=tuple(Place(p["name"], tuple(p.get("aliases", []))) for p in data.get("places", [])),
    )
