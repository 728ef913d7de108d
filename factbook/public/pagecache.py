"""Whole public pages kept in the cache for readers who are not logged in, so that a page
many read is rendered once, not once per reader.

A cached page is keyed by the data version, the reader's language, the address and the
formats the reader accepts. Any
change of what the site shows moves the version on, which makes every cached page stale at
once: a record saved or deleted (signals), a form or admin action posted by a logged-in
curator (the middleware), an article stored by an import or a vector stored by the
embedding stage (`changed()`, on commit). Pages also expire after
`settings.FACTBOOK_PAGE_CACHE_SECONDS`, for writes none of these see (a queryset
`.update()` in a shell); 0 turns the cache off. With several processes (gunicorn workers,
import workers) the cache must be one they share: Redis (`REDIS_URL`) or the file cache
the settings default to.
"""

import functools
import hashlib
import logging

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)
VERSION_KEY = "factbook:data-version"
CACHED_NAMESPACES = {"web", "api"}
SAFE_METHODS = {"GET", "HEAD"}


def data_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def changed():
    """What readers see changed: every cached page is stale once the current transaction
    commits (once however many records it changed; never failing the commit for the cache)."""
    if not any(hook is _move_version_on for _, hook, _ in transaction.get_connection().run_on_commit):
        transaction.on_commit(_move_version_on, robust=True)


def _move_version_on():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value makes the old pages unreachable
        cache.set(VERSION_KEY, data_version() + 1, timeout=None)


def _page_key(request) -> str:
    # The Accept header chooses between the API's JSON and its browsable HTML at one address.
    wanted = f"{request.get_full_path()}\n{request.headers.get('Accept', '')}"
    address = hashlib.sha256(wanted.encode()).hexdigest()
    return f"factbook:page:{data_version()}:{request.LANGUAGE_CODE}:{request.method}:{address}"


def _cacheable(request) -> bool:
    match = request.resolver_match
    return (settings.FACTBOOK_PAGE_CACHE_SECONDS > 0 and request.method in SAFE_METHODS
            and match is not None and match.namespace in CACHED_NAMESPACES
            and not request.user.is_authenticated)


class PageCacheMiddleware:
    """Serves a reader's page from the cache when it is there, and keeps it when it is not.
    Pages that set a cookie, stream (CSV exports) or fail are never kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key and response.status_code == 200 and not response.streaming and not response.cookies:
            try:
                cache.set(key, response, settings.FACTBOOK_PAGE_CACHE_SECONDS)  # rendered by now
            except Exception:  # the cache is down: readers still get their page
                logger.exception("could not keep %s in the cache", request.path)
        if request.method not in SAFE_METHODS and response.status_code < 400:
            changed()  # a curator's form or action: what it changed is seen at once
        return response

    def process_view(self, request, view, args, kwargs):
        if not _cacheable(request):
            return None
        try:
            key = _page_key(request)
            cached = cache.get(key)
        except Exception:  # the cache is down: render the page
            logger.exception("could not read the page cache")
            return None
        if cached is not None:
            return cached
        request._page_cache_key = key
        return None


def _on_change(sender, **kwargs):
    if sender._meta.app_label in _factbook_apps():
        changed()


@functools.cache
def _factbook_apps() -> frozenset[str]:
    return frozenset(config.label for config in apps.get_app_configs() if config.name.startswith("factbook."))


def connect_signals():
    """Every save and delete of a Factbook record, and of its many-to-many links, moves the version on."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"factbook-pagecache-{signal}")
