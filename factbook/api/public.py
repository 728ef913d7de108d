"""What the API and the CSV exports publish: one queryset per kind of record.

Each starts from what readers may see (`.public()` for reviewable records, the current version
of each article) and joins or prefetches everything a row shows, so that a page of any size
costs the same number of queries. Related persons, organisations and events a curator rejected
are left out of every row as well.
"""

from django.db.models import Prefetch

from factbook.claims.models import Claim, FactCheckEvidence
from factbook.curation.models import ReviewStatus
from factbook.entities.models import Organisation, Person
from factbook.events.models import Event
from factbook.sources.models import Sentence, Source


def visible(record):
    """`record`, or None when there is none or a curator rejected it (for a joined foreign key)."""
    if record is None or getattr(record, "status", None) == ReviewStatus.REJECTED:
        return None
    return record


def ordered(queryset):
    """Pages need a total order: the model's own, then the primary key."""
    return queryset.order_by(*queryset.model._meta.ordering, "pk")


def sources():
    return ordered(Source.objects.current())


def sentences():
    return ordered(Sentence.objects.current().select_related("source"))


def persons():
    return ordered(Person.objects.public().prefetch_related("aliases"))


def organisations():
    return ordered(Organisation.objects.public().prefetch_related("aliases"))


def events():
    return ordered(
        Event.objects.public().current().prefetch_related(
            Prefetch("persons", queryset=Person.objects.public()),
            Prefetch("organisations", queryset=Organisation.objects.public()),
            Prefetch("sentences", queryset=Sentence.objects.current()),
        )
    )


def claims():
    """Newest first, like the site's claim list: an index serves that order."""
    return (
        Claim.objects.public()
        .with_provenance()
        .latest_first()
        .prefetch_related(
            Prefetch("about_persons", queryset=Person.objects.public()),
            Prefetch("about_organisations", queryset=Organisation.objects.public()),
            Prefetch("fact_check__evidence", queryset=FactCheckEvidence.objects.exclude(claim__status=ReviewStatus.REJECTED)),
        )
    )
