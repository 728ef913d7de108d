from django.apps import AppConfig


class ApiConfig(AppConfig):
    """Every machine-readable way out of Factbook: the JSON API, its schema, CSV and annotations."""

    name = "factbook.api"
    label = "api"
    verbose_name = "Public API"
