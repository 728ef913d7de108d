"""What readers may see: one function per kind of record, which every public view, API
endpoint, feed, CSV export and filter choice starts from.

The rule: a person, organisation, event or claim is public unless a curator rejected it
(`ReviewableQuerySet.public`); lists, search, feeds and exports show the current version of
each article only, while an older version stays readable at its address (`reachable_claims`,
`any_source`). Each list function also joins or prefetches everything a row shows, so that a
page of any size costs the same number of queries, and leaves rejected related records out.
"""

from django.db.models import Exists, OuterRef, Prefetch, Q

from factbook.claims.models import Claim, FactCheck, FactCheckEvidence
from factbook.curation.models import ReviewStatus
from factbook.entities.models import Mention, Organisation, Person
from factbook.events.models import Event
from factbook.sources.models import Sentence, Source

# Rejected records are never shown, so offering them as a filter would only ever return nothing.
PUBLIC_STATUS_CHOICES = [choice for choice in ReviewStatus.choices if choice[0] != ReviewStatus.REJECTED]


def is_visible(record):
    """Whether readers may see `record` (a joined foreign key, which `.public()` did not filter)."""
    return record is not None and getattr(record, "status", None) != ReviewStatus.REJECTED


def visible(record):
    """`record`, or None when there is none or a curator rejected it."""
    return record if is_visible(record) else None


def ordered(queryset):
    """Pages need a total order: the model's own, then the primary key."""
    return queryset.order_by(*queryset.model._meta.ordering, "pk")


def any_source():
    """Every version of every article: an older one stays readable at its address."""
    return Source.objects.all()


# Each takes the records to narrow (a related manager such as `event.persons`), all by default.

def current_sources(sources=Source.objects):
    return sources.current()


def current_sentences(sentences=Sentence.objects):
    return sentences.current()


def public_persons(persons=Person.objects):
    return persons.public()


def public_organisations(organisations=Organisation.objects):
    return organisations.public()


def public_events(events=Event.objects):
    """Events of the current articles (older versions repeat them) that a curator did not reject."""
    return events.public().current()


def reachable_events():
    """Events a reader may open by their address, also those only an older version reported."""
    return Event.objects.public()


def public_claims():
    """Claims of the current articles that a curator did not reject."""
    return Claim.objects.public()


def reachable_claims():
    """Claims a reader may open by their address: not rejected, in any version of an article."""
    return Claim.objects.reachable()


def public_mentions(mentions=Mention.objects):
    """Mentions of public persons and organisations."""
    return mentions.filter(Q(person__in=public_persons()) | Q(organisation__in=public_organisations()))


def claim_rows():
    """Public claims newest first (an index serves that order), with what every claim row
    shows: its sentence, source, claimant (and the claimant's names in every script) and event."""
    return (public_claims().with_provenance().latest_first()
            .prefetch_related("claimant_person__aliases", "claimant_organisation__aliases"))


def public_fact_checks():
    """Fact-checks of at least one public claim, newest first; `public_claims` holds those claims
    in the order they were found, each as a claim row shows it (the first is where it is read)."""
    claims = public_claims().filter(fact_check=OuterRef("pk"))
    return (FactCheck.objects.filter(Exists(claims)).select_related("checked_by")
            .prefetch_related(Prefetch("claims", to_attr="public_claims",
                                       queryset=public_claims().with_provenance().order_by("pk")
                                       .prefetch_related("claimant_person__aliases", "claimant_organisation__aliases"))))


# The lists of the API and the CSV exports.

def sources():
    return ordered(current_sources())


def sentences():
    return ordered(current_sentences().select_related("source"))


def persons():
    return ordered(public_persons().prefetch_related("aliases"))


def organisations():
    return ordered(public_organisations().prefetch_related("aliases"))


def events():
    return ordered(
        public_events().prefetch_related(
            Prefetch("persons", queryset=public_persons()),
            Prefetch("organisations", queryset=public_organisations()),
            Prefetch("sentences", queryset=current_sentences()),
        )
    )


def claims():
    """Newest first, like the site's claim list; a fact-check's evidence leaves out rejected claims."""
    return public_claims().with_provenance().latest_first().prefetch_related(
        Prefetch("about_persons", queryset=public_persons()),
        Prefetch("about_organisations", queryset=public_organisations()),
        Prefetch("fact_check__evidence",
                 queryset=FactCheckEvidence.objects.exclude(claim__status=ReviewStatus.REJECTED)),
    )
