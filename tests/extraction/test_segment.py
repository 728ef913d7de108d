"""The sentence segmenter: where sentences end, and what kind each line of an article is."""

import pytest

from factbook.extraction.segment import Segment, segment
from factbook.sources.models import SentenceKind

BODY = SentenceKind.BODY
HEADLINE = SentenceKind.HEADLINE
SUBHEADING = SentenceKind.SUBHEADING
CAPTION = SentenceKind.CAPTION
CREDIT = SentenceKind.CREDIT
CHROME = SentenceKind.CHROME


def sentences(text: str, language: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in segment(text, language)]


def kinds(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.kind) for s in segment(text, language)]


def seed(seed_texts: dict[str, str], prefix: str) -> str:
    (text,) = [text for name, text in seed_texts.items() if name.startswith(prefix)]
    return text


def seed_line(seed_texts: dict[str, str], prefix: str, number: int) -> str:
    return seed(seed_texts, prefix).splitlines()[number - 1]


# --- Invariants on the seed articles ---------------------------------------------------------------


def test_seed_segments_are_in_order_and_do_not_overlap(seed_texts):
    for name, text in seed_texts.items():
        segments = segment(text, "und")
        assert segments, name
        for before, after in zip(segments, segments[1:]):
            assert before.end <= after.start, name


def test_seed_segments_are_trimmed_and_never_empty(seed_texts):
    for name, text in seed_texts.items():
        for s in segment(text, "und"):
            piece = text[s.start : s.end]
            assert piece and piece == piece.strip(), (name, piece)


def test_seed_segments_cover_every_non_whitespace_character(seed_texts):
    for name, text in seed_texts.items():
        covered = set()
        for s in segment(text, "und"):
            covered.update(range(s.start, s.end))
        dropped = [i for i, char in enumerate(text) if not char.isspace() and i not in covered]
        assert not dropped, (name, [text[i] for i in dropped])


def test_seed_segments_have_sentence_kinds(seed_texts):
    for name, text in seed_texts.items():
        for s in segment(text, "und"):
            assert isinstance(s, Segment)
            assert s.kind in SentenceKind.values, (name, s)


def test_no_seed_sentence_spans_a_line_break(seed_texts):
    for name, text in seed_texts.items():
        for s in segment(text, "und"):
            assert "\n" not in text[s.start : s.end], name


# --- Lines and terminals ---------------------------------------------------------------------------


def test_a_line_break_ends_a_sentence_without_a_terminal():
    assert sentences("दोनों देशों ने सहयोग बढ़ाने का संकल्प लिया\nरूस और पाकिस्तान ने बातचीत की.", "hi") == [
        "दोनों देशों ने सहयोग बढ़ाने का संकल्प लिया",
        "रूस और पाकिस्तान ने बातचीत की.",
    ]


def test_blank_lines_are_skipped():
    text = "پہلا جملہ ہے۔\n\n   \n\nدوسرا جملہ ہے۔\n"
    assert sentences(text, "ur") == ["پہلا جملہ ہے۔", "دوسرا جملہ ہے۔"]


def test_empty_text_has_no_segments():
    assert segment(" \n\n", "ur") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وفد نے ملاقات کی۔ بات چیت جاری رہی۔", "ur"),  # Urdu full stop U+06D4
        ("کیا روس ہتھیار دے گا؟ ابھی طے نہیں ہوا۔", "ur"),  # Arabic question mark
        ("बैठक हुई। दोनों पक्ष सहमत हुए।", "hi"),  # danda U+0964
        ("यह श्लोक है॥ अगला श्लोक है॥", "hi"),  # double danda
        ("बैठक हुई. दोनों पक्ष सहमत हुए.", "hi"),  # ASCII full stop in Hindi news
        ("Talks ended! Both sides agreed.", "en"),
        ("Will Russia sell arms? Nobody knows.", "en"),
    ],
)
def test_each_script_s_terminal_ends_a_sentence(text, language):
    assert len(sentences(text, language)) == 2


def test_urdu_sentence_glued_to_the_next_still_splits():
    text = "پاکستان علاقائی امن و سلامتی کے لیے پرعزم ہے۔ملاقات کے دوران دونوں رہنماؤں نے اتفاق کیا۔"
    assert sentences(text, "ur") == [
        "پاکستان علاقائی امن و سلامتی کے لیے پرعزم ہے۔",
        "ملاقات کے دوران دونوں رہنماؤں نے اتفاق کیا۔",
    ]


def test_hindi_ascii_full_stop_glued_to_the_next_sentence_still_splits():
    text = "एक उच्च स्तरीय रूसी प्रतिनिधिमंडल पाकिस्तान यात्रा पर है.इस दौरान बैठक हुई."
    assert sentences(text, "hi") == ["एक उच्च स्तरीय रूसी प्रतिनिधिमंडल पाकिस्तान यात्रा पर है.", "इस दौरान बैठक हुई."]


def test_a_run_of_terminals_ends_one_sentence():
    assert sentences("Really?! Yes... It happened.", "en") == ["Really?!", "Yes...", "It happened."]


def test_lone_punctuation_joins_its_sentence():
    assert sentences("بات ختم ہوئی۔ ۔", "ur") == ["بات ختم ہوئی۔ ۔"]


# --- Full stops that do not end a sentence ---------------------------------------------------------


def test_devanagari_initial_does_not_end_a_sentence():
    text = "रूस के उप रक्षामंत्री कर्नल जनरल अलेक्जेंडर वी. फोमिन की अगुवाई में प्रतिनिधिमंडल पाकिस्तान यात्रा पर है."
    assert sentences(text, "hi") == [text]


def test_devanagari_title_abbreviation_does_not_end_a_sentence():
    text = "डॉ. मनमोहन सिंह और ले. जनरल असीम मुनीर ने मुलाकात की. बैठक लंबी चली."
    assert sentences(text, "hi") == ["डॉ. मनमोहन सिंह और ले. जनरल असीम मुनीर ने मुलाकात की.", "बैठक लंबी चली."]


def test_a_run_of_devanagari_initials_does_not_end_a_sentence():
    text = "ए.पी.जे. अब्दुल कलाम और आई. के. गुजराल की चर्चा हुई."
    assert sentences(text, "hi") == [text]


def test_hindi_verb_that_sounds_like_a_letter_still_ends_a_sentence():
    assert sentences("यह बात सामने आई. रूस ने इनकार किया.", "hi") == ["यह बात सामने आई.", "रूस ने इनकार किया."]


def test_latin_titles_ranks_and_initials_do_not_end_a_sentence():
    text = "Mr. Lavrov, Dr. Khan and Col. Gen. Alexander V. Fomin met Gen. Asim Munir in Islamabad."
    assert sentences(text) == [text]


def test_sentence_before_a_name_with_an_initial_still_ends():
    assert sentences("He met them in Washington. D. Smith arrived later.") == [
        "He met them in Washington.",
        "D. Smith arrived later.",
    ]


def test_dotted_acronym_does_not_end_a_sentence():
    text = "Officials from the U.S. and the U.K. attended the talks at 10 a.m. on Tuesday."
    assert sentences(text) == [text]


def test_abbreviation_followed_by_a_sentence_opening_word_ends_the_sentence():
    assert sentences("The sanctions came from the U.S. The minister disagreed.") == [
        "The sanctions came from the U.S.",
        "The minister disagreed.",
    ]


def test_number_abbreviation_before_a_number_does_not_end_a_sentence():
    assert sentences("He lives at No. 5 Mall Road. He said no. Then he left.") == [
        "He lives at No. 5 Mall Road.",
        "He said no.",
        "Then he left.",
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Trade grew 3.5 percent to $1.2 billion last year.", "en"),
        ("व्यापार 2.5 फीसदी बढ़कर 1.2 बिलियन डॉलर हो गया.", "hi"),
        ("बैठक 29.10.2024 को हुई.", "hi"),
    ],
)
def test_decimal_point_does_not_end_a_sentence(text, language):
    assert sentences(text, language) == [text]


def test_dots_and_question_marks_inside_web_addresses_do_not_end_a_sentence():
    text = "The statement is at https://ispr.gov.pk/press-release?id=6120. Details are on www.dawn.com today."
    assert sentences(text) == [
        "The statement is at https://ispr.gov.pk/press-release?id=6120.",
        "Details are on www.dawn.com today.",
    ]


def test_lowercase_word_after_a_latin_full_stop_continues_the_sentence():
    assert sentences("Tanks, jets etc. were discussed, e.g. the JF-17.") == [
        "Tanks, jets etc. were discussed, e.g. the JF-17."
    ]


def test_comma_after_a_question_mark_continues_the_sentence():
    assert sentences('"Why now?", the minister asked.') == ['"Why now?", the minister asked.']


# --- Quotes and brackets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "first"),
    [
        ('انہوں نے کہا "یہ معاہدہ اہم ہے۔" پھر وہ چلے گئے۔', "ur", 'انہوں نے کہا "یہ معاہدہ اہم ہے۔"'),
        ("उन्होंने कहा “यह समझौता अहम है।” बैठक खत्म हुई।", "hi", "उन्होंने कहा “यह समझौता अहम है।”"),
        ("He said, \"it is 'final.'\" Talks ended.", "en", "He said, \"it is 'final.'\""),
        ("She left (as planned.) Talks ended.", "en", "She left (as planned.)"),
    ],
)
def test_closing_quotes_after_a_terminal_belong_to_that_sentence(text, language, first):
    assert sentences(text, language)[0] == first


def test_closing_quote_glued_to_the_next_sentence_belongs_to_the_first():
    text = "बैठक में गहन विचार विमर्श किया गया.’इसके बाद दोनों पक्षों ने बयान जारी किया."
    assert sentences(text, "hi") == ["बैठक में गहन विचार विमर्श किया गया.’", "इसके बाद दोनों पक्षों ने बयान जारी किया."]


def test_quote_glued_to_the_word_before_it_still_opens_and_the_last_one_closes(seed_texts):
    line = seed_line(seed_texts, "000", 4)  # بیان کے مطابق" روس ... ہے۔"
    assert line.startswith('بیان کے مطابق" روس') and line.endswith('ہے۔"')
    assert sentences(line, "ur") == [line]


def test_quote_after_a_space_closes_a_quote_opened_in_the_sentence():
    text = 'انہوں نے کہا " اگر ایسا ہوا تو یہ اہم ہو گا۔ " اس کے بعد وہ چلے گئے۔'
    assert sentences(text, "ur") == ['انہوں نے کہا " اگر ایسا ہوا تو یہ اہم ہو گا۔ "', "اس کے بعد وہ چلے گئے۔"]


def test_quote_after_a_space_opens_the_next_sentence_when_none_is_open():
    text = 'وفد نے ملاقات کی۔ "یہ دورہ اہم ہے۔"'
    assert sentences(text, "ur") == ["وفد نے ملاقات کی۔", '"یہ دورہ اہم ہے۔"']


def test_quote_glued_to_a_terminal_and_the_next_word_opens_the_next_sentence():
    text = 'وفد نے ملاقات کی۔"یہ دورہ اہم ہے۔"'
    assert sentences(text, "ur") == ["وفد نے ملاقات کی۔", '"یہ دورہ اہم ہے۔"']


def test_english_news_paragraph():
    text = (
        "Mr. Lavrov told reporters in Islamabad that trade with the U.S. had grown 3.5 percent "
        'to $1.2 billion. "Russia values Pakistan as a reliable partner." Talks will resume in May.'
    )
    assert sentences(text) == [
        "Mr. Lavrov told reporters in Islamabad that trade with the U.S. had grown 3.5 percent to $1.2 billion.",
        '"Russia values Pakistan as a reliable partner."',
        "Talks will resume in May.",
    ]


# --- Sentence counts in seed lines -----------------------------------------------------------------


def test_long_urdu_seed_paragraph_with_glued_sentences_has_seven_sentences(seed_texts):
    line = seed_line(seed_texts, "002", 1)
    found = sentences(line, "ur")
    assert len(found) == 7
    assert found[3].startswith("ملاقات کے دوران گفتگو کرتے ہوئے")


def test_first_hindi_seed_paragraph_has_four_sentences(seed_texts):
    found = sentences(seed_line(seed_texts, "004", 1), "hi")
    assert len(found) == 4
    assert "अलेक्जेंडर वी. फोमिन" in found[1]
    assert found[2].startswith("इस दौरान")


def test_hindi_seed_paragraph_with_a_stray_closing_quote_has_two_sentences(seed_texts):
    found = sentences(seed_line(seed_texts, "004", 4), "hi")
    assert len(found) == 2
    assert found[1].endswith("चर्चा की गई है.’")


def test_urdu_seed_quotation_of_two_sentences_splits_in_two(seed_texts):
    found = sentences(seed_line(seed_texts, "001", 13), "ur")
    assert len(found) == 2
    assert found[0].startswith('"روس') and found[1].endswith('کرے گا۔"')


# --- Line kinds --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "کیپشن: پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا، آرمی چیف",
        "कैप्शन: रूसी प्रतिनिधिमंडल इस्लामाबाद में",
        "Caption: Sergey Lavrov arrives in Islamabad.",
        "Photo: Army Chief meets the Russian delegation.",
        "IMAGE : Russian delegation in Rawalpindi",
        "Caption 3: Two singers perform a duet on 5 May.",
    ],
)
def test_caption_label_makes_a_caption_line(line):
    text = f"روس کا وفد پاکستان پہنچ گیا۔\n{line}\nملاقات ہوئی۔"
    assert [kind for _, kind in kinds(text)] == [BODY] + [CAPTION] * len(sentences(line)) + [BODY]


@pytest.mark.parametrize("line", [
    "The minister addresses the opening session at the arts council. — White Star",
    "वित्त मंत्री संसद भवन पहुंचीं। — पीटीआई",
])
def test_a_line_whose_last_sentence_is_a_credit_after_a_dash_is_a_caption(line):
    text = f"The session opened on Friday.\n{line}\nThe minister spoke."
    assert [kind for _, kind in kinds(text)] == [BODY, CAPTION, CAPTION, BODY]


def test_a_dash_inside_a_body_sentence_makes_no_caption():
    text = "The session opened on Friday. The minister — a former judge — spoke first.\nShe left."
    assert {kind for _, kind in kinds(text)} == {BODY}


@pytest.mark.parametrize(
    "line",
    [
        "سورس: فوٹو/اسکرین گریب نیو نیوز",
        "تصویر: اے ایف پی",
        "فوٹو: رائٹرز",
        "फोटो: पीटीआई",
        "फ़ोटो: एएनआई",
        "सोर्स: सोशल मीडिया",
        "तस्वीर: रॉयटर्स",
        "Source: Reuters",
        "Credit: AFP",
        "Photo credit: ISPR",
    ],
)
def test_credit_label_makes_a_credit_line(line):
    text = f"روس کا وفد پاکستان پہنچ گیا۔\n{line}\nملاقات ہوئی۔"
    assert kinds(text)[1] == (line, CREDIT)


@pytest.mark.parametrize(
    "line",
    [
        "Shares:",
        "Share: 12",
        "Share this article",
        "یہ بھی پڑھیں: روس اور چین کا مشترکہ اعلامیہ",
        "इसे भी पढें:-इजरायली सेना ने ईरान को एक बार फिर दी चेतावनी",
        "इसे भी पढ़ें: रूस ने दी चेतावनी",
        "ये भी पढ़ें - भारत रूस संबंध",
        "यह भी पढ़ें",
        "Read also: Lavrov in Delhi",
        "ALSO READ: Lavrov in Delhi",
        "Read more",
        "Related: Russia and Pakistan",
        "» Read more: Lavrov in Delhi",
    ],
)
def test_share_and_related_link_lines_are_page_chrome(line):
    text = f"روس کا وفد پاکستان پہنچ گیا۔\nملاقات ہوئی۔\n{line}"
    assert {kind for piece, kind in kinds(text) if piece in line} == {CHROME}


def test_body_line_that_begins_with_a_chrome_word_stays_body():
    text = "Talks began.\nShares of Pakistan State Oil rose after the deal.\nReading more into it is unwise."
    assert {kind for _, kind in kinds(text)} == {BODY}


def test_first_short_line_without_terminal_is_the_headline():
    text = "Russia, Pakistan agree to expand defence ties\nThe two sides met in Islamabad on Tuesday."
    assert kinds(text) == [
        ("Russia, Pakistan agree to expand defence ties", HEADLINE),
        ("The two sides met in Islamabad on Tuesday.", BODY),
    ]


def test_headline_may_follow_a_page_chrome_line():
    text = "Share this\nRussia, Pakistan agree to expand defence ties\nThe two sides met on Tuesday."
    assert [kind for _, kind in kinds(text)] == [CHROME, HEADLINE, BODY]


def test_first_line_with_a_terminal_is_body():
    text = "پاکستان اور روس نے تعاون بڑھانے پر اتفاق کیا ہے۔\nملاقات اسلام آباد میں ہوئی۔"
    assert {kind for _, kind in kinds(text, "ur")} == {BODY}


def test_first_line_of_several_sentences_is_body_even_without_a_final_terminal(seed_texts):
    text = seed(seed_texts, "004")
    first_line = text.splitlines()[0]
    assert first_line.startswith("Russia-Pakistan Relations:")
    assert {kind for piece, kind in kinds(text, "hi") if piece in first_line} == {BODY}


def test_repeated_headline_is_a_headline_and_its_caption_stays_a_caption(seed_texts):
    assert kinds(seed(seed_texts, "003"), "ur")[:5] == [
        ("پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا، آرمی چیف", HEADLINE),
        ("پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا، آرمی چیف", HEADLINE),
        ("کیپشن: پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا، آرمی چیف", CAPTION),
        ("سورس: فوٹو/اسکرین گریب نیو نیوز", CREDIT),
        ("راولپنڈی: آرمی چیف جنرل قمر جاوید باجوہ نے کہا پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا۔", BODY),
    ]


def test_short_line_without_terminal_between_paragraphs_is_a_subheading(seed_texts):
    text = seed(seed_texts, "004")
    subheadings = [piece for piece, kind in kinds(text, "hi") if kind == SUBHEADING]
    assert subheadings == [
        "क्षेत्रीय सुरक्षा और आपसी हितों के मुद्दे पर की चर्चा",
        "द्विपक्षीय बिजनेस में 50 फीसदी की बढ़ोत्तरी",
        "नए सहयोगियों की तलाश में रूस",
    ]


def test_long_line_without_terminal_between_paragraphs_is_body(seed_texts):
    line = seed_line(seed_texts, "000", 3)  # a quotation left without its full stop
    assert (line, BODY) in kinds(seed(seed_texts, "000"), "ur")


def test_line_ending_in_a_colon_leads_into_the_next_and_is_body():
    text = "وفد نے ملاقات کی۔\nاس موقع پر انہوں نے کہا:\n\"تعلقات بہتر ہو رہے ہیں۔\""
    assert kinds(text, "ur")[1] == ("اس موقع پر انہوں نے کہا:", BODY)


def test_short_last_line_is_not_a_subheading():
    text = "The delegation met the army chief.\nBoth sides praised the visit.\nWith inputs from agencies"
    assert kinds(text)[-1] == ("With inputs from agencies", BODY)


def test_seed_page_chrome_is_kept_with_its_kind(seed_texts):
    assert kinds(seed(seed_texts, "002"), "ur")[-1] == ("Shares:", CHROME)
    last_piece, last_kind = kinds(seed(seed_texts, "004"), "hi")[-1]
    assert last_piece.startswith("इसे भी पढें:-") and last_kind == CHROME
