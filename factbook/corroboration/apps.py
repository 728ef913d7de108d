from django.apps import AppConfig


class CorroborationConfig(AppConfig):
    name = "factbook.corroboration"
    verbose_name = "corroboration"
