"""Template tags for showing article text safely and in its own direction, and for navigation."""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join

from factbook.events.models import DatePrecision
from factbook.sources.languages import detect_language, script_direction
from factbook.web.pagination import cursor_keys

register = template.Library()


def merged_spans(spans, length):
    """Sorted (start, end) pairs of the spans, clipped to the text, overlapping ones joined."""
    merged = []
    for start, end in sorted((max(span.start, 0), min(span.end, length)) for span in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


@register.simple_tag
def highlight(text, spans, mentions=()):
    """`text`, escaped, with each span (anything with start/end offsets into it) in one <mark>,
    and the names of `mentions` inside and outside them linked to their entity's page."""
    pieces, cursor = [], 0
    for start, end in merged_spans(spans, len(text)):
        pieces += [_linked(text, cursor, start, mentions), format_html("<mark>{}</mark>", _linked(text, start, end, mentions))]
        cursor = end
    pieces.append(_linked(text, cursor, len(text), mentions))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def _linked(text, start, end, mentions):
    """text[start:end], escaped, with the parts that are mentions linked (cut at the edges)."""
    bounds = sorted({start, end, *(edge for m in mentions for edge in (m.start, m.end) if start < edge < end)})
    pieces = []
    for left, right in zip(bounds, bounds[1:]):
        mention = next((m for m in mentions if m.start <= left and right <= m.end), None)
        piece = text[left:right]
        pieces.append(format_html('<a class="mention" href="{}">{}</a>', mention.entity.get_absolute_url(), piece)
                      if mention else escape(piece))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


@register.simple_tag
def bounded_count(count):
    """A (count, exact) pair of factbook.web.pagination.bounded_count as readers see it."""
    number, exact = count
    return intcomma(number) if exact else f"about {intcomma(number)}"


@register.simple_tag
def article_attrs(source):
    """lang and dir for an element holding the text of `source`."""
    return format_html('lang="{}" dir="{}"', source.language, source.direction)


@register.simple_tag
def text_attrs(text, language=""):
    """lang and dir for a name or title not tied to one article: its direction comes from its script."""
    return format_html('lang="{}" dir="{}"', language or detect_language(text), script_direction(text))


@register.simple_tag(takes_context=True)
def page_url(context, number, key="page", after=None, before=None):
    """The current query string with only the page `key` changed, so the filters (and the
    other lists' pages) survive paging; `after` or `before` is the keyset cursor of a page
    beside this one (see factbook.web.pagination), of no use on page 1."""
    query = context["request"].GET.copy()
    query[key] = number
    for cursor_key, value in zip(cursor_keys(key), (after, before)):
        query.pop(cursor_key, None)
        if value is not None and number > 1:
            query[cursor_key] = value
    return f"?{query.urlencode()}"


# The main menu: URL name and label of each section.
MAIN_MENU = [
    ("web:source_list", "Sources"),
    ("web:person_list", "Persons"),
    ("web:organisation_list", "Organisations"),
    ("web:event_list", "Events"),
    ("web:event_timeline", "Timeline"),
    ("web:claim_list", "Claims"),
]


@register.inclusion_tag("web/_main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu, the current page's section marked: the longest menu URL its path starts
    with, so that /events/timeline/ is Timeline and /events/7/ is Events."""
    path = context["request"].path
    links = [(reverse(url_name), label) for url_name, label in MAIN_MENU]
    current = max((url for url, _ in links if path.startswith(url)), key=len, default=None)
    return {"links": [(url, label, url == current) for url, label in links]}


# How many characters of an ISO date each precision keeps: 2021-04-07, 2021-04, 2021.
ISO_DATE_LENGTH = {DatePrecision.DAY: 10, DatePrecision.MONTH: 7, DatePrecision.YEAR: 4, DatePrecision.BEFORE: 10}


@register.simple_tag
def event_date(event):
    """The event's date in a <time> exactly as precise as it is known, or "date unknown"."""
    if event.date is None:
        return event.date_display
    machine_date = event.date.isoformat()[:ISO_DATE_LENGTH[event.date_precision]]
    return format_html('<time datetime="{}">{}</time>', machine_date, event.date_display)
