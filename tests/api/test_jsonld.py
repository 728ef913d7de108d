import json
import re

from factbook.curation.models import ReviewStatus

from .conftest import BAJWA_SAYS, review

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


def test_claim_page_has_no_claim_review_before_review(client, bajwa_claim):
    assert "ClaimReview" not in json.dumps(jsonld_of(client, bajwa_claim))


def test_reviewed_claim_is_described_by_a_claim_review(client, bajwa_claim):
    review(bajwa_claim, ReviewStatus.DISPUTED)
    data = jsonld_of(client, bajwa_claim)
    assert data["@type"] == "ClaimReview"
    assert data["reviewRating"] == {"@type": "Rating", "alternateName": "Disputed"}
    assert data["datePublished"] == bajwa_claim.reviewed_at.isoformat()
    assert data["itemReviewed"]["@type"] == "Claim"
    assert data["itemReviewed"]["text"] == BAJWA_SAYS


def test_text_cannot_close_the_script_element(client, bajwa_claim):
    source = bajwa_claim.source
    source.title = "</script><script>alert(1)</script>"
    source.save()
    html = client.get(bajwa_claim.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert jsonld_of(client, bajwa_claim)["appearance"]["headline"] == source.title
