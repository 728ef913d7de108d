from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Factbook curation"
admin.site.site_title = "Factbook"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("factbook.web.urls")),
]
