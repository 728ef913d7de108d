"""Curation is recorded explicitly: every curator action sets curated_by/curated_at, the import
never does, and the re-import protects exactly the rows carrying the marker."""

import io

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from simple_history.models import HistoricalRecords

from factbook.claims.models import Claim
from factbook.curation.merge import merge_entities
from factbook.entities.models import Mention, Person
from factbook.extraction.versions import curated

from .test_merge import two_bajwas  # noqa: F401 (fixture)
from .test_review import claim_form, ispr_claim


def test_nothing_is_curated_after_an_import(imported_seeds):
    assert not curated(Claim.objects.all()).exists() and not curated(Mention.objects.all()).exists()


def test_an_import_run_inside_a_web_request_marks_nothing_as_curated(db, curator, seeds_dir):
    request = RequestFactory().get("/admin/")
    request.user = curator  # what HistoryRequestMiddleware leaves for every save during the request
    HistoricalRecords.context.request = request
    try:
        call_command("import_articles", str(seeds_dir), stdout=io.StringIO())
    finally:
        del HistoricalRecords.context.request
    assert Claim.history.filter(history_user=curator).exists()  # the history saw the signed-in user ...
    assert not curated(Claim.objects.all()).exists()  # ... but curation is not guessed from it


def test_a_review_action_marks_the_claim_curated_by_the_reviewer(curator_client, curator):
    claim = ispr_claim()
    curator_client.post(reverse("admin:claims_claim_changelist"),
                        {"action": "mark_confirmed", "_selected_action": [claim.pk], "confirmed": "yes"})
    claim.refresh_from_db()
    assert (claim.curated_by, claim.curated_at is not None) == (curator, True)


def test_an_edit_in_the_admin_marks_the_claim_curated(curator_client, curator):
    claim = ispr_claim()
    curator_client.post(reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, mode="direct_quote"))
    assert curated(Claim.objects.filter(pk=claim.pk)).get().curated_by == curator


def test_a_merge_marks_the_moved_mentions_and_claims_curated(two_bajwas, curator):  # noqa: F811
    urdu, initials = two_bajwas
    moved = list(Mention.objects.filter(person=initials).values_list("pk", flat=True))
    merge_entities(urdu, [initials], curator)
    assert moved and set(curated(Mention.objects.filter(pk__in=moved)).values_list("pk", flat=True)) == set(moved)
    assert Person.objects.get(pk=urdu.pk).curated_by == curator


def test_recording_a_distinction_marks_both_entities_curated(curator_client, curator, two_bajwas):  # noqa: F811
    urdu, initials = two_bajwas
    curator_client.post(reverse("admin:entities_person_changelist"),
                        {"action": "record_distinct", "_selected_action": [urdu.pk, initials.pk]})
    assert set(Person.objects.curated().values_list("pk", flat=True)) == {urdu.pk, initials.pk}


@pytest.mark.parametrize("model", [Claim, Mention, Person])
def test_the_marker_is_a_queryable_field(model):
    assert {"curated_by", "curated_at"} <= {field.name for field in model._meta.get_fields()}
