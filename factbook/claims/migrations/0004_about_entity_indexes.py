"""Indexes for "claims about" an entity, newest first: (entity, claim) on the many-to-many
tables Django creates, which only have (claim, entity) and (entity) of their own."""

from django.db import migrations

TABLES = [("claims_claim_about_persons", "person_id"), ("claims_claim_about_organisations", "organisation_id")]

operations = [
    migrations.RunSQL(f"CREATE INDEX {table}_latest ON {table} ({column}, claim_id DESC)", f"DROP INDEX {table}_latest")
    for table, column in TABLES
]


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_list_order_indexes")]

    operations = operations
