from itertools import combinations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin

from factbook.curation.admin import ReviewAdmin
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


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    fields = ["name", "language", "script", "key", "skeleton"]
    readonly_fields = ["key", "skeleton"]
    extra = 1


class OrganisationAliasInline(PersonAliasInline):
    model = OrganisationAlias


@admin.action(description="Merge selected into one…", permissions=["change"])
def merge_selected(modeladmin, request, queryset):
    """Ask which entity survives, then move everything of the others onto it."""
    if queryset.count() < 2:
        modeladmin.message_user(request, "Select at least two to merge.", messages.WARNING)
        return None
    if request.POST.get("survivor"):
        survivor = queryset.get(pk=request.POST["survivor"])
        records = merge_entities(survivor, queryset.exclude(pk=survivor.pk), request.user)
        modeladmin.message_user(request, f"Merged {', '.join(r.merged_name for r in records)} into {survivor}.", messages.SUCCESS)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Merge {queryset.count()} {modeladmin.model._meta.verbose_name_plural}",
        "opts": modeladmin.model._meta,
        "entities": queryset.annotate(mention_total=Count("mentions")).order_by("-mention_total", "pk"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/entities/confirm_merge.html", context)


@admin.action(description="Record that the selected are not the same", permissions=["change"])
def record_distinct(modeladmin, request, queryset):
    """The import will never treat any two of them as one again."""
    model = PersonDistinction if modeladmin.model is Person else OrganisationDistinction
    created = 0
    for first, second in combinations(sorted(queryset, key=lambda e: e.pk), 2):
        created += model.objects.get_or_create(first=first, second=second)[1]
    modeladmin.message_user(request, f"Recorded {created} new 'not the same' decisions.", messages.SUCCESS)


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
class AliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "language", "script", "key"]
    list_filter = ["language", "script"]
    search_fields = ["name", "key"]
    readonly_fields = ["key", "skeleton"]


class DistinctionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "note", "decided_at"]
    autocomplete_fields = ["first", "second"]
    search_fields = ["first__name", "second__name", "note"]


admin.site.register(PersonDistinction, DistinctionAdmin)
admin.site.register(OrganisationDistinction, DistinctionAdmin)


@admin.register(Organisation)
class OrganisationAdmin(EntityAdmin):
    list_display = ["name", "kind", "description", "wikidata_id", "status", "mention_count"]
    list_filter = ["status", "kind"]
    inlines = [OrganisationAliasInline]


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["text", "entity_type", "person", "organisation", "role", "start", "end"]
    readonly_fields = ["text", "start", "end"]
    autocomplete_fields = ["person", "organisation"]
    extra = 0


@admin.register(Mention)
class MentionAdmin(SimpleHistoryAdmin):
    list_display = ["text", "entity_type", "person", "organisation", "role", "sentence"]
    list_filter = ["entity_type", "sentence__source__language", "sentence__source"]
    search_fields = ["text", "role", "person__name", "organisation__name"]
    list_select_related = ["person", "organisation", "sentence__source"]
    autocomplete_fields = ["person", "organisation"]
    readonly_fields = ["sentence", "start", "end", "text"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "language", "as_of", "source"]
    list_filter = ["language"]
    search_fields = ["person__name", "title"]
    list_select_related = ["person", "source"]
    readonly_fields = ["person", "title", "language", "as_of", "source"]
