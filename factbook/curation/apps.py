from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "factbook.curation"

    def ready(self):
        from simple_history.signals import pre_create_historical_record

        from .history import name_the_action

        pre_create_historical_record.connect(name_the_action, dispatch_uid="factbook.curation.name_the_action")
