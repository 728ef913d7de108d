from django.apps import AppConfig
from django.db.backends.signals import connection_created


def set_name_similarity_threshold(sender, connection, **kwargs):
    """Let pg_trgm's `%>` operator, which its GIN indexes serve, find the names search ranks."""
    if connection.vendor == "postgresql":
        from factbook.public.search import MIN_NAME_SIMILARITY

        with connection.cursor() as cursor:
            cursor.execute("SET pg_trgm.word_similarity_threshold = %s", [MIN_NAME_SIMILARITY])


class WebConfig(AppConfig):
    name = "factbook.web"

    def ready(self):
        from factbook.public import pagecache

        connection_created.connect(set_name_similarity_threshold, dispatch_uid="factbook.web.trgm_threshold")
        pagecache.connect_signals()
