"""Factbook settings.

Everything that differs between a laptop and production comes from the environment:
DATABASE_URL (default: an SQLite file in the project folder), SECRET_KEY, DEBUG, ALLOWED_HOSTS,
and the HTTPS settings below, which are on whenever DEBUG is off.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
        raise RuntimeError(f"{name}={value!r}: use 1 or 0.")
    return value in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not DEBUG and (
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):  # the same test as `check --deploy`: a placeholder or a short key never runs in production
    raise RuntimeError(
        f"SECRET_KEY must be set to a random value of at least {SECRET_KEY_MIN_LENGTH} characters when DEBUG is off, "
        "e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
SECRET_KEY = SECRET_KEY or "insecure-development-key-only-for-local-use"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# HTTPS only, unless DEBUG is on or each is switched off (e.g. SECURE_SSL_REDIRECT=0 when trying
# the Docker image on http://localhost).
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_flag("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_flag("CSRF_COOKIE_SECURE", not DEBUG)
# Behind a proxy that terminates TLS: the header it sets and its value, "HTTP_X_FORWARDED_PROTO,https".
# Never on by default: without such a proxy, any client could claim to be on HTTPS.
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = tuple(os.environ["SECURE_PROXY_SSL_HEADER"].split(",", 1))
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"

# Every page, the admin and the API docs included, uses only its own scripts, styles, fonts
# and images: no inline script or <style>, nothing from another host, never framed. Style
# attributes (which cannot run code) are allowed: the admin's autocomplete and DRF's pages set them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],  # Swagger UI's icons are data: SVGs in its stylesheet
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

INSTALLED_APPS = [
    "factbook.curation",  # before the admin: its admin/base_site.html adds the shipped fonts
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "factbook.sources",
    "factbook.entities",
    "factbook.events",
    "factbook.claims",
    "factbook.corroboration",
    "factbook.extraction",
    "factbook.imports",
    "factbook.web",
    "factbook.api",
    "factbook.benchmark",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "factbook.public.pagecache.PageCacheMiddleware",  # innermost: it sees the view and the user
]

ROOT_URLCONF = "factbook.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "factbook.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'factbook.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets the site read while an import writes, and with synchronous=NORMAL
    # a commit no longer waits for the disk (a power cut may lose the last commits, never
    # consistency: https://www.sqlite.org/wal.html). IMMEDIATE takes the write lock when a
    # transaction starts, so two writers wait for each other instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20, transaction_mode="IMMEDIATE", init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Every query of a page reads a few index ranges. JIT compiling one whose estimate is high
    # (a subquery per row) took 55 ms to save none, and parallel workers' start-up cost more
    # than the scans they share while other requests keep the cores busy.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c jit=off -c max_parallel_workers_per_gather=0")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface in the languages of the articles: the reader's choice (the switcher on every
# page stores it in a cookie), else the browser's Accept-Language, else English.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ur", "اردو"), ("hi", "हिन्दी")]
LOCALE_PATHS = [BASE_DIR / "factbook" / "locale"]
FORMAT_MODULE_PATH = ["factbook.formats"]  # English dates as "7 April 2021", as the articles write them
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Articles larger than this are refused by the import: a news article is a few tens of KB.
FACTBOOK_MAX_ARTICLE_BYTES = int(os.environ.get("FACTBOOK_MAX_ARTICLE_BYTES", str(2 * 1024 * 1024)))
# A metadata.yaml is a few hundred bytes an article; one far larger is refused, not parsed.
FACTBOOK_MAX_METADATA_BYTES = int(os.environ.get("FACTBOOK_MAX_METADATA_BYTES", str(1024 * 1024)))
FACTBOOK_SEEDS_DIR = BASE_DIR / "seeds"
FACTBOOK_PAGE_SIZE = 25
# The nearest-neighbour index of claim vectors (factbook/corroboration/vectors.py); without the
# file, search by meaning scans the stored vectors, which is enough for a small collection.
FACTBOOK_VECTOR_INDEX = Path(os.environ.get("FACTBOOK_VECTOR_INDEX", BASE_DIR / "claim-vectors.usearch"))
# Who publishes the fact-checks: the author of every ClaimReview. "url" defaults to the site's home.
FACTBOOK_PUBLISHER = {
    "name": os.environ.get("FACTBOOK_PUBLISHER_NAME", "Factbook"),
    "url": os.environ.get("FACTBOOK_PUBLISHER_URL", ""),
}

# The cache every process shares: whole public pages (factbook/public/pagecache.py) and the
# home page's counts. Redis when REDIS_URL names one, else files beside the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL} if REDIS_URL
          else {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": os.environ.get("FACTBOOK_CACHE_DIR", str(BASE_DIR / ".cache" / "pages"))}}
# How long a reader's page is kept at most (any change makes it stale before); 0: not at all.
FACTBOOK_PAGE_CACHE_SECONDS = int(os.environ.get("FACTBOOK_PAGE_CACHE_SECONDS", "600"))

# Where articles uploaded in the admin are kept for the workers to read (a volume shared by
# web and worker in docker-compose).
FACTBOOK_UPLOAD_DIR = Path(os.environ.get("FACTBOOK_UPLOAD_DIR", BASE_DIR / "uploads"))

# The task queue (see factbook/celery.py). Without a broker, jobs run in the process that
# enqueues them, so the embedded default needs no service.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://localhost/"
CELERY_TASK_IGNORE_RESULT = True  # a job's outcome is its ImportJob row
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # one article at a time per worker process: long tasks
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# The JSON API at /api/: public, read-only, so no logins (and no CSRF) are involved.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "factbook.api.renderers.BrowsableAPIRenderer",  # its assets are local static files
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "factbook.public.pagination.EstimatingPagination",
    "PAGE_SIZE": FACTBOOK_PAGE_SIZE,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Factbook API",
    "DESCRIPTION": (
        "Read-only access to the public records of Factbook: sources (articles) and their sentences, "
        "persons, organisations, events and claims. Records a curator rejected are never included. "
        "Offsets are Python string indices (code points) into NFC-normalised text: a sentence's into its "
        "source's text, a claim's into its sentence's text. Lists take the same filters as the list pages "
        "of the site. Every list also downloads as CSV at `/export/<kind>.csv` (sources, persons, "
        "organisations, events, claims) with the same filters; the CSV is UTF-8 with a byte order mark "
        "so that Excel shows Urdu and Hindi correctly."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {"ClaimantTypeEnum": "factbook.entities.models.EntityType"},
    # Served from drf-spectacular-sidecar's static files, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},  # no call to validator.swagger.io
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
