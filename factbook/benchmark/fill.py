"""Made-up articles at newsroom scale for the scale benchmark, written with PostgreSQL COPY.

Every row satisfies the models' constraints: a sentence's text is its slice of the source's
text, a mention's and a claim's text their slice of the sentence's. Ids are allocated here, so
rows reference each other without a round trip; sequences are moved past them at the end.
History tables are not filled: the public pages never read them. Every claim gets a vector, made
up (factbook/benchmark/vectors.py) rather than encoded, written by binary COPY.
"""

import hashlib
import itertools
import json
import random
import re
import unicodedata
from collections import Counter, deque
from datetime import date, datetime, timedelta, timezone

import numpy as np
from django.db import connection, transaction
from psycopg import sql

from factbook.claims.models import Claim, ClaimMode
from factbook.corroboration.embeddings import MODEL_NAME
from factbook.corroboration.models import ClaimEmbedding
from factbook.curation.models import ReviewStatus
from factbook.entities import names
from factbook.entities.models import EntityType, Mention, Organisation, OrganisationAlias, Person, PersonAlias, Role
from factbook.events.models import DatePrecision, Event, EventKind
from factbook.kinds import ClaimPolarity, Factuality
from factbook.sources.models import Sentence, SentenceKind, Source

from . import vectors, words

LANGUAGES = ["ur", "hi", "en"]
LANGUAGE_WEIGHTS = [45, 35, 20]
SCRIPT = {"ur": "Arab", "hi": "Deva", "en": "Latn"}
NAME_INDEX = {"en": 0, "ur": 1, "hi": 2}  # position of each language's spelling in the word lists
CLAIMS_PER_SOURCE = 47
PERSONS_PER_CLAIM = 1 / 20
ORGANISATIONS_PER_CLAIM = 1 / 100
OLD_VERSION_SHARE = 0.05
POPULAR_SHARE = 0.02  # of claims made by each popular person: 20,000 at a million
FREQUENT_PERSONS = 1000
SOURCES_PER_BATCH = 500
STATUS_WEIGHTS = {ReviewStatus.UNREVIEWED: 70, ReviewStatus.CONFIRMED: 15, ReviewStatus.CORRECTED: 10,
                  ReviewStatus.REJECTED: 5}
ENTITY_STATUS_WEIGHTS = {ReviewStatus.UNREVIEWED: 90, ReviewStatus.CONFIRMED: 5, ReviewStatus.CORRECTED: 3,
                         ReviewStatus.REJECTED: 2}
# Of every 20 events, those not reported as having happened (planned, proposed, denied), by id:
# the articles' random stream stays that of earlier fills.
FACTUALITY_BY_ID = [Factuality.HAPPENED] * 17 + [Factuality.PLANNED, Factuality.PROPOSED, Factuality.DENIED]
PLACEHOLDER = re.compile(r"\{(\w+)\}")
START = datetime(2024, 1, 1, tzinfo=timezone.utc)


def nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return tuple(nfc(item) for item in value)


def fill_template(template, **values):
    """The template with its placeholders filled, and where each value starts in the result."""
    pieces, starts, cursor, length = [], {}, 0, 0
    for match in PLACEHOLDER.finditer(template):
        pieces.append(template[cursor:match.start()])
        length += match.start() - cursor
        starts[match.group(1)] = length
        value = values[match.group(1)]
        pieces.append(value)
        length += len(value)
        cursor = match.end()
    pieces.append(template[cursor:])
    return "".join(pieces), starts


def alias_key(name):
    """Alias.key and Alias.skeleton of a single-script name, word by word (each word cached)."""
    key = " ".join(names.match_key(word) for word in name.split())
    skeleton = " ".join(part for word in name.split() for part in names.skeleton(word))
    return key, skeleton


class Columns:
    """The rows of one table waiting to be copied, and the model fields they fill, in order."""

    def __init__(self, model, fields):
        self.table = model._meta.db_table
        self.columns = [model._meta.get_field(field).column for field in fields]
        self.rows = []
        self.last_id = 0
        self.copied = 0

    def next_id(self):
        self.last_id += 1
        return self.last_id

    def copy(self, cursor):
        if not self.rows:
            return
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(self.table), sql.SQL(", ").join(map(sql.Identifier, self.columns))
        )
        with cursor.copy(statement) as copy:
            for row in self.rows:
                copy.write_row(row)
        self.copied += len(self.rows)
        self.rows.clear()


def through(field, *columns):
    model = field.remote_field.through
    table = Columns.__new__(Columns)
    table.table, table.columns, table.rows, table.last_id, table.copied = model._meta.db_table, list(columns), [], 0, 0
    return table


REVIEW = ["status", "reviewed_by", "reviewed_at", "review_note"]
VECTOR_FIELDS = ["claim", "model_name", "vector", "text", "created_at"]


class Filler:
    def __init__(self, claims, seed=0):
        self.target_claims = claims
        self.seed = seed
        self.rng = random.Random(seed)
        self.created = Counter()
        self.words = {language: nfc(tuple(w)) for language, w in words.CONTENT_WORDS.items()}
        self.tables = {
            "persons": Columns(Person, ["id", "name", "description", "wikidata_id", "created_at", "updated_at", *REVIEW,
                                        "name_is_automatic"]),
            "person_aliases": Columns(PersonAlias, ["id", "person", "name", "language", "script", "key", "skeleton"]),
            "organisations": Columns(Organisation, ["id", "name", "description", "wikidata_id", "kind", "created_at",
                                                    "updated_at", *REVIEW]),
            "organisation_aliases": Columns(OrganisationAlias, ["id", "organisation", "name", "language", "script",
                                                                "key", "skeleton"]),
            "sources": Columns(Source, ["id", "title", "language", "text", "sha256", "summary", "publisher", "url",
                                        "published_on", "published_on_is_approximate", "file_name", "imported_at",
                                        "previous_version"]),
            "sentences": Columns(Sentence, ["id", "source", "position", "kind", "start", "end", "text"]),
            "events": Columns(Event, ["id", "kind", "title", "titles", "date", "date_precision", "factuality", "place",
                                      "created_at", *REVIEW]),
            "mentions": Columns(Mention, ["id", "sentence", "entity_type", "person", "organisation", "role", "start",
                                          "end", "text"]),
            "roles": Columns(Role, ["person", "title", "language", "source", "as_of"]),
            "claims": Columns(Claim, ["id", "sentence", "claimant_person", "claimant_organisation", "mode", "polarity", "event",
                                      "created_at", *REVIEW, "start", "end", "text"]),
            "claim_persons": through(Claim._meta.get_field("about_persons"), "claim_id", "person_id"),
            "claim_organisations": through(Claim._meta.get_field("about_organisations"), "claim_id", "organisation_id"),
            "event_persons": through(Event._meta.get_field("persons"), "event_id", "person_id"),
            "event_organisations": through(Event._meta.get_field("organisations"), "event_id", "organisation_id"),
            "event_sentences": through(Event._meta.get_field("sentences"), "event_id", "sentence_id"),
        }
        self.person_names = []  # index -> (id, {language: name})
        self.organisation_names = []
        self.recent_events = deque(maxlen=200)
        self.claim_statuses = list(STATUS_WEIGHTS), list(itertools.accumulate(STATUS_WEIGHTS.values()))
        self.entity_statuses = list(ENTITY_STATUS_WEIGHTS), list(itertools.accumulate(ENTITY_STATUS_WEIGHTS.values()))
        self.vector_rng = np.random.default_rng(seed)
        self.centres = None

    # --- entities ---------------------------------------------------------------------------

    def status(self, statuses):
        return self.rng.choices(statuses[0], cum_weights=statuses[1])[0]

    def add_entities(self, table, alias_table, spellings, describe, kind=None):
        entities = []
        for number, spelling in enumerate(spellings):
            entity_id = table.next_id()
            status = ReviewStatus.CONFIRMED if number < len(words.POPULAR_PERSONS) and kind is None else self.status(
                self.entity_statuses)
            row = [entity_id, spelling[0], describe(spelling), "", START, START, status, None, None, ""]
            if kind is not None:
                row.insert(4, kind)
            else:  # a person, named in the standard spelling
                row.append(False)
            table.rows.append(row)
            for language in LANGUAGES:
                name = names.normalise(spelling[NAME_INDEX[language]])
                alias_table.rows.append([alias_table.next_id(), entity_id, name, language, SCRIPT[language],
                                         *alias_key(name)])
            entities.append((entity_id, {language: spelling[NAME_INDEX[language]] for language in LANGUAGES}))
        return entities

    def add_persons(self):
        count = max(int(self.target_claims * PERSONS_PER_CLAIM), 2 * len(words.POPULAR_PERSONS))
        combinations = list(itertools.product(words.FIRST_NAMES, words.MIDDLE_NAMES, words.SURNAMES))
        self.rng.shuffle(combinations)
        spellings = [nfc(p) for p in words.POPULAR_PERSONS] + [
            nfc(tuple(" ".join(part[i] for part in parts) for i in range(3)))
            for parts in itertools.islice(itertools.cycle(combinations), count - len(words.POPULAR_PERSONS))
        ]
        self.person_names = self.add_entities(self.tables["persons"], self.tables["person_aliases"], spellings,
                                              lambda spelling: "Politician")

    def add_organisations(self):
        count = max(int(self.target_claims * ORGANISATIONS_PER_CLAIM), 10)
        combinations = list(itertools.product(words.ORGANISATION_PLACES, words.ORGANISATION_FIELDS,
                                              words.ORGANISATION_BODIES))
        self.rng.shuffle(combinations)
        spellings = [
            nfc((f"{place[0]} {field[0]} {body[0]}", f"{place[1]} {field[1]} {body[1]}",
                 f"{place[2]} {field[2]} {body[2]}"))
            for place, field, body in itertools.islice(itertools.cycle(combinations), count)
        ]
        self.organisation_names = self.add_entities(self.tables["organisations"], self.tables["organisation_aliases"],
                                                    spellings, lambda spelling: "", kind="other")

    def person(self):
        """Who a sentence names: a few popular persons very often, a thousand often, anyone sometimes."""
        r = self.rng.random()
        popular = len(words.POPULAR_PERSONS)
        if r < POPULAR_SHARE * popular:
            return self.person_names[int(r / POPULAR_SHARE)]
        if r < 0.5:
            return self.person_names[self.rng.randrange(popular, min(popular + FREQUENT_PERSONS,
                                                                     len(self.person_names)))]
        return self.person_names[self.rng.randrange(popular, len(self.person_names))]

    def organisation(self):
        return self.rng.choice(self.organisation_names)

    # --- articles ---------------------------------------------------------------------------

    def content(self, language, about_person, about_organisation):
        """10-22 words, with the names of `about_*` among them; returns the text and each name's start."""
        chosen = list(self.rng.choices(self.words[language], k=self.rng.randint(10, 22)))
        values = {}
        for key, entity in (("a", about_person), ("b", about_organisation)):
            if entity is not None:
                chosen.insert(self.rng.randrange(1, len(chosen)), "{%s}" % key)
                values[key] = entity[1][language]
        return fill_template(" ".join(chosen), **values)

    def body_sentence(self, language):
        """A sentence's text, its mentions (entity, start, text, role) and its claim (or None)."""
        rng = self.rng
        r = rng.random()
        about_person = self.person() if rng.random() < 0.6 else None
        about_organisation = self.organisation() if rng.random() < 0.2 else None
        content, named = self.content(language, about_person, about_organisation)
        if r < 0.45:
            speaker, mode, kind = self.person(), ClaimMode.REPORTED_SPEECH, EntityType.PERSON
            template = words.SPEECH[language]
        elif r < 0.65:
            speaker, mode, kind = self.organisation(), ClaimMode.REPORTED_SPEECH, EntityType.ORGANISATION
            template = words.ACCORDING_TO[language]
        else:
            speaker, mode, kind, template = None, ClaimMode.ASSERTION, None, words.ASSERTION[language]
        values = {"content": content}
        if speaker:
            values["name"] = speaker[1][language]
        text, starts = fill_template(template, **values)
        mentions = []
        if speaker:
            mentions.append((kind, speaker[0], starts["name"], speaker[1][language]))
        for key, entity, entity_kind in (("a", about_person, EntityType.PERSON),
                                         ("b", about_organisation, EntityType.ORGANISATION)):
            if entity is not None:
                mentions.append((entity_kind, entity[0], starts["content"] + named[key], entity[1][language]))
        claim = None
        if r < 0.92:
            claim = (starts["content"], content, mode, kind, speaker and speaker[0], about_person, about_organisation)
        return text, mentions, claim

    def add_source(self, language, imported_at, published_on, previous_id=None):
        t, rng = self.tables, self.rng
        source_id = t["sources"].next_id()
        headline = " ".join(rng.choices(self.words[language], k=rng.randint(6, 12)))
        paragraphs, pieces = [], []  # pieces: (kind, text, mentions, claim)
        pieces.append((SentenceKind.HEADLINE, headline, [], None))
        count = rng.randint(30, 64)
        for position in range(count):
            if position == count // 2 and rng.random() < 0.3:
                pieces.append((SentenceKind.CHROME, nfc(words.CHROME[language]), [], None))
            else:
                pieces.append((SentenceKind.BODY, *self.body_sentence(language)))
        # Lines: the headline, then paragraphs of one to four sentences; chrome on its own line.
        text_parts, offsets, cursor, in_paragraph = [], [], 0, 0
        for index, (kind, sentence, _, _) in enumerate(pieces):
            if index > 0:
                new_line = index == 1 or kind == SentenceKind.CHROME or pieces[index - 1][0] == SentenceKind.CHROME \
                    or in_paragraph >= rng.randint(1, 4)
                separator = "\n" if new_line else " "
                in_paragraph = 0 if new_line else in_paragraph
                text_parts.append(separator)
                cursor += 1
            offsets.append(cursor)
            text_parts.append(sentence)
            cursor += len(sentence)
            in_paragraph += 1
        text = "".join(text_parts)
        t["sources"].rows.append([
            source_id, headline, language, text, hashlib.sha256(text.encode()).hexdigest(), "",
            rng.choice(words.PUBLISHERS), "", published_on, False, f"bench-{source_id:07d}.txt", imported_at,
            previous_id,
        ])
        roled = set()
        for position, ((kind, sentence, mentions, claim), start) in enumerate(zip(pieces, offsets)):
            sentence_id = t["sentences"].next_id()
            t["sentences"].rows.append([sentence_id, source_id, position, kind, start, start + len(sentence), sentence])
            for entity_kind, entity_id, mention_start, name in mentions:
                is_person = entity_kind == EntityType.PERSON
                role = ""
                if is_person and mention_start == 0 and entity_id not in roled and rng.random() < 0.3:
                    role = nfc(words.ROLE_TITLES[language])
                    roled.add(entity_id)
                    t["roles"].rows.append([entity_id, role, language, source_id, published_on])
                t["mentions"].rows.append([
                    t["mentions"].next_id(), sentence_id, entity_kind, entity_id if is_person else None,
                    None if is_person else entity_id, role, mention_start, mention_start + len(name), name,
                ])
            if claim is not None:
                self.add_claim(sentence_id, claim, imported_at + timedelta(milliseconds=position), published_on)
        return source_id

    def add_claim(self, sentence_id, claim, created_at, published_on):
        t, rng = self.tables, self.rng
        start, content, mode, kind, speaker_id, about_person, about_organisation = claim
        claim_id = t["claims"].next_id()
        event_id = self.event_for(sentence_id, speaker_id if kind == EntityType.PERSON else None, about_person,
                                  about_organisation, published_on)
        t["claims"].rows.append([
            claim_id, sentence_id, speaker_id if kind == EntityType.PERSON else None,
            speaker_id if kind == EntityType.ORGANISATION else None, mode, ClaimPolarity.POSITIVE, event_id, created_at,
            self.status(self.claim_statuses), None, None, "", start, start + len(content), content,
        ])
        if about_person is not None:
            t["claim_persons"].rows.append([claim_id, about_person[0]])
        if about_organisation is not None:
            t["claim_organisations"].rows.append([claim_id, about_organisation[0]])
        self.created["claims"] += 1

    def event_for(self, sentence_id, speaker_id, about_person, about_organisation, published_on):
        """A new event for some sentences, an event other articles reported for some more."""
        t, rng = self.tables, self.rng
        r = rng.random()
        if r < 0.07:
            event_id = t["events"].next_id()
            event_kind = rng.choice(EventKind.values)
            participants = {p for p in (speaker_id, about_person and about_person[0]) if p}
            dated = rng.random() < 0.9
            title = f"{EventKind(event_kind).label} in {rng.choice(words.PLACES) or 'an unknown place'}"
            t["events"].rows.append([
                event_id, event_kind, title, json.dumps({"en": title}),
                published_on - timedelta(days=rng.randint(0, 6)) if dated else None,
                DatePrecision.DAY if dated else DatePrecision.UNKNOWN, FACTUALITY_BY_ID[event_id % len(FACTUALITY_BY_ID)],
                rng.choice(words.PLACES), START,
                self.status(self.entity_statuses), None, None, "",
            ])
            t["event_persons"].rows.extend([event_id, person_id] for person_id in participants)
            if about_organisation is not None:
                t["event_organisations"].rows.append([event_id, about_organisation[0]])
            self.recent_events.append(event_id)
        elif r < 0.12 and self.recent_events:
            event_id = rng.choice(self.recent_events)
        else:
            return None
        t["event_sentences"].rows.append([event_id, sentence_id])
        return event_id

    def add_articles(self, cursor, progress):
        number = 0
        while self.created["claims"] < self.target_claims:
            # Each article from its own random stream: a larger fill begins with the articles
            # of a smaller one (naming other persons, of a larger population).
            self.rng = rng = random.Random(f"{self.seed}-{number}")
            language = rng.choices(LANGUAGES, weights=LANGUAGE_WEIGHTS)[0]
            published_on = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
            imported_at = START + timedelta(minutes=number)
            previous_id = None
            if rng.random() < OLD_VERSION_SHARE:
                previous_id = self.add_source(language, imported_at - timedelta(seconds=30), published_on)
            self.add_source(language, imported_at, published_on, previous_id)
            number += 1
            if number % SOURCES_PER_BATCH == 0:
                self.copy(cursor)
                progress(f"{self.created['claims']:,} claims in {self.tables['sources'].last_id:,} sources")
        self.copy(cursor)

    def copy(self, cursor):
        claims = list(self.tables["claims"].rows)
        for table in self.tables.values():
            table.copy(cursor)
        self.copy_vectors(cursor, claims)  # after them: a caller may have made foreign keys immediate

    def copy_vectors(self, cursor, claims):
        if not claims:
            return
        if self.centres is None:
            self.centres = vectors.centres(self.vector_rng, self.target_claims)
        matrix = vectors.clustered(self.vector_rng, self.centres, len(claims))
        columns = [ClaimEmbedding._meta.get_field(field).column for field in VECTOR_FIELDS]
        statement = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT BINARY)").format(
            sql.Identifier(ClaimEmbedding._meta.db_table), sql.SQL(", ").join(map(sql.Identifier, columns)))
        with cursor.copy(statement) as copy:
            copy.set_types(["int8", "text", "bytea", "text", "timestamptz"])
            for claim, vector in zip(claims, matrix):
                copy.write_row((claim[0], MODEL_NAME, vector.tobytes(), claim[-1], START))
        self.created["vectors"] += len(claims)

    def counts(self):
        return {**{name: table.copied for name, table in self.tables.items()}, "claim_vectors": self.created["vectors"]}


FILLED_MODELS = [Source, Person, Organisation, Event, ClaimEmbedding]


def clear(cursor):
    tables = sql.SQL(", ").join(sql.Identifier(model._meta.db_table) for model in FILLED_MODELS)
    cursor.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(tables))


def reset_sequences(cursor):
    from django.apps import apps
    from django.core.management.color import no_style

    models = [model for app in ("sources", "entities", "events", "claims", "corroboration")
              for model in apps.get_app_config(app).get_models()]
    for statement in connection.ops.sequence_reset_sql(no_style(), models):
        cursor.execute(statement)


def fill(claims, seed=0, replace=False, progress=print):
    """Fill the default database (PostgreSQL) with about `claims` claims; returns rows per table."""
    if connection.vendor != "postgresql":
        raise ValueError("The scale benchmark fills PostgreSQL (COPY); DATABASE_URL points to "
                         f"{connection.vendor}.")
    filler = Filler(claims, seed)
    with transaction.atomic(), connection.cursor() as cursor:
        if replace:
            clear(cursor)
        elif Source.objects.exists() or Person.objects.exists():
            raise ValueError("The database already has sources or persons; pass --replace to empty it first.")
        filler.add_persons()
        filler.add_organisations()
        filler.copy(cursor)
        progress(f"{filler.tables['persons'].last_id:,} persons, {filler.tables['organisations'].last_id:,} organisations")
        filler.add_articles(cursor, progress)
        reset_sequences(cursor)
        # Checks the deferred foreign keys now, so that a failure names the fill, and a caller's
        # transaction may go on (a TRUNCATE refuses to run while checks are pending).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return filler.counts()
