"""Admin building blocks for curation: review actions with a confirmation step, the reviewer,
the curation marker and the reason of each change recorded on every curator action, and form
fields that lay out Urdu, Hindi and English text in its own direction."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.contrib.admin.utils import model_ngettext
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from factbook.sources.languages import detect_language, script_direction

from .models import EntityMerge, ReviewStatus

# Fields of a reviewable record's form that record decisions about it rather than correct it.
DECISION_FIELDS = {"status", "review_note", "fact_check"}


class ScriptAwareFields:
    """Text inputs and textareas take their direction from what is typed (dir="auto"), so
    Urdu runs right to left and English left to right in the same form."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, (forms.TextInput, forms.Textarea)):
            field.widget.attrs.setdefault("dir", "auto")
        return field


def in_own_direction(text, language=""):
    """A change list cell's text with its language and direction: Urdu cells run right to left."""
    return format_html('<span lang="{}" dir="{}">{}</span>', language or detect_language(text),
                       script_direction(text), text)


def changed_labels(form):
    return ", ".join(str(form.fields[name].label or name).lower() for name in form.changed_data if name in form.fields)


class CuratedAdmin(ScriptAwareFields, SimpleHistoryAdmin):
    """Every save from the admin marks the row as curated (where it has the marker) and says in
    the history what changed."""

    def save_model(self, request, obj, form, change):
        if hasattr(obj, "mark_curated"):
            obj.mark_curated(request.user)
        obj._change_reason = (_("Edited in the admin: %s") % changed_labels(form)) if change else _("Added in the admin")
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        """Rows edited inline (aliases, evidence, mentions) are curated too, with the reason."""
        reason = _("Edited in the admin, on the page of %s") % form.instance
        for obj in formset.save(commit=False):
            if hasattr(obj, "mark_curated"):
                obj.mark_curated(request.user)
            obj._change_reason = reason
            obj.save()
        for obj in formset.deleted_objects:
            obj._change_reason = reason
            obj.delete()
        formset.save_m2m()


def _review_action(status):
    def action(modeladmin, request, queryset):
        return modeladmin.confirm_review(request, queryset, status)

    action.__name__ = f"mark_{status}"
    action.short_description = f"Mark selected %(verbose_name_plural)s as {ReviewStatus(status).label.lower()}"
    action.allowed_permissions = ("change",)
    return action


def chosen(queryset, pk):
    """The row of `queryset` whose primary key is `pk` as posted, or None (not a number, not among them)."""
    try:
        return queryset.get(pk=queryset.model._meta.pk.to_python(pk))
    except (ValidationError, queryset.model.DoesNotExist):
        return None


class ReviewAdmin(CuratedAdmin):
    """For models with review fields: bulk confirm/reject after a confirmation page, and the
    reviewer and time recorded whenever a curator changes the status. A curator who corrects
    the record itself (and sets no status) leaves it *corrected*."""

    actions = [_review_action(s) for s in (ReviewStatus.CONFIRMED, ReviewStatus.REJECTED)]
    review_readonly_fields = ["reviewed_by", "reviewed_at"]
    review_template = "admin/curation/confirm_review.html"

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *self.review_readonly_fields]

    def response_action(self, request, queryset):
        """A selection that is not a list of ids (a tampered or stale form) gets a message."""
        try:
            for pk in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
                self.model._meta.pk.to_python(pk)
        except ValidationError:
            self.message_user(request, "The selection was not understood; select the rows again.", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)

    def save_model(self, request, obj, form, change):
        corrections = set(form.changed_data) - DECISION_FIELDS
        if "status" in form.changed_data:
            obj.mark_reviewed(obj.status, request.user)
        elif change and corrections and obj.status != ReviewStatus.REJECTED:
            obj.mark_reviewed(ReviewStatus.CORRECTED, request.user)
        super().save_model(request, obj, form, change)

    def review_items(self, queryset):
        """What the confirmation page lists; claims add their claimant and sentence."""
        return list(queryset)

    def confirm_review(self, request, queryset, status):
        status = ReviewStatus(status)
        if request.POST.get("confirmed"):
            changed = queryset.review(status, request.user, request.POST.get("review_note", "").strip(),
                                      reason=_("Review (bulk action): marked %s") % status.label.lower())
            self.message_user(request, _("%(count)d %(items)s marked %(status)s.") % {
                "count": changed, "items": model_ngettext(self.opts, changed), "status": status.label.lower(),
            }, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Mark as %s?") % status.label.lower(),
            "opts": self.model._meta,
            "items": self.review_items(queryset),
            "status": status,
            "action": request.POST["action"],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, self.review_template, context)


@admin.register(EntityMerge)
class EntityMergeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "entity_type", "merged_by", "merged_at"]
    list_filter = ["entity_type"]
    readonly_fields = ["entity_type", "survivor_id", "merged_id", "merged_name", "moved", "merged_by", "merged_at"]

    def has_add_permission(self, request):
        return False  # merges happen through the merge action

    def has_change_permission(self, request, obj=None):
        return False
