"""The two decisions on public pages: the extraction review and the fact-check, and what they mean."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from factbook.claims.models import FactCheck, FactCheckEvidence, Verdict
from factbook.curation.merge import merge_entities
from factbook.entities.models import Person

from .test_filters import listed
from .test_pages import html_of


@pytest.fixture
def checked_claim(bajwa_claim, ispr_claim, urdu_source):
    """Bajwa's claim (confirmed in conftest) rated misleading, with one piece of each kind of evidence."""
    checker = User.objects.create_user("amina", first_name="Amina", last_name="Qureshi")
    bajwa_claim.fact_check = FactCheck.objects.create(
        verdict=Verdict.MISLEADING, explanation="The same week the army announced new exercises.", checked_by=checker)
    bajwa_claim.save()
    for target in [{"claim": ispr_claim}, {"source": urdu_source}, {"url": "https://example.org/ispr-release"}]:
        FactCheckEvidence.objects.create(fact_check=bajwa_claim.fact_check, note="", **target)
    return bajwa_claim


def test_claim_page_shows_verdict_explanation_evidence_checker_and_date(client, checked_claim, ispr_claim, urdu_source):
    html = html_of(client, checked_claim.get_absolute_url())
    fact_check = html.split('id="fact-check-heading"')[1].split("</section>")[0]
    assert '<span class="badge verdict-misleading">Misleading</span>' in fact_check
    assert "The same week the army announced new exercises." in fact_check
    assert "Checked by Amina Qureshi" in fact_check
    assert f'datetime="{checked_claim.fact_check.checked_at:%Y-%m-%d}' in fact_check
    for href in [ispr_claim.get_absolute_url(), urdu_source.get_absolute_url(), "https://example.org/ispr-release"]:
        assert f'href="{href}"' in fact_check


def test_claim_page_without_fact_check_says_review_is_not_a_verdict(client, bajwa_claim):
    html = html_of(client, bajwa_claim.get_absolute_url())
    assert "Not fact-checked yet" in html and 'badge verdict-' not in html


def test_claim_page_links_to_the_page_explaining_statuses_and_verdicts(client, bajwa_claim):
    assert f'href="{reverse("web:how_we_check")}"' in html_of(client, bajwa_claim.get_absolute_url())


def test_the_explanation_page_lists_every_status_and_verdict_with_its_rating(client, db):
    html = html_of(client, reverse("web:how_we_check"))
    for label in ["Unreviewed", "Confirmed", "Corrected", "Rejected", "False", "Misleading", "Half true",
                  "Mostly true", "True", "Unverifiable"]:
        assert f">{label}</span>" in html
    assert "<td>1</td>" in html and "<td>5</td>" in html and "not on the scale" in html


def test_evidence_a_curator_rejected_is_not_shown(client, checked_claim, ispr_claim):
    ispr_claim.status = "rejected"
    ispr_claim.save()
    assert ispr_claim.get_absolute_url() not in html_of(client, checked_claim.get_absolute_url())


def test_claims_sharing_a_fact_check_link_to_each_other(client, checked_claim, munir_claim):
    munir_claim.status, munir_claim.fact_check = "confirmed", checked_claim.fact_check
    munir_claim.save()
    assert munir_claim.get_absolute_url() in html_of(client, checked_claim.get_absolute_url())


def test_claim_list_filters_by_verdict_and_claimant(client, checked_claim, lavrov_claim):
    lavrov_claim.fact_check = checked_claim.fact_check
    lavrov_claim.save()
    bajwa = checked_claim.claimant_person
    assert listed(client, "web:claim_list", verdict="misleading", claimant=bajwa.pk) == [checked_claim]
    assert listed(client, "web:claim_list", verdict="false") == []


def test_a_merged_away_persons_page_redirects_permanently_to_the_survivor(client, bajwa):
    duplicate = Person.objects.create(name="Q. J. Bajwa")
    merge_entities(bajwa, [duplicate])
    response = client.get(reverse("web:person_detail", args=[duplicate.pk]))
    assert (response.status_code, response["Location"]) == (301, bajwa.get_absolute_url())


def test_a_redirect_follows_a_survivor_that_was_merged_again(client, bajwa):
    first, second = Person.objects.create(name="Bajwa"), Person.objects.create(name="Q. J. Bajwa")
    merge_entities(second, [first])
    merge_entities(bajwa, [second])
    assert client.get(reverse("web:person_detail", args=[first.pk]))["Location"] == bajwa.get_absolute_url()


def test_a_person_never_merged_is_still_not_found(client, db):
    assert client.get(reverse("web:person_detail", args=[999999])).status_code == 404


def test_one_record_is_counted_in_the_singular(client, bajwa, lavrov):
    html = html_of(client, reverse("web:person_list") + f"?q={bajwa.name}")
    assert '<p class="result-count">1 person</p>' in html
