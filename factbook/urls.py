from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from factbook.api.exports import csv_export

admin.site.site_header = "Factbook curation"
admin.site.site_title = "Factbook"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("factbook.api.urls")),
    path("export/<slug:kind>.csv", csv_export, name="csv_export"),
    # The language switcher's form is on every cached page, so it carries no reader's CSRF
    # token; choosing the interface language is no change another site could abuse.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", include("factbook.web.urls")),
]
