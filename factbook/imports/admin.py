import uuid

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from factbook.extraction.pipeline import METADATA_FILE

from .models import ImportJob, JobStatus
from .tasks import enqueue, retry


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        return [super(MultipleFileField, self).clean(item, initial) for item in (data or [])] or super().clean(None)


class UploadForm(forms.Form):
    articles = MultipleFileField(help_text="UTF-8 .txt files, one paragraph per line.")
    metadata = forms.FileField(required=False, label=METADATA_FILE,
                               help_text="Optional: title, language, published_on … for each file name.")

    def clean_articles(self):
        articles = self.cleaned_data["articles"]
        wrong = [f.name for f in articles if not f.name.endswith(".txt")]
        if wrong:
            raise forms.ValidationError(f"Only .txt articles can be imported, not {', '.join(wrong)}.")
        return articles


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["file_name", "status", "reason", "source_link", "queued_at", "finished_at", "attempts"]
    list_filter = ["status"]
    search_fields = ["path", "reason"]
    readonly_fields = ["path", "status", "reason", "created", "source", "queued_at", "started_at", "finished_at",
                       "attempts"]
    list_select_related = ["source"]
    actions = ["retry_failed"]

    def has_add_permission(self, request):
        return False  # jobs come from uploads and the import command

    @admin.display(description="source")
    def source_link(self, job):
        if job.source_id is None:
            return ""
        return format_html('<a href="{}">#{}</a>', reverse("admin:sources_source_change", args=[job.source_id]),
                           job.source_id)

    @admin.action(description="Retry selected failed jobs", permissions=["change"])
    def retry_failed(self, request, queryset):
        count = retry(queryset)
        self.message_user(request, f"{count} failed job(s) queued again.", messages.SUCCESS)

    def get_urls(self):
        upload = self.admin_site.admin_view(self.upload_view)
        return [path("upload/", upload, name="imports_importjob_upload")] + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        counts = dict.fromkeys(JobStatus.values, 0) | {
            row["status"]: row["n"] for row in ImportJob.objects.values("status").annotate(n=Count("pk"))
        }
        return super().changelist_view(request, {**(extra_context or {}), "job_counts": counts})

    def upload_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            folder = settings.FACTBOOK_UPLOAD_DIR / f"{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}"
            folder.mkdir(parents=True)
            paths = []
            for upload in form.cleaned_data["articles"]:
                target = folder / upload.name.rsplit("/", 1)[-1]
                target.write_bytes(upload.read())
                paths.append(target)
            if form.cleaned_data["metadata"]:
                (folder / METADATA_FILE).write_bytes(form.cleaned_data["metadata"].read())
            jobs = enqueue(paths)
            self.message_user(request, f"{len(jobs)} article(s) queued for import.", messages.SUCCESS)
            return redirect("admin:imports_importjob_changelist")
        context = {**self.admin_site.each_context(request), "form": form, "opts": self.model._meta,
                   "title": "Upload articles"}
        return TemplateResponse(request, "admin/imports/importjob/upload.html", context)
