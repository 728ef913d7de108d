import os
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factbook.extraction.pipeline import Importer, Skipped, article_paths

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
        missing = [str(p) for p in paths if not os.path.lexists(p)]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        files, skipped = article_paths(paths)
        for passed_over in skipped:
            self.stdout.write(self._skipped_line(passed_over))
        if not files:
            raise CommandError(f"No .txt articles found in {', '.join(map(str, paths))}")

        created, statuses = Counter(), Counter(skipped=len(skipped))
        try:
            importer = Importer()
            for number, path in enumerate(files, 1):
                outcome = importer.import_file(path)
                statuses[outcome.status] += 1
                created.update(outcome.created or {})
                self.stdout.write(self._progress_line(number, len(files), outcome))
        except KeyboardInterrupt:  # each file is one transaction: the one being imported is not stored
            self.stdout.write(self._summary(created, statuses))
            raise CommandError("Interrupted: the file being imported was not stored; run the command again "
                               "to import the rest.", returncode=130) from None

        self.stdout.write(self._summary(created, statuses))
        problems = []
        if statuses["failed"]:
            problems.append(f"{statuses['failed']} of {len(files)} files could not be imported")
        if statuses["skipped"]:
            problems.append(f"{statuses['skipped']} {'path was' if statuses['skipped'] == 1 else 'paths were'} skipped")
        if problems:
            raise CommandError(f"{' and '.join(problems)} (see above).".capitalize())

    def _skipped_line(self, skipped: Skipped):
        return self.style.ERROR(f"{skipped.path}: skipped — it {skipped.reason}")

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
            f"Files: {statuses['imported']} imported, {statuses['unchanged']} unchanged, {statuses['failed']} failed, "
            f"{statuses['skipped']} skipped.",
            "Created: " + ", ".join(f"{created.get(k, 0)} {k}" for k in COUNTED) + ".",
        ]
        return "\n".join(lines)
