import unicodedata

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _, ngettext

from factbook.curation.admin import CuratedAdmin, ReviewAdmin, ScriptAwareFields, in_own_direction
from factbook.curation.models import ReviewStatus
from factbook.sources.models import Sentence, Source

from .models import Claim, FactCheck, FactCheckEvidence

CONTEXT_SENTENCES = 2  # before and after the claim's sentence
QUEUE_KEYS = {"confirm": "c", "reject": "r", "correct": "e", "skip": "n"}


def sentences_around(claims):
    """For each claim, the sentences around its own: one query for any number of claims."""
    if not claims:
        return {}
    ranges = Q()
    for claim in claims:
        position = claim.sentence.position
        ranges |= Q(source_id=claim.sentence.source_id, position__gte=position - CONTEXT_SENTENCES,
                    position__lte=position + CONTEXT_SENTENCES)
    sentences = list(Sentence.objects.filter(ranges).order_by("source", "position"))
    return {
        claim.pk: [s for s in sentences if s.source_id == claim.sentence.source_id
                   and abs(s.position - claim.sentence.position) <= CONTEXT_SENTENCES]
        for claim in claims
    }


def claim_in_context(claim, around):
    """The sentences around the claim's, the claimed span marked, in the article's language and
    direction. The claim's own sentence is where the span picker (curation/span-picker.js)
    lets a curator select the words of a corrected span."""
    sentence = claim.sentence
    parts = []
    for other in around:
        if other.pk != claim.sentence_id:
            parts.append(format_html('<span class="context-sentence">{}</span>', other.text))
            continue
        text = other.text
        parts.append(format_html(
            '<strong class="claim-sentence" data-span-picker>{}<mark>{}</mark>{}</strong>',
            text[: claim.start], text[claim.start : claim.end], text[claim.end :],
        ))
    return format_html('<div class="claim-context" lang="{}" dir="{}">{}</div>', sentence.language,
                       sentence.direction, format_html_join(" ", "{}", ((part,) for part in parts)))


def occurrences(text, part):
    found, start = [], text.find(part)
    while start != -1:
        found.append(start)
        start = text.find(part, start + 1)
    return found


class ClaimForm(forms.ModelForm):
    """A corrected span may be given by its text alone: the form finds it in the sentence."""

    located = ""  # what the form chose, for the curator to read after saving

    class Meta:
        model = Claim
        fields = "__all__"

    def clean_text(self):
        return unicodedata.normalize("NFC", self.cleaned_data["text"])

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("text")
        offsets_given = {"start", "end"} & set(self.changed_data)
        if self.instance.pk and text and "text" in self.changed_data and not offsets_given:
            self._locate(text, cleaned)
        return cleaned

    def _locate(self, text, cleaned):
        sentence = self.instance.sentence.text
        found = occurrences(sentence, text)
        if not found:
            raise ValidationError({"text": _("“%s” does not occur in the claim's sentence.") % text})
        old_start = self.instance.start
        start = min(found, key=lambda at: (abs(at - old_start), at))
        cleaned["start"], cleaned["end"] = start, start + len(text)
        if len(found) > 1:
            self.located = ngettext(
                "The text occurs %(count)d time in the sentence; the one at characters %(start)d–%(end)d was chosen.",
                "The text occurs %(count)d times in the sentence; the one at characters %(start)d–%(end)d, "
                "nearest the old span, was chosen.", len(found),
            ) % {"count": len(found), "start": start, "end": start + len(text)}


class ClaimInline(ScriptAwareFields, admin.TabularInline):
    model = Claim
    fields = ["text", "mode", "claimant_person", "claimant_organisation", "status"]
    readonly_fields = ["text"]
    autocomplete_fields = ["claimant_person", "claimant_organisation"]
    extra = 0
    show_change_link = True


@admin.register(Claim)
class ClaimAdmin(ReviewAdmin):
    form = ClaimForm
    list_display = ["claim_text", "claimant", "mode", "status", "verdict", "source"]
    list_filter = ["status", "fact_check__verdict", "mode", "sentence__source__language", "sentence__source"]
    search_fields = ["text", "claimant_person__name", "claimant_organisation__name", "sentence__text"]
    list_select_related = ["claimant_person", "claimant_organisation", "sentence__source", "fact_check"]
    autocomplete_fields = ["claimant_person", "claimant_organisation", "about_persons", "about_organisations", "event",
                           "fact_check"]
    readonly_fields = ["sentence_in_context", "fact_check_actions", "sentence", "created_at", "curated_by",
                       "curated_at"]
    fieldsets = [
        ("The claim in its article", {"fields": ["sentence_in_context"]}),
        ("Span", {
            "fields": ["text", "start", "end"],
            "description": "Select the words in the sentence above, or type the text: the form finds it in the "
                           "sentence. Start and end count characters of the sentence.",
        }),
        ("Extraction review: is this what the article says, and who said it?",
         {"fields": ["status", "review_note", "reviewed_by", "reviewed_at"]}),
        ("Fact-check: is it true?", {"fields": ["fact_check", "fact_check_actions"]}),
        ("Who and what", {"fields": ["mode", "claimant_person", "claimant_organisation", "about_persons",
                                     "about_organisations", "event"]}),
        ("Provenance", {"fields": ["sentence", "created_at", "curated_by", "curated_at"]}),
    ]
    review_template = "admin/claims/confirm_review.html"

    class Media:
        js = ["curation/span-picker.js"]

    def get_urls(self):
        return [
            path("queue/<int:source_id>/", self.admin_site.admin_view(self.review_queue), name="claims_claim_queue"),
            *super().get_urls(),
        ]

    @admin.display(description="Claim", ordering="text")
    def claim_text(self, claim):
        return in_own_direction(str(claim), claim.sentence.source.language)

    @admin.display(description="Verdict", ordering="fact_check__verdict")
    def verdict(self, claim):
        return claim.fact_check.get_verdict_display() if claim.fact_check else "–"

    @admin.display(description="Sentence in context")
    def sentence_in_context(self, claim):
        return claim_in_context(claim, sentences_around([claim])[claim.pk])

    @admin.display(description="Verdict")
    def fact_check_actions(self, claim):
        if not claim.is_checkable:
            return _("Confirm (or correct) the extraction first: only then can the claim be fact-checked.")
        if claim.fact_check:
            return format_html('<a href="{}">{}</a>', reverse("admin:claims_factcheck_change", args=[claim.fact_check_id]),
                               _("Open the fact-check"))
        return format_html('<a class="addlink" href="{}?claims={}">{}</a>', reverse("admin:claims_factcheck_add"),
                           claim.pk, _("Fact-check this claim"))

    @admin.display(description="Source")
    def source(self, obj):
        return obj.sentence.source

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.located:
            self.message_user(request, form.located, messages.INFO)

    def response_change(self, request, obj):
        if request.GET.get("queue") and "_continue" not in request.POST:
            return redirect(reverse("admin:claims_claim_queue", args=[request.GET["queue"]]) + f"?after={obj.pk}")
        return super().response_change(request, obj)

    def review_items(self, queryset):
        claims = list(queryset.with_provenance())
        around = sentences_around(claims)
        for claim in claims:
            claim.in_context = claim_in_context(claim, around[claim.pk])
        return claims

    def review_queue(self, request, source_id):
        """Unreviewed claims of one source in article order, one at a time, each decision one key away."""
        source = get_object_or_404(Source, pk=source_id)
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied
            status = {"confirm": ReviewStatus.CONFIRMED, "reject": ReviewStatus.REJECTED}[request.POST["decision"]]
            claim = get_object_or_404(Claim, pk=request.POST["claim"], sentence__source=source)
            Claim.objects.filter(pk=claim.pk).review(status, request.user, request.POST.get("review_note", "").strip(),
                                                     reason=_("Review queue: marked %s") % status.label.lower())
            return redirect(f"{request.path}?after={claim.pk}")
        if not self.has_view_permission(request):
            raise PermissionDenied
        waiting = (Claim.objects.filter(sentence__source=source).unreviewed().with_provenance()
                   .order_by("sentence__position", "start", "pk"))
        total = waiting.count()
        after = Claim.objects.filter(pk=request.GET.get("after") or None, sentence__source=source).select_related("sentence").first()
        if after:
            position, start = after.sentence.position, after.start
            waiting = waiting.filter(Q(sentence__position__gt=position) | Q(sentence__position=position, start__gt=start))
        claim = waiting.first() or (Claim.objects.filter(sentence__source=source).unreviewed().with_provenance()
                                    .order_by("sentence__position", "start", "pk").first())
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review queue: %s") % source.title,
            "opts": self.model._meta,
            "source": source,
            "claim": claim,
            "in_context": claim_in_context(claim, sentences_around([claim])[claim.pk]) if claim else "",
            "waiting": total,
            "keys": QUEUE_KEYS,
            "can_change": self.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/claims/review_queue.html", context)


class EvidenceInline(ScriptAwareFields, admin.TabularInline):
    model = FactCheckEvidence
    fields = ["claim", "source", "url", "note"]
    autocomplete_fields = ["claim", "source"]
    formfield_overrides = {models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}}
    extra = 1


class FactCheckForm(forms.ModelForm):
    """The claims a fact-check is about: several claims that say the same thing share it, and
    each must have its extraction confirmed first."""

    claims = forms.ModelMultipleChoiceField(
        queryset=Claim.objects.all(), help_text="Claims that say the same thing, in any article or language.")

    class Meta:
        model = FactCheck
        fields = ["verdict", "explanation", "checked_at"]

    def __init__(self, *args, admin_site=None, **kwargs):
        super().__init__(*args, **kwargs)
        claims = self.fields["claims"]
        # The admin's autocomplete serves foreign keys only; evidence's key to Claim offers the same claims.
        claims.widget = AutocompleteSelectMultiple(FactCheckEvidence._meta.get_field("claim"), admin_site)
        claims.widget.choices = claims.choices  # as ModelChoiceField does for the widget it was made with
        if self.instance.pk:
            self.fields["claims"].initial = list(self.instance.claims.values_list("pk", flat=True))

    def clean_claims(self):
        claims = self.cleaned_data["claims"]
        unconfirmed = [claim for claim in claims if not claim.is_checkable]
        if unconfirmed:
            raise ValidationError(ngettext(
                "Confirm the extraction of this claim first: %(claims)s",
                "Confirm the extraction of these claims first: %(claims)s", len(unconfirmed),
            ) % {"claims": "; ".join(f"#{claim.pk} {claim}" for claim in unconfirmed)})
        return claims


@admin.register(FactCheck)
class FactCheckAdmin(CuratedAdmin):
    form = FactCheckForm
    list_display = ["__str__", "verdict", "checked_by", "checked_at", "claim_count"]
    list_filter = ["verdict"]
    search_fields = ["explanation", "claims__text"]
    readonly_fields = ["checked_by"]
    fields = ["claims", "verdict", "explanation", "checked_by", "checked_at"]
    inlines = [EvidenceInline]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        site = self.admin_site

        class WithSite(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, admin_site=site, **kw)

        return WithSite

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if "claims" in initial:
            initial["claims"] = initial["claims"].split(",")
        return initial

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("checked_by").annotate(claim_count=Count("claims"))

    @admin.display(description="Claims", ordering="claim_count")
    def claim_count(self, fact_check):
        return fact_check.claim_count

    def save_model(self, request, obj, form, change):
        obj.checked_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        fact_check, chosen = form.instance, set(form.cleaned_data["claims"])
        reason = _("Fact-check: %s") % fact_check.get_verdict_display().lower()
        for claim in fact_check.claims.exclude(pk__in=[c.pk for c in chosen]):
            claim.fact_check = None
            claim.mark_curated(request.user)
            claim._change_reason = _("Fact-check removed")
            claim.save()
        for claim in chosen:
            if claim.fact_check_id != fact_check.pk or change:
                claim.fact_check = fact_check
                claim.mark_curated(request.user)
                claim._change_reason = reason
                claim.save()
