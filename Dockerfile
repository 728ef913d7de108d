# Factbook image (web and worker): gunicorn behind WhiteNoise for static files, PostgreSQL via DATABASE_URL.
# Used by docker-compose.yml; the container's command there migrates and imports seeds/ first.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

# Dependencies first (exact versions from constraints.txt), so code changes reuse this layer.
COPY pyproject.toml constraints.txt README.md ./
COPY factbook ./factbook
RUN pip install -c constraints.txt .

COPY manage.py ./
COPY seeds ./seeds

# Static files for WhiteNoise's manifest storage (active when DEBUG=0); a random key for this step only.
RUN DEBUG=0 SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    python manage.py collectstatic --noinput

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin factbook \
    && mkdir /uploads && chown factbook /uploads \
    && mkdir /cache && chown factbook /cache
# /uploads: articles uploaded in the admin, read by the worker. /cache: the page cache's files
# when no REDIS_URL is given (docker-compose gives one, which web and worker share).
USER factbook

ENV DEBUG=0 FACTBOOK_CACHE_DIR=/cache
EXPOSE 8000
CMD ["gunicorn", "factbook.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
