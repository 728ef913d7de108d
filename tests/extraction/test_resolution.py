"""Who a mention names: across articles and scripts, and as curators have decided."""

import pytest
from django.core.management import call_command

from factbook.entities.models import Mention, Organisation, Person, PersonAlias, PersonDistinction, Role
from factbook.extraction.nameparts import same_person

pytestmark = pytest.mark.django_db


def import_text(folder, name, text, published_on=None):
    (folder / name).write_text(text, encoding="utf-8")
    if published_on:
        (folder / "metadata.yaml").write_text(f"{name}:\n  published_on: {published_on}\n", encoding="utf-8")
    call_command("import_articles", str(folder / name), stdout=open("/dev/null", "w"))


def persons_named(name):
    return [p for p in Person.objects.prefetch_related("aliases") if any(same_person(name, a.name) for a in p.aliases.all())]


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


# Given name plus family name decide, in every script; a shared family name never does.


def person_of(text, file_name):
    return Mention.objects.get(text=text, sentence__source__file_name=file_name).person


def test_two_people_who_share_only_a_family_name_stay_two_people(db, tmp_path):
    import_text(tmp_path, "pm.txt", "وزیراعظم شہباز شریف نے کہا کہ معیشت بہتر ہو رہی ہے۔\n")
    import_text(tmp_path, "journalist.txt", "पत्रकार अरशद शरीफ ने कहा कि जांच होनी चाहिए।\n")
    assert person_of("अरशद शरीफ", "journalist.txt") != person_of("شہباز شریف", "pm.txt")


def test_a_spelling_variant_in_another_script_is_the_same_person(db, tmp_path):
    import_text(tmp_path, "pm_ur.txt", "وزیراعظم شہباز شریف نے کہا کہ معیشت بہتر ہو رہی ہے۔\n")
    import_text(tmp_path, "pm_en.txt", "Prime Minister Shahbaz Sharif said that the economy was improving.\n")
    import_text(tmp_path, "pm_hi.txt", "प्रधानमंत्री शाहबाज शरीफ ने कहा कि अर्थव्यवस्था सुधर रही है।\n")
    assert person_of("Shahbaz Sharif", "pm_en.txt") == person_of("شہباز شریف", "pm_ur.txt") \
        == person_of("शाहबाज शरीफ", "pm_hi.txt")


def test_a_longer_form_of_a_name_is_the_same_person(db, tmp_path):
    import_text(tmp_path, "cm.txt", "وزیر اعلیٰ مریم نواز نے کہا کہ صوبے میں ترقی ہو رہی ہے۔\n")
    import_text(tmp_path, "cm_long.txt", "وزیر اعلیٰ مریم نواز شریف نے کہا کہ سڑکیں بنیں گی۔\n")
    assert person_of("مریم نواز شریف", "cm_long.txt") == person_of("مریم نواز", "cm.txt")


def test_a_name_written_without_its_space_is_the_same_person(db, tmp_path):
    import_text(tmp_path, "pm.txt", "وزیراعظم شہباز شریف نے کہا کہ معیشت بہتر ہو رہی ہے۔\n")
    import_text(tmp_path, "joined.txt", "وزیراعظم شہبازشریف نے کہا کہ بجلی سستی ہوگی۔\n")
    assert person_of("شہبازشریف", "joined.txt") == person_of("شہباز شریف", "pm.txt")


def test_a_son_named_after_his_father_is_not_his_father(db, tmp_path):
    import_text(tmp_path, "pm.txt", "Prime Minister Shehbaz Sharif said that the budget was balanced.\n")
    import_text(tmp_path, "son.txt", "वरिष्ठ नेता हमज़ा शहबाज़ ने कहा कि पार्टी एकजुट है।\n")
    assert person_of("हमज़ा शहबाज़", "son.txt") not in {None, person_of("Shehbaz Sharif", "pm.txt")}


def test_zardari_bhutto_zardari_and_khawaja_asif_are_three_people(db, tmp_path):
    import_text(tmp_path, "president.txt", "صدر آصف علی زرداری نے کہا کہ جمہوریت مضبوط ہے۔\n")
    import_text(tmp_path, "chairman.txt", "Foreign Minister Bilawal Bhutto Zardari said that talks would continue.\n")
    import_text(tmp_path, "defence.txt", "रक्षा मंत्री ख्वाजा आसिफ ने कहा कि सेना तैयार है।\n")
    people = {person_of("آصف علی زرداری", "president.txt"), person_of("Bilawal Bhutto Zardari", "chairman.txt"),
              person_of("ख्वाजा आसिफ", "defence.txt")}
    assert len(people - {None}) == 3


def stored_names():
    from factbook.extraction.gazetteer import Gazetteer
    from factbook.extraction.resolve import Resolver
    from factbook.extraction.stored_names import StoredNames

    return StoredNames(Resolver(Gazetteer((), ())))


def resolve_names(*names, using=None):
    from factbook.extraction.extract import Extraction, FoundMention

    mentions = [FoundMention(0, 0, len(name), name, "person") for name in names]
    return (using or stored_names()).resolver.resolve(Extraction(mentions=mentions))


# A worker keeps its resolver's index of names between articles; it follows what changed meanwhile.


def test_a_kept_resolver_finds_a_person_under_the_person_a_curator_merged_them_into(db):
    from factbook.curation.merge import merge_entities

    survivor, merged = Person.objects.create(name="Amir Ali Qureshi"), Person.objects.create(name="A. A. Qureshi")
    PersonAlias.objects.create(person=survivor, name="عامر علی قریشی")
    PersonAlias.objects.create(person=merged, name="Amir Ali Qureshi")
    kept = stored_names()
    merge_entities(survivor, [merged])
    kept.refresh()
    assert resolve_names("Amir Ali Qureshi", using=kept)[0].existing.pk == survivor.pk


def test_a_kept_resolver_no_longer_matches_the_old_spelling_of_an_alias_a_curator_corrected(db):
    person = Person.objects.create(name="Hamid Latif Durrani")
    alias = PersonAlias.objects.create(person=person, name="Hamid Latif Gilani")
    kept = stored_names()
    alias.name = "Hamid Latif Durrani"
    alias.save()
    kept.refresh()
    assert resolve_names("Hamid Latif Gilani", using=kept)[0].existing is None
    assert resolve_names("Hamid Latif Durrani", using=kept)[0].existing.pk == person.pk


def test_a_bare_family_name_several_people_in_the_article_share_stays_unresolved(db):
    for sharif in ["شریف", "Sharif", "शरीफ़"]:
        shehbaz, arshad, bare = resolve_names("شہباز شریف", "अरशद शरीफ", sharif)
        assert shehbaz is not arshad and bare is None


def test_a_bare_family_name_one_person_in_the_article_has_is_that_person(db):
    shehbaz, maryam, bare = resolve_names("Shehbaz Sharif", "مریم نواز", "शरीफ़")
    assert bare is shehbaz


# Display names of new entities


def test_a_new_person_gets_each_name_part_spelled_the_standard_way(db, tmp_path):
    import_text(tmp_path, "janjua.txt", "جنرل ناصر خان جنجوعہ نے کہا کہ خطے میں امن ضروری ہے۔\n")
    person = person_of("ناصر خان جنجوعہ", "janjua.txt")
    assert (person.name, person.name_is_automatic) == ("Nasser Khan Janjua", False)


def test_a_new_person_with_a_part_the_lexicon_lacks_is_marked_as_romanised_automatically(db, tmp_path):
    import_text(tmp_path, "holmqvist.txt", "कर्नल गुन्नार होल्मक्विस्ट ने कहा कि अभ्यास सफल रहा।\n")
    person = Mention.objects.get(sentence__source__file_name="holmqvist.txt", entity_type="person").person
    assert person.name_is_automatic and person.name.isascii()


def test_a_ministry_gets_its_english_name_with_the_country_the_article_gives(db, tmp_path):
    from factbook.entities.models import Organisation

    import_text(tmp_path, "mod.txt", "پاکستان کی وزارت دفاع نے کہا کہ مشقیں کامیاب رہیں۔\n")
    assert Organisation.objects.filter(name="Ministry of Defence (Pakistan)").exists()


def test_an_unknown_one_word_name_of_two_consonants_links_to_nobody_named_elsewhere(db, tmp_path):
    import_text(tmp_path, "asad.txt", "Minister Asad Umar said that the budget would be presented in June.\n")
    import_text(tmp_path, "sido.txt", "سیدو نے کہا کہ سڑک جون تک مکمل ہو جائے گی۔\n")
    mention = Mention.objects.get(text="سیدو")
    assert mention.person is None or "Asad Umar" not in mention.person.name


def test_a_national_team_named_in_two_scripts_is_one_organisation_with_its_english_name(db, tmp_path):
    import_text(tmp_path, "team_ur.txt", "پاکستان کرکٹ ٹیم نے جمعرات کو نیوزی لینڈ کو 20 رنز سے ہرا دیا۔\n")
    import_text(tmp_path, "team_en.txt", "The Pakistan cricket team beat New Zealand by 20 runs on Thursday.\n")
    team = Organisation.objects.get(name="Pakistan national cricket team")
    assert set(team.mentions.values_list("text", flat=True)) == {"پاکستان کرکٹ ٹیم", "Pakistan cricket team"}
