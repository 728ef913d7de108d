"""The task queue: Celery, with its broker from CELERY_BROKER_URL (Redis in docker-compose).
Without one, tasks run in the calling process as they are enqueued (the embedded default)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factbook.settings")
app = Celery("factbook")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
