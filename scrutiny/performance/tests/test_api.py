"""The performance API, mounted here as scrutiny/api/urls.py will mount it (see urls_api.py)."""

from decimal import Decimal as D

import pytest
import yaml
from django.core.management import call_command
from django.urls import include, path, reverse
from openapi_spec_validator import validate
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from scrutiny.accounts.tests.helpers import build_ladder
from scrutiny.api import urls as api_urls
from scrutiny.performance import urls_api
from scrutiny.performance.choices import Polarity, Unit
from scrutiny.performance.models import Measurement, Period
from scrutiny.performance.periods import parse_period_label

from .factories import IndicatorFactory, MeasurementFactory, ReportedChangeFactory

urlpatterns = [
    path("api/v1/", include(([*api_urls.urlpatterns, *urls_api.urlpatterns], "api"))),
]
handler404 = "scrutiny.api.errors.handler404"

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def ladder():
    return build_ladder()


@pytest.fixture
def calls(ladder):
    return IndicatorFactory(
        panel=ladder.panel, slug="calls-999", unit=Unit.PERCENTAGE, polarity=Polarity.HIGHER_IS_BETTER
    )


def url(panel):
    return reverse("api:measurement_create", kwargs={"panel_slug": panel.slug})


def _month(label):
    spec = parse_period_label(label)
    return {"period__start": spec.start, "period__end": spec.end}


GOOD = {"indicator": "calls-999", "period": "June 23", "value": "76", "national": "71"}


class TestMeasurementCreate:
    @pytest.mark.parametrize("rung", ["pcc_office", "officer", "administrator"])
    def test_those_who_supply_figures_may_post(self, ladder, calls, rung):
        response = token_client(getattr(ladder, rung)).post(url(ladder.panel), GOOD, format="json")
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["period"]["label"] == "June 2023"
        assert D(body["value"]) == D(76)
        assert Measurement.objects.get().indicator == calls

    def test_posting_again_updates(self, ladder, calls):
        client = token_client(ladder.pcc_office)
        client.post(url(ladder.panel), GOOD, format="json")
        response = client.post(url(ladder.panel), {**GOOD, "value": "77"}, format="json")
        assert response.status_code == 200
        assert Measurement.objects.get().value == D(77)

    def test_anonymous_is_unauthorised(self, ladder, calls):
        response = APIClient().post(url(ladder.panel), GOOD, format="json")
        assert response.status_code == 401
        assert response.json()["error"]["status"] == 401

    def test_a_panel_member_may_not_supply_figures(self, ladder, calls):
        response = token_client(ladder.member).post(url(ladder.panel), GOOD, format="json")
        assert response.status_code == 403
        assert not Measurement.objects.exists()

    @pytest.mark.parametrize("rung", ["outsider", "other_officer"])
    def test_another_panel_is_not_found(self, ladder, calls, rung):
        response = token_client(getattr(ladder, rung)).post(url(ladder.panel), GOOD, format="json")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
        assert not Measurement.objects.exists()

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({**GOOD, "value": "101"}, "value"),
            ({**GOOD, "indicator": "nope"}, "indicator"),
            ({**GOOD, "period": "Q1 23/23"}, "period"),
            ({**GOOD, "unit": "count"}, "unit"),
            ({**GOOD, "value": "many"}, "value"),
        ],
    )
    def test_validation_errors_in_the_one_format_and_nothing_stored(self, ladder, calls, body, field):
        response = token_client(ladder.pcc_office).post(url(ladder.panel), body, format="json")
        assert response.status_code == 400
        error = response.json()["error"]
        assert (error["status"], error["code"]) == (400, "invalid")
        assert field in error["fields"]
        assert not Measurement.objects.exists()
        assert not Period.objects.exists()


class TestPublicReads:
    def test_series_is_public(self, ladder, calls):
        for label, value in (("June 2022", 90), ("June 2023", 76)):
            MeasurementFactory(indicator=calls, period__kind="month", period__label=label, value=value, **_month(label))
        response = APIClient().get(
            reverse("api:indicator_series", kwargs={"panel_slug": ladder.panel.slug, "indicator_slug": "calls-999"})
        )
        assert response.status_code == 200
        body = response.json()
        assert body["name"] == calls.name
        assert [(p["period"]["label"], D(p["value"])) for p in body["series"]] == [
            ("June 2022", D(90)),
            ("June 2023", D(76)),
        ]

    def test_series_of_an_unknown_indicator_is_not_found(self, ladder):
        response = APIClient().get(
            reverse("api:indicator_series", kwargs={"panel_slug": ladder.panel.slug, "indicator_slug": "nope"})
        )
        assert response.status_code == 404

    def test_indicator_list_shows_reported_changes_apart_from_derived_ones(self, ladder, calls):
        ReportedChangeFactory(indicator=calls, period__label="Q1 2023/24", change_pct=D(-9))
        response = APIClient().get(reverse("api:indicator_list", kwargs={"panel_slug": ladder.panel.slug}))
        assert response.status_code == 200
        [row] = response.json()
        assert row["change_on_last_year"] is None
        assert D(row["reported_changes"][0]["change_pct"]) == D(-9)


class TestSchema:
    def test_generation_raises_no_warnings(self, tmp_path, settings):
        settings.ROOT_URLCONF = __name__
        call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))

    def test_the_schema_is_valid_and_documents_the_endpoints(self, client):
        response = client.get(reverse("api:schema"))
        schema = yaml.safe_load(response.content)
        validate(schema)
        paths = schema["paths"]
        create = paths["/api/v1/panels/{panel_slug}/measurements/"]["post"]
        assert {} not in create["security"]
        for status in ("400", "401", "403", "404"):
            assert create["responses"][status]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"
            }
        series = paths["/api/v1/panels/{panel_slug}/indicators/{indicator_slug}/series/"]["get"]
        assert {} in series["security"]
        assert {} in paths["/api/v1/panels/{panel_slug}/indicators/"]["get"]["security"]
