"""The events stage on small in-memory lexicons: which words report a happening, who took
part by the grammar of the clause, when, whether it happened, and which sentences tell of one
happening (tests/extraction/stages.py)."""

import datetime as dt

from factbook.extraction import recognise
from factbook.extraction.events import find_events
from factbook.extraction.lexicon import read_lexicon
from factbook.extraction.rules import inflected

from .stages import ENGLISH, MARKED, context, texts

EVENTS = {
    **ENGLISH,
    "person_titles": ["minister", "coach", "judge"],
    "stopwords": ["the", "a", "of", "and", "in", "to", "with"],
    "event_triggers": {"meeting": ["<meet>", "talks"], "visit": ["<visit>"], "election": ["<election>"],
                       "match": ["<match>", "<beat>"], "accident": ["<crash>"], "arrest": ["<arrest>"],
                       "court_ruling": ["bail", "<deny> bail"]},
    "word_forms": {"meet": ["meet", "meets", "met"], "beat": ["beat", "beats"], "seek": ["seeks", "sought"]},
    "inflections": [["", "s"], ["", "ed"], ["", "es"]],
    "contextual_triggers": {"court_ruling": ["<reject>"]},
    "trigger_settings": {"court_ruling": ["court"]},
    "generic_determiners": ["every"],
    "earlier_markers": ["earlier"],
    "event_blockers": ["<seek> bail"],
    "party_markers": {"meeting": ["with"], "visit": ["to"]},
    "markers_before_names": True,
    "party_fillers": ["the"],
    "genitive_markers": ["s"],
    "content_cues": ["said"],
    "speech_cues": [{"cue": "said"}, {"cue": "told"}],
    "according_to": ["according to"],
    "factuality_cues": {"denied": ["not"], "proposed": ["invited"], "planned": ["will"]},
    "weekdays": {"monday": 0, "friday": 4},
    "months": {"may": 5},
    "month_cues_before": ["in"],
    "conjunctions": ["and"],
}

# Verb-final and postpositional, romanised: "X ne Y se mulaqat ki".
POSTPOSITIONAL = {
    **MARKED,
    "person_titles": ["wazir"],
    "stopwords": ["ne", "se", "ki", "ka", "ke", "aur", "mein", "kaha"],
    "event_triggers": {"meeting": ["mulaqat", "mulaqat <karna>"], "visit": ["daura"]},
    "word_forms": {"karna": ["ki", "kar li"]},
    "party_markers": {"meeting": ["se"], "visit": ["ka"]},
    "topic_openers": ["mein"],
    "relative_openers": ["jis mein"],
    "factuality_after_trigger": {"happened": ["ke baad"], "planned": ["ke liye"]},
    "factuality_cues": {"planned": ["ga"], "proposed": ["dawat"]},
    "factuality_window": [0, 6],
    "conjunctions": ["aur"],
}


def events(*sentences, data=EVENTS, published_on=dt.date(2025, 3, 4), separator="\n"):
    """The events of an article whose names are found by title and capitals."""
    ctx = context(*sentences, data=data, published_on=published_on, separator=separator)
    for sentence in ctx.sentences:
        recognise.find_known_organisations(ctx, sentence)
        recognise.find_headed_organisations(ctx, sentence)
        recognise.find_titled_persons(ctx, sentence)
    return ctx, find_events(ctx)


def kinds(found):
    return [(e.kind, e.factuality) for e in found]


# Trigger words and their forms


def test_a_lemma_in_angle_brackets_stands_for_its_regular_inflections():
    lexicon = read_lexicon("en", EVENTS)
    assert {("arrests",), ("arrested",)} <= set(inflected(lexicon, lexicon.event_triggers))


def test_a_lemma_with_listed_forms_stands_for_those_a_light_verb_takes():
    lexicon = read_lexicon("ur", POSTPOSITIONAL)
    assert {("mulaqat", "ki"), ("mulaqat", "kar", "li")} <= set(inflected(lexicon, lexicon.event_triggers))


def test_an_inflected_form_reports_the_happening():
    assert kinds(events("Police arrested him on Monday.")[1]) == [("arrest", "happened")]


def test_a_visit_and_the_meeting_during_it_are_two_happenings():
    assert kinds(events("Minister Sara Khan met Ali Raza during a visit to Lahore.")[1]) == \
        [("meeting", "happened"), ("visit", "happened")]


def test_a_trigger_inside_a_name_reports_no_happening():
    data = {**EVENTS, "organisation_heads_last": {"government_body": ["commission"]}}
    assert events("The Election Commission said so.", data=data)[1] == []


def test_a_trigger_after_a_generic_determiner_is_no_particular_happening():
    assert events("Such claims are made in every election.")[1] == []


def test_a_tally_of_happenings_is_none_of_them():
    assert events("He played 343 matches for his country.")[1] == []


def test_a_number_before_an_arrest_counts_the_people_arrested():
    assert kinds(events("Police said 15 arrested on Monday.")[1]) == [("arrest", "happened")]


def test_a_blocker_inflects_like_a_trigger():
    assert events("He sought bail on Monday.")[1] == []


def test_a_contextual_trigger_reports_a_happening_only_where_its_setting_is_named():
    assert kinds(events("The court rejected the request.")[1]) == [("court_ruling", "happened")]
    assert events("The board rejected the request.")[1] == []


# Who took part


def test_the_source_of_the_report_is_no_party():
    ctx, (meeting,) = events("According to Coach Ali Raza, Minister Sara Khan met them.")
    assert texts(ctx, meeting.participants) == ["Sara Khan"]


def test_a_name_in_the_genitive_before_a_title_qualifies_it_and_is_no_party():
    ctx, (meeting,) = events("Pakistan's minister Sara Khan met Coach Ali Raza.")
    assert texts(ctx, meeting.participants) == ["Sara Khan", "Ali Raza"]


def test_a_party_the_grammar_ties_to_one_happening_is_that_ones_only():
    ctx, (meeting, visit) = events("Minister Sara Khan met Coach Ali Raza on a visit to Pakistan.")
    assert texts(ctx, meeting.participants) == ["Sara Khan", "Ali Raza"]
    assert texts(ctx, visit.participants) == ["Sara Khan", "Pakistan"]


def test_who_reports_a_happening_is_no_party_to_it():
    ctx, (meeting,) = events("The Ministry of Sports said Minister Sara Khan met Coach Ali Raza.")
    assert texts(ctx, meeting.participants) == ["Sara Khan", "Ali Raza"]


def test_who_is_quoted_about_a_happening_is_no_party_to_it():
    ctx, (meeting,) = events('"The two teams met in Lahore," Minister Sara Khan told reporters.')
    assert meeting.participants == []


def test_an_organisation_is_no_party_to_an_accident():
    ctx, (crash,) = events("A bus of the Lahore Transport Board crashed near Multan.",
                           data={**EVENTS, "organisation_heads_last": {"other": ["board"]}})
    assert crash.participants == []


def test_the_news_medium_reporting_a_happening_is_no_party_to_it():
    ctx, (meeting,) = events("Minister Sara Khan met Coach Ali Raza, Pakistan TV reported.",
                             data={**EVENTS, "organisation_heads_last": {"media": ["tv"]}})
    assert texts(ctx, meeting.participants) == ["Sara Khan", "Ali Raza"]


def test_what_a_meeting_was_about_is_no_party_to_it():
    ctx, (meeting,) = events("wazir Ali Raza ne wazir Sara Khan se mulaqat ki", "mulaqat mein Pakistan ke bare mein baat hui",
                             data=POSTPOSITIONAL)
    assert texts(ctx, meeting.participants) == ["Ali Raza", "Sara Khan"]


def test_a_list_of_subjects_in_a_relative_clause_took_part():
    ctx, (meeting,) = events("mulaqat hui jis mein wazir Ali Raza aur wazir Sara Khan ne shirkat ki", data=POSTPOSITIONAL)
    assert texts(ctx, meeting.participants) == ["Ali Raza", "Sara Khan"]


# Whether and when


def test_a_cue_inside_the_trigger_itself_does_not_deny_it():
    assert kinds(events("The judge denied bail to him.")[1]) == [("court_ruling", "happened")]


def test_what_something_came_after_took_place_and_what_it_is_for_is_to_come():
    assert kinds(events("mulaqat ke baad bayan jari hoga", data=POSTPOSITIONAL)[1]) == [("meeting", "happened")]
    assert kinds(events("daura ke liye team rawana hui", data=POSTPOSITIONAL)[1]) == [("visit", "planned")]


def test_a_year_in_brackets_after_a_work_does_not_date_the_happening():
    (concert,) = events("The concert featured songs from Taal (1999) and Dil Se (1998).",
                        data={**EVENTS, "event_triggers": {"other": ["concert"]}})[1]
    assert concert.date.precision == "before"


def test_a_planned_happening_on_a_weekday_is_on_the_next_one():
    (meeting,) = events("They will meet on Friday.", published_on=dt.date(2025, 3, 4))[1]
    assert (meeting.date.date, meeting.date.precision) == (dt.date(2025, 3, 7), "day")


def test_a_happening_announced_for_a_year_already_past_took_place():
    (meeting,) = events("The talks will be held in May 2024.", published_on=dt.date(2025, 3, 4))[1]
    assert meeting.factuality == "happened"


# One happening, several sentences


def test_the_teams_of_a_match_and_its_scorers_next_are_one_match():
    _, found = events("Lahore Club beat Karachi Club in the final.", "Coach Ali Raza of Lahore Club praised the match.",
                      data={**EVENTS, "organisation_heads_last": {"other": ["club"]}})
    assert len(found) == 1


def test_an_accident_is_one_whoever_the_sentences_about_it_name():
    _, found = events("A bus crashed near Multan on Monday.", "Minister Sara Khan said the crash was tragic.")
    assert len(found) == 1


def test_a_speaker_is_a_party_to_the_happening_their_words_were_said_after():
    ctx, (match,) = events("Coach Ali Raza said after the match that the team was tired.",
                           data={**EVENTS, "adjunct_openers": ["after"]})
    assert texts(ctx, match.participants) == ["Ali Raza"]


def test_a_trigger_that_opens_with_a_place_marker_keeps_the_name_before_it_a_party():
    data = {**POSTPOSITIONAL, "event_triggers": {"other": ["mein shamil ho gaye"]}, "not_a_party_after": ["mein"],
            "organisation_heads_last": {"political_party": ["party"]}}
    ctx, (joining,) = events("Awami party mein shamil ho gaye", data=data)
    assert texts(ctx, joining.participants) == ["Awami party"]


def test_a_sentence_that_tells_of_an_earlier_happening_stays_apart():
    _, found = events("A bus crashed near Multan.", "Earlier, a van crashed near Lahore.")
    assert len(found) == 2


def test_an_undated_happening_is_not_the_one_of_a_year_before():
    _, found = events("Minister Sara Khan visited Moscow.", "Minister Sara Khan visited Moscow in May 2023.")
    assert len(found) == 2


def test_a_sentence_with_no_trigger_goes_on_telling_of_the_happening_before_it():
    ctx, (match,) = events("Lahore beat Karachi in the final.", "Coach Ali Raza scored twice.", separator=" ")
    assert "Ali Raza" in texts(ctx, match.participants) and len(match.sentences) == 2


def test_who_speaks_of_the_happening_in_the_next_sentence_took_no_part_for_it():
    ctx, (match,) = events("Lahore beat Karachi in the final.", "Minister Sara Khan said the crowd was the largest.",
                           separator=" ")
    assert "Sara Khan" not in texts(ctx, match.participants)
