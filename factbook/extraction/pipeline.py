"""The import pipeline for one file: read → segment → extract → resolve → store.

Every problem with a file is an `ImportRefused` carrying a reason a person can act on; the
caller reports it and goes on with the next file. Nothing is stored for a refused file.
"""

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from django.db import IntegrityError, transaction

from factbook.entities.models import PersonAlias
from factbook.sources.forms import SourceMetadataForm
from factbook.sources.languages import LANGUAGES, detect_language
from factbook.sources.models import SentenceKind, Source, normalise_text, text_sha256

from .extract import extract_article
from .gazetteer import load_gazetteer
from .lexicon import lexicon_for
from .recognise import add_known_names, known_names_index
from .resolve import Resolver
from .rules import Rules, rules_for
from .segment import segment
from .store import (
    ArticleRecord,
    article_lock,
    existing_entities,
    remove_entities,
    resolution_lock,
    store_article,
    store_entities,
    writes_entities,
)
from .stored_names import StoredNames
from .versions import CURATED_SOURCE_FIELDS, previous_version

METADATA_FILE = "metadata.yaml"
# The declared schema of a metadata.yaml entry: field → (Source field, the YAML type it is
# written as). The values themselves are then checked by the admin's own Source form.
METADATA_FIELDS = {
    "title": ("title", str),
    "language": ("language", str),
    "published_on": ("published_on", str),  # read as text (see MetadataLoader), parsed by the form
    "date_is_approximate": ("published_on_is_approximate", bool),
    "publisher": ("publisher", str),
    "url": ("url", str),
    "summary": ("summary", str),
}
METADATA_NAME_OF = {field: key for key, (field, _) in METADATA_FIELDS.items()}
YAML_TYPE_NAMES = {str: "text", bool: "true or false", int: "a number", float: "a number", list: "a list",
                   dict: "a mapping", set: "a set", bytes: "binary data"}
TITLE_LENGTH = 500  # Source.title


class ImportRefused(Exception):
    """The file cannot be imported; the message says why, as a clause about the file."""


@dataclass
class ImportOutcome:
    path: Path
    status: str  # "imported", "unchanged", "failed" or "skipped"
    detail: str = ""
    created: dict | None = None
    source: Source | None = None


class MetadataLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML that leaves dates as text: `2018-13-45` is then a bad date the form reports
    for its entry, not an exception that stops the whole file from loading."""


MetadataLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def file_kind(mode: int) -> str:
    kinds = [(stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")]
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_regular_file(path: Path, limit: int, setting: str) -> bytes:
    """The bytes of `path` when it is a regular file of at most `limit` bytes. Opened without
    blocking and checked after opening, so that a FIFO or a device is refused, never waited on."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise ImportRefused(f"cannot be read: {error.strerror or error}") from error
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ImportRefused(f"is {file_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise ImportRefused(f"is too large: {info.st_size:,} bytes, the limit is {limit:,} ({setting})")
        with open(descriptor, "rb", closefd=False) as file:
            data = file.read(limit + 1)
    except OSError as error:
        raise ImportRefused(f"cannot be read: {error.strerror or error}") from error
    finally:
        os.close(descriptor)
    if len(data) > limit:  # it grew since fstat
        raise ImportRefused(f"is too large: over {limit:,} bytes ({setting})")
    return data


def _file_version(path: Path) -> tuple | None:
    """What changes when a file is written or replaced; None when there is none (a dangling
    link is one, so that it is reported, not ignored)."""
    try:
        info = os.stat(path)
    except OSError:
        return ("unreadable",) if os.path.lexists(path) else None
    return info.st_ino, info.st_mtime_ns, info.st_size


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte order mark: its spaces and line breaks put the NUL bytes of a text
    all at odd offsets (little-endian) or all at even ones (big-endian)."""
    if len(data) % 2:
        return False
    for encoding, zeros, others in (("utf-16-le", data[1::2], data[0::2]), ("utf-16-be", data[0::2], data[1::2])):
        if b"\x00" in zeros and b"\x00" not in others:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return False
            return True
    return False


def _is_visible(char: str) -> bool:
    """Neither a space nor a control or format character (zero-width space, bidi marks, ...)."""
    return unicodedata.category(char)[0] not in "ZC"


def read_article(path: Path) -> str:
    """The file's text, NFC-normalised, or ImportRefused with the reason."""
    data = read_regular_file(path, settings.FACTBOOK_MAX_ARTICLE_BYTES, "FACTBOOK_MAX_ARTICLE_BYTES")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_like_utf16(data):
        raise ImportRefused("is not UTF-8 but UTF-16: convert it, e.g. iconv -f UTF-16 -t UTF-8")
    if b"\x00" in data:
        raise ImportRefused("is binary, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(f"is not UTF-8: invalid byte 0x{data[error.start]:02x} at offset {error.start}") from error
    text = normalise_text(text)
    if not any(map(_is_visible, text)):  # zero-width and bidi controls alone are no text either
        raise ImportRefused("is empty" + (": it holds only spaces and invisible characters" if text else ""))
    return text


def read_metadata_file(path: Path) -> dict:
    """A metadata.yaml: file name → entry. ImportRefused when the file as a whole is unusable."""
    try:
        data = read_regular_file(path, settings.FACTBOOK_MAX_METADATA_BYTES, "FACTBOOK_MAX_METADATA_BYTES")
        entries = yaml.load(data.decode("utf-8"), Loader=MetadataLoader)
    except ImportRefused as refusal:
        raise ImportRefused(f"has a metadata file {path} that {refusal}") from refusal
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as error:
        raise ImportRefused(f"has a metadata file {path} that cannot be parsed: {error}") from error
    if entries is None:
        return {}
    if not isinstance(entries, dict):
        raise ImportRefused(f"has a metadata file {path} that does not map file names to fields")
    return entries


def yaml_type_name(value) -> str:
    return next((name for kind, name in YAML_TYPE_NAMES.items() if type(value) is kind), type(value).__name__)


def check_metadata_entry(entry) -> dict:
    """The Source fields an entry gives, validated like the admin form; ImportRefused listing
    every bad field otherwise."""
    if not isinstance(entry, dict):
        raise ImportRefused(f"must be a mapping of fields, not {yaml_type_name(entry)}")
    problems, data = [], {}
    for key, value in entry.items():
        if key not in METADATA_FIELDS:
            problems.append(f"unknown field {key!r}")
        elif value is not None and value != "":  # left empty: as if not given (the title falls back to the headline)
            field, kind = METADATA_FIELDS[key]
            if isinstance(value, kind):
                data[field] = value
            else:
                problems.append(f"{key} must be {YAML_TYPE_NAMES[kind]}, not {yaml_type_name(value)}")
    form = SourceMetadataForm(data)
    if not form.is_valid():
        for field, errors in form.errors.items():
            where = f"{METADATA_NAME_OF[field]}: " if field in METADATA_NAME_OF else ""
            problems.append(where + " ".join(errors))
    if problems:
        raise ImportRefused("; ".join(problems))
    return {field: form.cleaned_data[field] for field in data}


def _title(text, segments, metadata) -> str:
    if metadata.get("title"):
        return str(metadata["title"])
    headline = next((s for s in segments if s.kind == SentenceKind.HEADLINE), None)
    lead = headline or next((s for s in segments if s.kind == SentenceKind.BODY), segments[0])
    title = text[lead.start : lead.end]
    # A whole line or sentence, never its first words: only one longer than the column is cut.
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return title


class Importer:
    """Imports files one by one; keeps between them the rules of each language, the resolver's
    and the extraction's indexes of known names, and each folder's metadata file once read."""

    def __init__(self):
        self.gazetteer = load_gazetteer(settings.FACTBOOK_SEEDS_DIR / "gazetteer.yaml")
        self.resolver = Resolver(self.gazetteer)
        self.stored_names = StoredNames(self.resolver)
        self.metadata_files = {}  # folder → (its metadata file's version, its entries or the ImportRefused it gave)
        self._rules: dict[str, Rules] = {}
        self._known_names = None  # built on the first article that needs it

    def rules(self, language: str) -> Rules:
        if language not in self._rules:
            self._rules[language] = rules_for(lexicon_for(language), self.gazetteer)
        return self._rules[language]

    def known_names(self):
        if self._known_names is None:
            self._known_names = known_names_index(self.resolver.known_person_names())
        return self._known_names

    def import_file(self, path: Path) -> ImportOutcome:
        try:
            return self._import(path)
        except ImportRefused as refusal:
            return ImportOutcome(path, "failed", str(refusal))

    def metadata_for(self, path: Path) -> dict:
        """The Source fields the folder's metadata.yaml gives the file, checked."""
        folder = path.parent.resolve()
        metadata_file = folder / METADATA_FILE
        version = _file_version(metadata_file)  # a worker kept between jobs sees a file replaced meanwhile
        if folder not in self.metadata_files or self.metadata_files[folder][0] != version:
            try:
                entries = read_metadata_file(metadata_file) if version else {}
            except ImportRefused as refusal:
                entries = refusal
            self.metadata_files[folder] = (version, entries)
        entries = self.metadata_files[folder][1]
        if isinstance(entries, ImportRefused):
            raise entries
        if entries.get(path.name) is None:
            return {}
        try:
            return check_metadata_entry(entries[path.name])
        except ImportRefused as refusal:
            raise ImportRefused(f"has bad metadata in {folder / METADATA_FILE}: {refusal}") from refusal

    def _import(self, path: Path) -> ImportOutcome:
        text = read_article(path)
        # The same text again changes nothing, whatever its file is called now.
        if existing := self._stored_as(text):
            return ImportOutcome(path, "unchanged", f"same text as source #{existing.pk}", source=existing)
        metadata = self.metadata_for(path)
        language = metadata.get("language") or detect_language(text)
        segments = segment(text, language)
        if not segments:
            raise ImportRefused("has no sentences")
        with article_lock(text_sha256(text), path.name, metadata.get("url")):
            if existing := self._stored_as(text):  # another process stored it meanwhile
                return ImportOutcome(path, "unchanged", f"same text as source #{existing.pk}", source=existing)
            record = self._record(path, text, language, segments, metadata)
            return self._store(record, segments, self._extract(record, segments), path)

    def _stored_as(self, text) -> Source | None:
        return Source.objects.filter(sha256=text_sha256(text)).first()

    def _extract(self, record, segments):
        return extract_article(record.text, segments, record.published_on, self.rules(record.language),
                               self.known_names())

    def _catch_up(self, record, segments, extraction):
        """The extraction again if a name other processes stored meanwhile occurs in the text."""
        newly_known = self.stored_names.refresh()
        add_known_names(self.known_names(), newly_known)
        if any(name in record.text for name in newly_known):
            return self._extract(record, segments)
        return extraction

    def _record(self, path, text, language, segments, metadata) -> ArticleRecord:
        previous = previous_version(path.name, metadata.get("url") or "")
        record = ArticleRecord(
            text=text, file_name=path.name, language=language, title=_title(text, segments, metadata),
            previous_version=previous, **{f: v for f, v in metadata.items() if f not in ("title", "language")},
        )
        if previous:  # what a curator set on the old version stays, unless the metadata says otherwise
            for field in CURATED_SOURCE_FIELDS:
                if metadata.get(field) in (None, ""):
                    setattr(record, field, getattr(previous, field))
        return record

    def _store(self, record, segments, extraction, path) -> ImportOutcome:
        extraction = self._catch_up(record, segments, extraction)
        refs = self.resolver.resolve(extraction)
        if writes_entities(refs, self.resolver.has_alias):
            # Decided again under the lock, against what other processes stored until then.
            with transaction.atomic(), resolution_lock():
                version = self.resolver.version
                extraction = self._catch_up(record, segments, extraction)
                if self.resolver.version != version:
                    refs = self.resolver.resolve(extraction)
                entities = store_entities(refs, record.language, self.resolver.has_alias)
            self.stored_names.remember(entities.new_aliases)
            add_known_names(self.known_names(), (a.name for a in entities.new_aliases if isinstance(a, PersonAlias)))
        else:
            entities = existing_entities(refs)
        try:
            stored = store_article(record, segments, extraction, refs, entities.entities)
        except BaseException as error:  # stored whole or not at all: the new entities go too
            remove_entities(entities)
            if isinstance(error, IntegrityError):  # another import stored the same text meanwhile
                raise ImportRefused(f"could not be stored: {error}") from error
            raise
        stored.created.update(entities.created)
        notes = [] if record.language in LANGUAGES else [f"language {record.language!r} has no extraction rules"]
        if record.previous_version:
            carried = stored.carried
            notes.append(f"new version of source #{record.previous_version.pk}; carried over {carried['claims']} "
                         f"curated claims and {carried['mentions']} corrected mentions")
        return ImportOutcome(path, "imported", "; ".join(notes), dict(stored.created), stored.source)


@dataclass
class Skipped:
    path: Path
    reason: str  # a clause about the path: "is a FIFO (named pipe), not a regular file"


def _stat_problem(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if error.errno == errno.ENOENT:
        return "is a symbolic link to nothing (dangling)"
    return f"cannot be read: {error.strerror or error}"


def _check_in_folder(path: Path, root: Path) -> str | None:
    """Why a .txt file found inside `root` is not taken, or None: it must be a regular file, and
    a symbolic link must not lead out of the folder."""
    try:
        info = path.stat()
    except OSError as error:
        return _stat_problem(error)
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(root):
        return f"is a symbolic link to {target}, outside {root}: refused"
    if not stat.S_ISREG(info.st_mode):
        return f"is {file_kind(info.st_mode)}, not a regular file"
    return None


def _files_in_folder(folder: Path, found: list, skipped: list):
    root = Path(os.path.realpath(folder))
    candidates = []

    def unreadable(error: OSError):
        skipped.append(Skipped(Path(error.filename), f"is a folder that cannot be read: {error.strerror}"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        for name in dirnames:  # links to folders are not walked into; say so when they lead outside
            linked = Path(dirpath, name)
            target = Path(os.path.realpath(linked))
            if linked.is_symlink() and not target.is_relative_to(root):
                skipped.append(Skipped(linked, f"is a symbolic link to {target}, outside {root}: refused"))
        candidates += [Path(dirpath, name) for name in filenames if name.endswith(".txt")]
    for path in sorted(candidates):
        problem = _check_in_folder(path, root)
        if problem:
            skipped.append(Skipped(path, problem))
        else:
            found.append(path)


def article_paths(paths) -> tuple[list[Path], list[Skipped]]:
    """The .txt files named, and those inside the folders named, in a stable order, and what was
    passed over and why. Only regular files are taken; a file or folder named is followed if it
    is a link, but inside a folder a link is taken only when it stays inside."""
    found, skipped = [], []
    for path in map(Path, paths):
        try:
            info = path.stat()
        except OSError as error:
            skipped.append(Skipped(path, _stat_problem(error)))
            continue
        if stat.S_ISDIR(info.st_mode):
            _files_in_folder(path, found, skipped)
        elif stat.S_ISREG(info.st_mode):
            found.append(path)
        else:
            skipped.append(Skipped(path, f"is {file_kind(info.st_mode)}, not a regular file"))
    return list(dict.fromkeys(found)), skipped
