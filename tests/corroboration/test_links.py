"""'Also reported by': claim vectors, candidate links, and curators' decisions on them."""

from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from factbook.claims.models import Claim
from factbook.corroboration.embeddings import _similar_pairs, embed_missing, link_candidates
from factbook.corroboration.models import ClaimEmbedding, ClaimLink

pytestmark = pytest.mark.django_db

EXERCISES = "دونوں ملکوں کے درمیان 2016ء اور 2017ء میں مشترکہ فوجی مشقیں"
TRANSLATION = (
    "ISLAMABAD: Russian Ambassador Albert Khorev said that Russia will provide every possible cooperation "
    "to further strengthen these relations.\n"
)


def fake_encode(texts):
    """Deterministic unit vectors, so link logic is tested without the model."""
    vectors = np.array([[hash(t) % 97 + 1, len(t), t.count(" ") + 1] for t in texts], dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_embedding_is_resumable_and_reports_progress(imported_seeds):
    out = StringIO()
    call_command("embed_claims", stdout=out)
    assert f"embedded {Claim.objects.public().count()}/{Claim.objects.public().count()} claims" in out.getvalue()
    again = StringIO()
    call_command("embed_claims", stdout=again)
    assert "already has a vector" in again.getvalue()


def test_only_public_claims_are_embedded(imported_seeds):
    rejected = Claim.objects.first()
    Claim.objects.filter(pk=rejected.pk).update(status="rejected")
    embed_missing(encode=fake_encode)
    assert not ClaimEmbedding.objects.filter(claim=rejected).exists()
    assert ClaimEmbedding.objects.count() == Claim.objects.public().count()


def test_a_corrected_claim_is_embedded_again(imported_seeds):
    embed_missing(encode=fake_encode)
    claim = Claim.objects.public().first()
    Claim.objects.filter(pk=claim.pk).update(text=claim.text[:-1], end=claim.end - 1)
    assert embed_missing(encode=fake_encode) == 1


def test_similar_pairs_are_the_same_whatever_the_chunk_of_rows_compared_at_once(imported_seeds):
    embed_missing(encode=fake_encode)
    everything = _similar_pairs(threshold=0.0, chunk_size=10_000)
    assert everything and _similar_pairs(threshold=0.0, chunk_size=3) == everything


def test_the_same_report_in_two_articles_is_linked_through_their_event(imported_seeds):
    embed_missing(encode=fake_encode)
    link_candidates()
    first, second = Claim.objects.filter(text__startswith=EXERCISES).order_by("pk")
    link = ClaimLink.objects.get(claim=first, other=second)
    assert link.basis == "shared_event" and link.status == "unreviewed"


def test_finding_candidates_again_keeps_curators_decisions(imported_seeds):
    embed_missing(encode=fake_encode)
    link_candidates()
    ClaimLink.objects.update(status="rejected")
    assert link_candidates() == 0
    assert set(ClaimLink.objects.values_list("status", flat=True)) == {"rejected"}


def test_an_english_translation_of_an_urdu_claim_is_a_candidate(imported_seeds, tmp_path):
    (tmp_path / "khorev_en.txt").write_text(TRANSLATION, encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    call_command("embed_claims", stdout=StringIO())
    english = Claim.objects.get(sentence__source__file_name="khorev_en.txt")
    urdu = Claim.objects.get(text__startswith="روس ان تعلقات کو مزید مضبوط بنانے")
    link = ClaimLink.objects.involving(english).get()
    assert {link.claim, link.other} == {english, urdu} and link.basis == "similarity"
