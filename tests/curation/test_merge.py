"""Merging two entries for one person loses nothing and is remembered."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.curation.merge import merge_entities
from factbook.curation.models import EntityMerge
from factbook.entities.models import Mention, Person, PersonAlias, PersonDistinction, Role
from factbook.events.models import Event

INITIALS = "Army chief General Q. J. Bajwa said that Pakistan wanted good relations with Russia.\n"


@pytest.fixture
def two_bajwas(imported_seeds, tmp_path):
    """The seeds' Bajwa and a second entry an English article made for him: initials are
    not enough for the matcher to join them, so a curator merges them."""
    (tmp_path / "initials.txt").write_text(INITIALS, encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=open("/dev/null", "w"))
    urdu = Person.objects.get(aliases__name="قمر جاوید باجوہ")
    initials = Person.objects.get(aliases__name="Q. J. Bajwa")
    assert urdu != initials
    return urdu, initials


def links(person):
    return {
        "aliases": set(person.aliases.values_list("name", flat=True)),
        "mentions": set(Mention.objects.filter(person=person).values_list("pk", flat=True)),
        "claims made": set(Claim.objects.filter(claimant_person=person).values_list("pk", flat=True)),
        "claims about": set(Claim.objects.filter(about_persons=person).values_list("pk", flat=True)),
        "events": set(Event.objects.filter(persons=person).values_list("pk", flat=True)),
        "roles": set(Role.objects.filter(person=person).values_list("pk", flat=True)),
    }


def test_merging_moves_every_link_to_the_survivor(two_bajwas):
    urdu, initials = two_bajwas
    before = [links(urdu), links(initials)]
    merge_entities(urdu, [initials])
    after = links(urdu)
    for kind, ids in after.items():
        assert ids == before[0][kind] | before[1][kind], kind
    assert not Person.objects.filter(pk=initials.pk).exists()


def test_a_merge_is_recorded_with_what_moved(two_bajwas, curator):
    urdu, initials = two_bajwas
    initials_mentions = Mention.objects.filter(person=initials).count()
    [record] = merge_entities(urdu, [initials], curator)
    assert EntityMerge.objects.get() == record
    assert (record.merged_id, record.survivor_id, record.merged_by) == (initials.pk, urdu.pk, curator)
    assert record.moved["mentions"] == initials_mentions


def test_the_merged_entitys_history_moves_to_the_survivor(two_bajwas):
    urdu, initials = two_bajwas
    records = urdu.history.count() + initials.history.count()
    merge_entities(urdu, [initials])
    assert Person.history.filter(id=urdu.pk).count() >= records


def test_the_next_import_uses_the_merged_aliases(two_bajwas, tmp_path):
    urdu, initials = two_bajwas
    merge_entities(urdu, [initials])
    (tmp_path / "again.txt").write_text(INITIALS.replace("Russia", "China"), encoding="utf-8")
    call_command("import_articles", str(tmp_path / "again.txt"), stdout=open("/dev/null", "w"))
    assert Mention.objects.filter(text="Q. J. Bajwa", sentence__source__file_name="again.txt").get().person == urdu


def test_merging_through_the_admin_asks_which_entity_survives(curator_client, two_bajwas):
    urdu, initials = two_bajwas
    url = reverse("admin:entities_person_changelist")
    page = curator_client.post(url, {"action": "merge_selected", "_selected_action": [urdu.pk, initials.pk]})
    assert "Merge into the chosen one" in page.content.decode()
    curator_client.post(url, {"action": "merge_selected", "_selected_action": [urdu.pk, initials.pk], "survivor": urdu.pk})
    assert Person.objects.filter(pk__in=[urdu.pk, initials.pk]).get() == urdu


def test_a_not_the_same_decision_from_the_admin_is_kept(curator_client, two_bajwas):
    urdu, initials = two_bajwas
    curator_client.post(reverse("admin:entities_person_changelist"),
                        {"action": "record_distinct", "_selected_action": [urdu.pk, initials.pk]})
    assert PersonDistinction.objects.filter(first=min(urdu, initials, key=lambda p: p.pk)).exists()


def test_a_curators_alias_moves_with_the_merge(two_bajwas):
    urdu, initials = two_bajwas
    PersonAlias.objects.create(person=initials, name="जनरल साहब बाजवा")
    merge_entities(urdu, [initials])
    assert urdu.aliases.filter(name="जनरल साहब बाजवा").exists()


@pytest.mark.parametrize("survivor", ["abc", "", "999999"])
def test_a_survivor_that_is_not_among_the_selected_gets_a_message(two_bajwas, curator_client, survivor):
    response = curator_client.post(reverse("admin:entities_person_changelist"), {
        "action": "merge_selected", "_selected_action": [p.pk for p in two_bajwas], "survivor": survivor,
    }, follow=True)
    assert response.status_code == 200
    assert "Choose the one that remains among the selected." in response.content.decode()
    assert Person.objects.filter(pk__in=[p.pk for p in two_bajwas]).count() == 2


def test_a_distinction_entered_with_the_higher_id_first_is_stored_in_order(two_bajwas, curator_client):
    low, high = sorted(two_bajwas, key=lambda p: p.pk)
    response = curator_client.post(reverse("admin:entities_persondistinction_add"),
                                   {"first": high.pk, "second": low.pk, "note": "two people"})
    assert response.status_code == 302
    assert PersonDistinction.objects.filter(first=low, second=high).exists()
