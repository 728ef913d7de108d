"""Each extraction stage on its own, over small in-memory lexicons (tests/extraction/stages.py)."""

import ast
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factbook.extraction import recognise
from factbook.extraction.claims import find_claims
from factbook.extraction.events import event_title, find_events, link_claims
from factbook.extraction.records import FoundClaim
from factbook.extraction.lexicon import LEXICON_DIR, READERS, Lexicon, LexiconError, lexicon_for, read_lexicon
from factbook.extraction.tokens import PhraseIndex, find_phrases, tokenize
from factbook.sources.languages import LANGUAGES

from .stages import ENGLISH, MARKED, URDU, context, texts

ENGLISH_WITH_PLACES = {**ENGLISH, "non_name_words": ["court", "high"]}

EXTRACTION_DIR = Path(recognise.__file__).parent


# Phrase matching


def test_the_longest_phrase_at_a_position_wins_and_matches_never_overlap():
    index = PhraseIndex(["foreign", "foreign minister", "minister said"])
    found = [value for _, _, value in find_phrases(tokenize("the Foreign Minister said"), index)]
    assert found == ["foreign minister"]


def test_on_a_tie_between_phrase_sets_the_first_set_wins():
    first, second = PhraseIndex({"imran khan": "article"}), PhraseIndex({"imran khan": "database"})
    assert [v for *_, v in find_phrases(tokenize("Imran Khan"), first, second)] == ["article"]


# The mention table


# Words written together where no gap shows: split on the letters and words the lexicon gives.
GLUED = {"non_joining_letters": ["ر", "ڈ"], "glued_markers": ["کی"], "organisation_heads_last": {"other": ["بورڈ"]},
         "person_titles": ["کمشنر"], "non_name_words": ["وزیراعظم"]}


def _words(text, lexicon):
    return [t.text for t in context(text, data=lexicon).sentences[0].tokens]


def test_a_marker_written_onto_a_known_word_after_a_non_joining_letter_is_a_word_of_its_own():
    assert _words("کرکٹ بورڈکی کمیٹی", GLUED) == ["کرکٹ", "بورڈ", "کی", "کمیٹی"]


def test_a_marker_after_a_digit_is_a_word_of_its_own():
    assert _words("ریسکیو1122کی ٹیم", GLUED) == ["ریسکیو1122", "کی", "ٹیم"]


def test_a_title_and_a_name_part_written_together_are_two_words():
    assert _words("کمشنرارشد آئے", GLUED) == ["کمشنر", "ارشد", "آئے"]


def test_a_word_whose_first_part_is_unknown_stays_whole():
    assert _words("ترکی", {**GLUED, "non_joining_letters": ["ر"]}) == ["ترکی"]


def test_a_known_word_stays_whole_whatever_its_parts():
    assert _words("وزیراعظم", {**GLUED, "person_titles": ["وزیر", "اعظم"], "non_joining_letters": ["ر"]}) == ["وزیراعظم"]


def test_without_non_joining_letters_nothing_is_split():
    assert _words("کرکٹ بورڈکی", {**GLUED, "non_joining_letters": []}) == ["کرکٹ", "بورڈکی"]


def test_a_word_belongs_to_one_mention_only():
    ctx = context("Minister Ali Raza met")
    sentence = ctx.sentences[0]
    assert ctx.mentions.add(sentence, 1, 3, entity_type="person") is not None
    assert ctx.mentions.add(sentence, 2, 4, entity_type="person") is None


def test_removing_a_mention_frees_its_words_and_keeps_the_other_ids():
    ctx = context("Pakistan Cricket Board and Lahore Board")
    sentence = ctx.sentences[0]
    first = ctx.mentions.add(sentence, 0, 1, entity_type="organisation")
    second = ctx.mentions.add(sentence, 4, 5, entity_type="organisation")
    ctx.mentions.remove(first)
    assert ctx.mentions[second].text == "Lahore"
    assert ctx.mentions.add(sentence, 0, 3, entity_type="organisation") is not None


# Recognisers


def test_a_bracketed_acronym_points_to_the_name_it_abbreviates():
    ctx = context("They said the Joint Working Group (JWG) met.")
    full, acronym = recognise.find_bracketed_acronyms(ctx, ctx.sentences[0])
    assert texts(ctx, [full, acronym]) == ["Joint Working Group", "JWG"]
    assert ctx.mentions[acronym].same_as == full


def test_a_known_organisation_gets_its_gazetteer_name_and_kind():
    ctx = context("SCO members met.")
    (found,) = recognise.find_known_organisations(ctx, ctx.sentences[0])
    assert (ctx.mentions[found].known_name, ctx.mentions[found].organisation_kind) == \
        ("Shanghai Cooperation Organisation", "international")


def test_with_capitalised_names_a_head_first_organisation_takes_its_capitalised_words():
    ctx = context("The Ministry of Water and Power said so.")
    recognise.find_headed_organisations(ctx, ctx.sentences[0])
    assert texts(ctx) == ["Ministry of Water and Power"]


def test_without_capitalisation_a_head_first_organisation_takes_two_words():
    ctx = context("wazarat dafa aur kharja ne kaha", data=MARKED)
    recognise.find_headed_organisations(ctx, ctx.sentences[0])
    assert texts(ctx) == ["wazarat dafa"]


def test_a_month_ends_the_words_before_a_head_last():
    ctx = context("It ends in March and Cricket Board members met.", data={**ENGLISH, "months": {"march": 3}})
    recognise.find_headed_organisations(ctx, ctx.sentences[0])
    assert texts(ctx) == ["Cricket Board"]


def test_without_capitalisation_a_verb_ends_the_words_before_a_head_last():
    data = {**MARKED, "longest_name_before_head": 3, "verb_forms": ["lekar"]}
    ctx = context("khel lekar cricket board ne kaha", data=data)
    recognise.find_headed_organisations(ctx, ctx.sentences[0])
    assert texts(ctx) == ["cricket board"]


def test_a_comma_before_a_head_last_parts_it_from_the_words_before():
    ctx = context("kal shaam،board ne kaha", data={**MARKED, "longest_name_before_head": 3})
    assert recognise.find_headed_organisations(ctx, ctx.sentences[0]) == []


def test_a_head_that_is_a_word_of_a_title_makes_no_organisation():
    data = {**ENGLISH, "organisation_heads_last": {"government_body": ["police"]},
            "person_titles": ["police commissioner"]}
    ctx = context("The Lahore Police Commissioner said so.", "The Lahore Police said so.", data=data)
    for sentence in ctx.sentences:
        recognise.find_headed_organisations(ctx, sentence)
    assert texts(ctx) == ["Lahore Police"] and ctx.mentions[ctx.mentions.in_text_order()[0]].sentence == 1


def test_an_organisation_leading_a_longer_name_becomes_part_of_it():
    ctx = context("The Pakistan Cricket Board said.")
    recognise.find_known_organisations(ctx, ctx.sentences[0])
    recognise.find_headed_organisations(ctx, ctx.sentences[0])
    assert texts(ctx) == ["Pakistan Cricket Board"]


GOVERNED = {**ENGLISH, "organisation_heads_last": {"government_body": ["government"]}, "government_words": ["government"]}
TEAMS = {**ENGLISH, "team_words": ["team"], "sports": {"cricket": ["cricket"]}, "team_groups": {"women's": ["women's"]},
         "genitive_markers": ["s"]}


def test_a_states_name_before_the_word_for_government_names_the_state():
    ctx = context("The Pakistan government said so.", data=GOVERNED)
    (found,) = recognise.find_known_organisations(ctx, ctx.sentences[0])
    assert (ctx.mentions[found].text, ctx.mentions[found].known_name) == ("Pakistan government", "Pakistan")


def test_a_places_name_before_the_word_for_government_names_its_government():
    ctx = context("The Lahore government said so.", data=GOVERNED)
    recognise.find_headed_organisations(ctx, ctx.sentences[0])
    assert texts(ctx) == ["Lahore government"]


def test_a_leaders_name_before_the_word_for_government_makes_no_body():
    ctx = context("The Sharif government said so.", data=GOVERNED)
    assert recognise.find_headed_organisations(ctx, ctx.sentences[0]) == []


def test_a_number_word_opens_no_organisation_name():
    data = {**ENGLISH, "organisation_heads_last": {"armed_force": ["army"]}, "number_words": ["five"]}
    ctx = context("Five army helicopters flew.", data=data)
    assert recognise.find_headed_organisations(ctx, ctx.sentences[0]) == []


@pytest.mark.parametrize("text, team", [
    ("The Pakistan cricket team won.", "Pakistan national cricket team"),
    ("The Pakistani women's cricket team won.", "Pakistan women's national cricket team"),
    ("The Pakistani team won.", "Pakistan national team"),
    ("Team Pakistan won.", "Pakistan national team"),
    ("Pakistan's cricket team won.", "Pakistan national cricket team"),
])
def test_a_states_name_or_demonym_with_the_word_for_team_names_its_national_team(text, team):
    ctx = context(text, data=TEAMS)
    recognise.find_known_organisations(ctx, ctx.sentences[0])
    (found,) = recognise.find_national_teams(ctx, ctx.sentences[0])
    assert (texts(ctx), ctx.mentions[found].known_name) == ([text.split(" won")[0].removeprefix("The ")], team)


def test_the_word_for_team_after_a_sport_alone_names_no_team():
    ctx = context("The cricket team won.", data=TEAMS)
    assert recognise.find_national_teams(ctx, ctx.sentences[0]) == []


def test_a_known_organisation_a_longer_bodys_head_begins_inside_becomes_part_of_it():
    data = {**ENGLISH, "organisation_heads_last": {"other": ["organisation secretariat"]}}
    ctx = context("The Shanghai Cooperation Organisation Secretariat said.", data=data)
    recognise.find_known_organisations(ctx, ctx.sentences[0])
    recognise.find_headed_organisations(ctx, ctx.sentences[0])
    assert texts(ctx) == ["Shanghai Cooperation Organisation Secretariat"]


def test_a_name_after_a_title_is_a_person_with_that_role():
    ctx = context("Foreign Minister Sara Khan met them.")
    (found,) = recognise.find_titled_persons(ctx, ctx.sentences[0])
    assert (ctx.mentions[found].text, ctx.mentions[found].role) == ("Sara Khan", "Foreign Minister")


def test_a_titles_bracketed_abbreviation_is_no_body_and_the_name_after_it_holds_the_title():
    data = {**ENGLISH, "person_titles": ["station house officer"]}
    ctx = context("Station House Officer (SHO) Imran Raza said so.", data=data)
    recognise.find_bracketed_acronyms(ctx, ctx.sentences[0])
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    assert [(ctx.mentions[m].text, ctx.mentions[m].entity_type, ctx.mentions[m].role)
            for m in ctx.mentions.in_text_order()] == [("Imran Raza", "person", "Station House Officer")]


def test_a_letter_name_between_dots_is_an_initial_even_where_it_is_a_case_marker():
    data = {**URDU, "letter_names": ["آر", "کے"]}
    assert _titled("وزیر آر.کے. نیازی نے کہا", data) == [("آر.کے. نیازی", "وزیر")]


def _titled(text, data):
    ctx = context(text, data=data)
    return [(ctx.mentions[m].text, ctx.mentions[m].role) for m in recognise.find_titled_persons(ctx, ctx.sentences[0])]


def test_a_place_before_a_title_is_part_of_the_role_where_the_lexicon_says_so():
    assert _titled("Lahore Minister Sara Khan met them.", {**ENGLISH, "place_before_titles": True}) == \
        [("Sara Khan", "Lahore Minister")]
    assert _titled("Lahore Minister Sara Khan met them.", ENGLISH) == [("Sara Khan", "Minister")]


def test_a_place_with_its_place_marker_is_no_part_of_a_title():
    assert _titled("in Lahore Minister Sara Khan met them.", {**ENGLISH, "place_before_titles": True}) == \
        [("Sara Khan", "Minister")]


def test_a_title_with_its_place_after_it_stands_alone_for_a_person():
    assert _titled("Minister Lahore said that it rained.", {**ENGLISH, "place_after_titles": True}) == \
        [("Minister Lahore", "Minister Lahore")]


def test_with_capitalised_names_a_lower_case_word_ends_the_name():
    ctx = context("Coach Ali Raza praised his team.")
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    assert texts(ctx) == ["Ali Raza"]


def test_a_title_alone_before_a_case_marker_is_a_role_reference():
    ctx = context("the minister said so.")
    (found,) = recognise.find_titled_persons(ctx, ctx.sentences[0])
    assert ctx.mentions[found].text == "the minister" and ctx.mentions[found].role_reference


def test_a_title_after_a_determiner_is_a_role_reference_wherever_it_stands():
    ctx = context("Coach Ali Raza arrived.", "He met the minister on Monday.")
    assert texts(ctx, recognise.find_titled_persons(ctx, ctx.sentences[1])) == ["the minister"]


def test_the_lower_case_words_between_a_determiner_and_its_title_belong_to_the_role():
    ctx = context("the sports minister arrived on Monday.")
    (found,) = recognise.find_titled_persons(ctx, ctx.sentences[0])
    assert (ctx.mentions[found].text, ctx.mentions[found].role) == ("the sports minister", "sports minister")


def test_a_title_a_few_function_words_before_a_case_marker_is_a_role_reference():
    ctx = context("Pakistan minister also said so.", data={**ENGLISH, "stopwords": [*ENGLISH["stopwords"], "also"]})
    assert texts(ctx, recognise.find_titled_persons(ctx, ctx.sentences[0])) == ["minister"]


def test_an_indefinite_title_is_nobody_in_particular():
    ctx = context("a minister said so.")
    assert recognise.find_titled_persons(ctx, ctx.sentences[0]) == []


def test_a_title_a_few_words_after_an_indefinite_is_nobody_in_particular():
    ctx = context("a senior Punjab minister said so.")
    assert recognise.find_titled_persons(ctx, ctx.sentences[0]) == []


def test_an_indefinite_before_a_comma_leaves_the_title_a_reference():
    ctx = context("It was a plan, minister said so.")
    assert texts(ctx, recognise.find_titled_persons(ctx, ctx.sentences[0])) == ["minister"]


def test_a_profession_alone_stands_for_nobody_in_particular():
    ctx = context("ڈاکٹر نے کہا", data=URDU)
    assert recognise.find_titled_persons(ctx, ctx.sentences[0]) == []


def test_one_unknown_word_after_a_title_is_a_name_only_before_a_marker():
    ctx = context("سابق زیدانی نے کہا", "سابق کھلاڑیوں اور", data=URDU)
    for sentence in ctx.sentences:
        recognise.find_titled_persons(ctx, sentence)
    assert texts(ctx) == ["زیدانی"]


def test_an_appositive_name_next_to_a_title_is_a_person():
    ctx = context("Ali Raza, the foreign minister, arrived.")
    recognise.find_appositive_persons(ctx, ctx.sentences[0])
    assert texts(ctx) == ["Ali Raza"]


def test_appositive_names_are_a_behaviour_of_the_lexicon():
    ctx = context("Ali Raza, the foreign minister, arrived.", data={**MARKED, "person_titles": ["minister"]})
    assert recognise.find_appositive_persons(ctx, ctx.sentences[0]) == []


def test_a_name_the_database_knows_is_found_without_a_title():
    ctx = context("Imran Khan spoke.", known=["Imran Khan"])
    recognise.find_repeated_names(ctx, ctx.sentences)
    assert texts(ctx) == ["Imran Khan"]


def test_a_surname_alone_names_the_one_person_of_the_article_who_carries_it():
    ctx = context("Minister Sara Khan arrived.", "Khan said that it rained.")
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    recognise.find_repeated_names(ctx, ctx.sentences)
    assert texts(ctx) == ["Sara Khan", "Khan"]


def test_a_role_reference_is_linked_to_the_person_named_in_that_role():
    ctx = context("Minister Sara Khan arrived.", "the minister said so.")
    for sentence in ctx.sentences:
        recognise.find_titled_persons(ctx, sentence)
    recognise.link_role_references(ctx)
    named, reference = ctx.mentions.in_text_order()
    assert ctx.mentions[reference].holder == named


def test_a_surname_in_lower_case_is_the_word_not_the_name():
    ctx = context("Minister Sara Hope arrived.", "There is hope that it rains.")
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    recognise.find_repeated_names(ctx, ctx.sentences)
    assert texts(ctx) == ["Sara Hope"]


def test_a_place_before_a_bracket_is_a_dateline_and_the_bracket_its_news_agency():
    ctx = context("Lahore (APP) Prices rose.", "The Wheat Board (WB) met.")
    found = [i for sentence in ctx.sentences for i in recognise.find_bracketed_acronyms(ctx, sentence)]
    assert [(m.text, m.organisation_kind) for m in map(ctx.mentions.__getitem__, found)] == \
        [("APP", "media"), ("Wheat Board", "other"), ("WB", "other")]


def test_a_term_spelled_out_before_its_acronym_is_no_body():
    ctx = context("The Cash Reserve Ratio (CRR) rose.", data={**ENGLISH, "term_words": ["ratio"]})
    assert recognise.find_bracketed_acronyms(ctx, ctx.sentences[0]) == []


def test_a_bracket_with_a_number_or_a_name_in_it_makes_no_acronym():
    ctx = context("Ahmed Raza (19) scored and Sara Lee (Sara Lee) sang.")
    assert recognise.find_bracketed_acronyms(ctx, ctx.sentences[0]) == []


def test_a_surname_is_not_taken_out_of_another_persons_name():
    ctx = context("Minister Naseem Shah bowled.", "Then Khushdil Shah bowled.")
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    recognise.find_repeated_names(ctx, ctx.sentences)
    assert texts(ctx) == ["Naseem Shah"]


def test_a_known_name_is_not_found_across_a_comma():
    ctx = context("The squad: Asif Ali, Haider Ali.", known=["Ali Haider"])
    recognise.find_repeated_names(ctx, ctx.sentences)
    assert texts(ctx) == []


# Persons without a title


def untitled(*sentences, data=None):
    ctx = context(*sentences, data=data)
    for sentence in ctx.sentences:
        recognise.find_untitled_persons(ctx, sentence)
    return texts(ctx)


def test_capitalised_words_with_a_known_name_part_are_a_person():
    assert untitled("The squad includes Babar Azam and Imran Raza.") == ["Babar Azam", "Imran Raza"]


def test_in_a_title_case_headline_one_known_part_is_no_name():
    assert untitled("Watch The Moment Babar Lifted Off In The Final") == []


def test_in_a_title_case_headline_two_known_parts_are_a_name():
    assert untitled("Babar Azam Visits The Site Of The Crash") == ["Babar Azam"]


def test_a_name_before_a_crafts_noun_is_the_crafts():
    assert untitled("Later the Babar Azam lander touched down.", data={**ENGLISH, "craft_words": ["lander"]}) == []


def test_a_capitalised_particle_that_is_a_family_name_too_ends_a_name():
    assert untitled("The squad includes veteran Ali Malik.") == ["Ali Malik"]


def test_a_particle_that_is_no_family_name_ends_no_name():
    assert untitled("The squad includes veteran Ali Muhammad.") == []


def test_a_part_that_follows_names_ends_one():
    assert untitled("ارشد اللہ نے کہا", data=URDU) == ["ارشد اللہ"]


def test_a_part_that_follows_names_opens_none():
    assert untitled("اللہ ندیم نے کہا", data=URDU) == []


def test_without_capitals_a_family_particle_ends_no_name():
    assert untitled("ارشد ملک میں آئے", data=URDU) == []


def test_capitalised_words_inside_a_sentence_before_a_speech_verb_are_a_person():
    assert untitled("Later Qwerty Zxcv said it rained.") == ["Qwerty Zxcv"]


def test_capitalised_words_at_the_start_of_a_sentence_need_a_known_part():
    assert untitled("Heavy Rain said nothing.") == []


def test_capitalised_words_before_a_place_noun_are_a_place_not_a_person():
    data = {**ENGLISH, "place_nouns_after": ["district"]}
    assert untitled("The squad includes Imran Raza.", data=data) == ["Imran Raza"]
    assert untitled("The squad includes Imran Raza district.", data=data) == []


def test_the_words_before_a_word_that_ends_place_names_are_a_place():
    data = {**ENGLISH, "place_name_words": ["pur"]}
    assert untitled("The squad includes Imran Raza.", data=data) == ["Imran Raza"]
    assert untitled("The squad includes Imran Raza Pur.", data=data) == []


def test_an_unknown_word_with_a_place_ending_is_a_place_but_a_known_name_part_is_not():
    data = {**ENGLISH, "place_name_endings": ["pur", "raza"]}
    assert untitled("The squad includes Ali Qwertypur.", data=ENGLISH) == ["Ali Qwertypur"]
    assert untitled("The squad includes Ali Qwertypur.", data=data) == []
    assert untitled("The squad includes Imran Raza.", data=data) == ["Imran Raza"]


def test_capitalised_words_with_a_non_name_word_are_no_person():
    assert untitled("The Lahore High Court sat.", data={**ENGLISH_WITH_PLACES}) == []


def test_a_person_name_never_spans_a_comma():
    assert untitled("Picked: Babar Azam, Ali Raza.") == ["Babar Azam", "Ali Raza"]


def test_an_initial_and_a_capitalised_word_are_a_person():
    assert untitled("The song was by A.R. Qwerty.") == ["A.R. Qwerty"]


def test_known_name_parts_without_capitals_are_a_person():
    assert untitled("ارشد ندیم نے میڈل جیتا", data=URDU) == ["ارشد ندیم"]


def test_an_unknown_family_name_needs_a_persons_marker_after_it():
    assert untitled("مریم زیدانی نے کہا", data=URDU) == ["مریم زیدانی"]
    assert untitled("مریم زیدانی آئیں", data=URDU) == []


def test_a_name_beside_another_in_a_list_needs_no_marker():
    assert untitled("مریم زیدانی اور ارشد ندیم آئیں", data=URDU) == ["مریم زیدانی", "ارشد ندیم"]


def test_an_unknown_given_name_before_a_known_one_needs_a_persons_marker():
    assert untitled("زیدانی ندیم نے کہا", data=URDU) == ["زیدانی ندیم"]
    assert untitled("زیدانی ندیم آئیں", data=URDU) == []


def test_an_unknown_word_never_starts_a_longer_name():
    assert untitled("اداکارہ مریم نواز آئیں", data=URDU) == ["مریم نواز"]


def test_a_lone_given_name_is_a_person_only_with_an_honorific():
    assert untitled("ارشد صاحب آئے", data=URDU) == ["ارشد"]
    assert untitled("ارشد آئے", data=URDU) == []


def test_spelled_out_initials_count_as_name_evidence():
    assert untitled("آر ایم زیدانی نے کہا", data=URDU) == ["آر ایم زیدانی"]


def test_name_parts_written_together_are_a_person():
    assert untitled("ارشدندیم نے کہا", data=URDU) == ["ارشدندیم"]


@pytest.mark.parametrize("sentence", ["وزیراعلیٰ پنجاب منتخب", "وزیر ہاؤس پہنچ گئیں", "وزیر آج آئیں"])
def test_words_that_are_certainly_no_name_never_become_a_person(sentence):
    ctx = context(sentence, data=URDU)
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    recognise.find_untitled_persons(ctx, ctx.sentences[0])
    assert texts(ctx) == []


# Claims


def test_where_the_speaker_comes_before_the_verb_the_content_follows_it():
    ctx = context("Minister Sara Khan said that the talks went well.")
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    (claim,) = find_claims(ctx)
    assert (claim.text, ctx.mentions[claim.claimant].text) == ("the talks went well", "Sara Khan")


def test_where_a_marker_follows_the_speaker_the_speaker_is_before_it():
    ctx = context("wazir kharja Ali Raza ne kaha ke mausam acha hai", data=MARKED)
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    (claim,) = find_claims(ctx)
    assert (claim.text, ctx.mentions[claim.claimant].text) == ("mausam acha hai", "Ali Raza")


def test_according_to_before_its_source_takes_the_content_after_the_comma():
    ctx = context("According to the Ministry of Water, the dam is full.")
    recognise.find_headed_organisations(ctx, ctx.sentences[0])
    (claim,) = find_claims(ctx)
    assert (claim.text, ctx.mentions[claim.claimant].text) == ("the dam is full", "Ministry of Water")


def test_according_to_after_its_source_takes_the_content_after_the_phrase():
    ctx = context("wazarat dafa ke mutabiq mausam acha hai", data=MARKED)
    recognise.find_headed_organisations(ctx, ctx.sentences[0])
    (claim,) = find_claims(ctx)
    assert (claim.text, ctx.mentions[claim.claimant].text) == ("mausam acha hai", "wazarat dafa")


# Events


def test_a_trigger_word_makes_an_event_with_the_clauses_mentions():
    ctx = context("Minister Sara Khan met Ali.")
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    (event,) = find_events(ctx)
    assert event.kind == "meeting" and texts(ctx, event.participants) == ["Sara Khan"]


def test_an_event_blocker_hides_the_trigger_inside_it():
    assert find_events(context("She spoke at a press conference on Monday.")) == []


@pytest.mark.parametrize("sentence, factuality", [
    ("They will hold talks.", "planned"),
    ("They did not hold talks.", "denied"),
    ("Pakistan invited them to talks.", "proposed"),
    ("They held talks.", "happened"),
])
def test_a_cue_near_the_trigger_gives_the_events_factuality(sentence, factuality):
    (event,) = find_events(context(sentence))
    assert event.factuality == factuality


def test_a_cue_far_from_the_trigger_leaves_the_happening_as_reported():
    (event,) = find_events(context("The ministers met on Monday and the next round will follow."))
    assert event.factuality == "happened"


def test_a_cue_after_the_verb_that_closes_the_trigger_belongs_to_another_clause():
    data = {**ENGLISH, "factuality_window": [0, 6], "predicate_ends": ["was"]}
    (event,) = find_events(context("The talks was held and more will follow.", data=data))
    assert event.factuality == "happened"


def test_a_phrase_listed_as_happened_keeps_its_negation_word_from_denying():
    data = {**ENGLISH, "factuality_cues": {**ENGLISH["factuality_cues"], "happened": ["not only"]}}
    (event,) = find_events(context("Not only talks were held.", data=data))
    assert event.factuality == "happened"


def test_a_mention_marked_as_the_topic_is_no_participant():
    ctx = context("Minister Sara Khan held talks on Pakistan.")
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    recognise.find_known_organisations(ctx, ctx.sentences[0])
    (event,) = find_events(ctx)
    assert texts(ctx, event.participants) == ["Sara Khan"]


@pytest.mark.parametrize("sentence, place", [
    ("Minister Sara Khan held talks in Pakistan.", "Pakistan"),
    ("Minister Sara Khan held talks on Pakistan.", ""),  # what they were about, not where
])
def test_a_state_is_the_place_of_a_happening_only_where_the_clause_says_it_was_there(sentence, place):
    ctx = context(sentence)
    recognise.find_titled_persons(ctx, ctx.sentences[0])
    recognise.find_known_organisations(ctx, ctx.sentences[0])
    (event,) = find_events(ctx)
    assert event.place == place


def test_an_undated_happening_in_a_dated_article_took_place_on_or_before_publication():
    (event,) = find_events(context("They held talks.", published_on=dt.date(2025, 3, 4)))
    assert (event.date.date, event.date.precision) == (dt.date(2025, 3, 4), "before")


def test_an_undated_happening_in_an_undated_article_stays_unknown():
    (event,) = find_events(context("They held talks.", published_on=None))
    assert event.date.precision == "unknown"


def test_a_planned_happening_gets_no_date_from_the_publication():
    (event,) = find_events(context("They will hold talks."))
    assert event.date.precision == "unknown"


def test_each_claim_links_to_the_event_of_its_own_clause():
    text = "Sara Khan said that the ministers met on Monday, while the talks will follow."
    events = find_events(context(text))
    first, second = "the ministers met on Monday", "the talks will follow"
    claims = [FoundClaim(0, text.index(part), text.index(part) + len(part), part, "reported_speech")
              for part in (first, second)]
    linked = link_claims(claims, events)
    assert [events[c.event].factuality for c in linked] == ["happened", "planned"]


def test_a_negated_claim_keeps_its_polarity():
    (claim,) = find_claims(context("Sara Khan said that Pakistan was not invited to the summit."))
    assert claim.polarity == "negative"


@pytest.mark.parametrize("kind, names, place, title", [
    ("meeting", ["Lavrov", "Bajwa"], "Rawalpindi", "Lavrov meets Bajwa in Rawalpindi"),
    ("meeting", ["Lavrov"], "", "Meeting: Lavrov"),
    ("visit", ["Lavrov"], "Pakistan", "Lavrov visits Pakistan"),
    ("accident", [], "Lahore", "Accident in Lahore"),
])
def test_an_event_title_reads_as_a_sentence_from_names_and_place(kind, names, place, title):
    templates = {"meeting": "{first} meets {second}", "visit": "{first} visits {place}", "default": "{kind}: {who}",
                 "kinds": {"meeting": "Meeting", "accident": "Accident"}, "in_place": "{title} in {place}"}
    assert event_title(kind, names, place, templates) == title


# Lexicons


def test_a_misspelt_lexicon_key_is_refused_with_the_file_named():
    with pytest.raises(LexiconError, match=r"xx\.yaml: unknown lexicon keys: stopword"):
        read_lexicon("xx", {"stopword": ["the"]}, "xx.yaml")


@pytest.mark.parametrize("path", [LEXICON_DIR / f"{code}.yaml" for code in LANGUAGES
                                  if (LEXICON_DIR / f"{code}.yaml").exists()], ids=lambda p: p.name)
def test_every_language_lexicon_loads(path):
    assert read_lexicon(path.stem, yaml.safe_load(path.read_text(encoding="utf-8")), path).person_titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_of_a_title_is_a_letter_name_that_initials_use(language):
    # "ایس ایس پی" as a title would make "پی" of "البرٹ پی خوریف" no name word
    lexicon = lexicon_for(language)
    assert not (lexicon.title_words & lexicon.letter_names) - lexicon.case_markers


def test_every_lexicon_key_is_read_by_the_extraction_code():
    """A rule the code never reads is dead data: every field a lexicon can set is used."""
    used = set()
    for path in EXTRACTION_DIR.glob("*.py"):
        if path.name != "lexicon.py":
            used |= {node.attr for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Attribute)}
    fields = set(READERS) | {name for name in Lexicon.__dataclass_fields__ if name != "language"}
    assert fields - used == set()


def test_the_extraction_stages_import_no_django():
    code = "import sys, factbook.extraction.extract; print(sorted(m for m in sys.modules if m.startswith('django')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=EXTRACTION_DIR.parent.parent)
    assert result.stdout.strip() == "[]"


def test_a_sentence_that_only_sources_the_one_before_is_no_claim():
    data = {**ENGLISH, "attribution_only": ["this was said"]}
    ctx = context("Sara Khan said that the talks went well.", "This was said in a statement on 3 March.", data=data)
    assert [c.sentence for c in find_claims(ctx)] == [0]


def test_a_question_is_no_claim():
    assert find_claims(context("Should the minister not resign after 17 deaths?")) == []
