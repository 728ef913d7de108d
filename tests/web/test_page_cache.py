"""Whole public pages kept for readers who are not logged in, and made stale by any change."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.curation.models import ReviewStatus

pytestmark = pytest.mark.django_db(transaction=True)  # pages go stale when a change commits


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.FACTBOOK_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def claim(seeds_dir, tmp_path):
    call_command("import_articles", str(seeds_dir / "003_197be045261bb7ed.txt"), stdout=open("/dev/null", "w"))
    return Claim.objects.public().first()


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries), response


def test_a_page_read_again_is_served_without_a_query(client, claim):
    first, _ = queries_of(client, claim.get_absolute_url())
    again, response = queries_of(client, claim.get_absolute_url())
    assert first > 0 and again == 0 and claim.text in response.content.decode()


def test_an_api_list_read_again_is_served_without_a_query(client, claim):
    queries_of(client, reverse("api:claim-list"))
    assert queries_of(client, reverse("api:claim-list"))[0] == 0


def test_the_api_keeps_its_json_and_its_browsable_page_apart(client, claim):
    queries_of(client, reverse("api:claim-list"), HTTP_ACCEPT="text/html")
    _, response = queries_of(client, reverse("api:claim-list"), HTTP_ACCEPT="application/json")
    assert response["Content-Type"].startswith("application/json")


def test_a_record_saved_shows_on_the_next_read(client, claim):
    assert "Confirmed" not in queries_of(client, claim.get_absolute_url())[1].content.decode()
    claim.status = ReviewStatus.CONFIRMED
    claim.save()
    assert "Confirmed" in queries_of(client, claim.get_absolute_url())[1].content.decode()


def test_an_import_makes_the_pages_stale(client, claim, seeds_dir):
    queries_of(client, reverse("web:source_list"))
    call_command("import_articles", str(seeds_dir / "000_2e6f8ab06da4e6af.txt"), stdout=open("/dev/null", "w"))
    assert queries_of(client, reverse("web:source_list"))[0] > 0


def test_each_language_has_its_own_page(client, claim):
    queries_of(client, reverse("web:about"))
    _, response = queries_of(client, reverse("web:about"), HTTP_ACCEPT_LANGUAGE="ur")
    assert response["Content-Language"] == "ur" and 'dir="rtl"' in response.content.decode()


def test_a_logged_in_curator_is_never_served_a_kept_page(client, claim):
    queries_of(client, claim.get_absolute_url())
    client.force_login(User.objects.create_user("curator", is_staff=True))
    assert queries_of(client, claim.get_absolute_url())[0] > 0


def test_a_form_a_curator_posts_makes_the_pages_stale(client, claim):
    queries_of(client, claim.get_absolute_url())
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert queries_of(client, claim.get_absolute_url())[0] > 0


def test_the_language_switcher_works_without_a_token_from_the_page(client, claim):
    client.handler.enforce_csrf_checks = True
    response = client.post(reverse("set_language"), {"language": "hi", "next": reverse("web:about")})
    assert response.status_code == 302 and response.cookies["django_language"].value == "hi"


def test_no_page_is_kept_when_the_cache_is_off(client, claim, settings):
    settings.FACTBOOK_PAGE_CACHE_SECONDS = 0
    queries_of(client, claim.get_absolute_url())
    assert queries_of(client, claim.get_absolute_url())[0] > 0


def test_many_records_changed_in_one_transaction_move_the_version_on_once(claim):
    from django.db import transaction

    from factbook.public import pagecache

    before = pagecache.data_version()
    with transaction.atomic():
        for _ in range(3):
            claim.save()
    assert pagecache.data_version() == before + 1


def test_a_cache_that_is_down_still_serves_the_page(client, claim, monkeypatch):
    from factbook.public import pagecache

    class Down:
        def __getattr__(self, name):
            raise ConnectionError("cache down")

    monkeypatch.setattr(pagecache, "cache", Down())
    assert client.get(claim.get_absolute_url()).status_code == 200
