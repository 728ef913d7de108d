"""Name parts: how given names, family names and particles are written in each script.

Data in `lexicons/names/*.yaml`, one entry per name part: its standard Latin spelling, Latin
variants, Urdu and Devanagari spellings, and a role. A spelling found in a given-name and a
family-name entry of the same Latin spelling is a part of either role ("Asif": Asif Ali
Zardari, Khawaja Asif).
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from factbook.entities.names import normalise

NAMES_DIR = Path(__file__).parent / "lexicons" / "names"
ROLES = ("given", "family", "either", "particle")
SPELLING_FIELDS = ("variants", "ur", "hi")
MIN_JOINED_PART = 2  # letters: a joined name ("شہبازشریف") splits only into parts this long


@dataclass(frozen=True)
class NamePart:
    latin: str
    role: str

    @property
    def is_particle(self) -> bool:
        return self.role == "particle"


def spelling_key(word: str) -> str:
    return normalise(word).casefold()


class NamePartLexicon:
    def __init__(self, parts: dict[str, NamePart]):
        self._parts = parts

    @classmethod
    def from_entries(cls, entries) -> "NamePartLexicon":
        parts: dict[str, NamePart] = {}
        for entry in entries:
            part = NamePart(entry["latin"], entry["role"])
            for spelling in [entry["latin"], *(s for f in SPELLING_FIELDS for s in entry.get(f) or [])]:
                key = spelling_key(spelling)
                known = parts.get(key)
                if known and known.latin == part.latin and known.role != part.role and not part.is_particle:
                    part_here = NamePart(part.latin, "either")
                elif known:
                    continue  # the first entry of a spelling wins; the schema test keeps them rare
                else:
                    part_here = part
                parts[key] = part_here
        return cls(parts)

    def lookup(self, word: str) -> NamePart | None:
        return self._parts.get(spelling_key(word))

    def __contains__(self, word) -> bool:
        return spelling_key(word) in self._parts

    def __len__(self) -> int:
        return len(self._parts)

    def split_joined(self, word: str) -> list[str] | None:
        """A word that is several known name parts written without spaces, split into them
        ("شہبازشریف" → "شہباز", "شریف"); None when it is not."""
        if word in self:
            return [word]
        for cut in range(MIN_JOINED_PART, len(word) - MIN_JOINED_PART + 1):
            head, rest = word[:cut], word[cut:]
            if head in self:
                tail = self.split_joined(rest)
                if tail:
                    return [head, *tail]
        return None


def read_entries(path: Path) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "latin" in e for e in entries):
        raise ValueError(f"{path}: expected a list of entries, each with 'latin'")
    return entries


@cache
def load_name_parts() -> NamePartLexicon:
    return NamePartLexicon.from_entries(
        entry for path in sorted(NAMES_DIR.glob("*.yaml")) for entry in read_entries(path)
    )
