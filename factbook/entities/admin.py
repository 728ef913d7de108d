from django.contrib import admin

from .models import Mention, Organisation, OrganisationAlias, Person, PersonAlias


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


@admin.register(Person)
class PersonAdmin(EntityAdmin):
    inlines = [PersonAliasInline]


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
