"""Name parts: how given names, family names and particles are written in each script, and
what that says about whether two names denote one person.

Data in `lexicons/names/*.yaml`, one entry per name part: its standard Latin spelling, Latin
variants, Urdu and Devanagari spellings, and a role. A spelling found in a given-name and a
family-name entry of the same Latin spelling is a part of either role ("Asif": Asif Ali
Zardari, Khawaja Asif).

Two names denote one person when their first parts agree and every part of the shorter one
appears, in order, in the longer one ("مریم نواز" = "Maryam Nawaz Sharif"); a shared family
name alone never does ("Shehbaz Sharif" is not "Nawaz Sharif"). Parts the lexicon knows are
equal when they are one entry (Shahbaz = شہباز = शहबाज़); other parts fall back to consonant
skeletons, strictly for short ones.
"""

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from factbook.entities.names import display_name as romanise
from factbook.entities.names import normalise, script_code, skeleton

from .datafiles import read_yaml

NAMES_DIR = Path(__file__).parent / "lexicons" / "names"
ROLES = ("given", "family", "either", "particle")
MAX_INITIALS = 4  # initials one word may spell ("एमएस", "जेपी")
SPELLING_FIELDS = ("variants", "ur", "hi")
MIN_JOINED_PART = 3  # letters: a joined name ("شہبازشریف") splits only into parts this long
MAX_JOINED_LENGTH = 30
EXACT_SKELETON_LENGTH = 4  # skeletons this short must agree letter for letter ("Asim" is not "Aslam")
MIN_SKELETON_SIMILARITY = 80
MIN_LONE_SKELETON = 3  # consonants of an unknown one-word name that may link across articles


@dataclass(frozen=True)
class NamePart:
    latin: str
    role: str
    ends_names: bool = False  # a particle that is a family name too: "Shoaib Malik", "Fawad Chaudhry"
    follows_names: bool = False  # only ever after another part: "اللہ" of "نصر اللہ", never "اللہ تعالیٰ"

    @property
    def is_particle(self) -> bool:
        return self.role == "particle"


@dataclass(frozen=True)
class WrittenPart:
    """One part of a name as an article wrote it, with the lexicon's entry when it has one."""

    text: str
    known: NamePart | None
    skeletons: frozenset[str]  # of the written form, and of the standard Latin spelling if known

    @property
    def is_particle(self) -> bool:
        return bool(self.known and self.known.is_particle)


@lru_cache(maxsize=50000)  # every word of every sentence is looked up, often several times
def spelling_key(word: str) -> str:
    return normalise(word).casefold()


class NamePartLexicon:
    def __init__(self, parts: dict[str, NamePart]):
        self._parts = parts

    @classmethod
    def from_entries(cls, entries) -> "NamePartLexicon":
        parts: dict[str, NamePart] = {}
        for entry in entries:
            part = NamePart(entry["latin"], entry["role"], ends_names=bool(entry.get("ends_names")),
                            follows_names=bool(entry.get("follows_names")))
            for spelling in [entry["latin"], *(s for f in SPELLING_FIELDS for s in entry.get(f) or [])]:
                key = spelling_key(spelling)
                known = parts.get(key)
                if known and known.latin == part.latin and known.role != part.role and not part.is_particle:
                    part_here = replace(part, role="either")
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

    def initials(self, word: str) -> str | None:
        """The initials a word of several letter names written together spells, written
        together as newspapers print them ("एमएस" -> "MS"), from the lexicon's initials
        (lexicons/names/initials.yaml), or None."""
        key, letters = spelling_key(word), []
        while key and len(letters) < MAX_INITIALS:
            letter = next((key[:end] for end in range(len(key), 0, -1) if _is_initial(self._parts.get(key[:end]))), None)
            if letter is None:
                return None
            letters.append(self._parts[letter].latin.rstrip("."))
            key = key[len(letter):]
        return "".join(letters) if not key and len(letters) > 1 else None

    def split_joined(self, word: str) -> list[str] | None:
        """A word that is several known name parts written without spaces, split into them
        ("شہبازشریف" → "شہباز", "شریف"); None when it is not."""
        if word in self:
            return [word]
        if len(word) > MAX_JOINED_LENGTH:
            return None
        for cut in range(MIN_JOINED_PART, len(word) - MIN_JOINED_PART + 1):
            head, rest = word[:cut], word[cut:]
            if head in self:
                tail = self.split_joined(rest)
                if tail:
                    return [head, *tail]
        return None


def _is_initial(part: NamePart | None) -> bool:
    return part is not None and part.is_particle and len(part.latin) == 2 and part.latin.endswith(".")


def read_entries(path: Path) -> list[dict]:
    entries = read_yaml(path) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "latin" in e for e in entries):
        raise ValueError(f"{path}: expected a list of entries, each with 'latin'")
    return entries


@cache
def load_name_parts() -> NamePartLexicon:
    return NamePartLexicon.from_entries(
        entry for path in sorted(NAMES_DIR.glob("*.yaml")) for entry in read_entries(path)
    )


_WORD_SEPARATORS = re.compile(r"[\s\-‐.]+")  # "A.R. Rahman", "Bhutto-Zardari"


def _skeletons(*spellings) -> frozenset[str]:
    return frozenset(filter(None, ("".join(skeleton(s)) for s in spellings)))


@lru_cache(maxsize=50000)
def name_parts(name: str, lexicon: NamePartLexicon | None = None) -> tuple[WrittenPart, ...]:
    """The parts of a name; a word that is several known parts written together is split.
    Initials and other parts with no consonant skeleton are left out."""
    lexicon = lexicon or load_name_parts()
    parts = []
    for word in _spaced_parts(list(filter(None, _WORD_SEPARATORS.split(normalise(name)))), lexicon):
        for piece in lexicon.split_joined(word) or [word]:
            known = lexicon.lookup(piece)
            skeletons = _skeletons(piece, known.latin) if known else _skeletons(piece)
            if skeletons:
                parts.append(WrittenPart(piece, known, skeletons))
    return tuple(parts)


def _spaced_parts(words, lexicon):
    """Words with two words that the lexicon knows as one part ("عطاء اللہ") joined."""
    position = 0
    while position < len(words):
        pair = " ".join(words[position:position + 2])
        if position + 1 < len(words) and pair in lexicon:
            yield pair
            position += 2
        else:
            yield words[position]
            position += 1


def _skeletons_match(a: str, b: str) -> bool:
    if min(len(a), len(b)) <= EXACT_SKELETON_LENGTH:
        return a == b
    return fuzz.ratio(a, b) >= MIN_SKELETON_SIMILARITY


def same_part(a: WrittenPart, b: WrittenPart) -> bool:
    if a.known and b.known:
        return a.known.latin == b.known.latin
    return any(_skeletons_match(x, y) for x in a.skeletons for y in b.skeletons)


def _distinguishing(parts):
    """The parts that tell people apart: particles ("Muhammad", "Syed") are left out while two
    parts remain ("Muhammad Nawaz Sharif" → Nawaz Sharif, but "Fawad Chaudhry" stays whole)."""
    core = [p for p in parts if not p.is_particle]
    return core if len(core) >= 2 else list(parts)


# Across scripts, names spaced differently are compared by their consonants alone: so many
# names share four ("R. Ramanan" and "ए आर रहमान" both spell r-r-m-n) that fewer decide nothing.
MIN_SPACED_SKELETON = 5


def _spelled(parts, same_script: bool) -> str:
    """The name's letters without spaces: every letter within one script, where "Ramanan" is not
    "R. Rahman"; across scripts, which write vowels differently, the consonant skeleton."""
    return "".join(normalise(p.text).lower() if same_script else "".join(skeleton(p.text)) for p in parts)


def _in_order(short, long_) -> bool:
    """The first parts agree and the other parts of `short` appear in `long_` in order."""
    if not same_part(short[0], long_[0]):
        return False
    remaining = iter(long_[1:])
    return all(any(same_part(part, other) for other in remaining) for part in short[1:])


@lru_cache(maxsize=100_000)  # each name of an article against its others, and recurring people article after article
def same_person(a: str, b: str, lexicon: NamePartLexicon | None = None) -> bool:
    """Whether two names, in any script, can denote the same person (see the module's text)."""
    parts_a, parts_b = name_parts(a, lexicon), name_parts(b, lexicon)
    if not parts_a or not parts_b:
        return False
    same_script = script_code(a) == script_code(b)
    spelled = _spelled(parts_a, same_script)
    if len(parts_a) != len(parts_b) and spelled == _spelled(parts_b, same_script) \
            and (same_script or len(spelled) >= MIN_SPACED_SKELETON):
        return True  # spaced differently, letter for letter the same: "Ata Ullah" = "Ataullah"
    (short, short_all), (long_, long_all) = sorted(
        [(_distinguishing(parts_a), parts_a), (_distinguishing(parts_b), parts_b)], key=lambda d: len(d[0]))
    if len(short) == 1:
        return len(long_) == 1 and same_part(short[0], long_[0])
    if _in_order(short, long_):
        return True
    return _particles_anywhere(parts_a, parts_b) or _particles_anywhere(parts_b, parts_a)


def _particles_anywhere(short_all, long_all) -> bool:
    """A name whose particles count ("Fawad Chaudhry") is the longer name with the same
    particles anywhere: "Chaudhry Fawad Hussain"."""
    short = _distinguishing(short_all)
    core = [p for p in short if not p.is_particle]
    long_core = [p for p in long_all if not p.is_particle]
    long_particles = [p for p in long_all if p.is_particle]
    return (0 < len(core) < len(short) and bool(long_core) and _in_order(core, long_core)
            and all(any(same_part(p, q) for q in long_particles) for p in short if p.is_particle))


def distinctive_alone(single: str, lexicon: NamePartLexicon | None = None) -> bool:
    """Whether a one-word name may stand for someone named in another article: a part the
    lexicon knows, or one of at least MIN_LONE_SKELETON consonants, not two letters that
    half the names of a language share."""
    parts = name_parts(single, lexicon)
    return len(parts) == 1 and (parts[0].known is not None
                                or max(map(len, parts[0].skeletons), default=0) >= MIN_LONE_SKELETON)


def shares_part(single: str, name: str, lexicon: NamePartLexicon | None = None) -> bool:
    """Whether a one-word name ("Sharif") is one of the distinguishing parts of `name`."""
    parts = name_parts(single, lexicon)
    return len(parts) == 1 and any(same_part(parts[0], p) for p in _distinguishing(name_parts(name, lexicon)))


def _heads(parts):
    """The parts a match between two names starts from: the first, and the first that is no
    particle (`same_person` compares these first; `_particles_anywhere` the latter)."""
    return list(dict.fromkeys([parts[0], *[p for p in parts if not p.is_particle][:1]]))


def _part_keys(part: WrittenPart) -> list:
    return [*part.skeletons, *([("latin", part.known.latin)] if part.known else [])]


class NameIndex:
    """Names, each under an id, indexed by their parts, so that the few a name can match are
    found without comparing it with all of them: a superset of the names `same_person` and
    `shares_part` accept, which those then decide. By `same_person`, two names are one person
    when spelled letter for letter alike, or when a head part of each (`_heads`) is the same
    part and also: another distinguishing part is (`_in_order`), or a particle is
    (`_particles_anywhere`), or neither has another distinguishing part. A one-word name
    matches names with such a distinguishing part. Parts are the same by their lexicon entry
    or by skeletons (`same_part`): the skeletons a skeleton matches are looked up once per run
    among the distinct skeletons indexed, not among the names."""

    def __init__(self):
        self._names: dict[int, str] = {}
        self._heads: dict[object, set[int]] = {}  # part key -> ids
        self._parts: dict[object, set[int]] = {}  # distinguishing part key -> ids
        self._particles: dict[object, set[int]] = {}  # particle key -> ids
        self._spelled: dict[str, set[int]] = {}  # the skeletons joined -> ids (candidates of any script)
        self._one_part: set[int] = set()  # names of one distinguishing part
        self._long_skeletons: list[str] = []  # distinct, longer than EXACT_SKELETON_LENGTH
        self._similar: dict[str, tuple[int, set]] = {}  # skeleton -> (skeletons checked, those it matches)

    def _keys(self, parts):
        """Each part index with the keys a name of `parts` has in it."""
        return ((self._heads, _keys_of(_heads(parts))), (self._parts, _keys_of(_distinguishing(parts))),
                (self._particles, _keys_of(p for p in parts if p.is_particle)))

    def add(self, id_: int, name: str):
        self.discard(id_)
        parts = name_parts(name)
        if not parts:
            return
        self._names[id_] = name
        for index, keys in self._keys(parts):
            for key in keys:
                if self._is_long(key) and not any(key in known for known in (self._heads, self._parts, self._particles)):
                    self._long_skeletons.append(key)
                index.setdefault(key, set()).add(id_)
        self._spelled.setdefault(_spelled(parts, same_script=False), set()).add(id_)
        if len(_distinguishing(parts)) == 1:
            self._one_part.add(id_)

    def discard(self, id_: int):
        name = self._names.pop(id_, None)
        if name is None:
            return
        parts = name_parts(name)
        for index, keys in self._keys(parts):
            for key in keys:
                index[key].discard(id_)
        self._spelled[_spelled(parts, same_script=False)].discard(id_)
        self._one_part.discard(id_)

    def __len__(self):
        return len(self._names)

    @staticmethod
    def _is_long(key) -> bool:
        return isinstance(key, str) and len(key) > EXACT_SKELETON_LENGTH

    def _matching(self, key) -> set:
        """The part keys indexed that `same_part` can find equal to `key`."""
        if not self._is_long(key):
            return {key}
        checked, found = self._similar.get(key, (0, {key}))
        if checked < len(self._long_skeletons):
            found |= {match for match, _, _ in process.extract(
                key, self._long_skeletons[checked:], scorer=fuzz.ratio, score_cutoff=MIN_SKELETON_SIMILARITY,
                limit=None)}
            self._similar[key] = (len(self._long_skeletons), found)
        return found

    def _by_parts(self, index, keys) -> set[int]:
        return {i for key in keys for match in self._matching(key) for i in index.get(match, ())}

    def candidates(self, name: str) -> dict[int, str]:
        """The names `same_person(name, ...)` may accept, by id."""
        parts = name_parts(name)
        if not parts:
            return {}
        distinguishing = _distinguishing(parts)
        also = (self._by_parts(self._parts, _keys_of(distinguishing[1:]))
                | self._by_parts(self._particles, _keys_of(p for p in parts if p.is_particle))
                | (self._one_part if len(distinguishing) == 1 else set()))
        ids = self._by_parts(self._heads, _keys_of(_heads(parts))) & also
        return {i: self._names[i] for i in ids | self._spelled.get(_spelled(parts, same_script=False), set())}

    def sharing_part(self, single: str) -> dict[int, str]:
        """The names `shares_part(single, ...)` may accept, by id."""
        parts = name_parts(single)
        if len(parts) != 1:
            return {}
        return {i: self._names[i] for i in self._by_parts(self._parts, _part_keys(parts[0]))}


def _keys_of(parts) -> set:
    return {key for part in parts for key in _part_keys(part)}


@dataclass(frozen=True)
class DisplayName:
    name: str
    is_automatic: bool  # some part is a machine romanisation, not a spelling newspapers print


def person_display_name(names, lexicon: NamePartLexicon | None = None) -> DisplayName:
    """The name a newspaper would print: a Latin spelling an article used, else each part's
    standard Latin spelling from the lexicon; parts the lexicon lacks are romanised
    automatically. The fullest name is used, and one whose parts are all known first."""
    latin = [n for n in names if script_code(n) == "Latn"]
    if latin:
        return DisplayName(romanise(max(latin, key=len)), is_automatic=False)

    def rank(name):
        parts = name_parts(name, lexicon)
        return all(p.known for p in parts), len(parts), len(name)

    lexicon = lexicon or load_name_parts()
    parts = name_parts(max(names, key=rank), lexicon)
    spelled = [p.known.latin if p.known else lexicon.initials(p.text) for p in parts]
    return DisplayName(
        " ".join(s or romanise(p.text) for s, p in zip(spelled, parts)),
        is_automatic=not all(spelled),
    )
