import pytest
from django.urls import reverse

from .conftest import BAJWA_SAYS

ANNOTATION_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


@pytest.fixture
def annotation(client, bajwa_claim):
    response = client.get(reverse("api:claim-annotation", args=[bajwa_claim.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == ANNOTATION_TYPE
    return response.json()


def selector(annotation, selector_type):
    return next(s for s in annotation["target"]["selector"] if s["type"] == selector_type)


def test_annotation_is_a_web_annotation_of_the_source_page(annotation, bajwa_claim):
    assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert annotation["type"] == "Annotation"
    assert annotation["target"]["source"] == f"http://testserver{bajwa_claim.source.get_absolute_url()}"


def test_annotation_body_is_the_claim_by_its_claimant(annotation, bajwa_claim):
    bajwa = bajwa_claim.claimant_person
    body = annotation["body"]
    assert (body["type"], body["purpose"], body["value"], body["language"]) == (
        "TextualBody", "describing", BAJWA_SAYS, "ur")
    assert body["creator"] == {"id": f"http://testserver{bajwa.get_absolute_url()}", "type": "Person",
                               "name": bajwa.name}


def test_quote_selector_is_the_claim_in_its_context(annotation, bajwa_claim):
    quote = selector(annotation, "TextQuoteSelector")
    text = bajwa_claim.source.text
    assert quote["exact"] == BAJWA_SAYS
    assert quote["prefix"] + quote["exact"] + quote["suffix"] in text
    assert len(quote["prefix"]) == len(quote["suffix"]) == 32


def test_position_selector_points_into_the_source_text(annotation, bajwa_claim):
    position = selector(annotation, "TextPositionSelector")
    exact = selector(annotation, "TextQuoteSelector")["exact"]
    assert bajwa_claim.source.text[position["start"]:position["end"]] == exact
    assert position["start"] == bajwa_claim.sentence.start + bajwa_claim.start


def test_annotation_of_a_rejected_claim_is_not_found(client, rejected_claim):
    assert client.get(reverse("api:claim-annotation", args=[rejected_claim.pk])).status_code == 404


def test_annotation_answers_the_accept_header_of_the_annotation_protocol(client, bajwa_claim):
    url = reverse("api:claim-annotation", args=[bajwa_claim.pk])
    assert client.get(url, headers={"Accept": ANNOTATION_TYPE}).status_code == 200


def test_annotation_is_also_at_its_jsonld_address(client, bajwa_claim):
    response = client.get(f"/api/claims/{bajwa_claim.pk}/annotation.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == ANNOTATION_TYPE
