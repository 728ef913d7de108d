"""Curators may upload articles and retry failed import jobs; viewers see the jobs."""

from django.db import migrations

from factbook.curation.roles import grant


def grant_jobs(apps, schema_editor):
    grant(apps, app_labels=["imports"], curated_models=["importjob"])


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0001_import_jobs"),
        ("curation", "0002_curator_and_viewer_groups"),
    ]

    operations = [migrations.RunPython(grant_jobs, migrations.RunPython.noop)]
