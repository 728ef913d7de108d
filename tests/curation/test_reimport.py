"""Importing an article again never undoes what curators did."""

import shutil

import pytest
from django.core.management import call_command
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.curation.merge import merge_entities
from factbook.entities.models import Person
from factbook.events.models import Event
from factbook.sources.models import Source

SEED = "000_2e6f8ab06da4e6af.txt"
CONFIRMED_START = "روس کے نائب وزیر دفاع کرنل جنرل الیگزینڈر فومن نے منگل کے روز"
REJECTED_START = "حالیہ برسوں میں پاکستان اور روس کے تعلقات"
EDITED_START = "اگر پاکستان روس سے کسی قسم کا دفاع سازوسامان"
ADDED = "\nدفاعی تجزیہ کاروں کے مطابق یہ معاہدہ دونوں ملکوں کے تعلقات میں ایک نیا باب ہے۔\n"


def run_import(*paths):
    call_command("import_articles", *map(str, paths), stdout=open("/dev/null", "w"))


def claim_starting(text, source):
    return Claim.objects.get(sentence__source=source, text__startswith=text)


@pytest.fixture
def curated(curator_client, curator, tmp_path):
    """Seed 000 after a curator confirmed one claim, rejected one, shortened one through the
    admin form, and merged a second entry for Bajwa into the first."""
    source = Source.objects.get(file_name=SEED)
    Claim.objects.filter(pk=claim_starting(CONFIRMED_START, source).pk).review("confirmed", curator, "matches ISPR release")
    Claim.objects.filter(pk=claim_starting(REJECTED_START, source).pk).review("rejected", curator)
    edited = claim_starting(EDITED_START, source)
    shorter = edited.text[: edited.text.index(" تو اس لیے")]
    curator_client.post(reverse("admin:claims_claim_change", args=[edited.pk]), {
        "text": shorter, "start": edited.start, "end": edited.start + len(shorter), "status": "unreviewed",
        "mode": edited.mode, "claimant_person": edited.claimant_person_id,
    })
    (tmp_path / "initials.txt").write_text("Army chief General Q. J. Bajwa said that Pakistan wanted peace.\n")
    run_import(tmp_path / "initials.txt")
    bajwa = Person.objects.get(aliases__name="قمر جاوید باجوہ")
    merge_entities(bajwa, Person.objects.filter(aliases__name="Q. J. Bajwa"), curator)
    return {"source": source, "shorter": shorter, "bajwa": bajwa}


@pytest.fixture
def changed_article(tmp_path, seeds_dir):
    folder = tmp_path / "changed"
    folder.mkdir()
    text = (seeds_dir / SEED).read_text(encoding="utf-8")
    (folder / SEED).write_text(text.rstrip("\n") + ADDED, encoding="utf-8")
    return folder / SEED


def test_reimporting_the_same_article_keeps_every_curated_value(curated, seeds_dir):
    run_import(seeds_dir / SEED)
    source = curated["source"]
    assert Source.objects.filter(file_name=SEED).count() == 1
    assert claim_starting(CONFIRMED_START, source).status == "confirmed"
    assert claim_starting(REJECTED_START, source).status == "rejected"
    assert claim_starting(EDITED_START, source).text == curated["shorter"]


def test_a_changed_article_becomes_a_new_version_and_the_old_one_stays_reachable(curated, changed_article, client):
    run_import(changed_article)
    old = curated["source"]
    new = Source.objects.get(previous_version=old)
    assert new.text.endswith(ADDED.strip() + "\n") or ADDED.strip() in new.text
    assert old.sentences.count() > 0 and Claim.objects.filter(sentence__source=old).exists()
    assert client.get(old.get_absolute_url()).status_code == 200
    assert not Claim.objects.public().filter(sentence__source=old).exists()


def test_a_confirmed_claim_is_carried_over_once_with_its_review(curated, changed_article, curator):
    run_import(changed_article)
    new = Source.objects.get(previous_version=curated["source"])
    [claim] = Claim.objects.filter(sentence__source=new, text__startswith=CONFIRMED_START)
    assert (claim.status, claim.reviewed_by, claim.review_note) == ("confirmed", curator, "matches ISPR release")


def test_a_rejected_claim_does_not_come_back(curated, changed_article):
    run_import(changed_article)
    new = Source.objects.get(previous_version=curated["source"])
    assert not Claim.objects.public().filter(sentence__source=new, text__startswith=REJECTED_START).exists()


def test_a_corrected_span_is_carried_over(curated, changed_article):
    run_import(changed_article)
    new = Source.objects.get(previous_version=curated["source"])
    assert Claim.objects.filter(sentence__source=new, text=curated["shorter"]).exists()


def test_a_merge_is_not_undone_by_importing_again(curated, changed_article, tmp_path):
    shutil.copy(tmp_path / "initials.txt", tmp_path / "initials_again.txt")
    (tmp_path / "initials_again.txt").write_text("Army chief General Q. J. Bajwa met the Russian envoy.\n")
    run_import(changed_article, tmp_path / "initials_again.txt")
    assert Person.objects.filter(aliases__name__in=["Q. J. Bajwa", "قمر جاوید باجوہ"]).distinct().count() == 1


def test_the_new_version_keeps_the_metadata_of_the_old(curated, changed_article):
    Source.objects.filter(pk=curated["source"].pk).update(title="Pakistan–Russia training deal", publisher="VOA Urdu")
    run_import(changed_article)
    new = Source.objects.get(previous_version=curated["source"])
    assert (new.title, new.publisher, str(new.published_on)) == ("Pakistan–Russia training deal", "VOA Urdu", "2018-08-08")


def test_the_old_versions_claims_stay_reachable_and_point_to_the_new_text(curated, changed_article, client):
    run_import(changed_article)
    old = curated["source"]
    claim = claim_starting(CONFIRMED_START, old)
    assert client.get(claim.get_absolute_url()).status_code == 200
    page = client.get(old.get_absolute_url()).content.decode()
    assert "Read the current version" in page and "<mark" in page


@pytest.fixture
def reimported_twice(curated, changed_article):
    """The changed article imported, then changed and imported once more."""
    run_import(changed_article)
    changed_article.write_text(changed_article.read_text(encoding="utf-8") + ADDED.replace("نیا", "اہم"),
                               encoding="utf-8")
    run_import(changed_article)
    return Source.objects.current().get(file_name=SEED)


def test_an_undated_event_is_one_event_after_two_reimports(curated, reimported_twice):
    events = Event.objects.filter(kind="agreement", persons__name="Alexander Fomin").distinct()
    assert events.count() == 1
    assert events.get().sentences.filter(source=reimported_twice).exists()


def test_an_event_a_curator_verified_keeps_its_review_on_the_new_version(curated, changed_article, curator):
    [event] = Event.objects.filter(sentences__source=curated["source"], kind="agreement").distinct()
    Event.objects.filter(pk=event.pk).review("confirmed", curator)
    run_import(changed_article)
    new = Source.objects.get(previous_version=curated["source"])
    assert list(Event.objects.for_source(new).filter(kind="agreement").values_list("pk", "status")) == [
        (event.pk, "confirmed")]


@pytest.fixture
def counts_before(curated, client):
    fomin = Person.objects.get(name="Alexander Fomin")
    return {
        "events": client.get(reverse("web:home")).context["event_count"],
        "sources of Fomin": Person.objects.with_counts().get(pk=fomin.pk).source_count,
        "roles of Fomin": len(client.get(fomin.get_absolute_url()).context["roles"]),
    }


def test_old_versions_never_count_on_current_pages(counts_before, reimported_twice, client):
    fomin = Person.objects.get(name="Alexander Fomin")
    assert {
        "events": client.get(reverse("web:home")).context["event_count"],
        "sources of Fomin": Person.objects.with_counts().get(pk=fomin.pk).source_count,
        "roles of Fomin": len(client.get(fomin.get_absolute_url()).context["roles"]),
    } == counts_before


def test_adding_a_url_to_an_edited_article_makes_a_new_version(curated, changed_article):
    (changed_article.parent / "metadata.yaml").write_text(
        f"{SEED}:\n  url: https://www.urduvoa.com/a/pakistan-russia/4519398.html\n", encoding="utf-8")
    run_import(changed_article)
    [current] = Source.objects.current().filter(file_name=SEED)
    assert current.previous_version == curated["source"]
    assert claim_starting(CONFIRMED_START, current).status == "confirmed"
