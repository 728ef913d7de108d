"""Reviewing facts in the admin: bulk actions with confirmation, stamps, history, spans."""

import pytest
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.curation.models import ReviewStatus
from factbook.entities.models import Person

CHANGELIST = "admin:claims_claim_changelist"


def ispr_claim():
    return Claim.objects.get(sentence__text__startswith="پاک فوج کے شعبہ تعلقات عامہ (آئی ایس پی آر) کے بیان")


def test_a_bulk_action_asks_for_confirmation_before_changing_anything(curator_client):
    claim = ispr_claim()
    response = curator_client.post(reverse(CHANGELIST), {"action": "mark_confirmed", "_selected_action": [claim.pk]})
    assert response.status_code == 200 and "Yes, mark it confirmed" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ReviewStatus.UNREVIEWED


def test_confirming_a_bulk_action_records_status_reviewer_time_and_note(curator_client, curator):
    claim = ispr_claim()
    curator_client.post(reverse(CHANGELIST), {
        "action": "mark_confirmed", "_selected_action": [claim.pk], "confirmed": "yes", "review_note": "Checked with ISPR",
    })
    claim.refresh_from_db()
    assert (claim.status, claim.reviewed_by, claim.review_note) == (ReviewStatus.CONFIRMED, curator, "Checked with ISPR")
    assert claim.reviewed_at is not None


def test_a_rejected_claim_disappears_from_the_public_site(curator_client, client):
    claim = ispr_claim()
    curator_client.post(reverse(CHANGELIST), {"action": "mark_rejected", "_selected_action": [claim.pk], "confirmed": "yes"})
    assert client.get(claim.get_absolute_url()).status_code == 404
    assert claim not in Claim.objects.public()


def claim_form(claim, **changes):
    data = {
        "text": claim.text, "start": claim.start, "end": claim.end, "status": claim.status, "review_note": "",
        "mode": claim.mode, "claimant_person": claim.claimant_person_id or "",
        "claimant_organisation": claim.claimant_organisation_id or "", "event": claim.event_id or "",
        "about_persons": [p.pk for p in claim.about_persons.all()],
        "about_organisations": [o.pk for o in claim.about_organisations.all()],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_the_claim_page_shows_its_sentence_in_context_right_to_left(curator_client):
    claim = ispr_claim()
    page = curator_client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert 'dir="rtl"' in page and f"<mark>{claim.text}</mark>" in page


def test_changing_the_status_on_the_form_stamps_the_reviewer(curator_client, curator):
    claim = ispr_claim()
    curator_client.post(reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, status="corrected"))
    claim.refresh_from_db()
    assert (claim.status, claim.reviewed_by) == ("corrected", curator)


def test_a_corrected_span_is_saved_when_the_text_matches_it(curator_client):
    claim = ispr_claim()
    shorter = claim.text[: claim.text.index("نے") + 2]
    response = curator_client.post(reverse("admin:claims_claim_change", args=[claim.pk]),
                                   claim_form(claim, text=shorter, end=claim.start + len(shorter)))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.sentence.text[claim.start:claim.end] == claim.text == shorter


def test_a_span_that_does_not_match_its_text_is_refused_with_the_reason(curator_client):
    claim = ispr_claim()
    response = curator_client.post(reverse("admin:claims_claim_change", args=[claim.pk]),
                                   claim_form(claim, end=claim.end - 3))
    assert response.status_code == 200 and "must equal characters" in response.content.decode()


def test_a_span_outside_the_sentence_is_refused_with_the_reason(curator_client):
    claim = ispr_claim()
    response = curator_client.post(reverse("admin:claims_claim_change", args=[claim.pk]),
                                   claim_form(claim, end=len(claim.sentence.text) + 10))
    assert "outside its text" in response.content.decode()


def test_fixing_a_claimant_is_recorded_in_the_history_with_its_author(curator_client, curator):
    claim = ispr_claim()
    bajwa = Person.objects.get(aliases__name="قمر جاوید باجوہ")
    curator_client.post(reverse("admin:claims_claim_change", args=[claim.pk]),
                        claim_form(claim, claimant_organisation="", claimant_person=bajwa.pk))
    latest = claim.history.first()
    assert (latest.claimant_person_id, latest.history_user) == (bajwa.pk, curator)
    history_page = curator_client.get(reverse("admin:claims_claim_history", args=[claim.pk]))
    assert history_page.status_code == 200 and curator.username in history_page.content.decode()


def test_a_change_can_be_reverted_from_the_history(curator_client):
    claim = ispr_claim()
    original = claim.history.earliest()
    curator_client.post(reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, mode="direct_quote"))
    revert_url = reverse("admin:claims_claim_simple_history", args=[claim.pk, original.history_id])
    response = curator_client.post(revert_url, claim_form(claim, mode=original.mode))
    claim.refresh_from_db()
    assert response.status_code == 302 and claim.mode == original.mode


@pytest.mark.parametrize("confirmed", [{}, {"confirmed": "yes"}])
def test_a_selection_that_is_not_ids_gets_a_message(curator_client, confirmed):
    response = curator_client.post(reverse(CHANGELIST), {"action": "mark_verified", "_selected_action": ["abc"],
                                                         **confirmed}, follow=True)
    assert response.status_code == 200
    assert "The selection was not understood" in response.content.decode()
    assert not Claim.objects.exclude(status="unreviewed").exists()
