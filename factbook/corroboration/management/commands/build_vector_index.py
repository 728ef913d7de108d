import time

from django.conf import settings
from django.core.management.base import BaseCommand

from factbook.corroboration.vectors import build_index
from factbook.database import require_ready_database


class Command(BaseCommand):
    help = (
        "Rebuild the nearest-neighbour index of claim vectors (settings.FACTBOOK_VECTOR_INDEX) from "
        "the vectors embed_claims stored. embed_claims keeps it in step; rebuild after restoring a "
        "database, or to drop the space removed vectors leave."
    )

    def handle(self, *args, **options):
        require_ready_database()
        started = time.monotonic()
        count = build_index()
        self.stdout.write(self.style.SUCCESS(
            f"{count} vectors indexed in {settings.FACTBOOK_VECTOR_INDEX} in {time.monotonic() - started:.1f} s"
        ))
