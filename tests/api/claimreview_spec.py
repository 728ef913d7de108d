"""What valid fact-check markup is, written down as a test specification.

SCHEMA_ORG: for each type used, the schema.org properties it accepts (its own and inherited
from Thing, CreativeWork, Review, as schema.org defines them) with their expected types, as far
as Factbook uses them. GOOGLE: Google Search Central's fact-check (ClaimReview) structured data
requirements: required and recommended properties per object."""

TEXT, URL, DATE, NUMBER = "Text", "URL", "Date", "Number"
AGENT = ("Person", "Organization")
CREATIVE_WORK = ("CreativeWork", "Article", "NewsArticle", "Claim", "Review", "ClaimReview")

THING = {"name": TEXT, "alternateName": TEXT, "url": URL, "description": TEXT, "sameAs": URL}
CREATIVE = THING | {
    "author": AGENT, "datePublished": DATE, "inLanguage": TEXT, "headline": TEXT, "publisher": AGENT, "text": TEXT,
}

SCHEMA_ORG = {
    "Person": THING,
    "Organization": THING,
    "NewsArticle": CREATIVE,
    "Claim": CREATIVE | {"appearance": CREATIVE_WORK, "firstAppearance": CREATIVE_WORK},
    "ClaimReview": CREATIVE | {
        "claimReviewed": TEXT, "itemReviewed": CREATIVE_WORK + AGENT, "reviewRating": ("Rating",), "reviewBody": TEXT,
    },
    "Rating": THING | {"ratingValue": NUMBER, "bestRating": NUMBER, "worstRating": NUMBER, "author": AGENT,
                       "ratingExplanation": TEXT},
}

# Google: https://developers.google.com/search/docs/appearance/structured-data/factcheck
GOOGLE = {
    "ClaimReview": {"required": {"claimReviewed", "reviewRating", "url"}, "recommended": {"author", "itemReviewed"}},
    "ClaimReview.author": {"required": set(), "recommended": {"name", "url"}},
    "Claim": {"required": set(), "recommended": {"author", "datePublished", "appearance"}},
    "Claim.author": {"required": set(), "recommended": {"name"}},
    "Rating": {"required": {"alternateName"}, "recommended": {"bestRating", "name", "ratingValue", "worstRating"}},
}


def schema_org_errors(node, path="$"):
    """Every place where `node` uses a type or property schema.org does not define, or a value
    of a type the property does not expect."""
    errors = []
    kind = node.get("@type")
    if kind not in SCHEMA_ORG:
        return [f"{path}: unknown type {kind!r}"]
    for name, value in node.items():
        if name.startswith("@"):
            continue
        expected = SCHEMA_ORG[kind].get(name)
        where = f"{path}.{name}"
        if expected is None:
            errors.append(f"{where}: {kind} has no property {name!r}")
        elif isinstance(expected, tuple):
            if not isinstance(value, dict) or value.get("@type") not in expected:
                errors.append(f"{where}: expected one of {expected}, got {value!r}")
            else:
                errors += schema_org_errors(value, where)
        elif expected == NUMBER and not isinstance(value, (int, float)):
            errors.append(f"{where}: expected a number, got {value!r}")
        elif expected in (TEXT, URL, DATE) and not isinstance(value, str):
            errors.append(f"{where}: expected {expected}, got {value!r}")
        elif expected == URL and not value.startswith(("http://", "https://")):
            errors.append(f"{where}: expected an absolute URL, got {value!r}")
    return errors


def google_missing(review, level):
    """The properties of `level` ("required" or "recommended") that `review` lacks, per object."""
    objects = {
        "ClaimReview": review,
        "ClaimReview.author": review.get("author", {}),
        "Claim": review.get("itemReviewed", {}),
        "Claim.author": review.get("itemReviewed", {}).get("author", {}),
        "Rating": review.get("reviewRating", {}),
    }
    return {name: GOOGLE[name][level] - set(node) for name, node in objects.items() if GOOGLE[name][level] - set(node)}
