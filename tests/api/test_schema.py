import re

import yaml
from django.core.management import call_command
from django.urls import reverse


def test_schema_is_valid_openapi_and_generates_without_warnings(db, tmp_path):
    schema_file = tmp_path / "schema.yaml"
    # Raises on any warning (an undocumented field or filter) and on any violation of OpenAPI 3.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema_file))
    paths = yaml.safe_load(schema_file.read_text(encoding="utf-8"))["paths"]
    assert {"/api/claims/", "/api/claims/{id}/annotation/", "/api/sentences/"} <= set(paths)


def test_schema_is_served(client, db):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")


def test_docs_load_only_local_assets(client, db):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "<script>" not in html and "<style>" not in html  # the CSP allows neither
    start_up = client.get(reverse("api:docs"), {"script": ""})
    assert start_up["Content-Type"].startswith("application/javascript")
    assert '"validatorUrl": null' in start_up.content.decode()
