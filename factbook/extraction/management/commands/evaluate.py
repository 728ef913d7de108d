from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from factbook.extraction.evaluation import GoldError, evaluate, format_table, load_gold


class Command(BaseCommand):
    help = (
        "Import articles into a scratch database and print precision, recall and F1 of the "
        "extraction against gold annotations. The configured database is not touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gold", type=Path, default=settings.BASE_DIR / "tests" / "gold",
                            help="Folder of gold *.yaml files (default: tests/gold).")
        parser.add_argument("--articles", type=Path, default=settings.FACTBOOK_SEEDS_DIR,
                            help="Folder holding the articles the gold files name (default: seeds/).")
        parser.add_argument("--details", action="store_true", help="Also list every miss and false positive.")

    def handle(self, *args, gold, articles, details, **options):
        try:
            gold_articles = load_gold(gold)
        except GoldError as error:
            raise CommandError(error) from error
        missing = [g.source_file for g in gold_articles if not (articles / g.source_file).exists()]
        if missing:
            raise CommandError(f"Articles missing from {articles}: {', '.join(missing)}")

        # Django's own test-database machinery gives a throwaway database on any backend.
        original_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            call_command("import_articles", *(str(articles / g.source_file) for g in gold_articles),
                         stdout=self.stdout if options["verbosity"] > 1 else open("/dev/null", "w"))
            lines = [] if details else None
            scores = evaluate(gold_articles, lines)
        except GoldError as error:
            raise CommandError(error) from error
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)
        for line in lines or []:
            self.stdout.write(line)
        self.stdout.write(f"{len(gold_articles)} articles, gold in {gold}\n")
        self.stdout.write(format_table(scores))
