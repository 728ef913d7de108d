from django.contrib import admin
from django.urls import include, path

from factbook.api.exports import csv_export

admin.site.site_header = "Factbook curation"
admin.site.site_title = "Factbook"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("factbook.api.urls")),
    path("export/<slug:kind>.csv", csv_export, name="csv_export"),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the language switcher's form
    path("", include("factbook.web.urls")),
]
