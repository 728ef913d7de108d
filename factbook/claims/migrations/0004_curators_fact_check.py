from django.db import migrations

from factbook.curation.roles import grant


def grant_fact_checks(apps, schema_editor):
    grant(apps, app_labels=["claims"], curated_models=["factcheck", "factcheckevidence"],
          deletable_models=["factcheckevidence"])


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_fact_checks_and_extraction_review"), ("curation", "0002_curator_and_viewer_groups")]

    operations = [migrations.RunPython(grant_fact_checks, migrations.RunPython.noop)]
