"""The pg_trgm extension, for ranking name search by trigram similarity on PostgreSQL.

TrigramExtension does nothing on other databases, so SQLite migrates through it unchanged.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [TrigramExtension()]
