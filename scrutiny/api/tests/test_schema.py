import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


class TestSchema:
    def test_the_served_schema_is_valid_openapi(self, client):
        response = client.get(reverse("api:schema"))
        assert response.status_code == 200
        schema = yaml.safe_load(response.content)
        validate(schema)
        assert schema["info"]["title"] == "Scrutiny API"

    def test_it_documents_every_endpoint(self, client):
        paths = yaml.safe_load(client.get(reverse("api:schema")).content)["paths"]
        assert set(paths) == {
            "/api/v1/panels/",
            "/api/v1/panels/{panel_slug}/",
            "/api/v1/panels/{panel_slug}/meetings/",
            "/api/v1/panels/{panel_slug}/meetings/{meeting_slug}/",
            "/api/v1/panels/{panel_slug}/meetings/{meeting_slug}/checks/",
            "/api/v1/panels/{panel_slug}/members/",
            "/api/v1/panels/{panel_slug}/measurements/",
            "/api/v1/panels/{panel_slug}/indicators/",
            "/api/v1/panels/{panel_slug}/indicators/{indicator_slug}/series/",
        }

    def test_public_endpoints_allow_anonymous_access_and_staff_ones_do_not(self, client):
        paths = yaml.safe_load(client.get(reverse("api:schema")).content)["paths"]
        assert {} in paths["/api/v1/panels/{panel_slug}/meetings/{meeting_slug}/"]["get"]["security"]
        assert {} not in paths["/api/v1/panels/{panel_slug}/meetings/{meeting_slug}/checks/"]["get"]["security"]

    def test_errors_are_documented_in_the_one_format(self, client):
        schema = yaml.safe_load(client.get(reverse("api:schema")).content)
        checks = schema["paths"]["/api/v1/panels/{panel_slug}/meetings/{meeting_slug}/checks/"]["get"]
        for status in ("401", "404"):
            assert checks["responses"][status]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"
            }

    def test_generation_raises_no_warnings(self, tmp_path):
        call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
