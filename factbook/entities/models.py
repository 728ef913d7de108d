import re

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from django.conf import settings

from factbook.choices import translated_choices
from factbook.curation.models import Curated, CuratedQuerySet, Reviewable, ReviewableQuerySet

from factbook.kinds import EntityType, OrganisationKind
from factbook.sources.languages import LANGUAGE_CHOICES
from factbook.sources.models import Sentence, is_current_version
from factbook.sources.spans import TextSpan

from factbook.queries import Among, SubqueryCount

from . import names

# Shorter skeletons ("bj") are still distinctive enough for a person to scan the results.
MIN_SKELETON_SEARCH = 2
# Aliases whose skeleton has a short query's skeleton as a word, read to compare them word by
# word: the most a short key ("bj", "lr") is checked against.
SHORT_KEY_CANDIDATES = 2000
TRIGRAM = 3  # the shortest substring pg_trgm's indexes can look up

wikidata_id_validator = RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id looks like Q42.")


class EntityQuerySet(ReviewableQuerySet):
    def with_counts(self):
        mentions = self.model._meta.get_field("mentions").related_model.objects.filter(
            is_current_version("sentence__source"),  # older versions repeat them
            **{self.model._meta.model_name: models.OuterRef("pk")},
        )
        return self.annotate(
            mention_count=SubqueryCount(mentions.values("pk")),
            source_count=SubqueryCount(mentions.values("sentence__source").distinct()),
        )

    def search(self, query):
        """Entities with a name or alias containing `query`, in any script: through the Latin
        key, and through the consonant skeleton that Urdu, Hindi and Latin spellings share."""
        return self.filter(pk__in=self.name_matches(query))

    def short_key_entities(self, query, skeleton):
        """Ids of the entities with an alias with a word of the same close skeleton as `query`
        (names.has_word_of): of the entities, not of their aliases, which the union below would
        look up one by one in their primary key (2,000 of them for "Bajwa": 7 ms)."""
        aliases = self.model._meta.get_field("aliases")
        candidates = (aliases.related_model.objects.filter(skeleton__regex=rf"(^| ){re.escape(skeleton)}( |$)")
                      .order_by("name").values_list(aliases.field.name, "key"))
        return list({entity for entity, key in candidates[:SHORT_KEY_CANDIDATES] if names.has_word_of(key, query)})

    def name_matches(self, query, *more):
        """The ids of the entities `search` finds, and of those in the id querysets `more`: one
        UNION of lookups on single tables, each served by an index on PostgreSQL, where an OR
        across the join to the aliases would scan every alias for every entity."""
        aliases = self.model._meta.get_field("aliases")
        condition = models.Q(name__icontains=query)
        key = names.match_key(query)
        if key:
            condition |= models.Q(key__contains=key)
        skeleton = " ".join(names.skeleton(query))
        if len(skeleton) >= TRIGRAM:
            condition |= models.Q(skeleton__contains=skeleton)
        elif len(skeleton) >= MIN_SKELETON_SEARCH:
            # Too short for a trigram index to narrow a substring test, and as a substring
            # ("bj") it is in thousands of names; even as a whole word "lr" is both Lavrov and
            # Valeray. So the aliases with it as a word are read and compared word by word.
            more = (*more, self.model.objects.filter(Among("pk", self.short_key_entities(query, skeleton))).values("pk"))
        # The parts of a UNION may not be ordered: Meta.ordering is cleared from each.
        by_name = self.model.objects.filter(name__icontains=query).order_by().values("pk")
        by_alias = aliases.related_model.objects.filter(condition).order_by().values(aliases.field.name)
        return by_name.union(by_alias, *(ids.order_by() for ids in more))


class Entity(Reviewable):
    name = models.CharField(max_length=200, help_text="Display name in Latin script.")
    description = models.CharField(max_length=300, blank=True, help_text="Role or short description.")
    wikidata_id = models.CharField(max_length=20, blank=True, validators=[wikidata_id_validator])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntityQuerySet.as_manager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["name"]
        indexes = [models.Index(fields=["name"], name="%(app_label)s_%(class)s_name")]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~models.Q(wikidata_id=""),
                name="%(app_label)s_%(class)s_unique_wikidata_id",
            ),
        ]

    def __str__(self):
        return self.name


class Person(Entity):
    name_is_automatic = models.BooleanField(
        default=False, help_text="The name is a machine romanisation: some part of it is not in the name lexicon."
    )

    class Meta(Entity.Meta):
        verbose_name_plural = "persons"

    def get_absolute_url(self):
        return reverse("web:person_detail", args=[self.pk])


class Organisation(Entity):
    kind = models.CharField(max_length=32, choices=translated_choices(OrganisationKind.choices), default=OrganisationKind.OTHER)

    class Meta(Entity.Meta):
        indexes = Entity.Meta.indexes + [models.Index(fields=["kind"])]

    def get_absolute_url(self):
        return reverse("web:organisation_detail", args=[self.pk])


class Alias(models.Model):
    """A name of an entity as it is written in some article, with its script and match key."""

    name = models.CharField(max_length=200)
    language = models.CharField(max_length=16, choices=translated_choices(LANGUAGE_CHOICES), blank=True)
    script = models.CharField(max_length=4, blank=True, help_text="ISO 15924 code, e.g. Arab, Deva, Latn.")
    key = models.CharField(
        max_length=300, db_index=True, editable=False, help_text="Latin transliteration used for matching."
    )
    skeleton = models.CharField(
        max_length=300, editable=False, help_text="Consonant skeleton of the key, the same across scripts."
    )
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self):
        """Normalise the name and derive its match key, skeleton and script, as `save` does;
        for aliases written with bulk_create, which bypasses `save`."""
        self.name = names.normalise(self.name)
        # A transliteration can be longer than the name: the keys are cut to their columns.
        self.key = names.match_key(self.name)[: self._meta.get_field("key").max_length]
        self.skeleton = " ".join(names.skeleton(self.name))[: self._meta.get_field("skeleton").max_length]
        if not self.script:
            self.script = names.script_code(self.name)


class PersonAlias(Alias):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "person aliases"
        constraints = [models.UniqueConstraint(fields=["person", "name"], name="person_alias_unique_name")]


class OrganisationAlias(Alias):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "organisation aliases"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="organisation_alias_unique_name")
        ]


class Mention(Curated, TextSpan):
    """A person or organisation named in a sentence; offsets are into the sentence's text.

    A mention whose entity could not be told apart (a surname two known people share) stays
    unresolved: it keeps its type but links to no entity.
    """

    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="mentions")
    entity_type = models.CharField(max_length=16, choices=translated_choices(EntityType.choices))
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    role = models.CharField(max_length=200, blank=True, help_text="Title or role written with the name.")

    objects = CuratedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta(TextSpan.Meta):
        ordering = ["sentence", "start"]
        constraints = TextSpan.Meta.constraints + [
            models.UniqueConstraint(fields=["sentence", "start", "end"], name="mention_unique_span"),
            models.CheckConstraint(
                condition=(
                    models.Q(entity_type=EntityType.PERSON, organisation__isnull=True)
                    | models.Q(entity_type=EntityType.ORGANISATION, person__isnull=True)
                ),
                name="mention_entity_matches_type",
            ),
        ]
        # An entity's latest mentions (its page's co-mentions) without sorting all of them.
        indexes = [
            models.Index(fields=["person", "-sentence"], name="mention_person_latest"),
            models.Index(fields=["organisation", "-sentence"], name="mention_organisation_latest"),
        ]

    def __str__(self):
        return f"{self.text} ({self.get_entity_type_display()})"

    def container_text(self):
        return self.sentence.text if self.sentence_id else None

    @property
    def entity(self):
        return self.person or self.organisation


class RoleQuerySet(models.QuerySet):
    def current(self):
        """Roles given by the latest version of each article: every version repeats them."""
        return self.filter(is_current_version("source"))


class Role(models.Model):
    """A role a person held according to an article, dated by the article's publication."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200, help_text="As written in the article.")
    language = models.CharField(max_length=16, choices=translated_choices(LANGUAGE_CHOICES), blank=True)
    source = models.ForeignKey("sources.Source", on_delete=models.CASCADE, related_name="roles")
    as_of = models.DateField(null=True, blank=True, help_text="The article's publication date.")

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["person", "-as_of"]
        indexes = [models.Index(fields=["person", "-as_of"], name="role_person_latest")]  # a person's latest roles
        constraints = [
            models.UniqueConstraint(fields=["person", "title", "source"], name="role_unique_per_source"),
        ]

    def __str__(self):
        return f"{self.person}: {self.title}"


class Distinction(models.Model):
    """A curator's decision that two entities are not the same; the import never joins them."""

    note = models.CharField(max_length=300, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.first} ≠ {self.second}"

    def order_pair(self):
        """One row per pair, whichever way it was entered."""
        if self.first_id and self.second_id and self.first_id > self.second_id:
            self.first_id, self.second_id = self.second_id, self.first_id

    def clean(self):
        super().clean()
        self.order_pair()  # before the form checks the ordering constraint and uniqueness

    def save(self, *args, **kwargs):
        self.order_pair()
        super().save(*args, **kwargs)


class PersonDistinction(Distinction):
    first = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="person_distinction_unique"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")), name="person_distinction_ordered"),
        ]


class OrganisationDistinction(Distinction):
    first = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="organisation_distinction_unique"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="organisation_distinction_ordered"
            ),
        ]
