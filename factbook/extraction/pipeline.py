"""The import pipeline for one file: read → segment → extract → resolve → store.

Every problem with a file is an `ImportRefused` carrying a reason a person can act on; the
caller reports it and goes on with the next file. Nothing is stored for a refused file.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.db import IntegrityError

from factbook.entities.models import PersonAlias
from factbook.sources.languages import LANGUAGES, detect_language
from factbook.sources.models import SentenceKind, Source, normalise_text, text_sha256

from .extract import extract_article
from .gazetteer import load_gazetteer
from .lexicon import lexicon_for
from .recognise import add_known_names, known_names_index
from .resolve import Resolver
from .rules import Rules, rules_for
from .segment import segment
from .store import ArticleRecord, store_article
from .versions import CURATED_SOURCE_FIELDS, previous_version

METADATA_FILE = "metadata.yaml"
METADATA_FIELDS = {"title", "language", "published_on", "date_is_approximate", "publisher", "url", "summary"}
TITLE_LENGTH = 120


class ImportRefused(Exception):
    """The file cannot be imported; the message says why."""


@dataclass
class ImportOutcome:
    path: Path
    status: str  # "imported", "unchanged" or "failed"
    detail: str = ""
    created: dict | None = None
    source: Source | None = None


def read_article(path: Path) -> str:
    """The file's text, NFC-normalised, or ImportRefused with the reason."""
    limit = settings.FACTBOOK_MAX_ARTICLE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise ImportRefused(f"too large: {size:,} bytes, the limit is {limit:,} (FACTBOOK_MAX_ARTICLE_BYTES)")
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"cannot be read: {error.strerror or error}") from error
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ImportRefused("is not UTF-8 but UTF-16: convert it, e.g. iconv -f UTF-16 -t UTF-8")
    if b"\x00" in data:
        raise ImportRefused("is binary, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(f"is not UTF-8: invalid byte 0x{data[error.start]:02x} at offset {error.start}") from error
    text = normalise_text(text)
    if not text.strip():
        raise ImportRefused("is empty")
    return text


@cache
def _metadata_for_folder(folder: Path) -> dict:
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ImportRefused(f"its metadata file {path} cannot be parsed: {error}") from error
    if not isinstance(data, dict):
        raise ImportRefused(f"its metadata file {path} must map file names to fields")
    return data


def metadata_for(path: Path) -> dict:
    entry = _metadata_for_folder(path.parent.resolve()).get(path.name) or {}
    unknown = set(entry) - METADATA_FIELDS
    if unknown:
        raise ImportRefused(f"metadata has unknown fields: {', '.join(sorted(unknown))}")
    published_on = entry.get("published_on")
    if published_on is not None and not isinstance(published_on, dt.date):
        try:
            published_on = dt.date.fromisoformat(str(published_on))
        except ValueError as error:
            raise ImportRefused(f"metadata published_on {published_on!r} is not a YYYY-MM-DD date") from error
    return {**entry, "published_on": published_on}


def _title(text, segments, metadata) -> str:
    if metadata.get("title"):
        return str(metadata["title"])
    headline = next((s for s in segments if s.kind == SentenceKind.HEADLINE), None)
    lead = headline or next((s for s in segments if s.kind == SentenceKind.BODY), segments[0])
    title = text[lead.start : lead.end]
    if len(title) > TITLE_LENGTH:
        title = title[:TITLE_LENGTH].rsplit(" ", 1)[0] + "…"
    return title


class Importer:
    """Imports files one by one; keeps the rules of each language, the resolver's index of
    known names and the extraction's index of them between files."""

    def __init__(self):
        self.gazetteer = load_gazetteer(settings.FACTBOOK_SEEDS_DIR / "gazetteer.yaml")
        self.resolver = Resolver(self.gazetteer)
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

    def _import(self, path: Path) -> ImportOutcome:
        text = read_article(path)
        # The same text again changes nothing, whatever its file is called now.
        existing = Source.objects.filter(sha256=text_sha256(text)).first()
        if existing:
            return ImportOutcome(path, "unchanged", f"same text as source #{existing.pk}", source=existing)
        metadata = metadata_for(path)
        language = metadata.get("language") or detect_language(text)
        segments = segment(text, language)
        if not segments:
            raise ImportRefused("has no sentences")
        previous = previous_version(path.name, metadata.get("url") or "")
        record = ArticleRecord(
            text=text, file_name=path.name, language=language, title=_title(text, segments, metadata),
            published_on=metadata["published_on"],
            published_on_is_approximate=bool(metadata.get("date_is_approximate")) and bool(metadata["published_on"]),
            publisher=metadata.get("publisher") or "", url=metadata.get("url") or "",
            summary=metadata.get("summary") or "", previous_version=previous,
        )
        if previous:  # what a curator set on the old version stays, unless the metadata says otherwise
            for field in CURATED_SOURCE_FIELDS:
                if field not in metadata or metadata[field] in (None, ""):
                    setattr(record, field, getattr(previous, field))
        extraction = extract_article(text, segments, record.published_on, self.rules(language), self.known_names())
        refs = self.resolver.resolve(extraction)
        try:
            stored = store_article(record, segments, extraction, refs)
        except IntegrityError as error:  # another import stored the same text meanwhile
            raise ImportRefused(f"could not be stored: {error}") from error
        self.resolver.remember(stored.new_aliases)
        add_known_names(self.known_names(), (a.name for a in stored.new_aliases if isinstance(a, PersonAlias)))
        notes = [] if language in LANGUAGES else [f"language {language!r} has no extraction rules"]
        if previous:
            carried = stored.carried
            notes.append(f"new version of source #{previous.pk}; carried over {carried['claims']} curated claims "
                         f"and {carried['mentions']} corrected mentions")
        return ImportOutcome(path, "imported", "; ".join(notes), dict(stored.created), stored.source)


def article_paths(paths) -> list[Path]:
    """The .txt files named, and those inside the folders named, in a stable order."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            found.append(path)
    return list(dict.fromkeys(found))
