"""Fact-checking in the admin: only confirmed claims, a verdict with evidence, shared by claims."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from factbook.claims.models import Claim, FactCheck

from .test_review import ispr_claim

ADD = reverse("admin:claims_factcheck_add")


def confirmed(claim, curator):
    Claim.objects.filter(pk=claim.pk).review("confirmed", curator)
    claim.refresh_from_db()
    return claim


def fact_check_form(claims, verdict="false", **evidence):
    data = {
        "claims": [claim.pk for claim in claims], "verdict": verdict, "explanation": "ISPR's own release says otherwise.",
        "checked_at_0": "2026-01-05", "checked_at_1": "10:00:00",
        "evidence-TOTAL_FORMS": "1", "evidence-INITIAL_FORMS": "0", "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
    }
    data.update({f"evidence-0-{name}": value for name, value in evidence.items()})
    return data


def test_an_unconfirmed_claim_cannot_be_fact_checked_in_the_admin(curator_client):
    claim = ispr_claim()
    response = curator_client.post(ADD, fact_check_form([claim]))
    assert response.status_code == 200 and "Confirm the extraction of this claim first" in response.content.decode()
    assert not FactCheck.objects.exists()


def test_the_database_refuses_a_fact_check_on_an_unconfirmed_claim(curator_client):
    claim = ispr_claim()
    fact_check = FactCheck.objects.create(verdict="false", explanation="…")
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(fact_check=fact_check)


def test_the_model_says_why_an_unconfirmed_claim_cannot_be_fact_checked(curator_client):
    claim = ispr_claim()
    claim.fact_check = FactCheck.objects.create(verdict="false", explanation="…")
    with pytest.raises(Exception, match="only once its extraction is confirmed"):
        claim.full_clean()


def test_a_verdict_with_evidence_is_recorded_with_its_fact_checker(curator_client, curator):
    claim = confirmed(ispr_claim(), curator)
    response = curator_client.post(ADD, fact_check_form([claim], url="https://example.org/release", note="Release"))
    assert response.status_code == 302, response.content.decode()[:2000]
    claim.refresh_from_db()
    fact_check = claim.fact_check
    assert (fact_check.verdict, fact_check.checked_by) == ("false", curator)
    assert [(e.url, e.note) for e in fact_check.evidence.all()] == [("https://example.org/release", "Release")]
    assert (claim.curated_by, claim.history.first().history_change_reason) == (curator, "Fact-check: false")


def test_claims_saying_the_same_thing_share_one_fact_check(curator_client, curator):
    first = confirmed(ispr_claim(), curator)
    second = confirmed(Claim.objects.exclude(pk=first.pk).filter(sentence__source__language="hi").first(), curator)
    curator_client.post(ADD, fact_check_form([first, second], verdict="half_true", source=first.sentence.source_id))
    fact_check = FactCheck.objects.get()
    assert set(fact_check.claims.all()) == {first, second}
    assert fact_check.evidence.get().source == first.sentence.source


def test_evidence_outside_factbook_must_be_an_http_url(curator_client, curator):
    claim = confirmed(ispr_claim(), curator)
    response = curator_client.post(ADD, fact_check_form([claim], url="ftp://example.org/release"))
    assert response.status_code == 200 and not FactCheck.objects.exists()


def test_the_claim_page_offers_a_fact_check_once_confirmed(curator_client, curator):
    claim = ispr_claim()
    change = reverse("admin:claims_claim_change", args=[claim.pk])
    assert "Confirm (or correct) the extraction first" in curator_client.get(change).content.decode()
    confirmed(claim, curator)
    assert f'{ADD}?claims={claim.pk}' in curator_client.get(change).content.decode()


def test_the_add_page_starts_with_the_claim_it_came_from(curator_client, curator):
    claim = confirmed(ispr_claim(), curator)
    page = curator_client.get(ADD, {"claims": claim.pk})
    assert page.context["adminform"].form["claims"].value() == [str(claim.pk)]


def test_claims_are_found_by_autocomplete_on_the_fact_check_form(curator_client):
    claim = ispr_claim()
    widget = curator_client.get(ADD).context["adminform"].form.fields["claims"].widget
    response = curator_client.get(reverse("admin:autocomplete"), {
        "app_label": widget.field.model._meta.app_label, "model_name": widget.field.model._meta.model_name,
        "field_name": widget.field.name, "term": claim.text[:12]})
    assert response.status_code == 200
    assert str(claim.pk) in [result["id"] for result in response.json()["results"]]
