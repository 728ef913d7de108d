"""The claim page's "Also reported by" section."""

import pytest
from django.core.management import call_command

from factbook.claims.models import Claim
from factbook.corroboration.models import ClaimLink

pytestmark = pytest.mark.django_db

EXERCISES = "دونوں ملکوں کے درمیان 2016ء اور 2017ء میں مشترکہ فوجی مشقیں"


@pytest.fixture
def linked(imported_seeds):
    call_command("embed_claims", stdout=open("/dev/null", "w"))
    return Claim.objects.filter(text__startswith=EXERCISES).order_by("pk")


def test_the_same_report_in_another_article_is_listed_as_a_candidate(client, linked):
    first, second = linked
    page = client.get(first.get_absolute_url()).content.decode()
    assert "Also reported by" in page and second.get_absolute_url() in page and "candidate" in page


def test_a_link_a_curator_confirmed_says_so(client, linked):
    first, second = linked
    ClaimLink.objects.filter(claim=first, other=second).update(status="confirmed")
    assert "confirmed by a curator" in client.get(first.get_absolute_url()).content.decode()


def test_a_link_a_curator_rejected_is_not_shown(client, linked):
    first, second = linked
    ClaimLink.objects.filter(claim=first, other=second).update(status="rejected")
    assert second.get_absolute_url() not in client.get(first.get_absolute_url()).content.decode()


def test_a_rejected_claim_is_never_listed(client, linked):
    first, second = linked
    Claim.objects.filter(pk=second.pk).update(status="rejected")
    assert second.get_absolute_url() not in client.get(first.get_absolute_url()).content.decode()


def test_a_contradiction_is_shown_only_once_a_curator_confirmed_it(client, linked):
    first, second = linked
    ClaimLink.objects.filter(claim=first, other=second).update(basis="contradicts")
    assert second.get_absolute_url() not in client.get(first.get_absolute_url()).content.decode()
    ClaimLink.objects.filter(claim=first, other=second).update(status="confirmed")
    page = client.get(first.get_absolute_url()).content.decode()
    assert second.get_absolute_url() in page and "numbers or polarity disagree" in page
