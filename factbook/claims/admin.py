from django.contrib import admin
from django.utils.html import format_html, format_html_join

from factbook.curation.admin import ReviewAdmin

from .models import Claim

CONTEXT_SENTENCES = 2  # before and after the claim's sentence


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ["text", "mode", "claimant_person", "claimant_organisation", "status"]
    readonly_fields = ["text"]
    autocomplete_fields = ["claimant_person", "claimant_organisation"]
    extra = 0
    show_change_link = True


@admin.register(Claim)
class ClaimAdmin(ReviewAdmin):
    list_display = ["__str__", "claimant", "mode", "status", "source"]
    list_filter = ["status", "mode", "sentence__source__language", "sentence__source"]
    search_fields = ["text", "claimant_person__name", "claimant_organisation__name", "sentence__text"]
    list_select_related = ["claimant_person", "claimant_organisation", "sentence__source"]
    autocomplete_fields = ["claimant_person", "claimant_organisation", "about_persons", "about_organisations", "event"]
    readonly_fields = ["sentence_in_context", "sentence", "created_at"]
    fieldsets = [
        ("The claim in its article", {"fields": ["sentence_in_context"]}),
        ("Span (characters of the sentence; the text must equal them)", {"fields": ["text", "start", "end"]}),
        ("Review", {"fields": ["status", "review_note", "reviewed_by", "reviewed_at"]}),
        ("Who and what", {"fields": ["mode", "claimant_person", "claimant_organisation", "about_persons",
                                     "about_organisations", "event"]}),
        ("Provenance", {"fields": ["sentence", "created_at"]}),
    ]

    @admin.display(description="Sentence in context")
    def sentence_in_context(self, claim):
        """The sentences around the claim's, with the claimed span marked, in the article's
        language and direction."""
        sentence = claim.sentence
        around = sentence.source.sentences.filter(
            position__gte=sentence.position - CONTEXT_SENTENCES, position__lte=sentence.position + CONTEXT_SENTENCES
        )
        return format_html(
            '<div lang="{}" dir="{}" style="max-width:60em;line-height:2">{}</div>',
            sentence.language, sentence.direction,
            format_html_join(" ", "{}", ((self._render(s, claim),) for s in around)),
        )

    @staticmethod
    def _render(sentence, claim):
        if sentence.pk != claim.sentence_id:
            return format_html('<span style="color:#666">{}</span>', sentence.text)
        text = sentence.text
        return format_html(
            "<strong>{}<mark>{}</mark>{}</strong>", text[: claim.start], text[claim.start : claim.end], text[claim.end :]
        )

    @admin.display(description="Source")
    def source(self, obj):
        return obj.sentence.source
