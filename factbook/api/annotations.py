"""A claim as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/) of its article:
the claim is the body, the span of the article's text it was found in the target."""

from django.urls import reverse

from factbook.public.visibility import visible

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNOTATION_MEDIA_TYPE = f'application/ld+json; profile="{ANNOTATION_CONTEXT}"'
# Enough context for the quote to be found again in a text that has changed a little.
QUOTE_CONTEXT_CHARS = 32
AGENT_TYPES = {"person": "Person", "organisation": "Organization"}


def claim_annotation(claim, request):
    sentence, source = claim.sentence, claim.sentence.source
    start = sentence.start + claim.start  # a claim's offsets are into its sentence
    end = start + len(claim.text)
    quote = {"type": "TextQuoteSelector", "exact": source.text[start:end]}
    if prefix := source.text[max(start - QUOTE_CONTEXT_CHARS, 0) : start]:
        quote["prefix"] = prefix
    if suffix := source.text[end : end + QUOTE_CONTEXT_CHARS]:
        quote["suffix"] = suffix
    body = {"type": "TextualBody", "purpose": "describing", "value": claim.text, "format": "text/plain",
            "language": source.language}
    if claimant := visible(claim.claimant):
        body["creator"] = {
            "id": request.build_absolute_uri(claimant.get_absolute_url()),
            "type": AGENT_TYPES[claimant._meta.model_name],
            "name": claimant.name,
        }
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": request.build_absolute_uri(reverse("api:claim-annotation", args=[claim.pk])),
        "type": "Annotation",
        "motivation": "describing",
        "created": claim.created_at.isoformat(),
        "generator": {"id": request.build_absolute_uri(reverse("web:home")), "type": "Software", "name": "Factbook"},
        "body": body,
        "target": {
            "source": request.build_absolute_uri(source.get_absolute_url()),
            "selector": [quote, {"type": "TextPositionSelector", "start": start, "end": end}],
        },
    }
