from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "factbook.imports"
    verbose_name = "Imports"
