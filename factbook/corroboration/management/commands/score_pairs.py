import itertools
import shutil
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from factbook.claims.models import Claim
from factbook.corroboration import scoring
from factbook.corroboration.embeddings import _encode
from factbook.extraction.evaluation import MIN_CLAIM_OVERLAP, GoldError, _dice, _line_starts, _locate
from factbook.sources.models import Source

GRID = {"claimant": (0.0, 0.05), "event": (0.0, 0.05), "names": (0.0, 0.025, 0.05, 0.1),
        "numbers": (0.0, 0.025, 0.05, 0.1), "date": (0.0, 0.02)}
THRESHOLDS = [float(round(t, 3)) for t in np.arange(0.90, 1.12, 0.005)]
TARGET_PRECISION = 0.90


class Command(BaseCommand):
    help = (
        "Import the articles of a labelled set of claim pairs into a scratch database and print "
        "precision and recall of 'also reported by' (same fact) and of contradictions, per "
        "language pair. The configured database is not touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("pairs", type=Path, help="Folder with articles/ (and its metadata.yaml) and pairs.yaml.")
        parser.add_argument("--split", default="dev", help="Which labelled pairs to score (default: dev).")
        parser.add_argument("--calibrate", action="store_true",
                            help="Search the weights and thresholds that score best on this split (dev only).")

    def handle(self, *args, pairs, split, calibrate, **options):
        if calibrate and split != "dev":
            raise CommandError("Calibrate on the development pairs only; the held-out ones are only scored.")
        try:
            labelled = [p for p in yaml.safe_load((pairs / "pairs.yaml").read_text(encoding="utf-8")) if p["split"] == split]
        except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
            raise CommandError(f"{pairs / 'pairs.yaml'}: {error}") from error
        if not labelled:
            raise CommandError(f"{pairs / 'pairs.yaml'}: no pairs in split {split!r}")
        original_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            with tempfile.TemporaryDirectory() as folder:
                call_command("import_articles", *_articles_without_story(pairs / "articles", Path(folder)),
                             stdout=open("/dev/null", "w"))
            facts, found = self._facts(labelled)
            rows = self._margins(facts, labelled)
        except GoldError as error:
            raise CommandError(error) from error
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)
        weights = _calibrated(rows) if calibrate else scoring.WEIGHTS
        self.stdout.write(f"{len(labelled)} labelled pairs ({split}); {found}/{len(facts)} of their claims extracted")
        if calibrate:
            self.stdout.write(f"calibrated: {weights}")
        self.stdout.write(format_pair_table(rows, weights))

    def _facts(self, labelled):
        """ClaimFacts per labelled claim: from the stored claim it was extracted as, or, when
        the import missed it, from its text alone. Returns them and how many were extracted."""
        sources = {s.file_name: s for s in Source.objects.all()}
        claims = defaultdict(list)
        for claim in Claim.objects.select_related("sentence").prefetch_related("about_persons", "about_organisations"):
            claims[claim.sentence.source_id].append(claim)
        facts, found = {}, 0
        for side in (p[s] for p in labelled for s in ("a", "b")):
            key = (side["file"], side["line"], side["text"])
            if key in facts:
                continue
            source = sources.get(side["file"])
            if source is None:
                raise GoldError(f"{side['file']} was not imported")
            span = _locate(source.text, _line_starts(source.text), side, side["file"])
            best = max(claims[source.pk], default=None, key=lambda c: _dice(span, _span(c)))
            base = scoring.ClaimFacts(text=side["text"], published_on=source.published_on)
            if best is not None and _dice(span, _span(best)) >= MIN_CLAIM_OVERLAP:
                found += 1
                base = replace(base, text=best.text, claimant=_key(best.claimant_person_id, best.claimant_organisation_id),
                               event=best.event_id, negated=best.polarity == "negative",
                               about=frozenset([f"person:{p.pk}" for p in best.about_persons.all()]
                                               + [f"organisation:{o.pk}" for o in best.about_organisations.all()]))
            facts[key] = (base, source.pk, source.language)
        return facts, found

    def _margins(self, facts, labelled):
        """(language pair, label, margin, facts a, facts b, evidence) per labelled pair. Each claim's
        neighbourhood is every stored claim of the other sources, as when links are made."""
        others = list(Claim.objects.values_list("text", "sentence__source_id", "sentence__source__language"))
        keys = list(facts)
        texts = [facts[k][0].text for k in keys] + [text for text, _, _ in others]
        sources = np.array([facts[k][1] for k in keys] + [source for _, source, _ in others])
        matrix = _encode(texts)
        index = {k: n for n, k in enumerate(keys)}
        pairs = [(index[_side_key(p["a"])], index[_side_key(p["b"])]) for p in labelled]
        rows = []
        for p, margin in zip(labelled, scoring.margins(matrix, sources, pairs)):
            (a, _, language_a), (b, _, language_b) = facts[_side_key(p["a"])], facts[_side_key(p["b"])]
            rows.append(("-".join(sorted((language_a, language_b))), p["label"], margin, a, b, scoring.evidence(a, b)))
        return rows


def _articles_without_story(articles: Path, folder: Path) -> list[str]:
    """Copies of the articles whose metadata drops `story`, which groups the set, not an article."""
    metadata = yaml.safe_load((articles / "metadata.yaml").read_text(encoding="utf-8")) or {}
    (folder / "metadata.yaml").write_text(yaml.safe_dump(
        {name: {k: v for k, v in entry.items() if k != "story"} for name, entry in metadata.items()},
        allow_unicode=True), encoding="utf-8")
    copies = []
    for path in sorted(articles.glob("*.txt")):
        shutil.copyfile(path, folder / path.name)
        copies.append(str(folder / path.name))
    return copies


def _span(claim):
    return claim.sentence.start + claim.start, claim.sentence.start + claim.end


def _key(person_id, organisation_id):
    return f"person:{person_id}" if person_id else (f"organisation:{organisation_id}" if organisation_id else None)


def _side_key(side):
    return side["file"], side["line"], side["text"]


def _counts(rows, weights, label):
    """(true positives, predicted, gold) for one label."""
    decided = [(row[1], scoring.decide(row[2], row[3], row[4], weights, row[5])) for row in rows]
    return (sum(g == label and d == label for g, d in decided), sum(d == label for _, d in decided),
            sum(g == label for g, _ in decided))


def _calibrated(rows) -> scoring.Weights:
    """The weights and thresholds with the best recall of same-fact pairs at a precision of at
    least TARGET_PRECISION (the best F1 when none reaches it); contradictions likewise after.
    Ties go to the larger weights, so evidence the pairs happen not to show still counts."""
    def quality(weights, label):
        tp, predicted, gold = _counts(rows, weights, label)
        precision, recall = (tp / predicted if predicted else 0.0), (tp / gold if gold else 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        reached = precision >= TARGET_PRECISION
        return (reached, recall if reached else f1, precision)

    best = None
    for values in itertools.product(*GRID.values(), THRESHOLDS):
        weights = scoring.Weights(*values, contradiction=values[-1])  # contradictions are searched after
        if best is None or quality(weights, scoring.SAME_FACT) >= quality(best, scoring.SAME_FACT):
            best = weights
    return max((replace(best, contradiction=float(t)) for t in THRESHOLDS),
               key=lambda w: quality(w, scoring.CONTRADICTS))


def format_pair_table(rows, weights) -> str:
    lines = [f"{'languages':<10} {'label':<12} {'precision':>9} {'recall':>7} {'gold':>5} {'found':>6}"]
    by_languages = defaultdict(list)
    for row in rows:
        by_languages[row[0]].append(row)
    for languages, group in [*sorted(by_languages.items()), ("all", rows)]:
        for label in (scoring.SAME_FACT, scoring.CONTRADICTS):
            tp, predicted, gold = _counts(group, weights, label)
            precision = f"{tp / predicted:.2f}" if predicted else "—"
            recall = f"{tp / gold:.2f}" if gold else "—"
            lines.append(f"{languages:<10} {label:<12} {precision:>9} {recall:>7} {gold:>5} {predicted:>6}")
    return "\n".join(lines)
