"""The scorer itself: it must count what it claims to count."""

import pytest
import yaml

from factbook.extraction.evaluation import Counts, GoldError, _b_cubed, _pairwise, evaluate, load_gold


def test_counts_give_precision_recall_and_f1():
    score = Counts(matched=6, found=8, gold=12).score()
    assert (score.precision, score.recall, round(score.f1, 3)) == (0.75, 0.5, 0.6)


def test_b_cubed_is_perfect_only_when_groupings_agree():
    assert _b_cubed([("bajwa", "p1"), ("bajwa", "p1"), ("cheema", "p2")]).f1 == 1.0
    merged = _b_cubed([("bajwa", "p1"), ("bajwa", "p1"), ("cheema", "p1")])
    assert merged.recall == 1.0 and merged.precision < 1.0


def test_pairwise_dedup_counts_reports_of_one_event():
    gold = {("a", "visit", 1): "e1", ("b", "visit", 2): "e1", ("a", "visit", 5): "e2"}
    predicted = {("a", "visit", 1): 10, ("b", "visit", 2): 11, ("a", "visit", 5): 12}
    score = _pairwise(gold, predicted)
    assert (score.precision, score.recall) == (1.0, 0.0)  # the two reports were not joined


@pytest.mark.django_db
def test_gold_text_that_is_not_on_its_line_is_an_error(tmp_path, seeds_dir):
    from django.core.management import call_command

    call_command("import_articles", str(seeds_dir / "003_197be045261bb7ed.txt"), stdout=open("/dev/null", "w"))
    (tmp_path / "003.yaml").write_text(yaml.safe_dump({
        "source": "003_197be045261bb7ed.txt",
        "mentions": [{"line": 1, "text": "قمر جاوید باجوہ", "entity": "bajwa"}],
    }, allow_unicode=True), encoding="utf-8")
    with pytest.raises(GoldError, match="not on line 1"):
        evaluate(load_gold(tmp_path))


def test_a_folder_without_gold_is_an_error(tmp_path):
    with pytest.raises(GoldError, match="No gold files"):
        load_gold(tmp_path)


def test_evaluate_command_prints_the_table_without_touching_the_database(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    database = tmp_path / "untouched.sqlite3"
    result = subprocess.run(
        [sys.executable, "manage.py", "evaluate"], cwd=root, capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{database}"},
    )
    assert result.returncode == 0, result.stderr
    assert "entity resolution" in result.stdout and "claimant (accuracy)" in result.stdout
    assert not database.exists() or database.stat().st_size == 0


# Tiny gold sets of our own: per-type scores, tasks the gold does not annotate, person measures

ARTICLES = {
    "pm_en.txt": "Prime Minister Shehbaz Sharif said that the economy grew.\n",
    "pm_ur.txt": "وزیراعظم شہباز شریف نے کہا کہ معیشت بہتر ہوئی۔\n",
    "minister_en.txt": "Minister Arshad Sharif said that Pakistan would build roads.\n",
}
ENTITIES = [{"id": "shehbaz", "type": "person", "name": "Shehbaz Sharif"},
            {"id": "arshad", "type": "person", "name": "Arshad Sharif"},
            {"id": "pakistan", "type": "organisation", "name": "Pakistan"}]
MENTIONS = {
    "pm_en.txt": [{"line": 1, "text": "Shehbaz Sharif", "entity": "shehbaz"}],
    "pm_ur.txt": [{"line": 1, "text": "شہباز شریف", "entity": "shehbaz"}],
    "minister_en.txt": [{"line": 1, "text": "Arshad Sharif", "entity": "arshad"},
                        {"line": 1, "text": "Pakistan", "entity": "pakistan"}],
}


@pytest.fixture
def tiny_set(db, tmp_path):
    from django.core.management import call_command

    (tmp_path / "gold").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        gold = {"source": name, "entities": ENTITIES, "mentions": MENTIONS[name]}
        (tmp_path / "gold" / name.replace(".txt", ".yaml")).write_text(yaml.safe_dump(gold, allow_unicode=True))
    call_command("import_articles", *(str(tmp_path / name) for name in ARTICLES), stdout=open("/dev/null", "w"))
    return load_gold(tmp_path / "gold", tmp_path)


def test_a_task_the_gold_does_not_annotate_is_not_scored(tiny_set):
    evaluation = evaluate(tiny_set)
    assert "claims" not in evaluation and "events" not in evaluation and "claimant" not in evaluation
    assert "mentions" in evaluation


def test_mentions_are_scored_per_entity_type_and_language(tiny_set):
    by = evaluate(tiny_set).mentions_by
    assert (by[("person", "en")].gold, by[("person", "ur")].gold, by[("organisation", "en")].gold) == (2, 1, 1)
    assert by[("person", "ur")].recall == 1.0


def test_spellings_of_one_person_in_different_articles_are_counted_as_one_pair_each(tiny_set):
    same = evaluate(tiny_set).persons["same person"]
    assert (same.gold, same.share) == (1, 1.0)


def test_people_sharing_a_family_name_are_counted_as_kept_apart(tiny_set):
    apart = evaluate(tiny_set).persons["told apart"]
    assert (apart.gold, apart.share) == (2, 1.0)  # Arshad Sharif against each Shehbaz Sharif


def test_a_merge_of_two_people_is_not_kept_apart(tiny_set):
    from factbook.entities.models import Mention

    shehbaz = Mention.objects.get(text="Shehbaz Sharif").person
    Mention.objects.filter(text="Arshad Sharif").update(person=shehbaz)
    assert evaluate(tiny_set).persons["told apart"].share == 0.0


def test_display_names_are_compared_ignoring_case_and_spacing(tiny_set):
    from factbook.entities.models import Person

    Person.objects.filter(mentions__text="Arshad Sharif").update(name="arshad  SHARIF")
    Person.objects.filter(mentions__text="Shehbaz Sharif").update(name="Shahbaz Sharif")
    display = evaluate(tiny_set).persons["display name"]
    assert (display.gold, display.share) == (2, 0.5)


def test_display_names_are_compared_ignoring_the_stops_after_initials(tiny_set):
    from factbook.entities.models import Person

    Person.objects.filter(mentions__text="Arshad Sharif").update(name="Arshad. Sharif")
    assert evaluate(tiny_set).persons["display name"].share == 1.0


def test_a_set_is_read_from_its_language_and_split_folders(tmp_path):
    from factbook.extraction.evaluation import load_set

    for language in ["en", "ur"]:
        (tmp_path / language / "dev" / "gold").mkdir(parents=True)
        (tmp_path / language / "dev" / "gold" / "a.yaml").write_text(f"source: {language}.txt\n")
    (tmp_path / "ur" / "heldout" / "gold").mkdir(parents=True)
    (tmp_path / "ur" / "heldout" / "gold" / "b.yaml").write_text("source: b.txt\n")
    articles = load_set(tmp_path, "dev")
    assert [(a.source_file, a.articles_dir) for a in articles] == [
        ("en.txt", tmp_path / "en" / "dev"), ("ur.txt", tmp_path / "ur" / "dev")]


def test_display_names_are_also_scored_among_the_persons_found(tiny_set):
    from factbook.entities.models import Mention

    Mention.objects.filter(text="Arshad Sharif").update(person=None)
    persons = evaluate(tiny_set).persons
    assert (persons["display name"].share, persons["display name, found"].share) == (0.5, 1.0)
