from django.contrib import admin

from factbook.curation.admin import ReviewAdmin

from .models import ClaimLink


@admin.register(ClaimLink)
class ClaimLinkAdmin(ReviewAdmin):
    """Curators confirm or reject the 'also reported by' candidates."""

    list_display = ["claim", "other", "basis", "score", "status"]
    list_filter = ["status", "basis"]
    list_select_related = ["claim", "other"]
    search_fields = ["claim__text", "other__text"]
    readonly_fields = ["claim", "other", "basis", "score", "created_at"]
