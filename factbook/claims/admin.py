from django.contrib import admin

from .models import Claim


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ["text", "mode", "claimant_person", "claimant_organisation", "status"]
    readonly_fields = ["text"]
    autocomplete_fields = ["claimant_person", "claimant_organisation"]
    extra = 0
    show_change_link = True


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "claimant", "mode", "status", "source"]
    list_filter = ["status", "mode", "sentence__source__language", "sentence__source"]
    search_fields = ["text", "claimant_person__name", "claimant_organisation__name", "sentence__text"]
    list_select_related = ["claimant_person", "claimant_organisation", "sentence__source"]
    autocomplete_fields = ["claimant_person", "claimant_organisation", "about_persons", "about_organisations", "event"]
    readonly_fields = ["sentence", "sentence_text", "created_at"]
    fieldsets = [
        (None, {"fields": ["text", "start", "end", "mode", "status"]}),
        ("Who and what", {"fields": ["claimant_person", "claimant_organisation", "about_persons", "about_organisations", "event"]}),
        ("Provenance", {"fields": ["sentence", "sentence_text", "created_at"]}),
    ]

    @admin.display(description="Sentence text")
    def sentence_text(self, obj):
        return obj.sentence.text

    @admin.display(description="Source")
    def source(self, obj):
        return obj.sentence.source
