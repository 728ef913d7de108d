from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from factbook.curation.admin import ScriptAwareFields, in_own_direction

from .forms import SourceForm
from .models import Sentence, Source


class SentenceInline(admin.TabularInline):
    """The article sentence by sentence, with what was found in each."""

    model = Sentence
    fields = ["position", "kind", "text", "claims_found", "mentions_found"]
    readonly_fields = ["position", "text", "claims_found", "mentions_found"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # sentences come from the import: their offsets point into the source text

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            "claims", "mentions__person", "mentions__organisation"
        )

    @admin.display(description="Claims")
    def claims_found(self, sentence):
        return format_html_join(
            mark_safe("<br>"), '<a href="{}">{}</a> ({})',
            ((reverse("admin:claims_claim_change", args=[c.pk]), c, c.get_status_display()) for c in sentence.claims.all()),
        )

    @admin.display(description="Mentions")
    def mentions_found(self, sentence):
        return format_html_join(
            ", ", '<span dir="auto">{}</span> → {}',
            ((m.text, m.entity or "unresolved") for m in sentence.mentions.all()),
        )


@admin.register(Source)
class SourceAdmin(ScriptAwareFields, admin.ModelAdmin):
    list_display = ["source_title", "language", "published_on", "publisher", "review_queue", "file_name"]
    list_filter = ["language", "published_on_is_approximate", "publisher"]
    search_fields = ["title", "file_name", "publisher", "url", "summary"]
    date_hierarchy = "published_on"
    readonly_fields = ["text", "sha256", "file_name", "imported_at"]
    fieldsets = [
        (None, {"fields": ["title", "language", "summary"]}),
        ("Publication", {"fields": ["publisher", "url", "published_on", "published_on_is_approximate"]}),
        ("Provenance", {"fields": ["file_name", "sha256", "imported_at", "text"]}),
    ]
    inlines = [SentenceInline]
    form = SourceForm  # the import checks metadata with the same form

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            unreviewed_claims=Count("sentences__claims", filter=Q(sentences__claims__status="unreviewed")))

    @admin.display(description="Title", ordering="title")
    def source_title(self, source):
        return in_own_direction(source.title, source.language)

    @admin.display(description="Review queue", ordering="unreviewed_claims")
    def review_queue(self, source):
        """The source's unreviewed claims, one after the other in article order."""
        if not source.unreviewed_claims:
            return "–"
        return format_html('<a href="{}">{}</a>', reverse("admin:claims_claim_queue", args=[source.pk]), ngettext(
            "%d unreviewed claim", "%d unreviewed claims", source.unreviewed_claims) % source.unreviewed_claims)


@admin.register(Sentence)
class SentenceAdmin(admin.ModelAdmin):
    list_display = ["sentence_text", "source", "position", "kind"]
    list_filter = ["kind", "source__language", "source"]
    search_fields = ["text"]
    list_select_related = ["source"]
    readonly_fields = ["source", "position", "start", "end", "text"]

    @admin.display(description="Sentence", ordering="text")
    def sentence_text(self, sentence):
        return in_own_direction(str(sentence), sentence.source.language)

    def get_inlines(self, request, obj):
        from factbook.claims.admin import ClaimInline
        from factbook.entities.admin import MentionInline

        return [ClaimInline, MentionInline]
