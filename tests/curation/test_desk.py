"""The curation desk: what a curator sees and does in the admin, in Urdu, Hindi and English."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.entities.models import Person, Role
from factbook.sources.models import Source

from .test_merge import two_bajwas  # noqa: F401 (fixture)
from .test_review import claim_form, ispr_claim

CHANGELIST = reverse("admin:claims_claim_changelist")


def change_url(claim):
    return reverse("admin:claims_claim_change", args=[claim.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("url_name", ["admin:index", "admin:claims_claim_changelist", "admin:entities_person_changelist"])
def test_every_admin_page_loads_the_shipped_fonts(curator_client, url_name):
    assert 'href="/static/curation/admin.css"' in curator_client.get(reverse(url_name)).content.decode()


def test_the_login_page_loads_the_shipped_fonts(client, db):
    assert 'href="/static/curation/admin.css"' in client.get(reverse("admin:login")).content.decode()


def test_text_inputs_and_textareas_take_their_direction_from_their_text(curator_client):
    page = curator_client.get(change_url(ispr_claim())).content.decode()
    for name in ["text", "review_note"]:
        assert re.search(rf'<textarea name="{name}"[^>]*dir="auto"', page), name


def test_alias_inputs_take_their_direction_from_their_text(curator_client):
    bajwa = Person.objects.get(aliases__name="قمر جاوید باجوہ")
    page = curator_client.get(reverse("admin:entities_person_change", args=[bajwa.pk])).content.decode()
    assert re.search(r'<input type="text" name="aliases-0-name"[^>]*dir="auto"', page)


def test_urdu_claims_are_right_to_left_cells_in_the_change_list(curator_client):
    claim = ispr_claim()
    page = curator_client.get(CHANGELIST, {"sentence__source__language": "ur"}).content.decode()
    assert f'<span lang="ur" dir="rtl">{claim}</span>' in page


def test_typing_only_the_text_finds_it_in_the_sentence(curator_client):
    claim = ispr_claim()
    sentence = claim.sentence.text
    inner = claim.text[5:40].strip()
    response = curator_client.post(change_url(claim), claim_form(claim, text=inner))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.start, claim.end, claim.text) == (sentence.index(inner), sentence.index(inner) + len(inner), inner)


def test_typed_text_found_several_times_takes_the_occurrence_nearest_the_old_span_and_says_so(curator_client):
    claim = ispr_claim()
    sentence = claim.sentence.text
    word = next(w for w in sentence.split() if len(w) > 1 and sentence.count(w) > 1)
    found = [m.start() for m in re.finditer(re.escape(word), sentence)]
    nearest = min(found, key=lambda at: (abs(at - claim.start), at))
    response = curator_client.post(change_url(claim), claim_form(claim, text=word), follow=True)
    claim.refresh_from_db()
    assert (claim.start, claim.text) == (nearest, word)
    assert any(f"occurs {len(found)} times" in message and "nearest the old span" in message
               for message in messages_of(response))


def test_typed_text_that_is_not_in_the_sentence_is_refused_with_the_reason(curator_client):
    claim = ispr_claim()
    response = curator_client.post(change_url(claim), claim_form(claim, text="یہ جملہ یہاں نہیں ہے"))
    assert response.status_code == 200 and "does not occur in the claim" in response.content.decode()


def test_a_correction_without_a_status_leaves_the_claim_corrected(curator_client, curator):
    claim = ispr_claim()
    curator_client.post(change_url(claim), claim_form(claim, text=claim.text[:30].strip()))
    claim.refresh_from_db()
    assert (claim.status, claim.reviewed_by) == ("corrected", curator)


def test_the_change_page_offers_a_span_picker_on_the_claims_sentence(curator_client):
    page = curator_client.get(change_url(ispr_claim())).content.decode()
    assert "curation/span-picker.js" in page and "data-span-picker" in page


def test_the_confirmation_page_shows_each_claim_with_claimant_and_sentence_in_context(curator_client):
    claims = list(Claim.objects.filter(claimant_person__isnull=False).select_related("claimant_person")[:2])
    page = curator_client.post(CHANGELIST, {"action": "mark_confirmed", "_selected_action": [c.pk for c in claims]})
    html = page.content.decode()
    assert "These 2 claims will be marked" in html and "Yes, mark them confirmed" in html
    for claim in claims:
        assert claim.claimant_person.name in html
        assert f"<mark>{claim.text}</mark>" in html


def test_one_claim_is_one_claim_in_the_confirmation_and_the_message(curator_client):
    claim = ispr_claim()
    page = curator_client.post(CHANGELIST, {"action": "mark_confirmed", "_selected_action": [claim.pk]})
    assert "This claim will be marked" in page.content.decode()
    done = curator_client.post(CHANGELIST, {"action": "mark_confirmed", "_selected_action": [claim.pk],
                                            "confirmed": "yes"}, follow=True)
    assert "1 claim marked confirmed." in messages_of(done)


def test_the_merge_page_shows_aliases_by_script_roles_sources_and_sentences(curator_client, two_bajwas):  # noqa: F811
    urdu, initials = two_bajwas
    page = curator_client.post(reverse("admin:entities_person_changelist"),
                               {"action": "merge_selected", "_selected_action": [urdu.pk, initials.pk]})
    html = page.content.decode()
    assert "Merge 2 persons" in html
    assert "Arab: " in html and "Latn: " in html
    role = Role.objects.filter(person=urdu).select_related("source").first()
    assert role.title in html and role.source.title in html
    sentence = initials.mentions.select_related("sentence").first().sentence
    assert sentence.text in html


def test_every_history_row_names_the_action_that_made_it(curator_client):
    claim = ispr_claim()
    curator_client.post(CHANGELIST, {"action": "mark_confirmed", "_selected_action": [claim.pk], "confirmed": "yes"})
    reasons = list(claim.history.values_list("history_change_reason", flat=True))
    assert reasons[0] == "Review (bulk action): marked confirmed"
    assert None not in reasons
    history = curator_client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()
    assert "Review (bulk action): marked confirmed" in history and "Import or script" in history


def test_an_edit_is_recorded_with_the_fields_it_changed(curator_client):
    claim = ispr_claim()
    curator_client.post(change_url(claim), claim_form(claim, mode="direct_quote"))
    assert claim.history.first().history_change_reason == "Edited in the admin: mode"


@pytest.fixture
def queue_source(imported_seeds):
    return Source.objects.filter(sentences__claims__isnull=False, language="ur").distinct().first()


def queue_url(source):
    return reverse("admin:claims_claim_queue", args=[source.pk])


def in_article_order(source):
    return list(Claim.objects.filter(sentence__source=source, status="unreviewed")
                .order_by("sentence__position", "start", "pk"))


def test_the_review_queue_starts_with_the_first_unreviewed_claim_of_the_article(curator_client, queue_source):
    page = curator_client.get(queue_url(queue_source))
    assert page.context["claim"] == in_article_order(queue_source)[0]
    assert 'data-key="c"' in page.content.decode()


def test_confirming_in_the_queue_leads_to_the_next_claim(curator_client, curator, queue_source):
    first, second = in_article_order(queue_source)[:2]
    page = curator_client.post(queue_url(queue_source), {"claim": first.pk, "decision": "confirm"}, follow=True)
    first.refresh_from_db()
    assert (first.status, first.reviewed_by) == ("confirmed", curator)
    assert page.context["claim"] == second


def test_skipping_in_the_queue_leaves_the_claim_unreviewed(curator_client, queue_source):
    first, second = in_article_order(queue_source)[:2]
    page = curator_client.get(queue_url(queue_source), {"after": first.pk})
    assert page.context["claim"] == second
    first.refresh_from_db()
    assert first.status == "unreviewed"


def test_a_viewer_sees_the_queue_but_cannot_decide(client, viewer, queue_source):
    client.force_login(viewer)
    first = in_article_order(queue_source)[0]
    assert 'data-key="c"' not in client.get(queue_url(queue_source)).content.decode()
    assert client.post(queue_url(queue_source), {"claim": first.pk, "decision": "confirm"}).status_code == 403
    first.refresh_from_db()
    assert first.status == "unreviewed"


def test_the_source_list_links_each_source_to_its_review_queue(curator_client, queue_source):
    html = curator_client.get(reverse("admin:sources_source_changelist")).content.decode()
    assert f'href="{queue_url(queue_source)}"' in html
