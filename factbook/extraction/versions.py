"""A changed article imported again: what curators did to the old version carries over."""

from factbook.claims.models import Claim
from factbook.entities.models import Mention
from factbook.events.models import Event
from factbook.sources.models import Source

from .dates import FoundDate, dates_compatible

# Source fields a curator may have corrected; the new version keeps them unless the
# metadata file gives a value of its own.
CURATED_SOURCE_FIELDS = ["title", "summary", "publisher", "url", "published_on", "published_on_is_approximate"]


def previous_version(file_name: str, url: str = "") -> Source | None:
    """The current version of the same article: by its URL when known, else by its file name
    (also when the URL is new: the version imported before it had none)."""
    current = Source.objects.current()
    if url:
        return current.filter(url=url).first() or current.filter(file_name=file_name, url="").first()
    return current.filter(file_name=file_name).first()


def curated(queryset):
    """Rows a curator has touched, by the marker every curator action sets (never the import)."""
    return queryset.curated()


def carry_over(previous: Source, source: Source) -> dict:
    """Curated claims and mention links of `previous` onto the sentences of `source` that
    still contain them. Returns how many of each were carried."""
    sentences = list(source.sentences.all())
    carried = {"claims": 0, "mentions": 0}
    for old in curated(Claim.objects.filter(sentence__source=previous)).select_related("sentence"):
        target = next((s for s in sentences if old.text in s.text), None)
        if target is None:
            continue  # the statement is gone from the new text; it stays with the old version
        start = target.text.index(old.text)
        claim = (
            Claim.objects.filter(sentence=target, start__lt=start + len(old.text), end__gt=start).first()
            or Claim(sentence=target)
        )
        claim.start, claim.end, claim.text = start, start + len(old.text), old.text
        for field in ("mode", "status", "reviewed_by", "reviewed_at", "review_note",
                      "claimant_person", "claimant_organisation", "event", "fact_check", "curated_by", "curated_at"):
            setattr(claim, field, getattr(old, field))
        claim.save()
        claim.about_persons.set(old.about_persons.all())
        claim.about_organisations.set(old.about_organisations.all())
        carried["claims"] += 1
    new_mentions = {(m.sentence.text, m.start, m.end): m for m in Mention.objects.filter(sentence__source=source).select_related("sentence")}
    for old in curated(Mention.objects.filter(sentence__source=previous)).select_related("sentence"):
        mention = new_mentions.get((old.sentence.text, old.start, old.end))
        if mention and (mention.person_id, mention.organisation_id) != (old.person_id, old.organisation_id):
            mention.person, mention.organisation = old.person, old.organisation
            mention.curated_by, mention.curated_at = old.curated_by, old.curated_at
            mention.save()
            carried["mentions"] += 1
    return carried


def same_event_in_previous(previous: Source | None, kind: str, date: FoundDate, persons: set, organisations: set):
    """The event the previous version reported for the same happening, so that the new version
    joins it (with its review) instead of copying it: the same kind, a compatible date, and a
    participant in common (the same organisations when nobody is named), the most shared first."""
    if previous is None:
        return None
    candidates = Event.objects.filter(sentences__source=previous, kind=kind).distinct().prefetch_related(
        "persons", "organisations")
    best, best_shared = None, 0
    for event in candidates:
        if not dates_compatible(date, FoundDate(event.date, event.date_precision)):
            continue
        if persons:
            shared = len(persons & set(event.persons.all()))
        else:
            shared = int(not event.persons.all() and set(event.organisations.all()) == organisations)
        if shared > best_shared:
            best, best_shared = event, shared
    return best
