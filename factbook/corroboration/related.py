"""What a claim page shows under "Also reported by"."""

from dataclasses import dataclass

from factbook.claims.models import Claim
from factbook.curation.models import ReviewStatus

from .models import ClaimLink, LinkBasis


RELATIONS = {LinkBasis.SHARED_EVENT: "same event", LinkBasis.SIMILARITY: "similar wording",
             LinkBasis.CONTRADICTS: "contradicts"}


@dataclass(frozen=True)
class Report:
    claim: Claim
    relation: str  # "same event", "similar wording" or "contradicts"
    confirmed: bool  # a curator confirmed the link


def also_reported_by(claim: Claim) -> list[Report]:
    """Public claims of other sources that may state the same fact: those linked to this one
    and those of the same event, except where a curator rejected the link. Confirmed first.
    A contradiction is shown once a curator confirmed it: found by numbers or polarity that
    disagree, it was right for under a quarter of the labelled pairs (README, "Also reported
    by"), so until then it waits in the admin's review of links."""
    links = {(link.other_id if link.claim_id == claim.pk else link.claim_id): link
             for link in ClaimLink.objects.involving(claim)}
    rejected = [pk for pk, link in links.items() if link.status == ReviewStatus.REJECTED]
    others = Claim.objects.public().with_provenance().exclude(sentence__source=claim.sentence.source_id)
    candidates = others.filter(pk__in=links.keys())
    if claim.event_id:
        candidates |= others.filter(event_id=claim.event_id)
    reports = []
    for other in candidates.exclude(pk__in=rejected).distinct():
        link = links.get(other.pk)
        basis = link.basis if link is not None else LinkBasis.SHARED_EVENT
        if basis == LinkBasis.CONTRADICTS and not link.is_confirmed:
            continue
        reports.append(Report(other, RELATIONS[basis], link is not None and link.is_confirmed))
    return sorted(reports, key=lambda r: (not r.confirmed, r.relation, r.claim.pk))
