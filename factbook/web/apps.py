from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "factbook.web"
