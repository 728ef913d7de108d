"""The nearest-neighbour index of claim vectors: built by the embedding stage once the
collection is large, kept in step with it, and the same answers as the numpy scan."""

import numpy as np
import pytest
from django.conf import settings

from factbook.claims.models import Claim
from factbook.corroboration import vectors
from factbook.corroboration.embeddings import embed_missing
from factbook.corroboration.models import ClaimEmbedding

pytestmark = pytest.mark.django_db


def axis_encode(texts):
    """Claim i of a batch along its own axis (by text length, so the same text, the same vector)."""
    matrix = np.zeros((len(texts), vectors.DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        matrix[row, len(text) % vectors.DIMENSIONS] = 1.0
    return matrix


@pytest.fixture
def query_is_text_of(monkeypatch):
    """The query vector of a claim's text is that claim's vector."""
    monkeypatch.setattr(vectors, "query_vector", lambda text: axis_encode([text])[0])


def nearest_id(text):
    return vectors.nearest_to_query(text, 1)[0].claim_id


def test_the_embedding_stage_builds_the_index_once_the_collection_is_large(imported_seeds, monkeypatch):
    monkeypatch.setattr(vectors, "INDEX_FROM_VECTORS", 10)
    embed_missing(batch_size=5, encode=axis_encode)
    assert settings.FACTBOOK_VECTOR_INDEX.exists()
    from usearch.index import Index

    assert len(Index.restore(settings.FACTBOOK_VECTOR_INDEX)) == ClaimEmbedding.objects.count()


def test_a_small_collection_is_scanned_without_an_index(imported_seeds, query_is_text_of):
    embed_missing(encode=axis_encode)
    claim = Claim.objects.public().first()
    assert not settings.FACTBOOK_VECTOR_INDEX.exists()
    same_length = {c.pk for c in Claim.objects.public() if len(c.text) == len(claim.text)}  # the same vector
    assert nearest_id(claim.text) in same_length


def test_a_corrected_claim_moves_in_the_index(imported_seeds, query_is_text_of):
    embed_missing(encode=axis_encode)
    vectors.build_index()
    claim = Claim.objects.public().order_by("pk").first()
    shorter = claim.text[:-1]
    Claim.objects.filter(pk=claim.pk).update(text=shorter, end=claim.end - 1)
    embed_missing(encode=axis_encode)
    from usearch.index import Index

    index = Index.restore(settings.FACTBOOK_VECTOR_INDEX)
    assert len(index) == ClaimEmbedding.objects.count()
    assert np.argmax(index.get(claim.pk)) == len(shorter) % vectors.DIMENSIONS
