from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "factbook.curation"
