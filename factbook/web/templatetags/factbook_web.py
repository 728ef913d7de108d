"""Template tags for showing article text safely and in its own direction, names in the
reader's script, and navigation."""

from functools import lru_cache

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, gettext_lazy as _, ngettext

from factbook.events.models import DatePrecision
from factbook.public.pagination import cursor_keys
from factbook.public.visibility import is_visible
from factbook.sources.languages import LANGUAGES, detect_language, script_direction

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
    """A (count, exact) pair of factbook.public.pagination.bounded_count as readers see it."""
    number, exact = count
    return intcomma(number) if exact else gettext("about %(count)s") % {"count": intcomma(number)}


# What a list counts, in the singular and plural of the reader's language.
RESULT_NOUNS = {
    "claim": lambda count: ngettext("%(count)s claim", "%(count)s claims", count),
    "claim made": lambda count: ngettext("%(count)s claim made", "%(count)s claims made", count),
    "claim about them": lambda count: ngettext("%(count)s claim about them", "%(count)s claims about them", count),
    "event": lambda count: ngettext("%(count)s event", "%(count)s events", count),
    "organisation": lambda count: ngettext("%(count)s organisation", "%(count)s organisations", count),
    "person": lambda count: ngettext("%(count)s person", "%(count)s persons", count),
    "source": lambda count: ngettext("%(count)s source", "%(count)s sources", count),
}


@register.simple_tag
def result_count(paginator, noun):
    """"1 claim", "1,204 claims", or "About 12,000 claims" when the count is estimated."""
    counted = RESULT_NOUNS[noun](paginator.count) % {"count": intcomma(paginator.count)}
    return counted if paginator.count_is_exact else gettext("About %(counted)s") % {"counted": counted}


@register.simple_tag
def article_attrs(source):
    """lang and dir for an element holding the text of `source`."""
    return format_html('lang="{}" dir="{}"', source.language, source.direction)


@register.simple_tag
@lru_cache(maxsize=4096)  # the same names and titles on page after page; each is a scan of its letters
def text_attrs(text, language=""):
    """lang and dir for a name or title not tied to one article: its direction comes from its script."""
    return format_html('lang="{}" dir="{}"', language or detect_language(text), script_direction(text))


@register.simple_tag(takes_context=True)
def page_url(context, number, key="page", after=None, before=None):
    """The current query string with only the page `key` changed, so the filters (and the
    other lists' pages) survive paging; `after` or `before` is the keyset cursor of a page
    beside this one (see factbook.public.pagination), of no use on page 1."""
    query = context["request"].GET.copy()
    query[key] = number
    for cursor_key, value in zip(cursor_keys(key), (after, before)):
        query.pop(cursor_key, None)
        if value is not None and number > 1:
            query[cursor_key] = value
    return f"?{query.urlencode()}"


# The main menu: URL name and label of each section.
MAIN_MENU = [
    ("web:source_list", _("Sources")),
    ("web:person_list", _("Persons")),
    ("web:organisation_list", _("Organisations")),
    ("web:event_list", _("Events")),
    ("web:event_timeline", _("Timeline")),
    ("web:claim_list", _("Claims")),
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


# The reader's locale's format for a date of each precision (django.utils.formats).
DATE_FORMATS = {DatePrecision.DAY: "DATE_FORMAT", DatePrecision.MONTH: "YEAR_MONTH_FORMAT", DatePrecision.YEAR: "Y"}


@register.simple_tag
def event_date(event):
    """The event's date in a <time>, exactly as precise as it is known and written as the
    reader's language writes dates, or "date unknown"."""
    if event.date is None:
        return gettext("date unknown")
    machine_date = event.date.isoformat()[:ISO_DATE_LENGTH[event.date_precision]]
    if event.date_precision == DatePrecision.BEFORE:
        shown = gettext("on or before %(date)s") % {"date": date_format(event.date, "DATE_FORMAT")}
    else:
        shown = date_format(event.date, DATE_FORMATS[event.date_precision])
    return format_html('<time datetime="{}">{}</time>', machine_date, shown)


register.filter("is_visible", is_visible)


def reader_alias(entity):
    """The alias of `entity` in the script of the reader's language, if it has one and its
    aliases were prefetched (never a query per name)."""
    language = LANGUAGES.get(get_language() or "")
    aliases = getattr(entity, "_prefetched_objects_cache", {}).get("aliases")
    if language is None or language.script == "Latn" or aliases is None:
        return None
    return next((alias for alias in aliases if alias.script == language.script), None)


@register.simple_tag
def reader_name(entity):
    """The name of a person or organisation as the reader writes it: its alias in the script of
    the interface's language where one exists (Urdu readers see باجوہ), else its Latin name."""
    alias = reader_alias(entity)
    if alias is None:
        return entity.name
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', get_language(), script_direction(alias.name), alias.name)


# How many words of a claim head its page and its feed entry.
HEADING_WORDS = 12


def claim_heading(claim):
    """What a claim is called: who made it and how it starts, "Qamar Javed Bajwa: Pakistan has no
    aggressive designs …", in plain text (the title of its page and its feed entry)."""
    alias = reader_alias(claim.claimant) if is_visible(claim.claimant) else None
    who = alias.name if alias else (claim.claimant.name if claim.claimant else claim.source.publisher
                                    or gettext("The article"))
    return gettext("%(who)s: %(start)s") % {"who": who, "start": Truncator(claim.text).words(HEADING_WORDS, "…")}


register.simple_tag(claim_heading, name="claim_heading")


# Badges and claimants are in every row of a list: tags, where an {% include %} a row cost
# more than the rest of the row.

@register.simple_tag
def status_badge(record):
    """A record's extraction review status."""
    return format_html('<span class="badge badge-{}">{}</span>', record.status, record.get_status_display())


@register.simple_tag
def verdict_badge(fact_check):
    return format_html('<span class="badge verdict-{}">{}</span>', fact_check.verdict, fact_check.get_verdict_display())


@register.simple_tag
def claimant(claim):
    """Who made a claim, linked to their page; one a curator rejected is named but not linked
    (its page is not public)."""
    who = claim.claimant
    if who is None:
        return gettext("the article itself")
    if not is_visible(who):
        return who.name
    return format_html('<a href="{}">{}</a>', who.get_absolute_url(), reader_name(who))
