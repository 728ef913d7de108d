"""Admin building blocks for curation: review actions with a confirmation step, review
fields stamped with the curator, and history (django-simple-history) on every fact."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin

from .models import EntityMerge, ReviewStatus

REVIEW_FIELDS = ["status", "review_note", "reviewed_by", "reviewed_at"]


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


class ReviewAdmin(SimpleHistoryAdmin):
    """For models with review fields: bulk verify/dispute/reject after a confirmation page,
    and the reviewer and time recorded whenever a curator changes the status."""

    actions = [_review_action(s) for s in (ReviewStatus.VERIFIED, ReviewStatus.DISPUTED, ReviewStatus.REJECTED)]
    review_readonly_fields = ["reviewed_by", "reviewed_at"]

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
        if "status" in form.changed_data:
            obj.mark_reviewed(obj.status, request.user)
        super().save_model(request, obj, form, change)

    def confirm_review(self, request, queryset, status):
        if request.POST.get("confirmed"):
            changed = queryset.review(status, request.user, request.POST.get("review_note", "").strip())
            self.message_user(
                request, f"{changed} {self.model._meta.verbose_name_plural} marked {ReviewStatus(status).label.lower()}.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Mark as {ReviewStatus(status).label.lower()}?",
            "opts": self.model._meta,
            "queryset": queryset,
            "status": ReviewStatus(status),
            "action": request.POST["action"],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/curation/confirm_review.html", context)


@admin.register(EntityMerge)
class EntityMergeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "entity_type", "merged_by", "merged_at"]
    list_filter = ["entity_type"]
    readonly_fields = ["entity_type", "survivor_id", "merged_id", "merged_name", "moved", "merged_by", "merged_at"]

    def has_add_permission(self, request):
        return False  # merges happen through the merge action

    def has_change_permission(self, request, obj=None):
        return False
