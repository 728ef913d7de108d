"""Verdicts in the API, the CSV and the filters ("all false claims by this person")."""

from django.contrib.auth.models import User
from django.urls import reverse

from factbook.claims.models import Claim, FactCheckEvidence, Verdict
from factbook.curation.merge import merge_entities
from factbook.entities.models import Person

from .conftest import fact_check, get_json
from .test_exports import rows


def claim_json(client, claim):
    return get_json(client, reverse("api:claim-detail", args=[claim.pk]))


def test_a_claim_without_fact_check_has_none(client, bajwa_claim):
    assert claim_json(client, bajwa_claim)["fact_check"] is None


def test_a_fact_check_is_in_the_api_with_verdict_rating_checker_and_evidence(client, bajwa_claim):
    amina = User.objects.create_user("amina", first_name="Amina", last_name="Qureshi")
    checked = fact_check(bajwa_claim, Verdict.MOSTLY_TRUE, checked_by=amina)
    FactCheckEvidence.objects.create(fact_check=checked, url="https://example.org/transcript", note="Transcript")
    FactCheckEvidence.objects.create(fact_check=checked, source=bajwa_claim.source)
    data = claim_json(client, bajwa_claim)["fact_check"]
    assert (data["verdict"], data["rating_value"], data["checked_by"]) == ("mostly_true", 4, "Amina Qureshi")
    assert data["evidence"] == [
        {"claim": None, "source": None, "url": "https://example.org/transcript", "note": "Transcript"},
        {"claim": None, "source": bajwa_claim.source.pk, "note": "",
         "url": f"http://testserver{bajwa_claim.source.get_absolute_url()}"},
    ]


def test_claims_filter_by_verdict_and_claimant(client, bajwa_claim):
    fact_check(bajwa_claim, Verdict.FALSE)
    bajwa = bajwa_claim.claimant_person
    other = Claim.objects.public().exclude(claimant_person=bajwa).filter(claimant_person__isnull=False).first()
    fact_check(other, Verdict.FALSE)
    page = get_json(client, reverse("api:claim-list"), verdict="false", claimant=bajwa.pk)
    assert [row["id"] for row in page["results"]] == [bajwa_claim.pk]


def test_the_csv_has_a_verdict_column(client, bajwa_claim):
    fact_check(bajwa_claim, Verdict.HALF_TRUE)
    exported = {row["id"]: row["verdict"] for row in rows(client, "claims", language="ur")}
    assert exported[str(bajwa_claim.pk)] == "half_true"
    assert set(exported.values()) == {"half_true", ""}


def test_the_csv_filters_by_verdict(client, bajwa_claim):
    fact_check(bajwa_claim, Verdict.TRUE)
    assert [row["id"] for row in rows(client, "claims", verdict="true")] == [str(bajwa_claim.pk)]


def test_a_merged_away_person_redirects_to_the_survivor_in_the_api(client, bajwa_claim):
    survivor = bajwa_claim.claimant_person
    merged = Person.objects.create(name="Q. J. Bajwa")
    merge_entities(survivor, [merged])
    response = client.get(reverse("api:person-detail", args=[merged.pk]))
    assert response.status_code == 301
    assert response["Location"] == reverse("api:person-detail", args=[survivor.pk])
