from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"


class Router(DefaultRouter):
    APIRootView = views.APIRoot


router = Router()
router.register("sources", views.SourceViewSet)
router.register("sentences", views.SentenceViewSet)
router.register("persons", views.PersonViewSet)
router.register("organisations", views.OrganisationViewSet)
router.register("events", views.EventViewSet)
router.register("claims", views.ClaimViewSet)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI from drf-spectacular-sidecar's static files: the docs work offline too. The split
    # view serves its start-up script as a file of its own (?script), as the CSP demands.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
         name="docs"),
    path("", include(router.urls)),
]
