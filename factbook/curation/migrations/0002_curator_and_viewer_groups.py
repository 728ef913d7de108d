"""The two roles of the curation desk, as Django groups.

Curator: reviews and edits facts, merges entities, records that two entities differ.
Viewer: reads the admin and changes nothing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FACT_APPS = ["sources", "entities", "events", "claims", "curation"]
# Models curators edit; the rest (sources, sentences, roles, merge records) they only read.
CURATED_MODELS = {
    "claim", "event", "person", "organisation", "personalias", "organisationalias", "mention",
    "persondistinction", "organisationdistinction",
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    fact_permissions = Permission.objects.filter(content_type__app_label__in=FACT_APPS)

    viewer, _ = Group.objects.get_or_create(name="Viewer")
    viewer.permissions.set(fact_permissions.filter(codename__startswith="view_"))

    curator, _ = Group.objects.get_or_create(name="Curator")
    curator.permissions.set(
        [p for p in fact_permissions if p.codename.startswith("view_")
         or p.codename.split("_", 1)[1] in CURATED_MODELS and not p.codename.startswith("delete_")]
        + [p for p in fact_permissions if p.codename in {"delete_personalias", "delete_organisationalias",
                                                        "delete_persondistinction", "delete_organisationdistinction"}]
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Viewer", "Curator"]).delete()


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
