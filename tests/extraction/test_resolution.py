"""Who a mention names: across articles and scripts, and as curators have decided."""

import pytest
from django.core.management import call_command

from factbook.entities.models import Mention, Person, PersonAlias, PersonDistinction, Role
from factbook.entities.names import same_name

pytestmark = pytest.mark.django_db


def import_text(folder, name, text, published_on=None):
    (folder / name).write_text(text, encoding="utf-8")
    if published_on:
        (folder / "metadata.yaml").write_text(f"{name}:\n  published_on: {published_on}\n", encoding="utf-8")
    call_command("import_articles", str(folder / name), stdout=open("/dev/null", "w"))


def persons_named(name):
    return [p for p in Person.objects.prefetch_related("aliases") if any(same_name(name, a.name) for a in p.aliases.all())]


def test_a_general_asim_bajwa_is_neither_the_army_chief_bajwa_nor_asim_munir(imported_seeds, tmp_path):
    import_text(tmp_path, "asim_bajwa.txt", "لیفٹیننٹ جنرل عاصم باجوہ نے کہا کہ سی پیک منصوبے وقت پر مکمل ہوں گے۔\n")
    mention = Mention.objects.get(text="عاصم باجوہ")
    assert mention.person not in persons_named("Qamar Javed Bajwa") + persons_named("Asim Munir")


def test_a_bare_surname_two_known_people_share_stays_unresolved(imported_seeds, tmp_path):
    import_text(tmp_path, "asim_bajwa.txt", "لیفٹیننٹ جنرل عاصم باجوہ نے کہا کہ سی پیک منصوبے وقت پر مکمل ہوں گے۔\n")
    import_text(tmp_path, "bare.txt", "جنرل باجوہ نے کہا کہ فوج جمہوریت کی حمایت کرتی ہے۔\n")
    mention = Mention.objects.get(text="باجوہ", sentence__source__file_name="bare.txt")
    assert mention.person is None and mention.entity_type == "person"


def test_a_hindi_article_links_to_the_person_an_urdu_article_introduced(imported_seeds, tmp_path):
    import_text(tmp_path, "bajwa_hi.txt", "पूर्व सेना प्रमुख जनरल कमर जावेद बाजवा ने कहा कि पाकिस्तान शांति चाहता है।\n")
    assert len(persons_named("Qamar Javed Bajwa")) == 1
    assert persons_named("Qamar Javed Bajwa")[0].aliases.filter(name="कमर जावेद बाजवा", language="hi").exists()


def test_an_alias_added_by_a_curator_is_used_by_the_next_import(imported_seeds, tmp_path):
    bajwa = persons_named("Qamar Javed Bajwa")[0]
    PersonAlias.objects.create(person=bajwa, name="جاوید باجوہ")
    import_text(tmp_path, "alias.txt", "جنرل جاوید باجوہ نے روس کا دورہ کیا۔\n")
    assert Mention.objects.get(text="جاوید باجوہ").person == bajwa


def test_people_a_curator_declared_different_are_not_guessed_between(db, tmp_path):
    first = Person.objects.create(name="Khawaja Asif")
    second = Person.objects.create(name="Khawaja Asif (banker)")
    PersonAlias.objects.create(person=first, name="خواجہ آصف")
    PersonAlias.objects.create(person=second, name="خواجہ محمد آصف")
    PersonDistinction.objects.create(first=second, second=first)
    import_text(tmp_path, "asif.txt", "Defence Minister Khawaja Asif said that the budget was balanced.\n")
    assert Mention.objects.get(text="Khawaja Asif").person is None


def test_a_distinction_is_stored_once_whichever_way_it_is_entered(db):
    a, b = Person.objects.create(name="A"), Person.objects.create(name="B")
    distinction = PersonDistinction.objects.create(first=b, second=a)
    assert (distinction.first, distinction.second) == (a, b)


def test_roles_are_stored_with_the_articles_date(imported_seeds):
    role = Role.objects.get(person__in=persons_named("Asim Munir"), title__contains="सेना प्रमुख")
    assert str(role.as_of) == "2024-10-30" and role.language == "hi"


def test_an_alias_removed_by_a_curator_is_no_longer_used(imported_seeds, tmp_path):
    bajwa = persons_named("Qamar Javed Bajwa")[0]
    alias = PersonAlias.objects.create(person=bajwa, name="جاوید باجوہ")
    alias.delete()
    import_text(tmp_path, "alias.txt", "جنرل جاوید باجوہ نے روس کا دورہ کیا۔\n")
    assert Mention.objects.get(text="جاوید باجوہ").person != bajwa


def test_a_known_public_figure_gets_the_gazetteers_name_and_wikidata_id(db, tmp_path):
    import_text(tmp_path, "putin.txt", "روسی صدر ولادیمیر پیوٹن نے کہا کہ روس پاکستان کے ساتھ تعاون بڑھائے گا۔\n")
    putin = Mention.objects.get(text="ولادیمیر پیوٹن").person
    assert (putin.name, putin.wikidata_id) == ("Vladimir Putin", "Q7747")
    assert putin.aliases.filter(name="व्लादिमीर पुतिन").exists()


def test_someone_not_in_the_gazetteer_gets_a_romanised_name_a_curator_can_correct(db, tmp_path):
    import_text(tmp_path, "analyst.txt", "दफ़ाई विश्लेषक असीम चौधरी ने कहा कि बातचीत जरूरी है।\n")
    person = Mention.objects.get(text="असीम चौधरी").person
    assert person.name.isascii() and person.wikidata_id == ""
