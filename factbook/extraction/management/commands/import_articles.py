from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factbook.extraction.pipeline import Importer, article_paths

COUNTED = ["sources", "sentences", "persons", "organisations", "events", "claims"]


class Command(BaseCommand):
    help = (
        "Import news articles (UTF-8 .txt files, one paragraph per line) into Factbook. "
        "Each file is imported in its own transaction; a file whose text is already stored is "
        "left unchanged. Article metadata is read from a metadata.yaml beside the files."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", type=Path,
            help=f"Files or folders to import (default: {settings.FACTBOOK_SEEDS_DIR}).",
        )

    def handle(self, *args, paths, **options):
        paths = paths or [settings.FACTBOOK_SEEDS_DIR]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        files = article_paths(paths)
        if not files:
            raise CommandError(f"No .txt articles found in {', '.join(map(str, paths))}")

        importer = Importer()
        created, statuses = Counter(), Counter()
        for number, path in enumerate(files, 1):
            outcome = importer.import_file(path)
            statuses[outcome.status] += 1
            created.update(outcome.created or {})
            self.stdout.write(self._progress_line(number, len(files), outcome))

        self.stdout.write(self._summary(created, statuses))
        if statuses["failed"]:
            raise CommandError(f"{statuses['failed']} of {len(files)} files could not be imported (see above).")

    def _progress_line(self, number, total, outcome):
        prefix = f"[{number}/{total}] {outcome.path}: "
        if outcome.status == "failed":
            return self.style.ERROR(f"{prefix}failed — the file {outcome.detail}")
        if outcome.status == "unchanged":
            return f"{prefix}unchanged ({outcome.detail})"
        counts = ", ".join(f"{outcome.created.get(k, 0)} {k}" for k in COUNTED[1:])
        note = f"; {outcome.detail}" if outcome.detail else ""
        return self.style.SUCCESS(f"{prefix}imported as source #{outcome.source.pk} ({outcome.source.language}): {counts}{note}")

    def _summary(self, created, statuses):
        lines = [
            f"Files: {statuses['imported']} imported, {statuses['unchanged']} unchanged, {statuses['failed']} failed.",
            "Created: " + ", ".join(f"{created.get(k, 0)} {k}" for k in COUNTED) + ".",
        ]
        return "\n".join(lines)
