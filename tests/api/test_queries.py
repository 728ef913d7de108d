import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

API_LISTS = [reverse(f"api:{kind}-list") for kind in ["source", "sentence", "person", "organisation", "event",
                                                     "claim"]]
CSV_EXPORTS = [reverse("csv_export", args=[kind]) for kind in ["sources", "persons", "organisations", "events",
                                                                "claims"]]


def import_articles(*paths):
    call_command("import_articles", *map(str, paths), stdout=io.StringIO())


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("url", API_LISTS + CSV_EXPORTS)
def test_list_runs_as_many_queries_for_all_seeds_as_for_one(client, db, seeds_dir, url,
                                                            django_assert_max_num_queries):
    import_articles(seeds_dir / "003_197be045261bb7ed.txt")
    with CaptureQueriesContext(connection) as one_article:
        small = fetch(client, url)
    import_articles(seeds_dir)
    with django_assert_max_num_queries(len(one_article)):
        everything = fetch(client, url)
    assert len(everything) > len(small)  # the other articles' records really were there
