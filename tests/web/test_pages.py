import re
import time
from datetime import date
from types import SimpleNamespace

import pytest
from django.core.cache.backends import locmem
from django.urls import reverse

from factbook.curation.models import ReviewStatus
from factbook.events.models import DatePrecision, Event, EventKind
from factbook.sources.models import Sentence, Source

LIST_PAGES = ["web:home", "web:source_list", "web:person_list", "web:organisation_list", "web:event_list",
              "web:claim_list", "web:event_timeline", "web:search"]
DETAIL_FIXTURES = ["urdu_source", "hindi_source", "bajwa", "munir", "pakistan_army", "meeting", "bajwa_claim",
                   "ispr_claim", "munir_claim", "article_claim"]


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("url_name", LIST_PAGES)
def test_list_page_responds(client, url_name, bajwa_claim, ispr_claim, munir_claim):
    assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize("url_name", LIST_PAGES)
def test_list_page_responds_when_the_database_is_empty(client, db, url_name):
    assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize("fixture_name", DETAIL_FIXTURES)
def test_detail_page_responds(client, request, fixture_name):
    record = request.getfixturevalue(fixture_name)
    assert client.get(record.get_absolute_url()).status_code == 200


def test_home_shows_counts_links_and_latest_claims(client, bajwa_claim, munir_claim, rejected_claim):
    html = html_of(client, reverse("web:home"))
    assert "<strong>2</strong> sources" in html
    assert "<strong>2</strong> claims" in html  # the rejected one is not counted
    for url_name in LIST_PAGES[1:]:
        assert f'href="{reverse(url_name)}"' in html
    assert munir_claim.get_absolute_url() in html


def test_home_counts_are_kept_for_a_minute(client, monkeypatch, bajwa_claim, munir_claim, rejected_claim):
    client.get(reverse("web:home"))
    rejected_claim.status = ReviewStatus.CONFIRMED
    rejected_claim.save()
    assert "<strong>2</strong> claims" in html_of(client, reverse("web:home"))
    a_minute_later = time.time() + 61
    monkeypatch.setattr(locmem, "time", SimpleNamespace(time=lambda: a_minute_later))  # the cache's clock
    assert "<strong>3</strong> claims" in html_of(client, reverse("web:home"))


def test_page_chrome_is_english_with_local_assets_only(client, db):
    html = html_of(client, reverse("web:home"))
    assert '<html lang="en" dir="ltr">' in html
    assert '<link rel="stylesheet" href="/static/web/site.css">' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_claim_page_highlights_the_claim_in_its_sentence(client, bajwa_claim):
    html = html_of(client, bajwa_claim.get_absolute_url())
    assert "جنرل قمر جاوید باجوہ نے کہا <mark>پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا</mark>۔" in html


def test_claim_page_links_to_the_sentence_in_its_source(client, urdu_source, bajwa_claim):
    html = html_of(client, bajwa_claim.get_absolute_url())
    assert f'href="/sources/{urdu_source.pk}/#sentence-4"' in html


def test_claim_page_shows_every_sentence_of_the_article_in_order(client, urdu_source, bajwa_claim):
    html = html_of(client, bajwa_claim.get_absolute_url())
    anchors = [int(n) for n in re.findall(r'<li id="sentence-(\d+)"', html)]
    assert anchors == list(range(urdu_source.sentences.count()))


def test_claim_page_says_who_made_it_how_and_its_status(client, bajwa, bajwa_claim):
    html = html_of(client, bajwa_claim.get_absolute_url())
    assert f'<a href="{bajwa.get_absolute_url()}">Qamar Javed Bajwa</a>' in html
    assert "Reported speech" in html
    assert '<span class="badge badge-confirmed">Confirmed</span>' in html


def test_claim_without_claimant_is_made_by_the_article_itself(client, article_claim):
    html = html_of(client, article_claim.get_absolute_url())
    assert "the article itself" in html
    assert "The article&#x27;s own assertion" in html


def test_claim_page_shows_its_event_and_whom_it_is_about(client, ispr_claim, meeting, bajwa, lavrov):
    html = html_of(client, ispr_claim.get_absolute_url())
    for record in (meeting, bajwa, lavrov):
        assert record.get_absolute_url() in html


def test_claim_text_carries_the_language_and_direction_of_its_source(client, bajwa_claim):
    html = html_of(client, bajwa_claim.get_absolute_url())
    assert f'lang="ur" dir="rtl" cite="{bajwa_claim.sentence.get_absolute_url()}">\n  <p>{bajwa_claim.text}' in html


def test_rejected_claim_page_is_not_found(client, rejected_claim):
    assert client.get(rejected_claim.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("url_name", ["web:home", "web:claim_list"])
def test_rejected_claim_is_not_listed(client, url_name, rejected_claim, bajwa_claim):
    html = html_of(client, reverse(url_name))
    assert bajwa_claim.get_absolute_url() in html
    assert rejected_claim.get_absolute_url() not in html


def test_rejected_claim_is_not_marked_in_its_source(client, urdu_source, rejected_claim):
    html = html_of(client, urdu_source.get_absolute_url())
    assert "<mark>" not in html
    assert rejected_claim.get_absolute_url() not in html


def test_source_page_anchors_every_sentence(client, urdu_source):
    html = html_of(client, urdu_source.get_absolute_url())
    for sentence in urdu_source.sentences.all():
        assert f'id="{sentence.anchor}"' in html


def test_urdu_article_text_is_right_to_left(client, urdu_source):
    html = html_of(client, urdu_source.get_absolute_url())
    assert '<ol class="article" lang="ur" dir="rtl">' in html
    assert '<h1 lang="ur" dir="rtl">پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا، آرمی چیف</h1>' in html


def test_hindi_article_text_is_left_to_right(client, hindi_source):
    html = html_of(client, hindi_source.get_absolute_url())
    assert '<ol class="article" lang="hi" dir="ltr">' in html


def test_source_page_mutes_and_labels_sentences_outside_the_body(client, urdu_source):
    html = html_of(client, urdu_source.get_absolute_url())
    assert '<li id="sentence-2" class="sentence sentence-caption">' in html
    assert '<span class="sentence-kind" lang="en" dir="ltr">Caption</span>' in html
    assert '<li id="sentence-4" class="sentence sentence-body">' in html


def test_source_page_marks_claims_and_links_them(client, urdu_source, bajwa_claim):
    html = html_of(client, urdu_source.get_absolute_url())
    assert f"<mark>{bajwa_claim.text}</mark>" in html
    assert bajwa_claim.get_absolute_url() in html


def test_source_page_shows_metadata_with_approximate_date(client, urdu_source):
    html = html_of(client, urdu_source.get_absolute_url())
    assert "Neo News" in html
    assert 'approx. <time datetime="2021-04-07">7 April 2021</time>' in html
    assert "<dd>Urdu</dd>" in html
    assert "003_197be045261bb7ed.txt" in html


def test_source_page_lists_who_is_mentioned_and_what_it_reports(client, urdu_source, meeting, bajwa, pakistan_army):
    html = html_of(client, urdu_source.get_absolute_url())
    panel = html[html.index('<aside class="panel"'):]
    for record in (bajwa, pakistan_army, meeting):
        assert record.get_absolute_url() in panel


def test_article_text_is_escaped(client, db):
    text = 'وزیراعظم نے کہا <script>alert("x")</script> اہم ہے۔'
    source = Source.objects.create(title="<b>خبر</b>", language="ur", text=text)
    Sentence.objects.create(source=source, position=0, start=0, end=len(text), text=text)
    html = html_of(client, source.get_absolute_url())
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_person_page_lists_every_alias_in_its_own_direction(client, bajwa):
    html = html_of(client, bajwa.get_absolute_url())
    assert '<span class="name" lang="ur" dir="rtl">قمر جاوید باجوہ</span>' in html
    assert '<span class="name" lang="hi" dir="ltr">कमर जावेद बाजवा</span>' in html


def test_person_page_lists_claims_made_and_claims_about(client, bajwa, bajwa_claim, ispr_claim):
    html = html_of(client, bajwa.get_absolute_url())
    made, about = html.split('id="about-heading"')
    assert bajwa_claim.get_absolute_url() in made
    assert ispr_claim.get_absolute_url() in about.split('id="events-heading"')[0]


def test_person_page_lists_events_and_mentioning_sources(client, bajwa, meeting, urdu_source):
    html = html_of(client, bajwa.get_absolute_url())
    assert meeting.get_absolute_url() in html
    assert urdu_source.get_absolute_url() in html


def test_organisation_page_shows_kind_and_claims_made(client, pakistan_army, ispr_claim):
    html = html_of(client, pakistan_army.get_absolute_url())
    assert "<dt>Kind</dt><dd>Armed force</dd>" in html
    assert ispr_claim.get_absolute_url() in html


def test_event_page_shows_date_place_and_participants(client, meeting, bajwa, lavrov, pakistan_army):
    html = html_of(client, meeting.get_absolute_url())
    assert '<time datetime="2021-04-07">7 April 2021</time>' in html
    assert "Rawalpindi" in html
    for participant in (bajwa, lavrov, pakistan_army):
        assert participant.get_absolute_url() in html


def test_event_page_quotes_reporting_sentences_with_links_to_them(client, meeting, urdu_source):
    html = html_of(client, meeting.get_absolute_url())
    sentence = meeting.sentences.get()
    assert f'<blockquote lang="ur" dir="rtl" cite="{sentence.get_absolute_url()}"><p>{sentence.text}</p>' in html
    assert f'href="/sources/{urdu_source.pk}/#sentence-6"' in html


def test_event_date_is_shown_only_as_precisely_as_known(client, db):
    event = Event.objects.create(kind=EventKind.VISIT, title="Russian delegation visits Pakistan",
                                 date=date(2024, 11, 1), date_precision=DatePrecision.MONTH)
    html = html_of(client, event.get_absolute_url())
    assert ">November 2024</time>" in html
    assert "1 November" not in html
