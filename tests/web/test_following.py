"""Found, documented, followed: Atom feeds of a person's or organisation's claims, the footer,
the "about the data" page, claim headings and calmer source pages."""

import xml.etree.ElementTree as ElementTree

from django.urls import reverse

from factbook.curation.models import ReviewStatus

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def assert_valid_atom(feed):
    """RFC 4287's required elements: a feed and each entry have an id, a title and an updated
    date; an entry without content has an alternate link; someone is its author."""
    assert feed.tag == f"{ATOM}feed"
    for element in [feed, *feed.findall(f"{ATOM}entry")]:
        for required in ("id", "title", "updated"):
            assert element.find(f"{ATOM}{required}") is not None and element.find(f"{ATOM}{required}").text
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert entry.find(f"{ATOM}author/{ATOM}name") is not None


def test_a_persons_feed_holds_their_public_claims_newest_first(client, bajwa, bajwa_claim, ispr_claim, lavrov_claim):
    older = bajwa_claim
    newer = type(bajwa_claim).objects.create(
        sentence=lavrov_claim.sentence, start=0, end=5, text=lavrov_claim.sentence.text[:5], claimant_person=bajwa)
    type(bajwa_claim).objects.create(sentence=lavrov_claim.sentence, start=6, end=9,
                                     text=lavrov_claim.sentence.text[6:9], claimant_person=bajwa,
                                     status=ReviewStatus.REJECTED)
    feed = atom_feed(client, reverse("web:person_feed", args=[bajwa.pk]))
    assert_valid_atom(feed)
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert links == [f"http://testserver{newer.get_absolute_url()}", f"http://testserver{older.get_absolute_url()}"]
    assert feed.find(f"{ATOM}entry/{ATOM}title").text.startswith("Qamar Javed Bajwa: ")


def test_an_organisations_feed_holds_its_claims(client, pakistan_army, ispr_claim):
    feed = atom_feed(client, reverse("web:organisation_feed", args=[pakistan_army.pk]))
    assert_valid_atom(feed)
    assert [entry.find(f"{ATOM}summary").text for entry in feed.findall(f"{ATOM}entry")] == [ispr_claim.text]


def test_a_rejected_persons_feed_is_not_found(client, bajwa):
    bajwa.status = ReviewStatus.REJECTED
    bajwa.save()
    assert client.get(reverse("web:person_feed", args=[bajwa.pk])).status_code == 404


def test_a_persons_page_links_to_their_feed(client, bajwa):
    html = client.get(bajwa.get_absolute_url()).content.decode()
    feed = reverse("web:person_feed", args=[bajwa.pk])
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html
    assert f'<a class="feed-link" href="{feed}"' in html


def test_every_page_links_to_the_api_its_docs_the_downloads_and_about(client, db):
    html = client.get(reverse("web:home")).content.decode()
    for url in [reverse("api:api-root"), reverse("api:docs"), reverse("web:about"),
                *(reverse("csv_export", args=[kind]) for kind in ["claims", "persons", "organisations", "events", "sources"])]:
        assert f'href="{url}"' in html


def test_the_about_page_explains_extraction_quality_and_statuses(client, db):
    html = client.get(reverse("web:about")).content.decode()
    assert "What is extracted automatically" in html and "How well it works" in html
    for status in ["Unreviewed", "Confirmed", "Corrected", "Rejected"]:
        assert status in html


def test_a_claim_page_is_headed_by_its_claimant_and_the_start_of_its_text(client, bajwa_claim):
    html = client.get(bajwa_claim.get_absolute_url()).content.decode()
    assert f'<title>Qamar Javed Bajwa: {bajwa_claim.text} · Factbook</title>' in html
    assert f'<h1 class="claim-heading"><a href="{bajwa_claim.claimant.get_absolute_url()}">Qamar Javed Bajwa</a>:' in html


def test_a_source_page_links_each_entity_once_a_paragraph(client, urdu_source, bajwa):
    sentence = urdu_source.sentences.get(text__contains="راولپنڈی")
    later = urdu_source.sentences.filter(position__gt=sentence.position).first()
    from factbook.entities.models import EntityType, Mention
    from tests.web.conftest import create_span

    word = later.text.split()[0]
    create_span(Mention, later, word, entity_type=EntityType.PERSON, person=bajwa)
    html = client.get(urdu_source.get_absolute_url()).content.decode()
    same_paragraph = "\n" not in urdu_source.text[sentence.end:later.start]
    links = html.count(f'<a class="mention" href="{bajwa.get_absolute_url()}">')
    assert links == (1 if same_paragraph else 2)


def fact_check(claim, verdict, **fields):
    """`claim`, confirmed (a verdict needs that), rated `verdict`."""
    from factbook.claims.models import FactCheck

    claim.status = ReviewStatus.CONFIRMED
    claim.fact_check = FactCheck.objects.create(verdict=verdict, explanation=f"Why {verdict}.", **fields)
    claim.save()
    return claim.fact_check


def test_the_fact_check_feed_lists_new_verdicts_newest_first_each_linked_to_its_claim(
        client, bajwa_claim, ispr_claim):
    from datetime import timedelta

    from django.utils import timezone

    older = fact_check(bajwa_claim, "false", checked_at=timezone.now() - timedelta(days=1))
    fact_check(ispr_claim, "true")
    feed = atom_feed(client, reverse("web:fact_check_feed"))
    assert_valid_atom(feed)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}link").get("href") for entry in entries] == [
        f"http://testserver{ispr_claim.get_absolute_url()}", f"http://testserver{bajwa_claim.get_absolute_url()}"]
    assert entries[1].find(f"{ATOM}title").text.startswith("False: Qamar Javed Bajwa: ")
    assert entries[1].find(f"{ATOM}summary").text == older.explanation


def test_a_fact_check_no_claim_carries_any_longer_leaves_the_feed(client, bajwa_claim):
    fact_check(bajwa_claim, "misleading")
    bajwa_claim.fact_check = None
    bajwa_claim.save()
    assert atom_feed(client, reverse("web:fact_check_feed")).findall(f"{ATOM}entry") == []


def test_the_fact_check_feed_costs_the_same_queries_for_one_entry_or_many(
        client, django_assert_max_num_queries, bajwa_claim, ispr_claim, lavrov_claim):
    for claim in [bajwa_claim, ispr_claim, lavrov_claim]:
        fact_check(claim, "half_true")
    with django_assert_max_num_queries(4):  # fact-checks, their claims, the claimants' names
        atom_feed(client, reverse("web:fact_check_feed"))


def test_every_page_links_to_the_fact_check_feed(client, db):
    html = client.get(reverse("web:home")).content.decode()
    feed = reverse("web:fact_check_feed")
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html
    assert f'<a class="feed-link" href="{feed}"' in html
