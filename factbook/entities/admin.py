from itertools import combinations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import model_ngettext
from django.db.models import Count, Prefetch
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _, ngettext

from factbook.curation.admin import CuratedAdmin, ReviewAdmin, ScriptAwareFields, chosen, in_own_direction
from factbook.curation.merge import merge_entities

from .models import (
    Mention,
    Organisation,
    OrganisationAlias,
    OrganisationDistinction,
    Person,
    PersonAlias,
    PersonDistinction,
    Role,
)


SENTENCES_ON_MERGE_PAGE = 3


class PersonAliasInline(ScriptAwareFields, admin.TabularInline):
    model = PersonAlias
    fields = ["name", "language", "script", "key", "skeleton"]
    readonly_fields = ["key", "skeleton"]
    extra = 1


class OrganisationAliasInline(PersonAliasInline):
    model = OrganisationAlias


@admin.action(description="Merge selected into one…", permissions=["change"])
def merge_selected(modeladmin, request, queryset):
    """Ask which entity survives, then move everything of the others onto it."""
    count = queryset.count()
    if count < 2:
        modeladmin.message_user(request, _("Select at least two to merge."), messages.WARNING)
        return None
    if "survivor" in request.POST:
        survivor = chosen(queryset, request.POST["survivor"])
        if survivor is None:
            modeladmin.message_user(request, "Choose the one that remains among the selected.", messages.ERROR)
            return None
        records = merge_entities(survivor, queryset.exclude(pk=survivor.pk), request.user)
        modeladmin.message_user(request, _("Merged %(merged)s into %(survivor)s.") % {
            "merged": ", ".join(r.merged_name for r in records), "survivor": survivor}, messages.SUCCESS)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Merge %(count)d %(items)s") % {"count": count, "items": model_ngettext(modeladmin.opts, count)},
        "opts": modeladmin.model._meta,
        "entities": merge_candidates(modeladmin.model, queryset),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/entities/confirm_merge.html", context)


def merge_candidates(model, queryset):
    """Each candidate with what tells them apart: aliases grouped by script, roles, the sources
    naming it and a few of its sentences. A fixed number of queries for any selection."""
    mentions = Mention.objects.select_related("sentence__source").order_by("sentence__source", "sentence__position")
    related = [Prefetch("aliases"), Prefetch("mentions", queryset=mentions, to_attr="all_mentions")]
    if model is Person:
        related.append(Prefetch("roles", queryset=Role.objects.select_related("source")))
    entities = list(queryset.annotate(mention_total=Count("mentions")).order_by("-mention_total", "pk")
                    .prefetch_related(*related))
    for entity in entities:
        scripts = {}
        for alias in entity.aliases.all():
            scripts.setdefault(alias.script or "?", []).append(alias)
        entity.aliases_by_script = sorted(scripts.items())
        entity.role_list = list(entity.roles.all()) if model is Person else []
        sources = {mention.sentence.source_id: mention.sentence.source for mention in entity.all_mentions}
        entity.source_list = list(sources.values())
        seen, entity.sample_sentences = set(), []
        for mention in entity.all_mentions:
            if mention.sentence_id not in seen and len(seen) < SENTENCES_ON_MERGE_PAGE:
                seen.add(mention.sentence_id)
                entity.sample_sentences.append(mention.sentence)
    return entities


@admin.action(description="Record that the selected are not the same", permissions=["change"])
def record_distinct(modeladmin, request, queryset):
    """The import will never treat any two of them as one again."""
    model = PersonDistinction if modeladmin.model is Person else OrganisationDistinction
    created = 0
    for first, second in combinations(sorted(queryset, key=lambda e: e.pk), 2):
        created += model.objects.get_or_create(first=first, second=second, defaults={"decided_by": request.user})[1]
    queryset.mark_curated(request.user)
    modeladmin.message_user(request, ngettext(
        "Recorded %d new 'not the same' decision.", "Recorded %d new 'not the same' decisions.", created,
    ) % created, messages.SUCCESS)


class EntityAdmin(ReviewAdmin):
    list_display = ["name", "description", "wikidata_id", "status", "mention_count"]
    list_filter = ["status"]
    search_fields = ["name"]  # searched in every script by get_search_results
    actions = [*ReviewAdmin.actions, merge_selected, record_distinct]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    def get_search_results(self, request, queryset, search_term):
        if not search_term:
            return queryset, False
        return queryset.filter(pk__in=self.model.objects.search(search_term).values("pk")), False

    @admin.display(ordering="mention_count")
    def mention_count(self, obj):
        return obj.mention_count


class RoleInline(admin.TabularInline):
    model = Role
    fields = ["title", "language", "as_of", "source"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # roles are what articles said, as of their date


@admin.register(Person)
class PersonAdmin(EntityAdmin):
    list_filter = [*EntityAdmin.list_filter, "name_is_automatic"]  # romanised names to correct
    inlines = [PersonAliasInline, RoleInline]


@admin.register(PersonAlias, OrganisationAlias)
class AliasAdmin(CuratedAdmin):
    list_display = ["alias_name", "language", "script", "key"]
    list_filter = ["language", "script"]
    search_fields = ["name", "key"]
    readonly_fields = ["key", "skeleton"]

    @admin.display(description="Name", ordering="name")
    def alias_name(self, alias):
        return in_own_direction(alias.name, alias.language)


class DistinctionAdmin(ScriptAwareFields, admin.ModelAdmin):
    list_display = ["__str__", "note", "decided_by", "decided_at"]
    autocomplete_fields = ["first", "second"]
    search_fields = ["first__name", "second__name", "note"]

    def save_model(self, request, obj, form, change):
        obj.decided_by = request.user
        super().save_model(request, obj, form, change)
        type(obj.first).objects.filter(pk__in=[obj.first_id, obj.second_id]).mark_curated(request.user)


admin.site.register(PersonDistinction, DistinctionAdmin)
admin.site.register(OrganisationDistinction, DistinctionAdmin)


@admin.register(Organisation)
class OrganisationAdmin(EntityAdmin):
    list_display = ["name", "kind", "description", "wikidata_id", "status", "mention_count"]
    list_filter = ["status", "kind"]
    inlines = [OrganisationAliasInline]


class MentionInline(ScriptAwareFields, admin.TabularInline):
    model = Mention
    fields = ["text", "entity_type", "person", "organisation", "role", "start", "end"]
    readonly_fields = ["text", "start", "end"]
    autocomplete_fields = ["person", "organisation"]
    extra = 0


@admin.register(Mention)
class MentionAdmin(CuratedAdmin):
    list_display = ["mention_text", "entity_type", "person", "organisation", "role", "sentence"]
    list_filter = ["entity_type", "sentence__source__language", "sentence__source"]
    search_fields = ["text", "role", "person__name", "organisation__name"]
    list_select_related = ["person", "organisation", "sentence__source"]
    autocomplete_fields = ["person", "organisation"]
    readonly_fields = ["sentence", "start", "end", "text", "curated_by", "curated_at"]

    @admin.display(description="Text", ordering="text")
    def mention_text(self, mention):
        return in_own_direction(mention.text, mention.sentence.source.language)


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "language", "as_of", "source"]
    list_filter = ["language"]
    search_fields = ["person__name", "title"]
    list_select_related = ["person", "source"]
    readonly_fields = ["person", "title", "language", "as_of", "source"]
