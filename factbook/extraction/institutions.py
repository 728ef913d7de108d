"""English names of institutions named with institutional words (`lexicons/institutions.yaml`):
"وزارت دفاع" and "रक्षा मंत्रालय" are the Ministry of Defence whatever script they come in."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path


from factbook.entities.names import display_name as romanise
from factbook.entities.names import normalise, script_code

from .datafiles import read_yaml

INSTITUTIONS_FILE = Path(__file__).parent / "lexicons" / "institutions.yaml"


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(normalise(phrase).casefold().split())


def _spellings(entries):
    return {_words(s): e["en"] for e in entries for s in [*(e.get("ur") or []), *(e.get("hi") or []), e["en"]]}


@dataclass(frozen=True)
class InstitutionLexicon:
    heads: dict[tuple[str, ...], str]  # head word -> English pattern, "{}" for the rest of the name
    words: dict[tuple[str, ...], str]  # word or phrase -> English

    @classmethod
    def from_data(cls, data: dict) -> "InstitutionLexicon":
        return cls(_spellings(data.get("heads") or []), _spellings(data.get("words") or []))

    def english_name(self, name: str) -> str | None:
        """The English name when `name` is a head word (first or last) and listed words only."""
        words = _words(name)
        for head, rest in [(words[:1], words[1:]), (words[-1:], words[:-1])]:
            if head in self.heads and rest:
                english = self._translate(rest)
                if english:
                    return self.heads[head].format(english)
        return None

    def _translate(self, words) -> str | None:
        """Word by word, longest listed phrase first; None when a word is not listed."""
        longest = max(map(len, self.words), default=0)
        english, position = [], 0
        while position < len(words):
            for size in range(min(longest, len(words) - position), 0, -1):
                phrase = words[position:position + size]
                if phrase in self.words:
                    english.append(self.words[phrase])
                    position += size
                    break
            else:
                return None
        return " ".join(english)


@cache
def load_institutions() -> InstitutionLexicon:
    return InstitutionLexicon.from_data(read_yaml(INSTITUTIONS_FILE) or {})


def organisation_display_name(names, country: str = "", lexicon: InstitutionLexicon | None = None) -> str:
    """The English name from institutional words, with the country the article gave it
    ("Ministry of Defence (Pakistan)"); else a name written in Latin script, else a
    romanisation of the longest name."""
    lexicon = lexicon or load_institutions()
    english = next(filter(None, map(lexicon.english_name, names)), None)
    if english:
        return f"{english} ({country})" if country else english
    latin = [n for n in names if script_code(n) == "Latn"]
    return romanise(max(latin or names, key=len))
