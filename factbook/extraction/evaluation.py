"""Scores what the import stored against hand-written gold annotations.

Gold files (`tests/gold/<article>.yaml`, see `tests/gold/GUIDE.md`) name spans by line and
exact text, so they stay readable and survive changes to the sentence splitter. Scores:

- mentions: exact character spans, precision/recall/F1;
- entity resolution: B³ over the mentions found in both, across all articles (are the same
  mentions grouped into one entity?);
- claims: spans matched one to one when their characters overlap by at least half (Dice);
- claimant: accuracy over the matched claims, the stored claimant mapped to the gold entity
  most of its mentions were matched to;
- claim polarity: accuracy over the matched claims (gold `polarity`, positive unless said);
- events: events that happened (gold `factuality`, happened unless said; stored likewise),
  same kind and at least one reporting line in common, one to one;
- event participants: over the matched events, the stored participants (mapped to gold
  entities as claimants are) against the gold ones, precision/recall;
- event date: accuracy over the matched events, date and precision both equal;
- event factuality: accuracy over events of any factuality matched as events are;
- event dedup: pairwise over reporting lines: do two lines report the same event in both?

A task is scored only over the gold files that annotate it (a file without `claims` or
`events` says nothing about them). Beside the tasks, mentions per entity type and language,
and three measures of who the persons are, across articles:

- same person: of the pairs of spellings (one article's name mentions with one text) in
  different articles that gold gives one person, the share stored as one person;
- told apart: of such pairs that gold gives different persons whose names share a name part
  ("Shehbaz Sharif" / "Arshad Sharif"), the share found and not stored as one person;
- display name: the share of gold persons whose stored person (the one most of its mentions
  went to) has the gold `name`, ignoring case, spacing and stops; also among the persons stored at all.
"""

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import yaml

from factbook.claims.models import Claim
from factbook.entities.models import Mention, Person
from factbook.events.models import Event
from factbook.sources.models import Source

from .nameparts import name_parts, same_part

MIN_CLAIM_OVERLAP = 0.5
TASKS = ["mentions", "entity resolution", "claims", "claimant", "claim polarity", "events", "event participants",
         "event date", "event factuality", "event dedup"]
ACCURACIES = {"claimant", "claim polarity", "event date", "event factuality"}  # shown as one figure
PERSON_MEASURES = ["same person", "told apart", "display name", "display name, found"]


class GoldError(ValueError):
    """A gold file that does not fit its article."""


@dataclass
class Counts:
    matched: int = 0
    found: int = 0
    gold: int = 0

    @property
    def share(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    def score(self) -> "Score":
        return Score(
            precision=self.matched / self.found if self.found else 1.0,
            recall=self.matched / self.gold if self.gold else 1.0,
            gold=self.gold,
            found=self.found,
        )


@dataclass
class Score:
    precision: float
    recall: float
    gold: int | None = None
    found: int | None = None

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class GoldArticle:
    path: Path
    source_file: str
    data: dict
    articles_dir: Path | None = None  # where the article itself is

    @property
    def entity_types(self) -> dict[str, str]:
        return {e["id"]: e.get("type", "") for e in self.data.get("entities") or []}

    def mention_spans(self, text) -> list[tuple[tuple[int, int], str]]:
        """(start, end) of each gold mention in the article's text, with its entity."""
        starts = _line_starts(text)
        return [(_locate(text, starts, m, self.path), m["entity"]) for m in self.data.get("mentions") or []]

    def name_spans(self, text) -> list[tuple[int, int, str]]:
        """(start, end, entity type) of the mentions that write a name, not a role standing for
        it: a role reference's text holds its role ("The minister", role "minister")."""
        types, mentions = self.entity_types, self.data.get("mentions") or []
        return [(start, end, types[entity]) for ((start, end), entity), m in zip(self.mention_spans(text), mentions)
                if not (m.get("role") and str(m["role"]).casefold() in str(m["text"]).casefold())]


@dataclass
class Evaluation:
    """Scores per task, mentions per (entity type, language), and the person measures."""

    tasks: dict[str, Score]
    mentions_by: dict[tuple[str, str], Score] = field(default_factory=dict)
    persons: dict[str, Counts] = field(default_factory=dict)  # share of gold pairs / persons

    def __getitem__(self, task) -> Score:
        return self.tasks[task]

    def __contains__(self, task) -> bool:
        return task in self.tasks


def load_gold(folder, articles_dir=None) -> list[GoldArticle]:
    paths = sorted(Path(folder).glob("*.yaml"))
    if not paths:
        raise GoldError(f"No gold files (*.yaml) in {folder}")
    articles = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "source" not in data:
            raise GoldError(f"{path}: not a gold file (no 'source')")
        articles.append(GoldArticle(path, data["source"], data, Path(articles_dir) if articles_dir else None))
    return articles


def load_set(root, split) -> list[GoldArticle]:
    """Every `<root>/<language>/<split>/gold/` folder, its articles in `<root>/<language>/<split>/`."""
    folders = sorted(p for p in Path(root).glob(f"*/{split}") if (p / "gold").is_dir())
    if not folders:
        raise GoldError(f"No <language>/{split}/gold/ folders in {root}")
    return [article for folder in folders for article in load_gold(folder / "gold", folder)]


def _line_starts(text):
    starts, position = [], 0
    for line in text.split("\n"):
        starts.append(position)
        position += len(line) + 1
    return starts


def _locate(text, starts, item, gold_path):
    """Absolute (start, end) of a gold item given by line, exact text and occurrence."""
    line_number, needle = item["line"], unicodedata.normalize("NFC", str(item["text"]))
    if not 1 <= line_number <= len(starts):
        raise GoldError(f"{gold_path}: line {line_number} does not exist")
    line_start = starts[line_number - 1]
    line_end = starts[line_number] - 1 if line_number < len(starts) else len(text)
    position = line_start - 1
    for _ in range(item.get("occurrence", 1)):
        position = text.find(needle, position + 1, line_end)
        if position < 0:
            raise GoldError(f"{gold_path}: {needle!r} is not on line {line_number}")
    return position, position + len(needle)


def _dice(a, b):
    overlap = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * overlap / ((a[1] - a[0]) + (b[1] - b[0]))


def _match_one_to_one(gold_items, predicted_items, similarity, threshold):
    """Greedy one-to-one matching, best pairs first. Returns {gold index: predicted index}."""
    pairs = sorted(
        ((similarity(g, p), gi, pi) for gi, g in enumerate(gold_items) for pi, p in enumerate(predicted_items)),
        reverse=True,
    )
    matched, used = {}, set()
    for score, gi, pi in pairs:
        if score < threshold:
            break
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _entity_key(mention_or_claim, person_field, organisation_field):
    person_id = getattr(mention_or_claim, person_field)
    organisation_id = getattr(mention_or_claim, organisation_field)
    if person_id:
        return f"person:{person_id}"
    if organisation_id:
        return f"organisation:{organisation_id}"
    return None


def evaluate(gold_articles: list[GoldArticle], details: list[str] | None = None) -> Evaluation:
    """Scores per task and per type and language; `details`, when given, receives a line per
    miss and false positive."""
    note = details.append if details is not None else (lambda line: None)
    counts = {task: Counts() for task in ["mentions", "claims", "events"]}
    scored = {"mentions"}
    by_type_language = defaultdict(Counts)
    resolution_pairs = []  # (gold entity, predicted entity or a unique placeholder) per matched mention
    predicted_to_gold_votes = defaultdict(Counter)
    gold_to_predicted_votes = defaultdict(Counter)
    spellings = defaultdict(Counter)  # (gold entity, article, text) -> predicted entity votes
    claim_pairs = []  # (gold claimant, predicted claimant key)
    polarity, dates, factuality = Counts(), Counts(), Counts()
    event_parties = []  # (gold participants, stored participant keys, article) per matched event
    gold_reports, predicted_reports = {}, {}
    gold_names = {}

    for article in gold_articles:
        source = Source.objects.filter(file_name=article.source_file).first()
        if source is None:
            raise GoldError(f"{article.path}: {article.source_file} was not imported")
        text, starts = source.text, _line_starts(source.text)
        line_of = lambda offset: next(n for n in range(len(starts), 0, -1) if starts[n - 1] <= offset)  # noqa: E731
        types = article.entity_types
        gold_names.update({e["id"]: e["name"] for e in article.data.get("entities") or []
                           if e.get("type") == "person" and e.get("name")})

        # Mentions and entities
        gold_mentions = article.mention_spans(text)
        stored = Mention.objects.filter(sentence__source=source).select_related("sentence")
        predicted = {
            (m.sentence.start + m.start, m.sentence.start + m.end): (
                _entity_key(m, "person_id", "organisation_id") or f"unresolved:{m.pk}", m.entity_type)
            for m in stored
        }
        counts["mentions"].gold += len(gold_mentions)
        counts["mentions"].found += len(predicted)
        for span, gold_entity in gold_mentions:
            gold_type = types.get(gold_entity, "")
            by_type_language[(gold_type, source.language)].gold += 1
            found = predicted.get(span)
            if types.get(gold_entity) == "person" and _is_a_name(text[span[0]:span[1]], gold_names.get(gold_entity)):
                spellings[(gold_entity, article.source_file, text[span[0]:span[1]])][found and found[0]] += 1
            if found:
                counts["mentions"].matched += 1
                by_type_language[(gold_type, source.language)].matched += found[1] == gold_type
                resolution_pairs.append((gold_entity, found[0]))
                predicted_to_gold_votes[found[0]][gold_entity] += 1
                gold_to_predicted_votes[gold_entity][found[0]] += 1
            else:
                note(f"{article.source_file} line {line_of(span[0])}: missed mention {text[span[0]:span[1]]!r}")
        for _, entity_type in predicted.values():
            by_type_language[(entity_type, source.language)].found += 1
        gold_spans = {span for span, _ in gold_mentions}
        for span in sorted(set(predicted) - gold_spans):
            note(f"{article.source_file} line {line_of(span[0])}: extra mention {text[span[0]:span[1]]!r}")

        # Claims
        if "claims" in article.data:
            scored.add("claims")
            gold_claims = [(_locate(text, starts, c, article.path), c.get("claimant"), c.get("polarity", "positive"))
                           for c in article.data["claims"] or []]
            stored_claims = [
                ((c.sentence.start + c.start, c.sentence.start + c.end),
                 _entity_key(c, "claimant_person_id", "claimant_organisation_id"), c.polarity)
                for c in Claim.objects.filter(sentence__source=source).select_related("sentence")
            ]
            matched = _match_one_to_one(
                [g[0] for g in gold_claims], [p[0] for p in stored_claims], _dice, MIN_CLAIM_OVERLAP
            )
            counts["claims"].gold += len(gold_claims)
            counts["claims"].found += len(stored_claims)
            counts["claims"].matched += len(matched)
            polarity.matched += sum(gold_claims[g][2] == stored_claims[p][2] for g, p in matched.items())
            polarity.found += len(matched)
            polarity.gold += len(matched)
            claim_pairs += [
                (gold_claims[g][1], stored_claims[p][1], f"{article.source_file} line {line_of(gold_claims[g][0][0])}")
                for g, p in matched.items()
            ]
            for n, ((start, end), *_) in enumerate(gold_claims):
                if n not in matched:
                    note(f"{article.source_file} line {line_of(start)}: missed claim {text[start:end][:70]!r}")
            for n, ((start, end), *_) in enumerate(stored_claims):
                if n not in matched.values():
                    note(f"{article.source_file} line {line_of(start)}: extra claim {text[start:end][:70]!r}")

        # Events
        if "events" in article.data:
            scored.add("events")
            every_gold = [
                (e["kind"], {int(line) for line in e["lines"]}, e.get("id") or f"{article.source_file}#{n}",
                 e.get("factuality", "happened"), (e.get("date"), e.get("precision") or "unknown"),
                 set(e.get("participants") or []))
                for n, e in enumerate(article.data["events"] or [])
            ]
            stored = Event.objects.filter(sentences__source=source).distinct().prefetch_related(
                "sentences", "persons", "organisations")
            every_stored = [
                (event.kind, {line_of(s.start) for s in event.sentences.all() if s.source_id == source.pk}, event.pk,
                 event.factuality, (event.date, event.date_precision),
                 [f"person:{p.pk}" for p in event.persons.all()]
                 + [f"organisation:{o.pk}" for o in event.organisations.all()])
                for event in stored
            ]
            same_happening = lambda g, p: (g[0] == p[0]) * len(g[1] & p[1])  # noqa: E731
            for g, p in _match_one_to_one(every_gold, every_stored, same_happening, 1).items():
                factuality.found += 1
                factuality.gold += 1
                factuality.matched += every_gold[g][3] == every_stored[p][3]
            gold_events = [e for e in every_gold if e[3] == "happened"]
            stored_events = [e for e in every_stored if e[3] == "happened"]
            matched = _match_one_to_one(gold_events, stored_events, same_happening, 1)
            counts["events"].gold += len(gold_events)
            counts["events"].found += len(stored_events)
            counts["events"].matched += len(matched)
            for g, p in matched.items():
                dates.found += 1
                dates.gold += 1
                dates.matched += gold_events[g][4] == stored_events[p][4]
                if gold_events[g][4] != stored_events[p][4]:
                    note(f"{article.source_file} lines {sorted(gold_events[g][1])}: date {stored_events[p][4]} "
                         f"instead of {gold_events[g][4]}")
                event_parties.append((gold_events[g][5], stored_events[p][5], article.source_file))
            for n, (kind, lines, *_) in enumerate(gold_events):
                if n not in matched:
                    note(f"{article.source_file}: missed {kind} event on lines {sorted(lines)}")
            for n, (kind, lines, *_) in enumerate(stored_events):
                if n not in matched.values():
                    note(f"{article.source_file}: extra {kind} event on lines {sorted(lines)}")
            for kind, lines, identity, *_ in gold_events:
                for line in lines:
                    gold_reports[(article.source_file, kind, line)] = identity
            for kind, lines, identity, *_ in stored_events:
                for line in lines:
                    predicted_reports[(article.source_file, kind, line)] = identity

    mapping = {key: votes.most_common(1)[0][0] for key, votes in predicted_to_gold_votes.items()}
    tasks = {task: c.score() for task, c in counts.items() if task in scored}
    tasks["entity resolution"] = _b_cubed(resolution_pairs)
    if "claims" in scored:
        correct = 0
        for gold, predicted, where in claim_pairs:
            found = mapping.get(predicted, predicted) if predicted else None
            correct += gold == found
            if gold != found:
                note(f"{where}: claimant {found} instead of {gold}")
        tasks["claimant"] = Counts(correct, len(claim_pairs), len(claim_pairs)).score()
        tasks["claim polarity"] = polarity.score()
    if "events" in scored:
        tasks["event dedup"] = _pairwise(gold_reports, predicted_reports)
        tasks["event participants"] = _participants(event_parties, mapping, note)
        tasks["event date"] = dates.score()
        tasks["event factuality"] = factuality.score()
    return Evaluation(
        tasks=tasks,
        mentions_by={key: c.score() for key, c in sorted(by_type_language.items()) if key[0]},
        persons=_person_measures(spellings, gold_names, gold_to_predicted_votes, note),
    )


def _participants(event_parties, mapping, note) -> Score:
    """Participants of matched events: a stored one is right when its entity maps to a gold
    participant of that event."""
    counts = Counts()
    for gold, stored, article in event_parties:
        found = {mapping.get(key, key) for key in stored}
        counts.gold += len(gold)
        counts.found += len(found)
        counts.matched += len(found & gold)
        for wrong in sorted(found - gold):
            note(f"{article}: participant {wrong} not in {sorted(gold)}")
        for missed in sorted(gold - found):
            note(f"{article}: missed participant {missed} of {sorted(gold)}")
    return counts.score()


def _is_a_name(text, gold_name) -> bool:
    """Whether a mention writes (part of) the person's name, rather than a role standing for it."""
    if not gold_name:
        return True
    wanted = name_parts(gold_name)
    return any(same_part(part, other) for part in name_parts(text) for other in wanted)


def _person_measures(spellings, gold_names, gold_to_predicted_votes, note) -> dict[str, Counts]:
    """Same person / told apart over pairs of spellings in different articles, and display names."""
    found = {key: next((p for p, _ in votes.most_common() if p), None)  # None: never found
             for key, votes in spellings.items()}
    one, apart = Counts(), Counts()
    for (a, b) in combinations(sorted(found), 2):
        (entity_a, article_a, text_a), (entity_b, article_b, text_b) = a, b
        if article_a == article_b:
            continue
        merged = bool(found[a]) and found[a] == found[b] and not found[a].startswith("unresolved:")
        if entity_a == entity_b:
            one.gold += 1
            one.matched += merged
            if not merged:
                why = "" if found[a] and found[b] else " (not both found)"
                note(f"not one person{why}: {text_a!r} ({article_a}) and {text_b!r} ({article_b})")
        elif _share_a_part(gold_names.get(entity_a, text_a), gold_names.get(entity_b, text_b)):
            apart.gold += 1
            kept_apart = bool(found[a]) and bool(found[b]) and not merged
            apart.matched += kept_apart
            if merged:
                note(f"merged: {text_a!r} ({entity_a}) and {text_b!r} ({entity_b})")
    persons = {entity for entity, _, _ in spellings}
    stored = {f"person:{p.pk}": p.name for p in Person.objects.filter(
        pk__in=[int(key.split(":")[1]) for votes in gold_to_predicted_votes.values() for key in votes
                if key.startswith("person:")])}
    right = stored_persons = 0
    for entity in sorted(persons):
        votes = [(key, n) for key, n in gold_to_predicted_votes[entity].most_common() if key in stored]
        name = stored[votes[0][0]] if votes else None
        expected = gold_names.get(entity)
        stored_persons += bool(name)
        right += bool(name) and _name_key(name) == _name_key(expected)
        if name and _name_key(name) != _name_key(expected):
            note(f"display name {name!r} instead of {expected!r}")
    return {"same person": one, "told apart": apart, "display name": Counts(right, right, len(persons)),
            "display name, found": Counts(right, right, stored_persons)}


def _share_a_part(name_a, name_b) -> bool:
    parts_b = [p for p in name_parts(name_b) if not p.is_particle]
    return any(same_part(a, b) for a in name_parts(name_a) if not a.is_particle for b in parts_b)


def _name_key(name) -> str:
    """A name as compared: "A.R. Rahman", "A. R. Rahman" and "a r rahman" are printed alike."""
    return " ".join((name or "").casefold().replace(".", " ").split())


def _b_cubed(pairs) -> Score:
    """B³ precision and recall of the predicted grouping of mentions against the gold one."""
    if not pairs:
        return Score(1.0, 1.0)
    gold_clusters, predicted_clusters = defaultdict(set), defaultdict(set)
    for index, (gold, predicted) in enumerate(pairs):
        gold_clusters[gold].add(index)
        predicted_clusters[predicted].add(index)
    precision = recall = 0.0
    for index, (gold, predicted) in enumerate(pairs):
        common = len(gold_clusters[gold] & predicted_clusters[predicted])
        precision += common / len(predicted_clusters[predicted])
        recall += common / len(gold_clusters[gold])
    return Score(precision / len(pairs), recall / len(pairs), gold=len(pairs), found=len(pairs))


def _pairwise(gold_reports, predicted_reports) -> Score:
    """Pairs of reporting lines that belong to one event, in the gold and in the prediction."""
    reports = [r for r in gold_reports if r in predicted_reports]
    gold_pairs = {(a, b) for a, b in combinations(reports, 2) if gold_reports[a] == gold_reports[b]}
    predicted_pairs = {(a, b) for a, b in combinations(reports, 2) if predicted_reports[a] == predicted_reports[b]}
    return Counts(len(gold_pairs & predicted_pairs), len(predicted_pairs), len(gold_pairs)).score()


def format_table(evaluation: Evaluation) -> str:
    """One row per task scored; claimant, polarity, event date and factuality are accuracies, so
    only their F1 column (= accuracy) is filled. Then mentions per entity type and language, and the person measures."""
    lines = [f"{'task':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>6} {'found':>6}"]
    for task in TASKS:
        if task not in evaluation:
            lines.append(f"{task:<20} {'(not annotated)':>24}")
            continue
        s = evaluation[task]
        if task in ACCURACIES:
            row = f"{task + ' (accuracy)' if task == 'claimant' else task:<20} {'':>9} {'':>7} {s.precision:>6.2f}"
        else:
            row = f"{task:<20} {s.precision:>9.2f} {s.recall:>7.2f} {s.f1:>6.2f}"
        lines.append(f"{row} {s.gold if s.gold is not None else '':>6} {s.found if s.found is not None else '':>6}")
    lines += ["", f"{'mentions of':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>6} {'found':>6}"]
    for (entity_type, language), s in evaluation.mentions_by.items():
        lines.append(f"{f'{entity_type} ({language})':<20} {s.precision:>9.2f} {s.recall:>7.2f} {s.f1:>6.2f}"
                     f" {s.gold:>6} {s.found:>6}")
    lines += ["", f"{'persons':<20} {'share':>9} {'of':>7}"]
    for measure in PERSON_MEASURES:
        counts = evaluation.persons[measure]
        lines.append(f"{measure:<20} {counts.share:>9.2f} {counts.gold:>7}")
    return "\n".join(lines)
