from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from factbook.extraction.evaluation import GoldError, evaluate, format_table, load_gold, load_set


class Command(BaseCommand):
    help = (
        "Import articles into a scratch database and print precision, recall and F1 of the "
        "extraction against gold annotations. The configured database is not touched. "
        "Several sets imported together are scored together, so that names joined across "
        "articles and languages count."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gold", type=Path, action="append",
                            help="Folder of gold *.yaml files (default: tests/gold). May be repeated, "
                                 "each with its --articles.")
        parser.add_argument("--articles", type=Path, action="append",
                            help="Folder holding the articles the gold files name (default: seeds/).")
        parser.add_argument("--set", type=Path, dest="article_set",
                            help="A folder of <language>/<split>/ folders, each with its articles and a "
                                 "gold/ folder (e.g. realset); scores the --split of every language.")
        parser.add_argument("--split", default="dev", help="With --set: which split to score (default: dev).")
        parser.add_argument("--details", action="store_true", help="Also list every miss and false positive.")

    def handle(self, *args, gold, articles, article_set, split, details, **options):
        gold_articles = self._gold_articles(gold or [], articles or [], article_set, split)
        seen = {}
        for article in gold_articles:
            if seen.setdefault(article.source_file, article.path) != article.path:
                raise CommandError(f"{article.path} and {seen[article.source_file]} both name {article.source_file}")
        missing = [str(g.articles_dir / g.source_file) for g in gold_articles
                   if not (g.articles_dir / g.source_file).exists()]
        if missing:
            raise CommandError(f"Articles missing: {', '.join(missing)}")

        # Django's own test-database machinery gives a throwaway database on any backend.
        original_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            call_command("import_articles", *(str(g.articles_dir / g.source_file) for g in gold_articles),
                         stdout=self.stdout if options["verbosity"] > 1 else open("/dev/null", "w"))
            lines = [] if details else None
            scores = evaluate(gold_articles, lines)
        except GoldError as error:
            raise CommandError(error) from error
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)
        for line in lines or []:
            self.stdout.write(line)
        where = f"{article_set} ({split})" if article_set else ", ".join(str(g) for g in gold or ["tests/gold"])
        self.stdout.write(f"{len(gold_articles)} articles, gold in {where}\n")
        self.stdout.write(format_table(scores))

    def _gold_articles(self, gold, articles, article_set, split):
        if len(articles) > len(gold) or (len(gold) > 1 and len(articles) != len(gold)):
            raise CommandError("Give one --articles folder for each --gold folder.")
        try:
            pairs = list(zip(gold, articles or [settings.FACTBOOK_SEEDS_DIR]))
            if not gold and not article_set:
                pairs = [(settings.BASE_DIR / "tests" / "gold", settings.FACTBOOK_SEEDS_DIR)]
            found = [a for gold_dir, articles_dir in pairs for a in load_gold(gold_dir, articles_dir)]
            return found + (load_set(article_set, split) if article_set else [])
        except GoldError as error:
            raise CommandError(error) from error
