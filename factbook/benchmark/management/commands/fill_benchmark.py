import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from factbook.benchmark.fill import fill
from factbook.corroboration.vectors import build_index
from factbook.database import require_ready_database
from factbook.public import pagecache


class Command(BaseCommand):
    help = ("Fill the PostgreSQL database with made-up articles (Urdu, Hindi, English), persons, "
            "organisations, events and claims at a chosen size, each claim with a made-up vector, for "
            "scripts/benchmark-pages; then build the vectors' index (settings.FACTBOOK_VECTOR_INDEX).")

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=1_000_000, help="About how many claims (default 1,000,000).")
        parser.add_argument("--seed", type=int, default=0, help="Random seed: the same seed fills the same rows.")
        parser.add_argument("--replace", action="store_true",
                            help="Empty the sources, entities, events and claims tables first.")
        parser.add_argument("--no-vector-index", action="store_true",
                            help="Do not build the vectors' index (search by meaning then scans them all).")

    def handle(self, *args, claims, seed, replace, no_vector_index, **options):
        require_ready_database()
        began = time.monotonic()
        try:
            counts = fill(claims, seed=seed, replace=replace,
                          progress=lambda line: self.stdout.write(f"{time.monotonic() - began:6.0f} s  {line}"))
        except ValueError as error:
            raise CommandError(str(error)) from error
        pagecache.changed()
        with connection.cursor() as cursor:
            # Sets the visibility map, so that index-only scans need not read the tables.
            cursor.execute("VACUUM")
        for table, count in counts.items():
            self.stdout.write(f"{table:22} {count:>12,}")
        if not no_vector_index:
            indexing = time.monotonic()
            indexed = build_index()
            self.stdout.write(f"{indexed:,} vectors indexed in {settings.FACTBOOK_VECTOR_INDEX} in "
                              f"{time.monotonic() - indexing:.0f} s")
        self.stdout.write(f"Filled in {time.monotonic() - began:.0f} s.")
