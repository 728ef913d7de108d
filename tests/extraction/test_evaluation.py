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
