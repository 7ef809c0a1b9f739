"""The OpenAPI 3 schema: valid, without warnings, and served with its offline documentation."""

from io import StringIO

import yaml
from django.core.management import call_command


def test_the_schema_is_valid_openapi_3_with_no_warning(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target),
                 stdout=StringIO(), stderr=StringIO())  # fmt: skip
    schema = yaml.safe_load(target.read_text("utf-8"))
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in ["/api/v1/organizations/", "/api/v1/plans/{id}/", "/api/v1/plans/{id}/submit/",
                 "/api/v1/plans/{id}/review/", "/api/v1/board/{id}/{year}/",
                 "/api/v1/statistics/{id}/{year}/"]:  # fmt: skip
        assert path in paths, path
    line = schema["components"]["schemas"]["StatisticsLine"]["properties"]
    assert {"members", "rate", "activities", "participants", "welfare_amount"} <= set(line)
    assert schema["components"]["securitySchemes"]["token"]["scheme"] == "bearer"


def test_the_schema_and_docs_are_served_to_a_signed_in_person(client, tree):
    assert client.get("/api/v1/schema/").status_code in {401, 403}
    client.force_login(tree.school_chair)
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200 and b"/api/v1/plans/" in schema.content
    docs = client.get("/api/v1/docs/").content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in docs
    assert "cdn." not in docs and "unpkg" not in docs and "jsdelivr" not in docs
