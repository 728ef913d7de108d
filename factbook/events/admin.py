from django.contrib import admin

from factbook.curation.admin import ReviewAdmin

from .models import Event


@admin.register(Event)
class EventAdmin(ReviewAdmin):
    list_display = ["title", "kind", "factuality", "date", "date_precision", "place", "status", "sentence_count", "source_count"]
    list_filter = ["status", "kind", "factuality", "date_precision", "sentences__source__language"]
    search_fields = ["title", "place", "persons__name", "organisations__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["persons", "organisations"]
    raw_id_fields = ["sentences"]
    readonly_fields = ["created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(ordering="sentence_count")
    def sentence_count(self, obj):
        return obj.sentence_count

    @admin.display(ordering="source_count")
    def source_count(self, obj):
        return obj.source_count
