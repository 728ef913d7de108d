from django.contrib import admin

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


class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "wikidata_id", "mention_count"]
    search_fields = ["name"]  # searched in every script by get_search_results

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
    inlines = [PersonAliasInline, RoleInline]


class DistinctionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "note", "decided_at"]
    autocomplete_fields = ["first", "second"]
    search_fields = ["first__name", "second__name", "note"]


admin.site.register(PersonDistinction, DistinctionAdmin)
admin.site.register(OrganisationDistinction, DistinctionAdmin)


@admin.register(Organisation)
class OrganisationAdmin(EntityAdmin):
    list_display = ["name", "kind", "description", "wikidata_id", "mention_count"]
    list_filter = ["kind"]
    inlines = [OrganisationAliasInline]


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["text", "entity_type", "person", "organisation", "role", "start", "end"]
    readonly_fields = ["text", "start", "end"]
    autocomplete_fields = ["person", "organisation"]
    extra = 0


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
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
