"""How the site is secured: the Content-Security-Policy of every page, and the production
settings the README documents, checked by Django's own `check --deploy`."""

import re
import secrets
import subprocess
import sys

import pytest
import yaml
from django.urls import reverse

from tests.conftest import REPO_ROOT

PAGES = ["web:home", "web:claim_list", "web:event_list", "admin:login", "api:docs", "api:api-root"]


def production_environment():
    """The `export NAME=value` lines of the README's production environment, with a real key."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("**The production environment**", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    environment = dict(re.findall(r"^export (\w+)=(\S+)", block, re.MULTILINE))
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"} <= set(environment)
    return {**environment, "SECRET_KEY": secrets.token_urlsafe(50)}


def manage(*args, **environment):
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite:///:memory:", **environment}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_every_page_sends_a_strict_content_security_policy(client, page):
    policy = client.get(reverse(page))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == directives["script-src"] == directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == directives["object-src"] == "'none'"


def test_check_deploy_reports_nothing_with_the_documented_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("key", ["", "compose-placeholder-secret-key-change-me", "django-insecure-" + "x1y2z3" * 9,
                                 "a" * 60])
def test_production_refuses_to_start_with_a_missing_or_placeholder_secret_key(key):
    result = manage("check", **{**production_environment(), "SECRET_KEY": key})
    assert result.returncode != 0 and "SECRET_KEY must be set to a random value" in result.stderr


def test_docker_compose_ships_no_working_secret_key():
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert compose["services"]["web"]["environment"]["SECRET_KEY"].startswith("${SECRET_KEY:?")


def test_https_settings_can_be_switched_off_one_by_one():
    result = manage("shell", "-v", "0", "-c", "from django.conf import settings; print(settings.SECURE_SSL_REDIRECT, "
                    "settings.SESSION_COOKIE_SECURE)", **production_environment(), SECURE_SSL_REDIRECT="0")
    assert result.stdout.split() == ["False", "True"], result.stderr
