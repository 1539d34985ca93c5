"""factory_boy factories for the performance app (no fixed primary keys)."""

import datetime
from decimal import Decimal

import factory

from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.performance.choices import EthnicGroup, PeriodKind, Polarity, StaffCategory, Unit
from scrutiny.performance.models import (
    ActionTakenOutcome,
    CapitalProject,
    CensusBenchmark,
    EstatesBudgetLine,
    FinanceReport,
    Indicator,
    IndicatorNarrative,
    Measurement,
    Objective,
    OutcomeCount,
    Period,
    Plan,
    PrintedWorkforcePercentage,
    ReportedChange,
    WorkforceCount,
)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    panel = factory.SubFactory(PanelFactory)
    title = factory.Sequence(lambda n: f"Police and Crime Plan {n}")
    starts = datetime.date(2021, 4, 1)
    ends = datetime.date(2025, 3, 31)


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Objective {n}")


class PeriodFactory(factory.django.DjangoModelFactory):
    """A financial-year quarter by default (Q1 2023/24); pass kind/start/end/label for others."""

    class Meta:
        model = Period
        django_get_or_create = ("kind", "start", "end")

    kind = PeriodKind.QUARTER
    start = datetime.date(2023, 4, 1)
    end = datetime.date(2023, 6, 30)
    label = "Q1 2023/24"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    panel = factory.SubFactory(PanelFactory)
    objective = None
    slug = factory.Sequence(lambda n: f"indicator-{n}")
    order = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = Unit.PERCENTAGE
    polarity = Polarity.HIGHER_IS_BETTER


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.SubFactory(PeriodFactory)
    value = Decimal("50")


class ReportedChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportedChange

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.SubFactory(PeriodFactory)
    change_pct = Decimal("-9")
    compared_with = "last_year"
    source = "Quarterly Performance report"


class IndicatorNarrativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorNarrative

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.SubFactory(PeriodFactory)
    drafted = "Performance was stable."


class ActionTakenOutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionTakenOutcome

    panel = factory.SubFactory(PanelFactory)
    code = "1"


class OutcomeCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutcomeCount

    panel = factory.SubFactory(PanelFactory)
    period = factory.SubFactory(PeriodFactory)
    crime_group = "All crime"
    outcome_code = "1"
    count = 10


class FinanceReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinanceReport

    panel = factory.SubFactory(PanelFactory)
    period = factory.SubFactory(PeriodFactory)
    financial_year = "2023/24"
    approved_budget = Decimal("277.068")
    ytd_profile = Decimal("80.328")
    ytd_spend = Decimal("78.954")


class WorkforceCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkforceCount

    panel = factory.SubFactory(PanelFactory)
    as_of = datetime.date(2023, 4, 1)
    category = StaffCategory.POLICE_OFFICER
    ethnic_group = EthnicGroup.BAME
    count = 10


class PrintedWorkforcePercentageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrintedWorkforcePercentage

    panel = factory.SubFactory(PanelFactory)
    as_of = datetime.date(2023, 4, 1)
    row = "police_officer"
    printed_pct = Decimal("3.30")
    source = "DEI report appendix"


class CensusBenchmarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CensusBenchmark

    panel = factory.SubFactory(PanelFactory)
    census_year = 2021
    minority_ethnic_pct = Decimal("5.8")


class EstatesBudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EstatesBudgetLine

    panel = factory.SubFactory(PanelFactory)
    financial_year = "2023/24"
    order = factory.Sequence(lambda n: n)
    line = factory.Sequence(lambda n: f"Budget line {n}")
    amount = Decimal("1000.00")


class CapitalProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapitalProject

    panel = factory.SubFactory(PanelFactory)
    name = factory.Sequence(lambda n: f"Project {n}")
