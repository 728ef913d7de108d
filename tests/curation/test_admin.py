"""Curators can open every admin page on imported articles."""

import pytest
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.entities.models import Mention, Organisation, Person, Role
from factbook.events.models import Event
from factbook.sources.models import Sentence, Source

MODELS = [Source, Sentence, Person, Organisation, Mention, Role, Event, Claim]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_lists_imported_rows(curator_client, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = curator_client.get(url)
    assert response.status_code == 200
    assert response.context["cl"].result_count == model.objects.count() > 0


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_change_page_opens(curator_client, model):
    obj = model.objects.first()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    assert curator_client.get(url).status_code == 200


@pytest.mark.parametrize("query", ["باجوہ", "बाजवा"])
def test_person_search_finds_names_in_any_script(curator_client, query):
    response = curator_client.get(reverse("admin:entities_person_changelist"), {"q": query})
    assert response.context["cl"].result_count >= 1


def test_changelist_filters_claims_by_source_language(curator_client):
    response = curator_client.get(reverse("admin:claims_claim_changelist"), {"sentence__source__language": "hi"})
    claims = response.context["cl"].queryset
    assert claims.exists() and not claims.exclude(sentence__source__language="hi").exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get(reverse("admin:claims_claim_changelist"))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
