from datetime import date

import pytest
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.curation.models import ReviewStatus
from factbook.entities.models import Organisation, OrganisationKind
from factbook.events.models import DatePrecision, Event, EventKind

from .conftest import create_span, sentence_with


def listed(client, url_name, **params):
    """The records on the first page of a list, filtered by `params`."""
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200
    return list(response.context["page"])


@pytest.fixture
def delegation_visit(hindi_source, munir):
    event = Event.objects.create(
        kind=EventKind.VISIT, title="Russian military delegation visits Pakistan", date=date(2024, 11, 1),
        date_precision=DatePrecision.MONTH, place="Islamabad",
    )
    event.persons.add(munir)
    event.sentences.add(sentence_with(hindi_source, "इस्लामाबाद"))
    return event


def test_sources_filter_by_language(client, urdu_source, hindi_source):
    assert listed(client, "web:source_list", language="hi") == [hindi_source]


def test_sources_filter_by_title(client, urdu_source, hindi_source):
    assert listed(client, "web:source_list", q="جارحانہ عزائم") == [urdu_source]


@pytest.mark.parametrize("query", ["باجوہ", "बाजवा", "bajwa"])
def test_persons_are_found_by_a_name_in_any_script(client, bajwa, munir, query):
    assert listed(client, "web:person_list", q=query) == [bajwa]


def test_organisations_filter_by_name_and_kind(client, pakistan_army):
    Organisation.objects.create(name="Inter-Services Public Relations", kind=OrganisationKind.MEDIA)
    assert listed(client, "web:organisation_list", kind="armed_force") == [pakistan_army]
    assert listed(client, "web:organisation_list", q="پاک فوج") == [pakistan_army]


def test_events_filter_by_kind(client, meeting, delegation_visit):
    assert listed(client, "web:event_list", kind="visit") == [delegation_visit]


def test_events_filter_by_date_range(client, meeting, delegation_visit):
    assert listed(client, "web:event_list", date_from="2021-01-01", date_to="2021-12-31") == [meeting]


def test_events_filter_by_source(client, meeting, delegation_visit, hindi_source):
    assert listed(client, "web:event_list", source=hindi_source.pk) == [delegation_visit]


def test_claims_filter_by_status(client, bajwa_claim, lavrov_claim, article_claim):
    assert listed(client, "web:claim_list", status="confirmed") == [bajwa_claim]


def test_claims_filter_by_mode(client, bajwa_claim, lavrov_claim, article_claim):
    assert listed(client, "web:claim_list", mode="assertion") == [article_claim]


def test_claims_filter_by_language_of_their_source(client, bajwa_claim, munir_claim):
    assert listed(client, "web:claim_list", language="hi") == [munir_claim]


def test_claims_filter_by_source(client, bajwa_claim, munir_claim, urdu_source):
    assert listed(client, "web:claim_list", source=urdu_source.pk) == [bajwa_claim]


def test_claims_filter_by_person_as_claimant_or_subject(client, bajwa, bajwa_claim, ispr_claim, lavrov_claim):
    assert listed(client, "web:claim_list", person=bajwa.pk) == [ispr_claim, bajwa_claim]  # newest first


def test_claims_filter_by_text(client, bajwa_claim, lavrov_claim):
    assert listed(client, "web:claim_list", q="پاک روس") == [lavrov_claim]


def test_rejected_status_is_not_a_filter_choice(client, bajwa_claim, rejected_claim):
    response = client.get(reverse("web:claim_list"), {"status": "rejected"})
    assert response.context["filter"].errors
    assert rejected_claim not in response.context["page"]


def test_filters_survive_in_pagination_links(client, settings, bajwa_claim, ispr_claim, lavrov_claim, article_claim,
                                             munir_claim):
    settings.FACTBOOK_PAGE_SIZE = 2
    first_page = client.get(reverse("web:claim_list"), {"language": "ur"}).content.decode()
    assert 'href="?language=ur&amp;page=2"' in first_page
    second_page = client.get(reverse("web:claim_list"), {"language": "ur", "page": 2})
    assert list(second_page.context["page"]) == [ispr_claim, bajwa_claim]  # newest first


def test_sources_filter_by_person_mentioned(client, urdu_source, hindi_source, munir):
    assert listed(client, "web:source_list", person=munir.pk) == [hindi_source]


def test_sources_filter_by_organisation_mentioned(client, urdu_source, hindi_source, pakistan_army):
    assert listed(client, "web:source_list", organisation=pakistan_army.pk) == [urdu_source]


def test_sources_filter_by_publication_date(client, urdu_source, hindi_source):
    assert listed(client, "web:source_list", date_from="2024-01-01") == [hindi_source]
    assert listed(client, "web:source_list", date_to="2021-12-31") == [urdu_source]


def test_persons_filter_by_language_and_source_they_are_named_in(client, bajwa, munir, hindi_source):
    assert listed(client, "web:person_list", language="hi") == [munir]
    assert listed(client, "web:person_list", source=hindi_source.pk) == [munir]


def test_persons_filter_by_review_status(client, bajwa, munir):
    munir.status = ReviewStatus.CONFIRMED
    munir.save()
    assert listed(client, "web:person_list", status="confirmed") == [munir]


def test_organisations_filter_by_source_they_are_named_in(client, pakistan_army, hindi_source, urdu_source):
    assert listed(client, "web:organisation_list", source=urdu_source.pk) == [pakistan_army]
    assert listed(client, "web:organisation_list", source=hindi_source.pk) == []


def test_events_filter_by_participant(client, meeting, delegation_visit, munir, pakistan_army):
    assert listed(client, "web:event_list", person=munir.pk) == [delegation_visit]
    assert listed(client, "web:event_list", organisation=pakistan_army.pk) == [meeting]


def test_events_filter_by_language_and_status(client, meeting, delegation_visit):
    assert listed(client, "web:event_list", language="hi") == [delegation_visit]
    meeting.status = ReviewStatus.CORRECTED
    meeting.save()
    assert listed(client, "web:event_list", status="corrected") == [meeting]


@pytest.mark.parametrize("query", ["Rawalpindi", "لاروف", "Lavrov"])
def test_events_filter_by_title_place_or_participant_in_any_script(client, meeting, delegation_visit, query):
    assert listed(client, "web:event_list", q=query) == [meeting]


def test_claims_filter_by_organisation_as_claimant_or_subject(client, pakistan_army, ispr_claim, bajwa_claim):
    assert listed(client, "web:claim_list", organisation=pakistan_army.pk) == [ispr_claim]


def test_claims_filter_by_event_kind(client, ispr_claim, bajwa_claim):
    assert listed(client, "web:claim_list", event_kind="meeting") == [ispr_claim]


def test_claims_filter_by_publication_date_of_their_source(client, bajwa_claim, munir_claim):
    assert listed(client, "web:claim_list", date_from="2024-01-01", date_to="2024-12-31") == [munir_claim]


def test_claims_filter_by_words_in_any_order(client, bajwa_claim, lavrov_claim):
    assert listed(client, "web:claim_list", q="روس پاک") == [lavrov_claim]


def test_next_page_link_carries_where_the_page_ends(client, settings, bajwa_claim, ispr_claim, lavrov_claim,
                                                    article_claim):
    settings.FACTBOOK_PAGE_SIZE = 2
    first_page = client.get(reverse("web:claim_list"))
    last_shown = list(first_page.context["page"])[-1]
    assert f'href="?page=2&amp;page_after={last_shown.pk}"' in first_page.content.decode()


def test_paging_on_by_cursor_repeats_no_claim_imported_meanwhile(client, settings, urdu_source, bajwa_claim,
                                                                 ispr_claim, lavrov_claim, article_claim):
    settings.FACTBOOK_PAGE_SIZE = 2
    first_page = list(client.get(reverse("web:claim_list")).context["page"])
    create_span(Claim, urdu_source.sentences.last(), urdu_source.sentences.last().text[:5])  # newest, so first
    second_page = client.get(reverse("web:claim_list"), {"page": 2, "page_after": first_page[-1].pk})
    assert list(second_page.context["page"]) == [ispr_claim, bajwa_claim]


def test_previous_page_link_carries_where_the_page_begins(client, settings, bajwa_claim, ispr_claim, lavrov_claim,
                                                          article_claim, munir_claim):
    settings.FACTBOOK_PAGE_SIZE = 2
    third_page = client.get(reverse("web:claim_list"), {"page": 3})
    assert list(third_page.context["page"]) == [bajwa_claim]
    assert f'href="?page=2&amp;page_before={bajwa_claim.pk}"' in third_page.content.decode()
    second_page = client.get(reverse("web:claim_list"), {"page": 2, "page_before": bajwa_claim.pk})
    assert list(second_page.context["page"]) == [lavrov_claim, ispr_claim]
