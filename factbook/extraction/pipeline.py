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
from django.db import IntegrityError, transaction

from factbook.sources.languages import LANGUAGES, detect_language
from factbook.sources.models import SentenceKind, Source, normalise_text, text_sha256

from .extract import ArticleExtractor
from .gazetteer import load_gazetteer
from .lexicon import lexicon_for
from .resolve import Resolver
from .segment import segment
from .store import ArticleRecord, resolution_lock, store_article
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
    """Imports files one by one; keeps the resolver's index of known names between them."""

    def __init__(self):
        self.gazetteer = load_gazetteer()
        self.resolver = Resolver(self.gazetteer)

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
        record = self._record(path, text, language, segments, metadata)
        extraction = self._extract(record, segments)
        # What depends on what is stored is decided under a lock, so that imports running at
        # once store the same as one after another (see store.resolution_lock).
        with transaction.atomic(), resolution_lock():
            existing = Source.objects.filter(sha256=text_sha256(text)).first()
            if existing:  # another process stored it meanwhile
                return ImportOutcome(path, "unchanged", f"same text as source #{existing.pk}", source=existing)
            newly_known = self.resolver.refresh()
            fresh = self._record(path, text, language, segments, metadata)
            if fresh.published_on != record.published_on or any(name in text for name in newly_known):
                extraction = self._extract(fresh, segments)  # dates or names changed meanwhile
            return self._store(fresh, segments, extraction, path)

    def _extract(self, record, segments):
        extractor = ArticleExtractor(lexicon_for(record.language), self.gazetteer, self.resolver.known_person_names())
        return extractor.extract(record.text, segments, record.published_on)

    def _record(self, path, text, language, segments, metadata) -> ArticleRecord:
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
        return record

    def _store(self, record, segments, extraction, path) -> ImportOutcome:
        language, previous = record.language, record.previous_version
        refs = self.resolver.resolve(extraction)
        try:
            stored = store_article(record, segments, extraction, refs)
        except IntegrityError as error:  # another import stored the same text meanwhile
            raise ImportRefused(f"could not be stored: {error}") from error
        self.resolver.remember(stored.new_aliases)
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
