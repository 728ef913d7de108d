"""schema.org JSON-LD for claim pages, so that search engines and fact-check aggregators can read
who said what, where it appeared, and what the curators concluded."""

import json

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from factbook.claims.models import BEST_RATING, WORST_RATING
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
    if claim.source.published_on:
        data["datePublished"] = claim.source.published_on.isoformat()  # said no later than published
    if author := claim_author(claim, request):
        data["author"] = author
    return data


def publisher(request):
    """The organisation that publishes the fact-checks (settings.FACTBOOK_PUBLISHER)."""
    return {"@type": "Organization", "name": settings.FACTBOOK_PUBLISHER["name"],
            "url": settings.FACTBOOK_PUBLISHER.get("url") or absolute(request, reverse("web:home"))}


def rating(fact_check):
    """The verdict as a schema.org Rating: its name, and its place on the 1 (false) to 5 (true)
    scale when it has one ("unverifiable" has none)."""
    label = str(fact_check.get_verdict_display())
    data = {"@type": "Rating", "name": label, "alternateName": label}
    if fact_check.rating_value is not None:
        data.update(ratingValue=fact_check.rating_value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return data


def claim_jsonld_data(claim, request=None):
    """A Claim; once fact-checked, a ClaimReview of that Claim. Extraction review alone says
    nothing about truth, so it never makes a ClaimReview."""
    data = claim_data(claim, request)
    if fact_check := claim.fact_check:
        data = {
            "@type": "ClaimReview",
            "url": data["url"],
            "claimReviewed": claim.text,
            "itemReviewed": data,
            "reviewRating": rating(fact_check),
            "reviewBody": fact_check.explanation,
            "author": publisher(request),
            "datePublished": fact_check.checked_at.date().isoformat(),
        }
    return {"@context": "https://schema.org", **data}


@register.simple_tag(takes_context=True)
def claim_jsonld(context, claim):
    """The JSON-LD of `claim`, safe to put inside <script type="application/ld+json">."""
    data = claim_jsonld_data(claim, context.get("request"))
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES))
