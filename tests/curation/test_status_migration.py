"""The move from the one review status to extraction review keeps what curators did."""

from datetime import datetime, timezone

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from factbook.claims.models import Claim
from factbook.curation.statuses import DISPUTED_NOTE, split_review_statuses

REVIEWED_AT = datetime(2025, 3, 1, 12, tzinfo=timezone.utc)


@pytest.fixture
def old_statuses(imported_seeds, curator):
    """Three claims as the old single status left them, one of each reviewed kind."""
    verified, disputed, rejected = Claim.objects.all()[:3]
    for claim, status in [(verified, "verified"), (disputed, "disputed"), (rejected, "rejected")]:
        Claim.objects.filter(pk=claim.pk).update(status=status, reviewed_by=curator, reviewed_at=REVIEWED_AT,
                                                 review_note=f"note on {status}")
    return verified, disputed, rejected


def migrate_forwards():
    """The migration's data step, with the models as the migration sees them (no history signals)."""
    state = MigrationLoader(connection).project_state(("claims", "0003_fact_checks_and_extraction_review"))
    forwards, _ = split_review_statuses("claims", ["Claim"])
    forwards(state.apps, None)


def after(claim):
    claim.refresh_from_db()
    return claim.status, claim.reviewed_by, claim.reviewed_at, claim.review_note


def test_verified_becomes_confirmed_with_its_reviewer_date_and_note(old_statuses, curator):
    verified, _, _ = old_statuses
    migrate_forwards()
    assert after(verified) == ("confirmed", curator, REVIEWED_AT, "note on verified")


def test_disputed_goes_back_to_the_queue_saying_so_and_keeping_the_note(old_statuses, curator):
    _, disputed, _ = old_statuses
    migrate_forwards()
    assert after(disputed) == ("unreviewed", curator, REVIEWED_AT, f"{DISPUTED_NOTE}\nnote on disputed")


def test_rejected_stays_rejected(old_statuses, curator):
    _, _, rejected = old_statuses
    migrate_forwards()
    assert after(rejected) == ("rejected", curator, REVIEWED_AT, "note on rejected")


def test_every_reviewed_claim_gets_the_curation_marker_of_its_review(old_statuses, curator):
    migrate_forwards()
    marked = Claim.objects.curated()
    assert set(marked) == set(old_statuses)
    assert {(claim.curated_by, claim.curated_at) for claim in marked} == {(curator, REVIEWED_AT)}


def test_a_claim_a_curator_edited_without_reviewing_is_marked_curated_from_its_history(imported_seeds, curator):
    claim = Claim.objects.first()
    Claim.history.filter(id=claim.pk).update(history_user=curator)
    migrate_forwards()
    assert Claim.objects.curated().get() == claim


def test_history_is_not_rewritten(old_statuses):
    rows = list(Claim.history.values_list("history_id", "status"))
    migrate_forwards()
    assert list(Claim.history.values_list("history_id", "status")) == rows
