"""Names across scripts: normalisation, a Latin match key, and a consonant skeleton.

Urdu script omits short vowels and Hindi often drops the nuqta, so "قمر جاوید باجوہ" and
"कमर जावेद बाजवा" transliterate to different Latin strings ("qamara jaavayada baajavaha",
"kamara javeda bajava"). Reducing both to consonant classes ("kmr jd bj") makes them equal;
rapidfuzz then scores what is left of spelling variation; `extraction.nameparts` decides
whether two names denote one person.
"""

import re
import unicodedata
from functools import lru_cache

from aksharamukha import transliterate
from rapidfuzz import fuzz
from unidecode import unidecode

from factbook.sources.languages import script_of

# Arabic-script letter variants that Urdu text mixes: Arabic yeh/kaf/heh and their Urdu forms.
_URDU_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ۀ": "ہ", "ة": "ہ", "ٸ": "ئ"})
# The ligature of "Allah" (U+FDF2) that text converted from Urdu typesetting writes after an
# alef ("عبداﷲ", "نصر اﷲ"), or alone: the letters it stands for.
_ALLAH_LIGATURE = re.compile("ا?ﷲ")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")  # harakat, superscript alef, Quranic marks
_DEVANAGARI_FOLD = str.maketrans({"\u0901": "\u0902", "\u093c": None})  # chandrabindu→anusvara, nuqta dropped
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")

_TRANSLITERATION_SOURCE = {"Arab": "Arab-Ur", "Deva": "Devanagari"}


def normalise(name: str) -> str:
    """NFC, one form per letter, no vowel marks or invisible characters, single spaces."""
    name = _ARABIC_MARKS.sub("", _ALLAH_LIGATURE.sub("اللہ", _tidy(name)).translate(_URDU_FOLD))
    return _tidy(name.translate(_DEVANAGARI_FOLD))


def _tidy(name: str) -> str:
    """NFC, no invisible characters, single spaces, no punctuation at the edges."""
    name = _INVISIBLE.sub("", unicodedata.normalize("NFC", name))
    return _strip_edge_punctuation(" ".join(name.split()))


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PSZ"


def _strip_edge_punctuation(text: str) -> str:
    # Not `\W`: it would also strip Devanagari vowel signs, which are combining marks.
    start, end = 0, len(text)
    while start < end and _is_punctuation(text[start]):
        start += 1
    while end > start and _is_punctuation(text[end - 1]):
        end -= 1
    return text[start:end]


def script_code(text: str) -> str:
    scripts = [s for s in map(script_of, text) if s]
    return max(set(scripts), key=scripts.count) if scripts else ""


def _script_runs(text: str):
    """Split text into (script, run) pieces so mixed-script names transliterate piecewise."""
    run, run_script = "", None
    for char in text:
        script = script_of(char) or run_script
        if run and script != run_script:
            yield run_script, run
            run = ""
        run, run_script = run + char, script
    if run:
        yield run_script, run


@lru_cache(maxsize=20000)
def match_key(name: str) -> str:
    """Lower-case ASCII transliteration of a name, the same for every script it is written in."""
    # Word by word: transliteration is slow, and names share their words.
    return " ".join(" ".join(map(_word_key, normalise(name).split())).split())


_word_keys: dict[str, str] = {}  # word -> its key, for `prepare_word_keys` to fill many at once
MAX_WORD_KEYS = 50_000


def _word_key(word: str) -> str:
    if word not in _word_keys:
        prepare_word_keys([word])
    return _word_keys[word]


def prepare_word_keys(words):
    """Transliterate the words whose keys are not known yet, in one aksharamukha call per
    script: a call costs about half a millisecond whatever its length, so the 60 names a page
    of search results compares with the query cost one call, not 60."""
    new = [word for word in dict.fromkeys(words) if word not in _word_keys]
    if not new:
        return
    if len(_word_keys) + len(new) > MAX_WORD_KEYS:
        _word_keys.clear()
    pieces = {word: [(_TRANSLITERATION_SOURCE.get(script), run) for script, run in _script_runs(word)] for word in new}
    runs: dict[str, list[str]] = {}  # source script -> its runs to transliterate
    for source, run in (piece for word_pieces in pieces.values() for piece in word_pieces):
        if source:
            runs.setdefault(source, []).append(run)
    done = {}
    for source, texts in runs.items():
        texts = list(dict.fromkeys(texts))  # a word holds no whitespace, so a line is one run
        done.update(zip(((source, t) for t in texts), transliterate.process(source, "ISO", "\n".join(texts)).split("\n")))
    for word, word_pieces in pieces.items():
        latin = unidecode(unicodedata.normalize("NFD", "".join(done[p] if p[0] else p[1] for p in word_pieces)))
        _word_keys[word] = re.sub(r"[^a-z ]+", "", latin.lower().replace("-", " "))


def prepare_names(names):
    """`prepare_word_keys` for every word of `names`."""
    prepare_word_keys(word for name in names for word in normalise(name).split())


# Consonant classes: sounds the three scripts write differently fold together.
_CONSONANT_CLASSES = [
    ("ph", "f"),
    ("kh", "k"), ("gh", "k"), ("q", "k"), ("g", "k"), ("c", "k"),
    ("z", "j"), ("x", "kj"),
    ("sh", "s"),
    ("th", "t"), ("dh", "d"), ("bh", "b"), ("jh", "j"),
    ("f", "v"),
]
_NOT_SKELETON = re.compile("[aeiouyvwh]")


def skeleton_word(word: str) -> str:
    for spelled, folded in _CONSONANT_CLASSES:
        word = word.replace(spelled, folded)
    word = _NOT_SKELETON.sub("", word)
    word = re.sub(r"m(?=[dtjks])", "n", word)  # anusvara before a dental is "n": अलेक्जेंडर = Alexander
    return re.sub(r"(.)\1+", r"\1", word)  # doubled letters: "Ahmmad" = "Ahmad"


@lru_cache(maxsize=20000)
def skeleton(name: str) -> tuple[str, ...]:
    """The consonant skeleton of each word of a name; initials and vowel-only words drop out."""
    return tuple(s for s in map(skeleton_word, match_key(name).split()) if s)


@lru_cache(maxsize=50_000)  # name words recur: a short query compares 2,000 aliases' words
def _close_skeleton_word(word: str) -> str:
    """The skeleton with v and w kept as one consonant: "lvrv" (Lavrov, لاوروف, लावरोव) is not
    "vlr" (Valeray), which the skeleton makes the same "lr"."""
    for spelled, folded in _CONSONANT_CLASSES:
        word = word.replace(spelled, folded)
    word = re.sub("[aeiouyh]", "", word.replace("w", "v"))
    word = re.sub(r"m(?=[dtjks])", "n", word)
    return re.sub(r"(.)\1+", r"\1", word)


@lru_cache(maxsize=20000)
def close_skeleton(name: str) -> tuple[str, ...]:
    """A finer skeleton of each word, to tell apart short names the skeleton makes the same."""
    return close_skeleton_of_key(match_key(name))


def close_skeleton_of_key(key: str) -> tuple[str, ...]:
    """`close_skeleton` of the name whose `match_key` is `key`."""
    return tuple(s for s in map(_close_skeleton_word, key.split()) if s)


def has_word_of(key: str, query: str) -> bool:
    """Whether a word of the name whose `match_key` is `key` (an alias's stored key: transliterating
    the name again took 3 ms) has nearly the close skeleton of a word of `query`: "Bajwa" is in
    "قمر جاوید باجوہ", "Lavrov" in "سرگئی لاروف" ("lvrv", "lrv"), not in "Valeray Mwalwa Satof"."""
    return any(_words_match(a, b) for a in close_skeleton_of_key(key) for b in close_skeleton(query))


def _words_match(a: str, b: str) -> bool:
    if len(a) <= 2 or len(b) <= 2:
        return a == b
    return fuzz.ratio(a, b) >= 80


def same_name(a: str, b: str) -> bool:
    """Whether two names can denote the same entity, in any script.

    Every word of the shorter name must match a word of the longer one, in order, and the
    first words must match: "Khawaja Asif" = "Khawaja Muhammad Asif", but "Asim Bajwa" is not
    "Qamar Javed Bajwa" and "Qamar Cheema" is not "Qamar Javed Bajwa". A name written without
    its spaces ("قمرجاوید باجوہ") matches when the skeletons agree letter for letter.
    """
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return False
    if "".join(sa) == "".join(sb):
        return True
    if len(sa) < 2 or len(sb) < 2:
        return False  # a bare surname is not enough to call two names the same
    short, long_ = sorted((sa, sb), key=len)
    if not _words_match(short[0], long_[0]) or not _words_match(short[-1], long_[-1]):
        return False
    remaining = iter(long_[1:-1])
    return all(any(_words_match(word, other) for other in remaining) for word in short[1:-1])


def name_score(a: str, b: str) -> float:
    """0-100 similarity of two names' skeletons, for ranking candidates."""
    return fuzz.token_sort_ratio(" ".join(skeleton(a)), " ".join(skeleton(b)))


# Readable Latin from aksharamukha's ISO output, which writes every inherent vowel
# ("qamara jaav̈ayada") and marks و as "v̈", ع as "ä", the digraph خ as "k͟h".
_C = "bcdfghjklmnpqrstvwxyzḍṭṛśṣ"
_ROMAN_CLEANUP = [
    (re.compile("a\u035fh"), "h"),  # k͟h: the inherent vowel lands inside the digraph
    (re.compile(f"(?<=[{_C}])a\\b"), ""),  # no inherent vowel at a word's end
    (re.compile("aa+"), "ā"),
    (re.compile("ā(?=v̈ā)|(?<=[bcdfgjklmnpqrstz])av̈a"), lambda m: "wa" if m.group() == "av̈a" else "ā"),
    (re.compile(f"(?<=[{_C}])aya?(?=[{_C}])"), "e"),  # ی between consonants
    (re.compile(f"(?<=[{_C}])av̈a?(?=[{_C}])"), "o"),  # و between consonants
    (re.compile(f"(?<=[{_C}])ay\\b"), "i"),  # a final ی after a consonant: "واسطی" Wasti, "ہلالی" Hilali
    (re.compile("\\bv̈"), "w"),  # an initial و: "وسیم" Wasim
    (re.compile("v̈"), "v"),
    (re.compile("ah\\b"), "a"),  # a final ہ is a vowel
    (re.compile("ä"), ""),
    (re.compile("ś"), "sh"),  # ش
]


# aksharamukha's ISO Devanagari, read as Hindi is spoken and as Indian papers spell names.
_ISO_UNITS = re.compile("kh|gh|ch|jh|ṭh|ḍh|th|dh|ph|bh|ṛh|r̥|ai|au|m̐|.")
_ISO_VOWELS = {"a", "ā", "i", "ī", "u", "ū", "e", "ē", "o", "ō", "ai", "au", "r̥"}
_ISO_NASALS = {"ṁ", "m̐"}
_ISO_NOT_CONSONANTS = _ISO_VOWELS | _ISO_NASALS
_ISO_LATIN = {"ś": "sh", "ṣ": "sh", "c": "ch", "ch": "chh", "ṛ": "r", "ṛh": "rh", "ṅ": "n", "ñ": "n", "ṭ": "t",
              "ṭh": "th", "ḍ": "d", "ḍh": "dh", "ṇ": "n", "r̥": "ri", "m̐": "n"}
_LABIALS = {"p", "ph", "b", "bh", "m"}


def _hindi_latin(word: str) -> str:
    """One ISO-romanised Hindi word as a name is spelled: the inherent vowel that Hindi does
    not say dropped (at the end after one consonant: "नदीम" Nadim, kept after a cluster:
    "सत्येंद्र" Satyendra; between a vowel-consonant and a consonant-vowel, from the right:
    "मंगेशकर" Mangeshkar, "जवाहरलाल" Jawaharlal), ś as sh, the anusvara as n or m."""
    units = _ISO_UNITS.findall(unicodedata.normalize("NFC", word))

    def consonant(n):
        return 0 <= n < len(units) and units[n].isalpha() and units[n] not in _ISO_NOT_CONSONANTS

    def voiced(n):  # a vowel, or a vowel the anusvara nasalises
        return 0 <= n < len(units) and units[n] in _ISO_NOT_CONSONANTS

    if len(units) > 2 and units[-1] == "a" and consonant(len(units) - 2) and not consonant(len(units) - 3) \
            and any(u in _ISO_VOWELS for u in units[:-2]):
        units.pop()
    for n in range(len(units) - 3, 1, -1):
        if units[n] == "a" and consonant(n - 1) and voiced(n - 2) and consonant(n + 1) and voiced(n + 2):
            del units[n]
    latin = []
    for n, unit in enumerate(units):
        if unit == "ṁ":  # "संजय" Sanjay, "अंबर" Ambar, "सिंह" Singh
            following = units[n + 1] if n + 1 < len(units) else ""
            unit = "m" if following in _LABIALS else "ng" if following == "h" else "n"
        latin.append(_ISO_LATIN.get(unit, unit))
    return "".join(latin)


@lru_cache(maxsize=20000)  # transliteration is slow, and an import names the same entities again and again
def display_name(name: str) -> str:
    """A readable Latin form of a name for display; curators may correct it."""
    folded = normalise(name)
    script = script_code(folded)
    # Devanagari keeps its nukta for reading: "ज़" is z, "फ़" f, "ड़" r, though they match as one.
    name = _tidy(name) if script == "Deva" else folded
    if script == "Latn":
        return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in name.split())
    source = _TRANSLITERATION_SOURCE.get(script)
    latin = transliterate.process(source, "ISO", name) if source else name
    if script == "Arab":
        for pattern, replacement in _ROMAN_CLEANUP:
            latin = pattern.sub(replacement, latin)
    elif script == "Deva":
        latin = " ".join(_hindi_latin(word) for word in latin.split())
    latin = unidecode(unicodedata.normalize("NFD", latin))
    return " ".join(w[:1].upper() + w[1:] for w in re.sub(r"[^A-Za-z .-]+", "", latin).split())
