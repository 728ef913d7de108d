from django.db import migrations

from factbook.curation.roles import grant


def grant_links(apps, schema_editor):
    grant(apps, app_labels=["corroboration"], curated_models=["claimlink"])


class Migration(migrations.Migration):
    dependencies = [("corroboration", "0001_initial"), ("curation", "0002_curator_and_viewer_groups")]

    operations = [migrations.RunPython(grant_links, migrations.RunPython.noop)]
