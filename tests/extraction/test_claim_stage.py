"""The claims stage and the date finder on small in-memory lexicons: how real news attributes
what was said, who said it, and which dates a sentence names (tests/extraction/stages.py)."""

import datetime as dt

import pytest

from factbook.extraction import recognise
from factbook.extraction.claims import find_claims, quoted_spans
from factbook.extraction.dates import find_date
from factbook.extraction.lexicon import read_lexicon
from factbook.extraction.tokens import tokenize

from .stages import ENGLISH, MARKED, context

SPEECH = {
    **ENGLISH,
    "person_titles": ["minister", "health minister", "spokesman", "official"],
    "speech_cues": [{"cue": "said"}, {"cue": "told"}],
    "addressee_cues": ["told"],
    "pronoun_speakers": ["he", "she"],
    "clause_breaks": ["but"],
    "indefinites": ["a"],
    "number_words": ["three"],
    "work_nouns": ["film"],
    "weekdays": {"saturday": 5},
    "organisation_heads_last": {"media": ["tv"]},
}

# A pronoun that carries its own subject marker, as Hindi "उन्होंने" does (romanised).
FUSED = {**MARKED, "speech_cues": [{"cue": "kaha ke", "speaker_marker": ["ne"]}, {"cue": "kaha", "speaker_marker": ["ne"]}],
         "pronoun_speakers": ["unhone"],
         "person_titles": ["wazir"]}


def claims(*sentences, data=SPEECH, published_on=dt.date(2025, 3, 4), separator="\n"):
    """(text, claimant's text or None) of each claim."""
    ctx = context(*sentences, data=data, published_on=published_on, separator=separator)
    for sentence in ctx.sentences:
        recognise.find_headed_organisations(ctx, sentence)
        recognise.find_titled_persons(ctx, sentence)
    return [(c.text, ctx.mentions[c.claimant].text if c.claimant is not None else None) for c in find_claims(ctx)]


def test_what_comes_before_a_speech_verb_and_its_speaker_after_it_is_the_claim():
    assert claims("The fever is under control, said Health Minister Ravi Kumar during his visit.") == \
        [("The fever is under control", "Ravi Kumar")]


def test_capitalised_words_may_stand_between_the_verb_and_the_title_of_a_speaker_after_it():
    assert claims("The fever is under control, said Health Minister Ravi Kumar during his visit.",
                  data={**SPEECH, "person_titles": ["minister"]}) == [("The fever is under control", "Ravi Kumar")]


def test_a_dateline_is_no_part_of_a_claim():
    assert claims("LAHORE: Three patients were discharged on Saturday.") == \
        [("Three patients were discharged on Saturday", None)]


def test_a_dateline_with_its_date_and_agency_is_no_part_of_a_claim():
    assert claims("Lahore, Mar 3 (APP) Three patients were discharged.") == [("Three patients were discharged", None)]


def test_a_verb_that_takes_objects_reports_a_statement_only_with_its_complementiser():
    data = {**SPEECH, "speech_cues": [{"cue": "said"}, {"cue": "denied", "needs_complementiser": True}]}
    assert claims("The court denied Minister Sara Khan bail in the case.", data=data) == []
    assert claims("Minister Sara Khan denied that the wards were closed.", data=data) == \
        [("the wards were closed", "Sara Khan")]


def test_a_participle_speaks_for_the_subject_the_sentence_opens_with():
    data = {**SPEECH, "speech_cues": [{"cue": "said"}, {"cue": "saying", "participle": True}],
            "organisation_heads_last": {"other": ["party"]}}
    assert claims("The Workers Party criticised Minister Sara Khan, saying the wards were closed.", data=data) == \
        [("the wards were closed", "Workers Party")]


def test_a_few_words_quoted_inside_reported_speech_leave_it_reported():
    assert claims('Minister Sara Khan said the plan was "a floor, not a ceiling for the region".') == \
        [('the plan was "a floor, not a ceiling for the region"', "Sara Khan")]


def test_a_speech_verb_after_the_speaker_with_a_short_adjunct_closes_the_claim():
    assert claims("Prices will fall next year, Minister Sara Khan said in an interview.") == \
        [("Prices will fall next year", "Sara Khan")]


def test_two_speakers_in_one_sentence_give_two_claims_cut_at_the_connective():
    assert claims("Minister Sara Khan said 34 had died, but Spokesman Ali Raza told reporters that 12 were killed.") == \
        [("34 had died", "Sara Khan"), ("12 were killed", "Ali Raza")]


def test_a_document_speaking_before_the_connective_leaves_the_second_speaker_his_words():
    data = {**SPEECH, "document_speech": ["the statement said"]}
    assert claims("The statement said the plant was safe, but Spokesman Ali Raza told reporters that it was not.",
                  data=data) == [("the plant was safe", None), ("it was not", "Ali Raza")]


def test_an_organisation_right_before_the_verb_is_the_speaker():
    assert claims("Iran's Press TV initially said 40 people were killed.") == [("40 people were killed", "Press TV")]


def test_a_pronoun_that_holds_its_marker_speaks_for_the_last_speaker():
    assert claims("wazir Ali Raza ne kaha ke barish hogi", "unhone kaha mausam acha rahega", data=FUSED) == \
        [("barish hogi", "Ali Raza"), ("mausam acha rahega", "Ali Raza")]


def test_a_pronoun_with_the_subject_marker_in_it_before_any_verb_and_the_complementiser_speaks():
    assert claims("wazir Ali Raza ne kaha ke barish hogi", "unhone dawa kiya ke mausam acha rahega", data=FUSED) == \
        [("barish hogi", "Ali Raza"), ("mausam acha rahega", "Ali Raza")]


def test_a_pronoun_speaks_for_the_person_the_last_sentence_opened_with():
    assert claims("Minister Sara Khan was at the fair.", "She said the fair was well organised.") == \
        [("the fair was well organised", "Sara Khan")]


def test_a_pronoun_speaks_for_the_person_a_sentence_opened_with_after_a_phrase_of_time_or_place():
    data = {**SPEECH, "adjunct_openers": ["at"]}
    assert claims("At the fair, Minister Sara Khan welcomed everyone.", "She said the fair was well organised.",
                  data=data) == [("the fair was well organised", "Sara Khan")]


def test_a_pronoun_speaks_for_the_person_whose_title_a_body_qualifies():
    data = {**SPEECH, "organisation_heads_last": {"other": ["council"]}, "person_titles": ["chairperson"]}
    assert claims("Arts Council chairperson Sara Khan welcomed everyone.", "She said the fair was well organised.",
                  data=data) == [("the fair was well organised", "Sara Khan")]


def test_a_quotation_over_sentences_belongs_to_the_speaker_named_where_it_closes():
    found = claims('"The injured were given first aid at the station.', 'They were taken to the city hospital," '
                   'a senior official said.', separator=" ")
    assert [speaker for _, speaker in found] == [None, None]


def test_a_body_beside_an_unnamed_speaker_is_not_the_speaker():
    data = {**SPEECH, "organisation_heads_last": {"other": ["council"]}}
    found = claims('"The injured were given first aid at the station.', 'They were taken to the city hospital," '
                   'a senior Arts Council official said.', data=data, separator=" ")
    assert [speaker for _, speaker in found] == [None, None]


def test_a_quoted_question_states_nothing():
    assert claims('"Should the minister not be held to account for this?" Minister Sara Khan asked.') == []


def test_a_quoted_title_of_a_work_is_no_claim():
    assert claims('The actor praised the film "The Legend of Maula Jatt" at length.') == []


def test_a_quantity_in_words_makes_the_outlets_sentence_a_claim():
    assert claims("Three members of his family were injured.") == [("Three members of his family were injured", None)]


def test_a_date_makes_the_outlets_sentence_a_claim_even_in_an_undated_article():
    assert claims("The accident took place on Saturday morning.", published_on=None) == \
        [("The accident took place on Saturday morning", None)]


def test_a_sentence_with_its_own_subject_does_not_go_on_with_the_last_speakers_words():
    assert claims("Minister Sara Khan said the rover was working well.", "He however listed the challenges ahead.",
                  separator=" ") == [("the rover was working well", "Sara Khan")]


# Dates

DATES = {"months": {"february": 2, "may": 5, "december": 12}, "month_cues_before": ["in"], "weekdays": {"saturday": 5, "tuesday": 1},
         "relative_days": {"yesterday": -1}, "spelled_years": {"two thousand twenty three": 2023},
         "spelled_year_cues": ["in"]}
URDU_WEEK = {"weekdays": {"ہفتہ": 5}, "weekday_cues_after": ["کو"]}


def date(text, data=DATES, published_on=dt.date(2025, 3, 4), ahead=False):
    found = find_date(tokenize(text), read_lexicon("xx", data), published_on, ahead)
    return found.date, found.precision


@pytest.mark.parametrize("text, expected", [
    ("on 24 February", (dt.date(2025, 2, 24), "day")),
    ("on February 24, 2021", (dt.date(2021, 2, 24), "day")),
    ("in December", (dt.date(2024, 12, 1), "month")),
    ("in two thousand twenty three", (dt.date(2023, 1, 1), "year")),
])
def test_a_written_date_is_resolved_with_its_precision(text, expected):
    assert date(text) == expected


def test_a_planned_day_already_past_this_year_is_next_years():
    assert date("on 24 February", published_on=dt.date(2025, 2, 26), ahead=True) == (dt.date(2026, 2, 24), "day")


def test_a_spelled_out_year_is_a_date_only_beside_a_month_or_a_cue():
    assert date("two thousand twenty three people came") == (None, "unknown")


def test_a_month_name_is_a_date_only_beside_a_number_or_a_cue():
    assert date("they may come") == (None, "unknown")
    assert date("in May") == (dt.date(2024, 5, 1), "month")


def test_a_weekday_that_needs_a_cue_is_no_date_without_it():
    assert date("ایک ہفتہ پہلے", data=URDU_WEEK) == (None, "unknown")
    assert date("ہفتہ کو", data=URDU_WEEK) == (dt.date(2025, 3, 1), "day")


def test_the_first_date_in_the_words_is_the_date():
    assert date("on Tuesday, after rains since December") == (dt.date(2025, 3, 4), "day")


def test_ahead_a_weekday_and_a_month_without_a_year_are_the_next_ones():
    assert date("on Saturday", ahead=True) == (dt.date(2025, 3, 8), "day")
    assert date("in February", ahead=True) == (dt.date(2026, 2, 1), "month")


def test_a_straight_quotation_mark_right_after_a_word_closes_a_quotation_the_excerpt_lost():
    assert quoted_spans('Rescue work is on," the official told reporters.') == ([], None)


def test_an_apostrophe_inside_a_word_does_not_close_a_quotation():
    text = "He said ‘Pakistan’s team will win the cup again’ on Monday."
    assert quoted_spans(text) == ([(text.index("‘"), text.rindex("’") + 1)], None)


def test_a_number_hyphened_to_a_word_is_a_designation_not_a_quantity():
    assert claims("The Chandrayaan-3 lander sent back pictures of the crater.") == []


def test_after_an_unnamed_source_an_unattributed_quote_is_nobodys():
    assert claims("Minister Sara Khan said the fever was under control.",
                  "According to the spokesman, 20 patients were discharged.",
                  '"The wards are being cleaned every single day."', separator=" ")[-1] == \
        ("The wards are being cleaned every single day", None)


def test_a_quoted_prayer_states_nothing():
    data = {**SPEECH, "wishes": ["may god"]}
    assert claims('"May God give peace to the departed souls," Minister Sara Khan said.', data=data) == []
