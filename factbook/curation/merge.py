"""Merging entities that are one person or organisation, without losing a single link."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from factbook.claims.models import Claim
from factbook.entities.models import (
    Mention,
    Organisation,
    OrganisationAlias,
    OrganisationDistinction,
    Person,
    PersonAlias,
    PersonDistinction,
    Role,
)
from factbook.events.models import Event

from .models import EntityMerge


@dataclass(frozen=True)
class Links:
    """Where an entity type is referred to."""

    field: str  # the foreign key's name on aliases, mentions and through tables
    alias_model: type
    claimant_field: str
    claims_about: type  # the through model of Claim.about_*
    events: type  # the through model of Event.persons/organisations
    distinction_model: type
    has_roles: bool


LINKS = {
    Person: Links("person", PersonAlias, "claimant_person", Claim.about_persons.through,
                  Event.persons.through, PersonDistinction, True),
    Organisation: Links("organisation", OrganisationAlias, "claimant_organisation",
                        Claim.about_organisations.through, Event.organisations.through, OrganisationDistinction, False),
}


@transaction.atomic
def merge_entities(survivor, others, user=None) -> list[EntityMerge]:
    """Move every alias, mention, claim, event, role and history record of `others` to
    `survivor`, record each merge, and delete the merged entities."""
    links = LINKS[type(survivor)]
    records = []
    for other in others:
        if other.pk == survivor.pk:
            continue
        reason = _("Merge: %(merged)s (#%(id)d) merged into %(survivor)s") % {
            "merged": other.name, "id": other.pk, "survivor": survivor.name}
        moved_mentions = Mention.objects.filter(**{links.field: other})
        moved_claims = Claim.objects.filter(**{links.claimant_field: other})
        # Moved rows are curated: a re-import must not point them back at a new entity.
        moved_mentions.mark_curated(user)
        moved_claims.mark_curated(user)
        Claim.objects.filter(pk__in=links.claims_about.objects.filter(**{links.field: other}).values("claim")
                             ).mark_curated(user)
        Event.objects.filter(pk__in=links.events.objects.filter(**{links.field: other}).values("event")
                             ).mark_curated(user)
        moved = {
            "aliases": _move_aliases(links, other, survivor, reason),
            "mentions": moved_mentions.update(**{links.field: survivor}),
            "claims made": moved_claims.update(**{links.claimant_field: survivor}),
            "claims about": _move_through(links.claims_about, "claim", links.field, other, survivor),
            "events": _move_through(links.events, "event", links.field, other, survivor),
            "roles": _move_roles(other, survivor) if links.has_roles else 0,
            "distinctions": _move_distinctions(links.distinction_model, other, survivor),
            "history records": type(survivor).history.filter(id=other.pk).update(id=survivor.pk),
        }
        for field in ("wikidata_id", "description"):
            if not getattr(survivor, field) and getattr(other, field):
                setattr(survivor, field, getattr(other, field))
        survivor.mark_curated(user)
        survivor._change_reason = reason
        survivor.save()
        records.append(EntityMerge.objects.create(
            entity_type=links.field, survivor_id=survivor.pk, merged_id=other.pk, merged_name=other.name,
            moved=moved, merged_by=user,
        ))
        type(other).objects.filter(pk=other.pk).delete()
    return records


def _move_aliases(links, other, survivor, reason) -> int:
    """Aliases the survivor lacks move; spellings it already has are dropped."""
    existing = set(links.alias_model.objects.filter(**{links.field: survivor}).values_list("name", flat=True))
    moved = 0
    for alias in links.alias_model.objects.filter(**{links.field: other}):
        if alias.name in existing:
            alias.delete()
        else:
            setattr(alias, links.field, survivor)
            alias._change_reason = reason
            alias.save()
            moved += 1
    return moved


def _move_through(through, owner_field, field, other, survivor) -> int:
    """Re-point many-to-many rows; where the survivor is already linked, the row is dropped."""
    already = set(through.objects.filter(**{field: survivor}).values_list(f"{owner_field}_id", flat=True))
    rows = through.objects.filter(**{field: other})
    rows.filter(**{f"{owner_field}_id__in": already}).delete()
    return rows.update(**{field: survivor})


def _move_roles(other, survivor) -> int:
    held = set(Role.objects.filter(person=survivor).values_list("title", "source_id"))
    moved = 0
    for role in Role.objects.filter(person=other):
        if (role.title, role.source_id) in held:
            role.delete()
        else:
            role.person = survivor
            role.save()
            moved += 1
    return moved


def _move_distinctions(model, other, survivor) -> int:
    """A 'not the same' decision about the merged entity now holds for the survivor; one
    between the two themselves is overruled by the merge."""
    moved = 0
    for distinction in model.objects.filter(first=other) | model.objects.filter(second=other):
        third = distinction.second if distinction.first_id == other.pk else distinction.first
        distinction.delete()
        if third.pk != survivor.pk:
            model.objects.get_or_create(
                first_id=min(third.pk, survivor.pk), second_id=max(third.pk, survivor.pk),
                defaults={"note": distinction.note},
            )
            moved += 1
    return moved
