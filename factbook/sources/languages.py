"""What the app knows about languages and scripts: names, writing direction, detection.

A language Factbook has no rules for still imports: it gets its code, a direction from its
script, and sentences; only extraction needs per-language rules.
"""

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from factbook.kinds import gettext_noop as _


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in English, translated where shown
    script: str
    direction: str  # "rtl" or "ltr"


LANGUAGES = {
    lang.code: lang
    for lang in [
        Language("ur", _("Urdu"), "Arab", "rtl"),
        Language("hi", _("Hindi"), "Deva", "ltr"),
        Language("en", _("English"), "Latn", "ltr"),
        Language("ar", _("Arabic"), "Arab", "rtl"),
        Language("fa", _("Persian"), "Arab", "rtl"),
        Language("ru", _("Russian"), "Cyrl", "ltr"),
    ]
}

LANGUAGE_CHOICES = [(lang.code, lang.name) for lang in LANGUAGES.values()]

RTL_SCRIPTS = {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo"}

# Unicode character-name prefixes, the cheapest script test the standard library offers.
_SCRIPT_BY_NAME_PREFIX = {
    "ARABIC": "Arab",
    "DEVANAGARI": "Deva",
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "HEBREW": "Hebr",
    "BENGALI": "Beng",
    "GURMUKHI": "Guru",
}

# Letters Urdu uses and Arabic and Persian do not (ٹ ڈ ڑ ں ے ہ ھ).
_URDU_LETTERS = set("ٹڈڑںےہھ")

_DEFAULT_LANGUAGE_BY_SCRIPT = {"Arab": "ur", "Deva": "hi", "Latn": "en", "Cyrl": "ru"}


@lru_cache(maxsize=8192)  # a page asks it of every letter of every name it shows
def script_of(char: str) -> str | None:
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    for prefix, script in _SCRIPT_BY_NAME_PREFIX.items():
        if name.startswith(prefix):
            return script
    return "Zyyy"


def dominant_script(text: str) -> str | None:
    counts = Counter(s for s in map(script_of, text) if s)
    return counts.most_common(1)[0][0] if counts else None


def detect_language(text: str) -> str:
    """The language code of `text`, judged from its dominant script ("und" when unknown)."""
    script = dominant_script(text)
    if script == "Arab" and not _URDU_LETTERS.intersection(text):
        return "fa" if set("پچژگ").intersection(text) else "ar"
    return _DEFAULT_LANGUAGE_BY_SCRIPT.get(script, "und")


def language_of_script(script: str, preferred: str = "") -> str:
    """`preferred` when it is written in `script`, else the language the script most often
    writes here ("Deva" -> "hi"), else "" (unknown)."""
    lang = LANGUAGES.get(preferred)
    if lang and lang.script == script:
        return preferred
    return _DEFAULT_LANGUAGE_BY_SCRIPT.get(script, "")


def direction_of(language_code: str) -> str:
    lang = LANGUAGES.get(language_code)
    return lang.direction if lang else "ltr"


def script_direction(text: str) -> str:
    return "rtl" if dominant_script(text) in RTL_SCRIPTS else "ltr"
