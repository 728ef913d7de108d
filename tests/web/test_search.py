import numpy as np
import pytest
from django.db import connection
from django.urls import reverse

from factbook.curation.models import ReviewStatus
from factbook.entities.models import Person
from factbook.public import search
from factbook.public.search import Span, name_hits, text_hits


def results(client, query):
    """Kind of record -> the records found for `query`, as the search page lists them."""
    response = client.get(reverse("web:search"), {"q": query})
    assert response.status_code == 200
    return {group.key: group.items for group in response.context["groups"]}


def html_of_search(client, query):
    return client.get(reverse("web:search"), {"q": query}).content.decode()


@pytest.mark.parametrize("query", ["Bajwa", "باجوہ", "बाजवा", "qamar javed"])
def test_a_person_is_found_by_a_name_in_any_script(client, bajwa, munir, lavrov, query):
    assert results(client, query)["persons"] == [bajwa]


def test_the_matching_part_of_each_name_is_marked(client, bajwa):
    html = html_of_search(client, "बाजवा")
    assert '<li lang="ur" dir="rtl">قمر جاوید <mark>باجوہ</mark></li>' in html
    assert '<li lang="hi" dir="ltr">कमर जावेद <mark>बाजवा</mark></li>' in html
    assert "Qamar Javed <mark>Bajwa</mark>" in html


def test_claims_are_found_by_their_words_and_marked(client, bajwa_claim, lavrov_claim, munir_claim):
    assert results(client, "جارحانہ عزائم")["claims"] == [bajwa_claim]
    assert "کیخلاف <mark>جارحانہ</mark> <mark>عزائم</mark> نہیں" in html_of_search(client, "جارحانہ عزائم")


def test_claims_are_found_by_part_of_a_word(client, munir_claim):
    assert results(client, "प्रतिबद्ध")["claims"] == [munir_claim]


def test_sentences_naming_a_person_are_found_in_another_script_with_the_name_marked(client, urdu_source, bajwa):
    sentence = urdu_source.sentences.get(mentions__person=bajwa)
    assert results(client, "Bajwa")["sentences"] == [sentence]
    assert "آرمی چیف جنرل <mark>قمر جاوید باجوہ</mark> نے کہا" in html_of_search(client, "Bajwa")


def test_events_are_found_by_title_and_by_a_participant_named_in_any_script(client, meeting):
    assert results(client, "Rawalpindi")["events"] == [meeting]
    assert results(client, "لاروف")["events"] == [meeting]


def test_rejected_records_are_not_found(client, bajwa, meeting, rejected_claim):
    Person.objects.filter(pk=bajwa.pk).update(status=ReviewStatus.REJECTED)
    meeting.status = ReviewStatus.REJECTED
    meeting.save()
    assert results(client, "Bajwa")["persons"] == []
    assert results(client, "Rawalpindi")["events"] == []
    assert results(client, rejected_claim.text)["claims"] == []


def test_query_and_text_are_escaped(client, bajwa_claim):
    html = html_of_search(client, '<script>alert("x")</script> باجوہ')
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_nothing_found_says_so(client, bajwa):
    assert "Nothing found for" in html_of_search(client, "zzzz")


def test_an_empty_query_shows_the_form_only(client, bajwa):
    response = client.get(reverse("web:search"), {"q": "   "})
    assert response.context["groups"] == []
    assert "Nothing found" not in response.content.decode()


def test_a_full_group_links_to_its_filtered_list(client, monkeypatch, bajwa, lavrov, munir):
    monkeypatch.setattr(search, "RESULTS_PER_GROUP", 1)
    response = client.get(reverse("web:search"), {"q": "ا"})
    persons = next(group for group in response.context["groups"] if group.key == "persons")
    assert len(persons.items) == 1 and persons.has_more
    assert f'href="{reverse("web:person_list")}?q=%D8%A7"' in response.content.decode()


def test_every_page_has_the_search_box(client, db):
    html = client.get(reverse("web:claim_list")).content.decode()
    assert f'<form class="site-search" role="search" aria-label="Site" action="{reverse("web:search")}"' in html
    assert 'name="q" value="" dir="auto"' in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity needs PostgreSQL's pg_trgm")
def test_a_misspelt_name_is_found_by_trigram_similarity(client, munir, bajwa):
    assert results(client, "Munit")["persons"] == [munir]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text ranking needs PostgreSQL")
def test_claims_with_the_whole_word_rank_first(client, bajwa_claim, lavrov_claim, ispr_claim):
    # "پاک" is a whole word in the Lavrov claim and only part of "پاکستان" in the others. (On the
    # search page the ISPR claim comes first all the same: it is also made by "پاک فوج", which the query names.)
    assert search.claims_by_words("پاک")[0] == (lavrov_claim.pk, search.Reason("words"))


def test_text_hits_ignore_case_and_prefer_the_longest_word():
    assert text_hits("Khan and KHANS", "khan k") == [Span(0, 4), Span(9, 13)]


def test_name_hits_mark_the_word_with_the_same_skeleton():
    assert name_hits("قمر جاوید باجوہ", "बाजवा") == [Span(10, 15)]
    assert name_hits("قمر جاوید باجوہ", "Imran") == []


def reasons_of(client, query):
    """Claim -> the kinds of reason it was found for, as the search page lists them."""
    return {claim: [reason.kind for reason in claim.reasons] for claim in results(client, query)["claims"]}


@pytest.mark.parametrize("query", ["Bajwa", "باجوہ", "बाजवा"])
def test_a_name_in_any_script_lists_the_claims_made_by_and_about_the_person(
        client, bajwa_claim, ispr_claim, lavrov_claim, query):
    assert reasons_of(client, query) == {bajwa_claim: ["made_by"], ispr_claim: ["about"]}


def test_each_claim_found_says_why(client, bajwa_claim):
    html = html_of_search(client, "Bajwa")
    assert '<span class="reason reason-made_by">made by Qamar Javed Bajwa</span>' in html


def test_a_short_name_is_not_found_in_a_name_with_a_looser_skeleton(client, lavrov):
    # "Lavrov" and "Valeray" share the consonant skeleton "lr", but not the finer "lvrv".
    from tests.web.conftest import create_person
    create_person("Valeray Mwalwa Satof", "", [("ویلری موالوا ساتوف", "ur")])
    assert results(client, "Lavrov")["persons"] == [lavrov]
    assert results(client, "لاوروف")["persons"] == [lavrov]  # spelt with a و the alias lacks


@pytest.fixture
def claim_vectors(bajwa_claim, lavrov_claim, munir_claim, monkeypatch):
    """Stored vectors for three claims, and a query encoder that puts "aggressive designs" next to
    Bajwa's claim and "Lavrov" near Munir's and Lavrov's: search by meaning without the model."""
    from factbook.corroboration.models import ClaimEmbedding
    from factbook.corroboration import vectors

    stored = {bajwa_claim: [1.0, 0.0, 0.0], lavrov_claim: [0.0, 1.0, 0.0], munir_claim: [0.0, 0.8, 0.6]}
    for claim, start in stored.items():
        vector = np.zeros(vectors.DIMENSIONS, dtype=np.float32)
        vector[:3] = start
        ClaimEmbedding.objects.create(claim=claim, model_name="test", text=claim.text, vector=vector.tobytes())
    # Cosines: "aggressive designs" 0.95 with Bajwa's claim; "Lavrov" 0.98 with Munir's, 0.90 with Lavrov's.
    queries = {"aggressive designs": [0.95, 0.31, 0.0], "Lavrov": [0.0, 0.9, 0.436]}

    def encode(text):
        vector = np.zeros(vectors.DIMENSIONS, dtype=np.float32)
        vector[:3] = queries.get(text, [0.1, 0.1, 0.1])
        return vector / np.linalg.norm(vector)

    monkeypatch.setattr(vectors, "query_vector", encode)
    return stored


def test_an_english_query_finds_an_urdu_claim_by_meaning(client, claim_vectors, bajwa_claim):
    found = results(client, "aggressive designs")["claims"]
    assert found == [bajwa_claim]
    assert found[0].reasons[0].kind == "meaning" and found[0].reasons[0].similarity > 0.9


def test_claims_far_in_meaning_are_not_listed(client, claim_vectors):
    assert results(client, "cricket")["claims"] == []


def test_a_claim_found_by_name_and_by_meaning_ranks_above_one_found_once(client, claim_vectors, lavrov_claim, munir_claim):
    # Munir's claim is the closer in meaning; Lavrov's is close too, and made by him.
    assert reasons_of(client, "Lavrov") == {lavrov_claim: ["made_by", "meaning"], munir_claim: ["meaning"]}
    assert results(client, "Lavrov")["claims"] == [lavrov_claim, munir_claim]


def test_the_index_file_answers_when_there_is_one(client, claim_vectors, bajwa_claim):
    from factbook.corroboration.vectors import build_index

    assert build_index() == 3
    assert results(client, "aggressive designs")["claims"] == [bajwa_claim]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")
def test_the_last_word_of_a_query_matches_the_beginnings_of_words(client, munir_claim):
    assert results(client, "रक्षा प्रतिबद्ध")["claims"] == [munir_claim]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")
def test_the_other_words_of_a_query_match_whole_words(client, munir_claim):
    assert results(client, "प्रतिबद्ध रक्षा")["claims"] == []
