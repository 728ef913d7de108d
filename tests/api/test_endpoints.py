import pytest
from django.db.models import Q
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.curation.models import ReviewStatus
from factbook.entities.models import Person
from factbook.events.models import Event
from factbook.sources.models import Source

from .conftest import BAJWA_SAYS, get_json, review

RECORD_FIELDS = {"id", "api_url", "url"}
FIELDS = {
    "source": RECORD_FIELDS | {"title", "language", "publisher", "article_url", "published_on",
                               "published_on_is_approximate"},
    "sentence": RECORD_FIELDS | {"source", "position", "kind", "start", "end", "text"},
    "person": RECORD_FIELDS | {"name", "description", "wikidata_id", "status", "reviewed_at", "aliases",
                               "claims_url"},
    "organisation": RECORD_FIELDS | {"name", "description", "wikidata_id", "status", "reviewed_at", "aliases",
                                     "kind", "claims_url"},
    "event": RECORD_FIELDS | {"kind", "title", "date", "date_precision", "place", "status", "reviewed_at",
                              "persons", "organisations", "sentences", "claims_url"},
    "claim": RECORD_FIELDS | {"annotation_url", "text", "mode", "status", "reviewed_at", "fact_check", "claimant", "sentence",
                              "start", "end", "source", "event", "about_persons", "about_organisations"},
}
KINDS = list(FIELDS)


def list_url(kind):
    return reverse(f"api:{kind}-list")


def listed_ids(client, kind, **params):
    return [row["id"] for row in get_json(client, list_url(kind), **params)["results"]]


@pytest.mark.parametrize("kind", KINDS)
def test_list_returns_records_with_their_fields(client, imported_seeds, kind):
    page = get_json(client, list_url(kind))
    assert page["count"] > 0
    assert set(page["results"][0]) == FIELDS[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_detail_returns_the_record_with_its_fields(client, imported_seeds, kind):
    first = get_json(client, list_url(kind))["results"][0]
    record = get_json(client, first["api_url"])
    assert record["id"] == first["id"]
    assert FIELDS[kind] <= set(record)


def test_lists_are_paged_by_the_site_page_size(client, imported_seeds, settings):
    page = get_json(client, list_url("claim"))
    assert page["count"] == Claim.objects.public().count() > settings.FACTBOOK_PAGE_SIZE
    assert len(page["results"]) == settings.FACTBOOK_PAGE_SIZE
    assert "page=2" in page["next"]


def test_api_root_lists_every_endpoint(client, db):
    root = get_json(client, reverse("api:api-root"))
    assert set(root) == {"sources", "sentences", "persons", "organisations", "events", "claims", "schema", "docs", "csv"}


def test_claim_has_claimant_sentence_source_and_page(client, bajwa_claim):
    claim = get_json(client, reverse("api:claim-detail", args=[bajwa_claim.pk]))
    sentence, source, bajwa = bajwa_claim.sentence, bajwa_claim.source, bajwa_claim.claimant_person
    assert claim["text"] == BAJWA_SAYS
    assert claim["mode"] == "reported_speech"
    assert claim["status"] == "unreviewed"
    assert claim["claimant"] == {"type": "person", "id": bajwa.pk, "name": bajwa.name,
                                 "url": f"http://testserver{bajwa.get_absolute_url()}"}
    assert (claim["sentence"]["id"], claim["sentence"]["position"]) == (sentence.pk, sentence.position)
    assert sentence.text[claim["start"]:claim["end"]] == BAJWA_SAYS
    assert claim["sentence"]["text"] == sentence.text
    assert (claim["source"]["id"], claim["source"]["title"], claim["source"]["language"]) == (
        source.pk, source.title, "ur")
    assert claim["url"] == f"http://testserver{bajwa_claim.get_absolute_url()}"


def test_claim_lists_ids_of_event_and_of_whom_it_is_about(client, imported_seeds):
    with_event = Claim.objects.public().filter(event__isnull=False, about_persons__isnull=False).first()
    claim = get_json(client, reverse("api:claim-detail", args=[with_event.pk]))
    assert claim["event"] == with_event.event_id
    assert claim["about_persons"] == [person.pk for person in with_event.about_persons.all()]


def test_article_assertion_has_no_claimant(client, imported_seeds):
    assertion = Claim.objects.public().filter(mode="assertion").first()
    assert get_json(client, reverse("api:claim-detail", args=[assertion.pk]))["claimant"] is None


def test_source_detail_has_the_text_its_list_leaves_out(client, bajwa_claim):
    source = bajwa_claim.source
    listed = get_json(client, list_url("source"), language="ur")["results"]
    assert all("text" not in row for row in listed)
    detail = get_json(client, reverse("api:source-detail", args=[source.pk]))
    assert detail["text"] == source.text
    assert detail["sha256"] == source.sha256


def test_sentences_filter_by_source_in_reading_order(client, bajwa_claim):
    source = bajwa_claim.source
    page = get_json(client, list_url("sentence"), source=source.pk)
    assert page["count"] == source.sentences.count()
    assert [row["position"] for row in page["results"]] == list(range(len(page["results"])))
    assert all(source.text[row["start"]:row["end"]] == row["text"] for row in page["results"])


def test_rejected_claim_is_not_listed(client, rejected_claim):
    assert rejected_claim.pk not in listed_ids(client, "claim", source=rejected_claim.source.pk)


def test_rejected_claim_detail_is_not_found(client, rejected_claim):
    assert client.get(reverse("api:claim-detail", args=[rejected_claim.pk])).status_code == 404


@pytest.mark.parametrize("kind, model", [("person", Person), ("event", Event)])
def test_rejected_person_or_event_is_neither_listed_nor_found(client, imported_seeds, kind, model):
    rejected = review(model.objects.first(), ReviewStatus.REJECTED)
    assert get_json(client, list_url(kind))["count"] == model.objects.count() - 1
    assert client.get(reverse(f"api:{kind}-detail", args=[rejected.pk])).status_code == 404


def test_rejected_claimant_is_not_shown_on_claims(client, bajwa_claim):
    review(bajwa_claim.claimant_person, ReviewStatus.REJECTED)
    claim = get_json(client, reverse("api:claim-detail", args=[bajwa_claim.pk]))
    assert claim["claimant"] is None


def test_rejected_person_is_not_among_those_a_claim_is_about(client, imported_seeds):
    claim = Claim.objects.public().filter(about_persons__isnull=False).first()
    rejected = review(claim.about_persons.first(), ReviewStatus.REJECTED)
    assert rejected.pk not in get_json(client, reverse("api:claim-detail", args=[claim.pk]))["about_persons"]


def test_replaced_version_of_a_source_is_not_listed(client, bajwa_claim):
    old = bajwa_claim.source
    new = Source.objects.create(title=old.title, language="ur", text=old.text + "\nتازہ ترین", previous_version=old)
    ids = listed_ids(client, "source", language="ur")
    assert new.pk in ids and old.pk not in ids


def test_claims_filter_by_language_of_their_source(client, imported_seeds):
    hindi = Claim.objects.public().filter(sentence__source__language="hi")
    page = get_json(client, list_url("claim"), language="hi")
    assert page["count"] == hindi.count() > 0
    assert {row["source"]["language"] for row in page["results"]} == {"hi"}


def test_claims_filter_by_status(client, bajwa_claim):
    review(bajwa_claim, ReviewStatus.CONFIRMED)
    assert listed_ids(client, "claim", status="confirmed") == [bajwa_claim.pk]


def test_claims_filter_by_person_as_claimant_or_subject(client, bajwa_claim):
    bajwa = bajwa_claim.claimant_person
    by_or_about = Claim.objects.public().filter(Q(claimant_person=bajwa) | Q(about_persons=bajwa)).distinct()
    ids = listed_ids(client, "claim", person=bajwa.pk)
    assert bajwa_claim.pk in ids
    assert sorted(ids) == sorted(by_or_about.values_list("pk", flat=True))


@pytest.mark.parametrize("kind, with_claims, claims_of", [
    ("person", "claims_made", lambda person: Q(claimant_person=person) | Q(about_persons=person)),
    ("event", "claims", lambda event: Q(event=event)),
])
def test_a_record_links_to_its_claims_in_pages(client, imported_seeds, kind, with_claims, claims_of):
    model = {"person": Person, "event": Event}[kind]
    record = model.objects.public().filter(**{f"{with_claims}__isnull": False}).first()
    claims_url = get_json(client, reverse(f"api:{kind}-detail", args=[record.pk]))["claims_url"]
    page = get_json(client, claims_url)
    expected = Claim.objects.public().filter(claims_of(record)).distinct()
    assert sorted(row["id"] for row in page["results"]) == sorted(expected.values_list("pk", flat=True))
    assert page["count"] == expected.count()


def test_persons_are_found_by_a_name_in_any_script(client, bajwa_claim):
    bajwa = bajwa_claim.claimant_person
    assert listed_ids(client, "person", q="باجوہ") == [bajwa.pk]


def test_events_filter_by_kind(client, imported_seeds):
    kinds = {row["kind"] for row in get_json(client, list_url("event"), kind="visit")["results"]}
    assert kinds == {"visit"}


def test_an_invalid_filter_is_refused(client, imported_seeds):
    assert client.get(list_url("claim"), {"status": "rejected"}).status_code == 400


def test_the_api_root_describes_each_endpoint(client, db):
    root = get_json(client, reverse("api:api-root"))
    for name in ["sources", "sentences", "persons", "organisations", "events", "claims", "schema", "docs", "csv"]:
        assert root[name]["url"].startswith("http://testserver/") and len(root[name]["description"]) > 30


def test_next_page_of_claims_is_read_from_where_the_page_ends(client, imported_seeds):
    first = get_json(client, list_url("claim"))
    assert f"page_after={first['results'][-1]['id']}" in first["next"]
    second = get_json(client, first["next"])
    assert f"page_before={second['results'][0]['id']}" not in second["previous"]  # page 1 is cheap by number
    third = get_json(client, second["next"])
    assert get_json(client, third["previous"])["results"] == second["results"]
    assert f"page_before={third['results'][0]['id']}" in third["previous"]
