from django.urls import path

from . import feeds, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
    path("persons/", views.person_list, name="person_list"),
    path("persons/<int:pk>/", views.person_detail, name="person_detail"),
    path("persons/<int:pk>/feed/", feeds.PersonClaimsFeed(), name="person_feed"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/feed/", feeds.OrganisationClaimsFeed(), name="organisation_feed"),
    path("events/", views.event_list, name="event_list"),
    path("events/timeline/", views.event_timeline, name="event_timeline"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("claims/", views.claim_list, name="claim_list"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("about/", views.about, name="about"),
    path("autocomplete/<slug:kind>/", views.autocomplete, name="autocomplete"),
    path("how-we-check/", views.how_we_check, name="how_we_check"),
    path("fact-checks/feed/", feeds.FactChecksFeed(), name="fact_check_feed"),
]
