"""The learned name tagger: its features, its training, the model it ships, and what it finds."""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from factbook.extraction import tagger
from factbook.extraction.context import article_context
from factbook.extraction.extract import find_certain_mentions, named_sentences
from factbook.extraction.gazetteer import load_gazetteer
from factbook.extraction.lexicon import lexicon_for
from factbook.extraction.recognise import known_names_index, sentence_name_word_kinds
from factbook.extraction.rules import rules_for
from factbook.extraction.segment import segment
from factbook.extraction.training import article_examples, token_labels
from factbook.extraction.tokens import tokenize

from .stages import ENGLISH, URDU, context

TRAINING_SET = Path(settings.BASE_DIR) / "tests/articles/tagger/train"


def features_of(ctx, word):
    """The CRF item of the first occurrence of `word` in the article's first sentence."""
    sentence = ctx.sentences[0]
    position = next(n for n, t in enumerate(sentence.tokens) if t.text == word)
    return tagger.SentenceFeatures(ctx, sentence, sentence_name_word_kinds(ctx, sentence)).item(position)


# Features, from a small in-memory lexicon (tests/extraction/stages.py)


def test_a_known_name_part_is_a_feature_with_its_role():
    assert "np=given" in features_of(context("ارشد ندیم نے میڈل جیتا", data=URDU), "ارشد")


def test_the_grammar_after_a_name_is_a_feature_of_the_name():
    item = features_of(context("ارشد ندیم نے میڈل جیتا", data=URDU), "ندیم")
    assert {"1:c=subject", "1:c=case", "1:w=نے"} <= set(item)


def test_a_word_the_lexicon_knows_to_be_no_name_says_so():
    item = features_of(context("ارشد ندیم نے میڈل جیتا", data=URDU), "میڈل")
    assert {"k=no", "c=non_name"} <= set(item)


def test_a_word_no_lexicon_lists_is_known_by_its_shape_and_ending_only():
    item = features_of(context("Officials met Temitope in Lahore.", data=ENGLISH), "Temitope")
    assert {"sh=Xx", "k=other", "suf2=pe"} <= set(item)
    assert not any(f.startswith("w=") for f in item)


def test_a_title_before_a_word_is_a_feature_of_it():
    assert "-1:p=B-title" in features_of(context("The coach Temitope said so.", data=ENGLISH), "Temitope")


def test_the_first_word_of_a_sentence_is_marked():
    assert "gap=start" in features_of(context("Temitope said so.", data=ENGLISH), "Temitope")


# Training


def test_gold_spans_label_the_words_they_cover():
    tokens = tokenize("Coach Zainab Qadri said")
    assert token_labels(tokens, 100, [(106, 118, "person")]) == ["O", "B-person", "I-person", "O"]


def test_a_gold_span_that_cuts_a_word_labels_nothing():
    assert token_labels(tokenize("Pakistani team"), 0, [(0, 8, "organisation")]) == ["O", "O"]


def test_labels_read_back_as_spans():
    assert tagger.labelled_spans(["B-person", "I-person", "O", "I-organisation"], 10) == \
        [(10, 12, "person"), (13, 14, "organisation")]


def test_the_tagger_sees_only_runs_of_free_words_with_a_possible_name_word():
    ctx = context("Minister Ali Raza met Naseem Shah in Lahore.", data=ENGLISH)
    sentence = ctx.sentences[0]
    ctx.mentions.add(sentence, 1, 3, entity_type="person")
    assert tagger.free_runs(ctx, sentence, sentence_name_word_kinds(ctx, sentence)) == [(3, 8)]


def test_the_same_articles_train_the_same_model(tmp_path):
    ctx_rules = rules_for(lexicon_for("en"), load_gazetteer(settings.FACTBOOK_SEEDS_DIR / "gazetteer.yaml"))
    text = "Faith Chepkoech won.\nChepkoech said she was tired.\n"
    examples = article_examples(text, segment(text, "en"), ctx_rules, [(0, 15, "person"), (21, 30, "person")])
    tagger.train(examples, tmp_path / "a.crfsuite")
    tagger.train(examples, tmp_path / "b.crfsuite")
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()


def test_the_command_trains_the_shipped_model_from_the_training_set(tmp_path):
    call_command("train_recogniser", "--output", str(tmp_path / "model.crfsuite"), stdout=open("/dev/null", "w"))
    assert (tmp_path / "model.crfsuite").read_bytes() == tagger.MODEL_PATH.read_bytes()


# The shipped model


def test_the_model_ships_in_the_package_and_loads():
    assert {"B-person", "I-person", "O"} <= set(tagger.tagger().labels())


@cache
def shipped_rules(language):
    return rules_for(lexicon_for(language), load_gazetteer(settings.FACTBOOK_SEEDS_DIR / "gazetteer.yaml"))


def tagged(text, language):
    """The persons the tagger adds to what the certain stages found."""
    ctx = article_context(text, segment(text, language), None, shipped_rules(language), known_names_index([]))
    named = named_sentences(ctx)
    find_certain_mentions(ctx, named)
    return [ctx.mentions[m].text for sentence in named for m in tagger.find_tagged_names(ctx, sentence)]


def test_a_name_without_a_title_at_the_start_of_a_sentence_is_found():
    assert tagged("Officials met on Monday.\nZubair Hamdani won the race on Sunday.", "en") == ["Zubair Hamdani"]


def test_a_name_the_lexicon_knows_no_part_of_is_found_before_said():
    # Of a person or a company: nothing in these words tells which.
    assert "Temitope Adeyemi" in tagged("Officials met on Monday.\nTemitope Adeyemi said the team was ready.", "en")


class FixedModel:
    """A model that labels every run alike: its first two words an organisation, surely."""

    def tag(self, items):
        self.labels = ["B-organisation", "I-organisation"] + ["O"] * (len(items) - 2)
        return self.labels

    def marginal(self, label, n):
        return 1.0 if self.labels[n] == label else 0.0


def test_a_name_the_model_takes_for_an_organisation_is_a_mention_of_one(monkeypatch):
    monkeypatch.setattr(tagger, "tagger", FixedModel)
    text = "Officials met on Monday.\nKohsar Dairies raised its prices."
    ctx = article_context(text, segment(text, "en"), None, shipped_rules("en"), known_names_index([]))
    named = named_sentences(ctx)
    find_certain_mentions(ctx, named)
    (found,) = [ctx.mentions[m] for sentence in named for m in tagger.find_tagged_names(ctx, sentence)]
    assert (found.text, found.entity_type, found.organisation_kind) == ("Kohsar Dairies", "organisation", "other")


class FixedPersonModel(FixedModel):
    """A model that labels the first two words of every run a person, surely."""

    def tag(self, items):
        self.labels = ["B-person", "I-person"][:len(items)] + ["O"] * (len(items) - 2)
        return self.labels


def test_an_honorific_after_a_tagged_name_is_no_part_of_it(monkeypatch):
    monkeypatch.setattr(tagger, "tagger", FixedPersonModel)
    assert tagged("कल मैच खत्म हुआ।\nलता दीदी ने गाना गाया।", "hi") == ["लता"]


def test_a_name_before_the_subject_marker_is_found_in_urdu_and_hindi():
    assert tagged("کل رات میچ ختم ہوا۔\nکرن بلوچ نے پہلی پوزیشن حاصل کی۔", "ur") == ["کرن بلوچ"]
    assert tagged("कल मैच खत्म हुआ।\nकिरण बलोच ने पहला स्थान हासिल किया।", "hi") == ["किरण बलोच"]


def test_a_film_title_is_not_a_person():
    assert tagged('Officials met on Monday.\nThe film "Ayesha Returns" opened in cinemas on Friday.', "en") == []
