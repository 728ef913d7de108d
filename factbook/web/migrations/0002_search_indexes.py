"""Indexes for site search on PostgreSQL; other databases search by scanning and skip this.

- sentences and claims get a stored tsvector (`search_document`, the 'simple' configuration:
  no stemming, so Urdu and Hindi words stay whole) with a GIN index, for full-text matching;
- names, aliases (name, Latin key, consonant skeleton), event titles and places get pg_trgm GIN
  indexes, for substring (`icontains` is UPPER(...) LIKE, hence UPPER in the index) and
  trigram-similarity matching.
"""

from django.db import migrations

SEARCH_DOCUMENTS = ["sources_sentence", "claims_claim"]
UPPER_TRIGRAMS = [
    ("entities_person", "name"), ("entities_organisation", "name"),
    ("entities_personalias", "name"), ("entities_organisationalias", "name"),
    ("events_event", "title"), ("events_event", "place"), ("sources_source", "title"),
]
TRIGRAMS = [
    ("entities_person", "name"), ("entities_organisation", "name"),
    ("entities_personalias", "name"), ("entities_organisationalias", "name"),
    ("entities_personalias", "key"), ("entities_organisationalias", "key"),
    ("entities_personalias", "skeleton"), ("entities_organisationalias", "skeleton"),
]


def statements():
    for table in SEARCH_DOCUMENTS:
        yield (f"ALTER TABLE {table} ADD COLUMN search_document tsvector "
               f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED",
               f"ALTER TABLE {table} DROP COLUMN search_document")
        yield (f"CREATE INDEX {table}_search_document ON {table} USING gin (search_document)",
               f"DROP INDEX {table}_search_document")
    for table, column in UPPER_TRIGRAMS:
        yield (f"CREATE INDEX {table}_{column}_upper_trgm ON {table} USING gin (UPPER({column}::text) gin_trgm_ops)",
               f"DROP INDEX {table}_{column}_upper_trgm")
    for table, column in TRIGRAMS:
        yield (f"CREATE INDEX {table}_{column}_trgm ON {table} USING gin ({column} gin_trgm_ops)",
               f"DROP INDEX {table}_{column}_trgm")


def apply(forward):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for create, drop in statements() if forward else reversed(list(statements())):
            schema_editor.execute(create if forward else drop)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0001_pg_trgm"),
        ("sources", "0002_source_previous_version"),
        ("claims", "0002_review_and_history"),
        ("entities", "0003_review_and_history"),
        ("events", "0002_review_and_history"),
    ]

    operations = [migrations.RunPython(apply(forward=True), apply(forward=False), elidable=False)]
