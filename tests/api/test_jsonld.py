import json
import re
from urllib.parse import urlsplit

import pytest
from django.test import override_settings

from factbook.claims.models import Verdict
from factbook.curation.models import ReviewStatus

from .claimreview_spec import google_missing, schema_org_errors
from .conftest import BAJWA_SAYS, fact_check, review

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld_of(client, claim):
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    scripts = JSONLD.findall(response.content.decode())
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_claim_page_describes_an_unreviewed_claim_as_a_claim(client, bajwa_claim):
    data = jsonld_of(client, bajwa_claim)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Claim"
    assert data["text"] == BAJWA_SAYS
    assert data["url"] == f"http://testserver{bajwa_claim.get_absolute_url()}"


def test_claim_author_is_the_claimant(client, bajwa_claim):
    bajwa = bajwa_claim.claimant_person
    assert jsonld_of(client, bajwa_claim)["author"] == {
        "@type": "Person", "name": bajwa.name, "url": f"http://testserver{bajwa.get_absolute_url()}"}


def test_claim_appears_in_its_news_article(client, bajwa_claim):
    appearance = jsonld_of(client, bajwa_claim)["appearance"]
    assert appearance["@type"] == "NewsArticle"
    assert appearance["headline"] == bajwa_claim.source.title
    assert appearance["datePublished"] == "2021-04-07"
    assert appearance["inLanguage"] == "ur"
    assert appearance["url"] == f"http://testserver{bajwa_claim.source.get_absolute_url()}"


@pytest.mark.parametrize("status", [ReviewStatus.CONFIRMED, ReviewStatus.CORRECTED])
def test_an_extraction_review_alone_is_no_claim_review(client, bajwa_claim, status):
    review(bajwa_claim, status)
    data = jsonld_of(client, bajwa_claim)
    assert data["@type"] == "Claim" and "ClaimReview" not in json.dumps(data)


def test_a_fact_checked_claim_is_described_by_a_claim_review_of_it(client, bajwa_claim):
    checked = fact_check(bajwa_claim, Verdict.MISLEADING)
    data = jsonld_of(client, bajwa_claim)
    assert data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == BAJWA_SAYS
    assert data["datePublished"] == checked.checked_at.date().isoformat()
    assert data["reviewBody"] == checked.explanation
    assert data["itemReviewed"]["@type"] == "Claim"
    assert data["itemReviewed"]["appearance"]["url"] == f"http://testserver{bajwa_claim.source.get_absolute_url()}"


@pytest.mark.parametrize("verdict, value", [(Verdict.FALSE, 1), (Verdict.MISLEADING, 2), (Verdict.HALF_TRUE, 3),
                                            (Verdict.MOSTLY_TRUE, 4), (Verdict.TRUE, 5)])
def test_each_verdict_is_rated_on_the_one_to_five_scale(client, bajwa_claim, verdict, value):
    fact_check(bajwa_claim, verdict)
    assert jsonld_of(client, bajwa_claim)["reviewRating"] == {
        "@type": "Rating", "name": verdict.label, "alternateName": verdict.label,
        "ratingValue": value, "bestRating": 5, "worstRating": 1,
    }


def test_unverifiable_is_rated_by_name_only(client, bajwa_claim):
    fact_check(bajwa_claim, Verdict.UNVERIFIABLE)
    assert jsonld_of(client, bajwa_claim)["reviewRating"] == {
        "@type": "Rating", "name": "Unverifiable", "alternateName": "Unverifiable"}


@override_settings(FACTBOOK_PUBLISHER={"name": "Lahore Fact Desk", "url": "https://factdesk.example.org/"})
def test_the_review_author_is_the_publishing_organisation(client, bajwa_claim):
    fact_check(bajwa_claim, Verdict.TRUE)
    assert jsonld_of(client, bajwa_claim)["author"] == {
        "@type": "Organization", "name": "Lahore Fact Desk", "url": "https://factdesk.example.org/"}


@pytest.mark.parametrize("verdict", list(Verdict))
def test_claim_review_is_valid_schema_org(client, bajwa_claim, verdict):
    fact_check(bajwa_claim, verdict)
    assert schema_org_errors(jsonld_of(client, bajwa_claim)) == []


def test_a_plain_claim_is_valid_schema_org(client, bajwa_claim):
    assert schema_org_errors(jsonld_of(client, bajwa_claim)) == []


@pytest.mark.parametrize("verdict", list(Verdict))
def test_claim_review_has_everything_google_requires_and_recommends(client, bajwa_claim, verdict):
    fact_check(bajwa_claim, verdict)
    data = jsonld_of(client, bajwa_claim)
    assert google_missing(data, "required") == {}
    missing = google_missing(data, "recommended")
    if verdict == Verdict.UNVERIFIABLE:  # no point on the numeric scale: Google accepts a textual rating
        assert missing == {"Rating": {"bestRating", "ratingValue", "worstRating"}}
    else:
        assert missing == {}


def test_claim_review_url_is_on_the_page_own_domain(client, bajwa_claim):
    fact_check(bajwa_claim, Verdict.TRUE)
    assert urlsplit(jsonld_of(client, bajwa_claim)["url"]).hostname == "testserver"


def test_the_validator_finds_what_google_and_schema_org_refuse():
    wrong = {"@type": "ClaimReview", "reviewRating": {"@type": "Rating", "ratingValue": "five"}, "verdict": "true"}
    assert len(schema_org_errors(wrong)) == 2
    assert google_missing(wrong, "required") == {"ClaimReview": {"claimReviewed", "url"}, "Rating": {"alternateName"}}


def test_text_cannot_close_the_script_element(client, bajwa_claim):
    source = bajwa_claim.source
    source.title = "</script><script>alert(1)</script>"
    source.save()
    html = client.get(bajwa_claim.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert jsonld_of(client, bajwa_claim)["appearance"]["headline"] == source.title
