from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factbook.extraction.evaluation import GoldError, load_gold
from factbook.extraction.gazetteer import load_gazetteer
from factbook.extraction.lexicon import lexicon_for
from factbook.extraction.pipeline import read_article
from factbook.extraction.rules import rules_for
from factbook.extraction.segment import segment
from factbook.extraction.tagger import MODEL_PATH, train
from factbook.extraction.training import article_examples

TRAINING_SET = Path("tests/articles/tagger/train")


class Command(BaseCommand):
    help = (
        "Train the name tagger from annotated articles (gold files, tests/gold/GUIDE.md) and write "
        "its model. The same articles always give the same model: they are read in file order "
        "and trained with fixed parameters."
    )

    def add_arguments(self, parser):
        parser.add_argument("--set", type=Path, dest="training_set", default=None,
                            help=f"A folder of articles with a gold/ folder (default: {TRAINING_SET}).")
        parser.add_argument("--output", type=Path, default=MODEL_PATH, help=f"Model file (default: {MODEL_PATH}).")

    def handle(self, *args, training_set, output, **options):
        folder = training_set or settings.BASE_DIR / TRAINING_SET
        try:
            gold = load_gold(folder / "gold", folder)
            gazetteer = load_gazetteer(settings.FACTBOOK_SEEDS_DIR / "gazetteer.yaml")
            rules, examples = {}, []
            for article in gold:
                text = read_article(folder / article.source_file)
                language = article.data["language"]
                if language not in rules:
                    rules[language] = rules_for(lexicon_for(language), gazetteer)
                examples += article_examples(text, segment(text, language), rules[language], article.name_spans(text))
        except GoldError as error:
            raise CommandError(error) from error
        train(examples, output)
        words = sum(len(labels) for _, labels in examples)
        self.stdout.write(f"{len(gold)} articles, {len(examples)} runs of {words} words: {output}\n")
