"""The resolver's index of stored names, read from the database and kept up to date.

An import process builds it once, then before each article applies the history rows written
since (django-simple-history): what other processes stored, and what curators changed, merged
or deleted. Resolving an article then reads nothing from the database.
"""

from django.db import connection
from django.db.models import Max
from simple_history.utils import get_history_model_for_model

from factbook.entities.models import Organisation, OrganisationAlias, Person, PersonAlias, PersonDistinction

from .resolve import ORGANISATION, PERSON, KnownEntity, Resolver

# Each alias model: its entity's type and id field.
ALIAS_MODELS = {PersonAlias: (PERSON, "person_id"), OrganisationAlias: (ORGANISATION, "organisation_id")}
ENTITY_MODELS = {Person: PERSON, Organisation: ORGANISATION}
MODEL_OF = {entity_type: model for model, entity_type in ENTITY_MODELS.items()}
ENTITY_FIELDS = ["id", "name", "wikidata_id"]  # what an import reads of a stored entity


def stored_entity(known: KnownEntity):
    """The Person or Organisation `known` names, as the import uses it: its id, name and
    Wikidata id (the other fields are read if asked for)."""
    return MODEL_OF[known.entity_type].from_db(connection.alias, ENTITY_FIELDS, [known.pk, known.name, known.wikidata_id])


class StoredNames:
    """Fills `resolver` with every alias and entity stored, and `refresh` applies the changes."""

    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        # Looked up once: simple-history builds a manager class on every access.
        self.history_models = {model: get_history_model_for_model(model) for model in [*ALIAS_MODELS, *ENTITY_MODELS]}
        self.seen = {model: history.objects.aggregate(last=Max("history_id"))["last"] or 0
                     for model, history in self.history_models.items()}  # the last history row applied of each
        for model, (entity_type, owner) in ALIAS_MODELS.items():
            for pk, name, key, entity_id in model.objects.values_list("pk", "name", "key", owner).iterator():
                resolver.learn_alias(entity_type, pk, name, key, entity_id)
        for model, entity_type in ENTITY_MODELS.items():
            for pk, name, wikidata_id in model.objects.values_list(*ENTITY_FIELDS).iterator():
                resolver.learn_entity(entity_type, pk, name, wikidata_id)
        self.refresh()

    def refresh(self) -> list[str]:
        """Apply the aliases and entities added, changed and deleted since the last call;
        returns the person names that are new."""
        added, distinct, models = [], set(), {model._meta.label: model for model in self.seen}
        with connection.cursor() as cursor:
            cursor.execute(*self._changes_query())
            for kind, history_id, change, pk, name, key, entity_id in cursor.fetchall():
                model = models.get(kind)
                if model is None:
                    distinct.add(frozenset((pk, entity_id)))
                    continue
                if model in ENTITY_MODELS:
                    entity_type = ENTITY_MODELS[model]
                    if change == "-":
                        self.resolver.forget_entity(entity_type, pk)
                    else:
                        self.resolver.learn_entity(entity_type, pk, name, key)
                else:
                    entity_type = ALIAS_MODELS[model][0]
                    if change == "-":
                        self.resolver.forget_alias(entity_type, pk)
                    elif self.resolver.learn_alias(entity_type, pk, name, key, entity_id) and model is PersonAlias:
                        added.append(name)
                self.seen[model] = history_id
        self.resolver.learn_distinct_persons(distinct)
        return added

    def _changes_query(self):
        """One statement (it runs before every article): the history rows of each kind after the
        last one applied, in order, and every pair of persons declared distinct."""
        quote, parts, params = connection.ops.quote_name, [], []
        for model in self.seen:
            columns = [quote("key"), quote(ALIAS_MODELS[model][1])] if model in ALIAS_MODELS else ["wikidata_id", "NULL"]
            parts.append(f"SELECT %s, history_id, history_type, id, name, {', '.join(columns)} "
                         f"FROM {quote(self.history_models[model]._meta.db_table)} WHERE history_id > %s")
            params += [model._meta.label, self.seen[model]]
        parts.append(f"SELECT 'distinct', NULL, NULL, first_id, NULL, NULL, second_id "
                     f"FROM {quote(PersonDistinction._meta.db_table)}")
        return " UNION ALL ".join(parts) + " ORDER BY 1, 2", params

    def remember(self, aliases):
        """Aliases this process stored: indexed at once (their history rows then change nothing)."""
        for alias in aliases:
            entity_type, owner = ALIAS_MODELS[type(alias)]
            self.resolver.learn_alias(entity_type, alias.pk, alias.name, alias.key, getattr(alias, owner))
