"""The interface in English, Urdu and Hindi: every template string translated, Urdu right to
left, dates and names as the reader writes them."""

import ast
import gettext
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation.template import templatize

from factbook.events.models import DatePrecision, Event, EventKind

TEMPLATES = sorted((Path(settings.BASE_DIR) / "factbook" / "web" / "templates").rglob("*.html"))
# templatize's calls: gettext(u'…'), ngettext(u'…', u'…', count), _(u'…').
GETTEXT_CALL = re.compile(r"\b(?:n?gettext|_)\(((?:u?'(?:[^'\\]|\\.)*'(?:,\s*)?)+)")


def template_msgids():
    """(msgid, plural or None) of every translatable string in the site's templates, as
    makemessages finds them (through Django's templatize)."""
    found = set()
    for path in TEMPLATES:
        code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        for call in GETTEXT_CALL.finditer(code):
            strings = ast.literal_eval(f"({call.group(1).rstrip(', ')},)")
            found.add((strings[0], strings[1] if len(strings) > 1 else None))
    return found


def catalogue(language):
    path = Path(settings.BASE_DIR) / "factbook" / "locale" / language / "LC_MESSAGES" / "django.mo"
    return gettext.GNUTranslations(path.open("rb"))


@pytest.mark.parametrize("language", ["ur", "hi"])
def test_every_template_string_has_a_compiled_translation(language):
    translations = catalogue(language)
    untranslated = []
    for msgid, plural in template_msgids():
        translated = translations.ngettext(msgid, plural, 2) if plural else translations.gettext(msgid)
        if translated == (plural or msgid) and re.search("[a-z]{2}", re.sub(r"%\(\w+\)s|<[^>]+>", "", msgid)):
            untranslated.append(msgid)
    assert len(template_msgids()) > 150
    assert not untranslated, f"not in factbook/locale/{language} (run makemessages, translate, compilemessages): {untranslated}"


# What may stand outside {% translate %} in a template: tags, variables, comments, markup,
# punctuation, and the brand.
NOT_TEXT = [
    re.compile(r"{% comment %}.*?{% endcomment %}", re.S),
    re.compile(r"{% blocktranslate.*?{% endblocktranslate %}", re.S),
    re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S),
]
TEXT_ATTRIBUTES = re.compile(r'\b(?:aria-label|placeholder|title|alt|data-label)="([^"]*)"')


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path.name)
def test_no_template_text_is_left_outside_translation(path):
    source = path.read_text(encoding="utf-8")
    for pattern in NOT_TEXT:
        source = pattern.sub(" ", source)
    attributes = [value for value in TEXT_ATTRIBUTES.findall(source) if re.search("[A-Za-z]", value)]
    text = re.sub(r"<[^>]*>", " ", source).replace("Factbook", "").replace("Wikidata", "")
    words = re.findall(r"[A-Za-z]{2,}", text)
    assert not words and not attributes, f"untranslated in {path.name}: {words} {attributes}"


def page(client, url, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(url).content.decode()


def test_urdu_readers_get_a_right_to_left_page_in_urdu(client, db):
    html = page(client, reverse("web:claim_list"), "ur")
    assert '<html lang="ur" dir="rtl">' in html
    assert "<h1>دعوے</h1>" in html


def test_hindi_readers_get_the_page_in_hindi(client, db):
    html = page(client, reverse("web:home"), "hi")
    assert '<html lang="hi" dir="ltr">' in html
    assert "नवीनतम दावे" in html


def test_the_language_switcher_remembers_the_choice(client, db):
    response = client.post(reverse("set_language"), {"language": "ur", "next": reverse("web:about")})
    assert response.status_code == 302 and response.url == reverse("web:about")
    assert '<html lang="ur" dir="rtl">' in client.get(reverse("web:about")).content.decode()


def test_every_page_offers_the_three_languages(client, db):
    html = page(client, reverse("web:home"), "en")
    for code, name in [("en", "English"), ("ur", "اردو"), ("hi", "हिंदी")]:
        assert f'name="language" value="{code}" lang="{code}"' in html and name in html


def test_dates_are_written_in_the_readers_language(client, db):
    event = Event.objects.create(kind=EventKind.MEETING, title="A meeting", date=date(2021, 4, 7),
                                 date_precision=DatePrecision.DAY)
    assert '<time datetime="2021-04-07">7 अप्रैल 2021</time>' in page(client, event.get_absolute_url(), "hi")
    assert '<time datetime="2021-04-07">7 اپریل 2021</time>' in page(client, event.get_absolute_url(), "ur")
    assert '<time datetime="2021-04-07">7 April 2021</time>' in page(client, event.get_absolute_url(), "en")


def test_names_are_shown_in_the_readers_script_where_an_alias_has_it(client, bajwa, lavrov):
    urdu = page(client, bajwa.get_absolute_url(), "ur")
    assert '<h1><bdi lang="ur" dir="rtl">قمر جاوید باجوہ</bdi>' in urdu
    assert '<h1><bdi lang="hi" dir="ltr">कमर जावेद बाजवा</bdi>' in page(client, bajwa.get_absolute_url(), "hi")
    assert "<h1>Sergey Lavrov" in page(client, lavrov.get_absolute_url(), "hi")  # no Hindi alias


def test_counts_are_grouped_as_the_reader_groups_digits():
    from django.contrib.humanize.templatetags.humanize import intcomma
    from django.utils import translation

    with translation.override("hi"):
        assert intcomma(1234567) == "12,34,567"
    with translation.override("en"):
        assert intcomma(1234567) == "1,234,567"
