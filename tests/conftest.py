"""Shared fixtures. Keep this file minimal: app-specific fixtures belong next to their tests."""

import unicodedata
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def empty_cache(settings):
    """Each test starts with an empty cache of its own process (the home page's counts are in
    it) and no whole pages kept: tests/web/test_page_cache.py turns that on."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.FACTBOOK_PAGE_CACHE_SECONDS = 0
    cache.clear()


@pytest.fixture(autouse=True)
def own_vector_index(settings, tmp_path):
    """Each test's nearest-neighbour index file is its own (none until a test builds one), never
    the one `embed_claims` keeps for the development database."""
    settings.FACTBOOK_VECTOR_INDEX = tmp_path / "claim-vectors.usearch"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The repository's seeds/ folder (sample articles, and metadata.yaml if present)."""
    return REPO_ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """File name -> NFC-normalised text of every seeds/*.txt, in file-name order."""
    return {
        path.name: unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        for path in sorted(seeds_dir.glob("*.txt"))
    }


@pytest.fixture
def imported_seeds(db, seeds_dir):
    """All seed articles imported with their metadata, as `make run` does."""
    call_command("import_articles", str(seeds_dir), stdout=open("/dev/null", "w"))
