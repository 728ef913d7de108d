"""schema.org JSON-LD for claim pages, so that search engines and fact-check aggregators can read
who said what, where it appeared, and what the curators concluded."""

import json

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from factbook.public.visibility import visible

register = template.Library()

SCHEMA_TYPES = {"person": "Person", "organisation": "Organization"}
# Inside <script> only "</" could end the element early; escaping <, > and & as JSON \u escapes
# (as Django's json_script does) keeps the data the same for any JSON reader.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute(request, url):
    return request.build_absolute_uri(url) if request else url


def claim_author(claim, request):
    """The claimant, or the publisher when the claim is the article's own assertion."""
    if claimant := visible(claim.claimant):
        return {"@type": SCHEMA_TYPES[claimant._meta.model_name], "name": claimant.name,
                "url": absolute(request, claimant.get_absolute_url())}
    if claim.source.publisher:
        return {"@type": "Organization", "name": claim.source.publisher}
    return None


def article(source, request):
    data = {
        "@type": "NewsArticle",
        "headline": source.title,
        "url": source.url or absolute(request, source.get_absolute_url()),
        "inLanguage": source.language,
    }
    if source.published_on:
        data["datePublished"] = source.published_on.isoformat()
    if source.publisher:
        data["publisher"] = {"@type": "Organization", "name": source.publisher}
    return data


def claim_data(claim, request):
    appearance = article(claim.source, request)
    data = {
        "@type": "Claim",
        "url": absolute(request, claim.get_absolute_url()),
        "text": claim.text,
        "inLanguage": claim.source.language,
        "appearance": appearance,
        "firstAppearance": appearance,  # Factbook keeps one article per claim
    }
    if author := claim_author(claim, request):
        data["author"] = author
    return data


def claim_jsonld_data(claim, request=None):
    """A Claim; once a curator has reviewed it, a ClaimReview of that Claim."""
    data = claim_data(claim, request)
    if claim.is_reviewed:
        data = {
            "@type": "ClaimReview",
            "url": data["url"],
            "claimReviewed": claim.text,
            "itemReviewed": data,
            "reviewRating": {"@type": "Rating", "alternateName": claim.get_status_display()},
            "author": {"@type": "Organization", "name": "Factbook", "url": absolute(request, reverse("web:home"))},
        }
        if claim.reviewed_at:
            data["datePublished"] = claim.reviewed_at.isoformat()
    return {"@context": "https://schema.org", **data}


@register.simple_tag(takes_context=True)
def claim_jsonld(context, claim):
    """The JSON-LD of `claim`, safe to put inside <script type="application/ld+json">."""
    data = claim_jsonld_data(claim, context.get("request"))
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES))
