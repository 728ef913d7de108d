import time

from django.core.management.base import BaseCommand

from factbook.corroboration.embeddings import embed_missing, link_candidates
from factbook.database import require_ready_database


class Command(BaseCommand):
    help = (
        "Compute multilingual vectors for claims that have none (resumable: stop it and run it "
        "again), then store candidate 'also reported by' links between claims of different "
        "sources for curators to confirm. Runs apart from the import, which never waits for it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=32)

    def handle(self, *args, batch_size, **options):
        require_ready_database()
        started = time.monotonic()

        def progress(done, total):
            rate = done / max(time.monotonic() - started, 1e-6)
            self.stdout.write(f"embedded {done}/{total} claims ({rate:.1f}/s)")

        embedded = embed_missing(batch_size=batch_size, progress=progress)
        if not embedded:
            self.stdout.write("every public claim already has a vector")
        added = link_candidates()
        self.stdout.write(self.style.SUCCESS(
            f"{embedded} claims embedded, {added} new candidate links in {time.monotonic() - started:.1f} s"
        ))
