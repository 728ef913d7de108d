"""Template tags for showing article text safely and in its own direction, and for navigation."""

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join

from factbook.sources.languages import detect_language, script_direction

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
def highlight(text, spans):
    """`text`, escaped, with each span (anything with start/end offsets into it) in a <mark>."""
    pieces, cursor = [], 0
    for start, end in merged_spans(spans, len(text)):
        pieces.append((text[cursor:start], text[start:end]))
        cursor = end
    return format_html_join("", "{}<mark>{}</mark>", pieces) + escape(text[cursor:])


@register.simple_tag
def article_attrs(source):
    """lang and dir for an element holding the text of `source`."""
    return format_html('lang="{}" dir="{}"', source.language, source.direction)


@register.simple_tag
def text_attrs(text, language=""):
    """lang and dir for a name or title not tied to one article: its direction comes from its script."""
    return format_html('lang="{}" dir="{}"', language or detect_language(text), script_direction(text))


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current query string with only the page changed, so the filters survive paging."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label):
    """A main-menu link, marked as the current page for every page of its section."""
    url = reverse(url_name)
    in_section = context["request"].path.startswith(url)
    link = '<a href="{}" aria-current="page">{}</a>' if in_section else '<a href="{}">{}</a>'
    return format_html(link, url, label)
