import csv
import io

import pytest
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.curation.models import ReviewStatus

from .conftest import BAJWA_SAYS, review

KINDS = ["sources", "persons", "organisations", "events", "claims"]


def download(client, kind, **params):
    response = client.get(reverse("csv_export", args=[kind]), params)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def rows(client, kind, **params):
    """The CSV read back as Python's csv module reads a file opened with utf-8-sig."""
    _, content = download(client, kind, **params)
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("kind", KINDS)
def test_export_is_a_csv_attachment_with_a_dated_filename(client, imported_seeds, kind):
    response, _ = download(client, kind)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="factbook-{kind}-')
    assert response["Content-Disposition"].endswith('.csv"')


@pytest.mark.parametrize("kind", KINDS)
def test_export_starts_with_a_bom_and_a_header_row(client, imported_seeds, kind):
    _, content = download(client, kind)
    assert content.startswith("\ufeffid,".encode())
    assert len(rows(client, kind)) > 0


def test_export_has_every_matching_row_not_one_page(client, imported_seeds, settings):
    assert len(rows(client, "claims")) == Claim.objects.public().count() > settings.FACTBOOK_PAGE_SIZE


def test_urdu_claim_round_trips(client, bajwa_claim):
    row = next(row for row in rows(client, "claims") if row["id"] == str(bajwa_claim.pk))
    assert row["text"] == BAJWA_SAYS
    assert row["claimant_name"] == bajwa_claim.claimant_person.name
    assert row["source_title"] == bajwa_claim.source.title
    assert row["page_url"] == f"http://testserver{bajwa_claim.get_absolute_url()}"


def test_export_applies_the_list_filters(client, bajwa_claim):
    review(bajwa_claim, ReviewStatus.CONFIRMED)
    assert [row["id"] for row in rows(client, "claims", status="confirmed", language="ur")] == [str(bajwa_claim.pk)]


def test_export_of_hindi_claims_has_only_hindi_claims(client, imported_seeds):
    exported = rows(client, "claims", language="hi")
    assert len(exported) == Claim.objects.public().filter(sentence__source__language="hi").count() > 0
    assert {row["language"] for row in exported} == {"hi"}


def test_rejected_claim_is_not_exported(client, rejected_claim):
    assert str(rejected_claim.pk) not in {row["id"] for row in rows(client, "claims")}


def test_export_refuses_an_invalid_filter_instead_of_exporting_everything(client, imported_seeds):
    response = client.get(reverse("csv_export", args=["claims"]), {"status": "rejected"})
    assert response.status_code == 400


def test_unknown_export_is_not_found(client, db):
    assert client.get("/export/users.csv").status_code == 404


def test_text_that_excel_would_run_as_a_formula_is_escaped(client, bajwa_claim):
    source = bajwa_claim.source
    source.title = "=HYPERLINK(\"http://example.com\")"
    source.save()
    row = next(row for row in rows(client, "sources") if row["id"] == str(source.pk))
    assert row["title"] == "'=HYPERLINK(\"http://example.com\")"
