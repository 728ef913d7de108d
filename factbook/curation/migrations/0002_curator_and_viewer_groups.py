"""The two roles of the curation desk, as Django groups.

Curator: reviews and edits facts, merges entities, records that two entities differ.
Viewer: reads the admin and changes nothing.
"""

from django.db import migrations

from factbook.curation.roles import CURATOR, VIEWER, grant


def create_groups(apps, schema_editor):
    grant(
        apps,
        app_labels=["sources", "entities", "events", "claims", "curation"],
        curated_models=["claim", "event", "person", "organisation", "personalias", "organisationalias", "mention",
                        "persondistinction", "organisationdistinction"],
        deletable_models=["personalias", "organisationalias", "persondistinction", "organisationdistinction"],
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[VIEWER, CURATOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sources", "0002_source_previous_version"),
        ("entities", "0003_review_and_history"),
        ("events", "0002_review_and_history"),
        ("claims", "0002_review_and_history"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
