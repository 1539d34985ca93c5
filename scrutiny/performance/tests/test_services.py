from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from scrutiny.core.models import AuditEvent
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.performance import periods, services
from scrutiny.performance.choices import EthnicGroup, StaffCategory, Unit
from scrutiny.performance.models import Measurement, OutcomeCount, ReportedChange, WorkforceCount

from .factories import IndicatorFactory, ObjectiveFactory, PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def q1():
    return periods.period_get_or_create("Q1 2023/24")


class TestMeasurementRecord:
    def test_records_and_audits(self, q1):
        indicator = IndicatorFactory(unit=Unit.PERCENTAGE)
        m = services.measurement_record(acting_user=None, indicator=indicator, period=q1, value="76", national=71)
        assert (m.value, m.national) == (D(76), D(71))
        assert AuditEvent.objects.filter(verb="measurement_record", panel_id=indicator.panel_id).count() == 1

    def test_recording_again_replaces(self, q1):
        indicator = IndicatorFactory(unit=Unit.PERCENTAGE)
        services.measurement_record(acting_user=None, indicator=indicator, period=q1, value=76)
        services.measurement_record(acting_user=None, indicator=indicator, period=q1, value=77)
        assert list(Measurement.objects.values_list("value", flat=True)) == [D(77)]

    @pytest.mark.parametrize(
        ("unit", "fields", "field", "message"),
        [
            (Unit.PERCENTAGE, {"value": "100.1"}, "value", "between 0 and 100"),
            (Unit.PERCENTAGE, {"value": 50, "msg_average": 101}, "msg_average", "between 0 and 100"),
            (Unit.COUNT, {"value": -1}, "value", "cannot be negative"),
            (Unit.COUNT, {"value": "2.5"}, "value", "whole number"),
            (Unit.PERCENTAGE, {"value": "abc"}, "value", "not a number"),
            (Unit.PERCENTAGE, {"value": 50, "unit": Unit.COUNT}, "unit", "measured in percentage"),
            (Unit.PERCENTAGE, {"text_value": "Good"}, "text_value", "takes a number"),
            (Unit.TEXT, {"value": 1}, "value", "text status"),
            (Unit.PERCENTAGE, {}, "value", "required"),
        ],
    )
    def test_refusals(self, q1, unit, fields, field, message):
        indicator = IndicatorFactory(unit=unit)
        with pytest.raises(ValidationError) as caught:
            services.measurement_record(acting_user=None, indicator=indicator, period=q1, **fields)
        assert message in " ".join(caught.value.message_dict[field])
        assert not Measurement.objects.exists()

    def test_text_status(self, q1):
        indicator = IndicatorFactory(unit=Unit.TEXT, target_text="Unqualified")
        m = services.measurement_record(
            acting_user=None, indicator=indicator, period=q1, text_value="Expected January 2024"
        )
        assert (m.value, m.text_value) == (None, "Expected January 2024")


class TestReportedChange:
    def test_recorded_as_stated_and_replaced_on_second_record(self, q1):
        indicator = IndicatorFactory(unit=Unit.COUNT)
        kwargs = {"acting_user": None, "indicator": indicator, "period": q1, "compared_with": "last_year"}
        services.reported_change_record(change_pct=-9, source="Table 1", period_label_as_printed="Q1 23/23", **kwargs)
        services.reported_change_record(change_pct=-8, source="Table 1", **kwargs)
        assert list(ReportedChange.objects.values_list("change_pct", flat=True)) == [D(-8)]
        assert not Measurement.objects.exists()


class TestOutcomeCounts:
    def test_recorded_in_one_transaction(self, q1):
        panel = PanelFactory()
        services.outcome_counts_record(
            acting_user=None, panel=panel, period=q1, crime_group="Robbery", counts={1: 5, "1a": 1, 18: 60}
        )
        assert set(OutcomeCount.objects.values_list("outcome_code", "count")) == {("1", 5), ("1A", 1), ("18", 60)}

    def test_refuses_unknown_codes_and_negative_counts_storing_nothing(self, q1):
        with pytest.raises(ValidationError) as caught:
            services.outcome_counts_record(
                acting_user=None, panel=PanelFactory(), period=q1, crime_group="Robbery", counts={1: -1, 99: 3}
            )
        assert set(caught.value.message_dict) == {"1", "99"}
        assert not OutcomeCount.objects.exists()


class TestFinanceAndWorkforce:
    def test_finance_report_is_one_per_period(self, q1):
        panel = PanelFactory()
        for spend in ("78.000", "78.954"):
            services.finance_report_record(
                acting_user=None,
                panel=panel,
                period=q1,
                financial_year="2023/24",
                approved_budget=D("277.068"),
                ytd_profile=D("80.328"),
                ytd_spend=D(spend),
            )
        assert panel.finance_reports.get().ytd_spend == D("78.954")

    def test_workforce_counts(self):
        panel = PanelFactory()
        services.workforce_counts_record(
            acting_user=None,
            panel=panel,
            as_of=date(2023, 4, 1),
            counts={StaffCategory.SPECIAL: {EthnicGroup.BAME: 2, EthnicGroup.WHITE: 66}},
        )
        assert WorkforceCount.objects.filter(panel=panel).count() == 2

    def test_printed_percentage_rows_are_the_tables(self):
        with pytest.raises(ValidationError):
            services.printed_workforce_percentage_record(
                acting_user=None, panel=PanelFactory(), as_of=date(2021, 4, 1), row="pcso", printed_pct=1, source="x"
            )


class TestIndicators:
    def test_create_with_slug_from_name(self):
        panel = PanelFactory()
        objective = ObjectiveFactory(plan=PlanFactory(panel=panel))
        indicator = services.indicator_create(
            acting_user=None, panel=panel, name="Median Grade 1 response time", unit=Unit.MINUTES, objective=objective
        )
        assert indicator.slug == "median-grade-1-response-time"
        assert AuditEvent.objects.filter(verb="indicator_create").exists()

    def test_objective_of_another_panel_is_refused(self):
        with pytest.raises(ValidationError):
            services.indicator_create(
                acting_user=None, panel=PanelFactory(), name="X", unit=Unit.COUNT, objective=ObjectiveFactory()
            )

    def test_unit_cannot_change_under_measurements(self, q1):
        indicator = IndicatorFactory(unit=Unit.PERCENTAGE)
        services.measurement_record(acting_user=None, indicator=indicator, period=q1, value=10)
        with pytest.raises(ValidationError):
            services.indicator_update(acting_user=None, indicator=indicator, unit=Unit.COUNT)
        updated = services.indicator_update(acting_user=None, indicator=indicator, target_value=D(12))
        assert updated.target_value == D(12)

    def test_action_taken_set_never_holds_0_or_5(self):
        panel = PanelFactory()
        with pytest.raises(ValidationError):
            services.action_taken_outcomes_set(acting_user=None, panel=panel, codes=["1", "5"])
        codes = services.action_taken_outcomes_set(acting_user=None, panel=panel, codes=["1", "1A", "22"])
        assert [c.code for c in codes] == ["1", "1A", "22"]
