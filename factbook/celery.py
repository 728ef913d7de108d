"""The task queue: Celery, with its broker from CELERY_BROKER_URL (Redis in docker-compose).
Without one, tasks run in the calling process as they are enqueued (the embedded default)."""

from celery import Celery

app = Celery("factbook")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
