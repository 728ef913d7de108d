"""Records for the API tests, all from the imported seed articles."""

import pytest

from factbook.claims.models import Claim, FactCheck
from factbook.curation.models import ReviewStatus

# Seed 003 (Urdu, Neo News, April 2021): General Bajwa's words when he met Sergey Lavrov.
BAJWA_SAYS = "پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا"


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def review(record, status):
    record.mark_reviewed(status, user=None)
    record.save()
    return record


@pytest.fixture
def bajwa_claim(imported_seeds):
    return Claim.objects.select_related("sentence__source", "claimant_person").get(text=BAJWA_SAYS)


@pytest.fixture
def rejected_claim(bajwa_claim):
    return review(bajwa_claim, ReviewStatus.REJECTED)


def fact_check(claim, verdict, explanation="Checked against the ministry's transcript.", checked_by=None):
    """A fact-check of `claim`, after confirming its extraction as the admin requires."""
    if not claim.is_checkable:
        review(claim, ReviewStatus.CONFIRMED)
    claim.fact_check = FactCheck.objects.create(verdict=verdict, explanation=explanation, checked_by=checked_by)
    claim.save()
    return claim.fact_check
