from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "factbook.imports"
    verbose_name = "Imports"

    def ready(self):
        # The Celery app binds the jobs' shared tasks. It is loaded here, with Django, rather than
        # from factbook/__init__.py, so that the extraction stages stay importable without Django.
        from factbook import celery  # noqa: F401
