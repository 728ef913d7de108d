"""The import command on the seed articles and on bad input."""

import shutil

import pytest
from django.core.management import CommandError, call_command

from factbook.claims.models import Claim
from factbook.entities.models import Mention, Organisation, OrganisationAlias, Person, PersonAlias
from factbook.events.models import Event
from factbook.extraction.nameparts import same_person
from factbook.sources.models import Sentence, SentenceKind, Source

pytestmark = pytest.mark.django_db


def run_import(*paths):
    """Run the command; return its output and whether it succeeded."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("import_articles", *map(str, paths), stdout=out)
    except CommandError as error:
        return out.getvalue() + str(error), False
    return out.getvalue(), True


def person_named(name):
    matches = [p for p in Person.objects.prefetch_related("aliases") if any(same_person(name, a.name) for a in p.aliases.all())]
    assert len(matches) == 1, f"{name}: {matches}"
    return matches[0]


def test_every_seed_imports(imported_seeds, seed_texts):
    assert sorted(Source.objects.values_list("file_name", flat=True)) == sorted(seed_texts)


def test_every_sentence_is_the_text_at_its_offsets(imported_seeds):
    for sentence in Sentence.objects.select_related("source"):
        assert sentence.source.text[sentence.start : sentence.end] == sentence.text


def test_every_mention_and_claim_is_the_text_at_its_offsets_in_its_sentence(imported_seeds):
    for span in [*Mention.objects.select_related("sentence"), *Claim.objects.select_related("sentence")]:
        assert span.sentence.text[span.start : span.end] == span.text


def test_metadata_is_stored_with_the_source(imported_seeds):
    source = Source.objects.get(file_name="004_98f3c31acff07128.txt")
    assert (source.language, str(source.published_on), source.published_on_is_approximate) == ("hi", "2024-10-30", True)


def test_known_people_exist_once_with_their_spellings_as_aliases(imported_seeds):
    bajwa = person_named("Qamar Javed Bajwa")
    assert {"قمر جاوید باجوہ", "قمرجاوید باجوہ"} <= set(bajwa.aliases.values_list("name", flat=True))
    fomin = person_named("Alexander Fomin")
    assert {"الیگزینڈر وی فومن", "अलेक्जेंडर वी. फोमिन"} <= set(fomin.aliases.values_list("name", flat=True))
    assert person_named("Asim Munir").aliases.filter(name="असीम मुनीर").exists()
    assert person_named("Nasser Khan Janjua").aliases.filter(name="ناصر خان جنجوعہ").exists()


def test_an_analyst_sharing_a_first_name_is_not_merged_with_the_army_chief(imported_seeds):
    assert person_named("قمر چیمہ") != person_named("Qamar Javed Bajwa")


def test_two_spellings_of_khawaja_asif_are_one_person(imported_seeds):
    assert {"خواجہ آصف", "خواجہ محمد آصف"} <= set(person_named("Khawaja Asif").aliases.values_list("name", flat=True))


def test_every_seed_has_a_claim_linked_to_a_body_sentence(imported_seeds):
    for source in Source.objects.all():
        claims = Claim.objects.filter(sentence__source=source)
        assert claims.exists(), source.file_name
        assert not claims.exclude(sentence__kind=SentenceKind.BODY).exists()


def test_a_role_used_alone_refers_to_the_person_named_in_that_role(imported_seeds):
    mention = Mention.objects.filter(text="آرمی چیف", sentence__kind=SentenceKind.BODY).first()
    assert mention.person == person_named("Qamar Javed Bajwa")


def test_he_said_is_attributed_to_the_last_named_speaker(imported_seeds):
    claim = Claim.objects.get(sentence__text__startswith="انہوں نے مزید کہا")
    assert claim.claimant_person == person_named("امجد شعیب")
    assert claim.mode == "direct_quote"


def test_according_to_the_ispr_statement_makes_the_ispr_the_claimant(imported_seeds):
    claim = Claim.objects.get(sentence__text__startswith="پاک فوج کے شعبہ تعلقات عامہ (آئی ایس پی آر) کے بیان")
    assert claim.claimant_organisation.name == "Inter-Services Public Relations"
    assert claim.text.startswith("روس کے نائب وزیر دفاع")  # the content, not the attribution


def test_a_weekday_is_resolved_against_the_publication_date(imported_seeds):
    meeting = Event.objects.get(kind="meeting", persons=person_named("Qamar Javed Bajwa"), date__year=2018)
    assert (str(meeting.date), meeting.date_precision) == ("2018-08-07", "day")


def test_fomins_two_visits_six_years_apart_stay_two_events(imported_seeds):
    fomin = person_named("Alexander Fomin")
    years = set(Event.objects.filter(persons=fomin, date__isnull=False).values_list("date__year", flat=True))
    assert {2018, 2024} <= years


def test_reimporting_the_same_files_changes_nothing(imported_seeds, seeds_dir):
    counts = [m.objects.count() for m in (Source, Sentence, Person, Mention, Event, Claim)]
    output, ok = run_import(seeds_dir)
    assert ok and output.count("unchanged") >= 5
    assert [m.objects.count() for m in (Source, Sentence, Person, Mention, Event, Claim)] == counts


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is binary"),
        ("پاکستان اور روس".encode("utf-16"), "not UTF-8"),
        ("روس کے نائب وزیر دفاع".encode("cp1256", errors="replace") + b"\xff", "not UTF-8"),
    ],
)
def test_a_bad_file_is_reported_by_name_and_the_others_still_import(articles_dir, seeds_dir, content, reason):
    shutil.copy(seeds_dir / "003_197be045261bb7ed.txt", articles_dir / "good.txt")
    (articles_dir / "bad.txt").write_bytes(content)
    output, ok = run_import(articles_dir)
    assert not ok
    assert "bad.txt: failed" in output and reason in output
    assert list(Source.objects.values_list("file_name", flat=True)) == ["good.txt"]


def test_a_file_over_the_size_limit_is_refused(articles_dir, seeds_dir, settings):
    settings.FACTBOOK_MAX_ARTICLE_BYTES = 1000
    shutil.copy(seeds_dir / "004_98f3c31acff07128.txt", articles_dir / "long.txt")
    output, ok = run_import(articles_dir)
    assert not ok and "long.txt: failed" in output and "too large" in output
    assert not Source.objects.exists()


def test_a_missing_path_is_an_error_naming_it(tmp_path):
    with pytest.raises(CommandError, match="nowhere.txt"):
        call_command("import_articles", str(tmp_path / "nowhere.txt"))


def test_a_failure_while_storing_leaves_nothing_half_written(articles_dir, seeds_dir, monkeypatch):
    shutil.copy(seeds_dir / "000_2e6f8ab06da4e6af.txt", articles_dir / "article.txt")

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("factbook.extraction.store._store_claims", fail)
    with pytest.raises(RuntimeError):
        run_import(articles_dir)
    assert not Source.objects.exists() and not Sentence.objects.exists() and not Person.objects.exists()


def test_the_language_is_detected_from_the_script_without_metadata(articles_dir, seeds_dir):
    shutil.copy(seeds_dir / "004_98f3c31acff07128.txt", articles_dir / "hindi.txt")
    shutil.copy(seeds_dir / "002_067910d8990faae7.txt", articles_dir / "urdu.txt")
    run_import(articles_dir)
    assert dict(Source.objects.values_list("file_name", "language")) == {"hindi.txt": "hi", "urdu.txt": "ur"}


def test_bad_metadata_is_reported_for_its_file(articles_dir, seeds_dir):
    shutil.copy(seeds_dir / "002_067910d8990faae7.txt", articles_dir / "a.txt")
    (articles_dir / "metadata.yaml").write_text("a.txt:\n  published_on: last tuesday\n", encoding="utf-8")
    output, ok = run_import(articles_dir)
    assert not ok and "a.txt: failed" in output and "published_on" in output


def test_an_article_without_a_title_is_titled_by_its_whole_first_sentence(imported_seeds, seed_texts):
    # The seed without a headline line and without a title in metadata.yaml: its first sentence, uncut.
    source = Source.objects.get(file_name="000_2e6f8ab06da4e6af.txt")
    first = source.sentences.filter(kind="body").order_by("position").first()
    assert source.title == first.text and not source.title.endswith("…")


HISTORY_KEPT = (Claim, Event, Person, PersonAlias, Organisation, OrganisationAlias)


def test_every_stored_row_has_a_creation_record_and_its_latest_record_is_the_row(imported_seeds):
    for model in HISTORY_KEPT:
        tracked = [f.attname for f in model.history.model.tracked_fields]
        for row in model.objects.all():
            records = row.history.order_by("history_id")
            assert records.first().history_type == "+", row
            assert {f: getattr(records.last(), f) for f in tracked} == {f: getattr(row, f) for f in tracked}


def test_the_latest_history_record_of_a_claim_or_event_keeps_the_links_it_has(imported_seeds):
    for model, links in ((Claim, ("about_persons", "about_organisations")), (Event, ("persons", "organisations"))):
        for row in model.objects.all():
            latest = row.history.order_by("history_id").last()
            for name in links:
                target = getattr(row, name).model._meta.model_name
                assert {getattr(r, f"{target}_id") for r in getattr(latest, name).all()} \
                    == set(getattr(row, name).values_list("pk", flat=True)), (row, name)
