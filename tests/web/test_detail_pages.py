"""Person, organisation, event and claim pages: roles, co-mentions, badges, "also reported by"."""

from datetime import date

import pytest

from factbook.curation.models import ReviewStatus
from factbook.entities.models import EntityType, Mention, Role
from factbook.web.views import co_mentioned

from .conftest import create_span, sentence_with
from .test_pages import html_of

MEETING_SENTENCE = "اہم ملاقات کے موقع پر کہی"


@pytest.fixture
def bajwa_at_the_meeting(urdu_source, bajwa):
    """Bajwa named ("آرمی چیف") in the sentence that also names Lavrov and the Pakistan Army."""
    return create_span(Mention, sentence_with(urdu_source, MEETING_SENTENCE), "آرمی چیف",
                       entity_type=EntityType.PERSON, person=bajwa)


@pytest.fixture
def unresolved_mention(urdu_source):
    """A name the import could not tell apart: it links to no one and is never a co-mention."""
    return create_span(Mention, sentence_with(urdu_source, MEETING_SENTENCE), "روسی وزیر خارجہ",
                       entity_type=EntityType.PERSON)


def test_person_page_shows_roles_in_their_language_with_date_and_source(client, urdu_source, bajwa):
    Role.objects.create(person=bajwa, title="آرمی چیف جنرل", language="ur", source=urdu_source, as_of=date(2021, 4, 7))
    html = html_of(client, bajwa.get_absolute_url())
    assert '<span lang="ur" dir="rtl">آرمی چیف جنرل</span>' in html
    assert '<time datetime="2021-04-07">7 April 2021</time>' in html
    assert urdu_source.get_absolute_url() in html.split('id="roles-heading"')[1].split("</section>")[0]


def test_organisation_page_has_no_roles_section(client, pakistan_army):
    assert 'id="roles-heading"' not in html_of(client, pakistan_army.get_absolute_url())


def test_co_mentions_count_shared_sentences_and_skip_unresolved_names(
    lavrov, pakistan_army, bajwa_at_the_meeting, unresolved_mention
):
    others = co_mentioned(lavrov)
    assert sorted((other.name, other.together) for other in others) == [("Pakistan Army", 1), ("Qamar Javed Bajwa", 1)]


def test_co_mentions_rank_by_shared_sentences_and_take_two_queries(
    django_assert_num_queries, urdu_source, bajwa, lavrov, pakistan_army, bajwa_at_the_meeting
):
    # Bajwa and the army also share the sentence that names the army's press wing.
    create_span(Mention, sentence_with(urdu_source, "راولپنڈی"), "آرمی", entity_type=EntityType.ORGANISATION,
                organisation=pakistan_army)
    with django_assert_num_queries(2):
        others = co_mentioned(bajwa)
    assert [(other.name, other.together) for other in others] == [("Pakistan Army", 2), ("Sergey Lavrov", 1)]
    assert others[0].get_absolute_url() == pakistan_army.get_absolute_url()


def test_co_mentions_leave_out_rejected_entities(lavrov, pakistan_army, bajwa_at_the_meeting):
    pakistan_army.status = ReviewStatus.REJECTED
    pakistan_army.save()
    assert [other.name for other in co_mentioned(lavrov)] == ["Qamar Javed Bajwa"]


def test_entity_page_lists_co_mentions_with_links(client, lavrov, bajwa, bajwa_at_the_meeting):
    html = html_of(client, lavrov.get_absolute_url())
    section = html.split('id="co-mentioned-heading"')[1]
    link = f'<a href="{bajwa.get_absolute_url()}">Qamar Javed Bajwa</a>'
    assert f'{link} <span class="muted">(1 sentence)</span>' in section


@pytest.mark.parametrize("fixture_name", ["bajwa", "pakistan_army", "meeting"])
def test_person_organisation_and_event_pages_show_their_status(client, request, fixture_name):
    record = request.getfixturevalue(fixture_name)
    record.status = ReviewStatus.CONFIRMED
    record.save()
    assert '<span class="badge badge-confirmed">Confirmed</span>' in html_of(client, record.get_absolute_url())


def test_claim_page_shows_claims_of_the_same_event_from_other_sources(
    client, meeting, ispr_claim, lavrov_claim, munir_claim
):
    lavrov_claim.event = munir_claim.event = meeting
    lavrov_claim.save()
    munir_claim.save()
    html = html_of(client, ispr_claim.get_absolute_url())
    also = html.split('id="also-heading"')[1].split("</section>")[0]
    assert munir_claim.get_absolute_url() in also
    assert '<span class="relation">same event</span>' in also
    assert lavrov_claim.get_absolute_url() not in also  # same source: it is in the article below


def test_claim_page_without_other_reports_has_no_such_section(client, ispr_claim):
    assert 'id="also-heading"' not in html_of(client, ispr_claim.get_absolute_url())


def test_a_persons_page_title_is_just_the_name(client, bajwa):
    page = client.get(bajwa.get_absolute_url()).content.decode()
    assert f"<title>{bajwa.name} · Factbook</title>" in page


def test_a_source_page_links_each_named_person_to_their_page(client, imported_seeds):
    from factbook.entities.models import Person
    from factbook.sources.models import Source

    source = Source.objects.get(file_name="003_197be045261bb7ed.txt")
    bajwa = Person.objects.get(aliases__name="قمر جاوید باجوہ")
    page = client.get(source.get_absolute_url()).content.decode()
    assert f'<a class="mention" href="{bajwa.get_absolute_url()}">قمر جاوید باجوہ</a>' in page


def test_a_name_inside_a_claim_is_linked_within_the_claims_one_mark(client, imported_seeds):
    import re

    from factbook.sources.models import Source

    source = Source.objects.get(file_name="003_197be045261bb7ed.txt")
    page = client.get(source.get_absolute_url()).content.decode()
    assert re.search(r'<mark>[^<]*<a class="mention" href="[^"]+">[^<]+</a>[^<]*</mark>', page)
