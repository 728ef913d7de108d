from types import SimpleNamespace

from factbook.web.templatetags.factbook_web import highlight, text_attrs

SENTENCE = "آرمی چیف جنرل قمر جاوید باجوہ نے کہا پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا۔"


def span(fragment, text=SENTENCE):
    start = text.index(fragment)
    return SimpleNamespace(start=start, end=start + len(fragment))


def test_highlight_wraps_the_span_in_mark():
    assert highlight(SENTENCE, [span("قمر جاوید باجوہ")]) == (
        "آرمی چیف جنرل <mark>قمر جاوید باجوہ</mark> نے کہا پاکستان کسی بھی ملک کیخلاف جارحانہ عزائم نہیں رکھتا۔"
    )


def test_highlight_without_spans_returns_the_text():
    assert highlight(SENTENCE, []) == SENTENCE


def test_highlight_joins_overlapping_spans():
    marked = highlight(SENTENCE, [span("جنرل قمر جاوید"), span("قمر جاوید باجوہ")])
    assert "<mark>جنرل قمر جاوید باجوہ</mark>" in marked
    assert marked.count("<mark>") == 1


def test_highlight_escapes_text_inside_and_outside_the_mark():
    text = 'he said <b>"Pakistan & Russia"</b> agree'
    marked = highlight(text, [span('"Pakistan & Russia"', text)])
    assert marked == "he said &lt;b&gt;<mark>&quot;Pakistan &amp; Russia&quot;</mark>&lt;/b&gt; agree"


def test_text_attrs_take_direction_from_the_script():
    assert text_attrs("قمر جاوید باجوہ") == 'lang="ur" dir="rtl"'
    assert text_attrs("असीम मुनीर", "hi") == 'lang="hi" dir="ltr"'
