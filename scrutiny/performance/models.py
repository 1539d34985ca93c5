"""What the panel scrutinises in figures: the plan and its indicators, measurements by period, crime
outcomes, finance, workforce and estates.

Figures are stored as reported; what can be computed from them (changes, rates, percentages, variances)
is computed, never typed in, and shown beside the printed figure where the source printed one.
"""

from django.db import models
from django.db.models import Q

from scrutiny.core.models import TimeStampedModel, TombstoneModel

from .choices import (
    Comparison,
    EthnicGroup,
    Frequency,
    PeriodKind,
    Polarity,
    StaffCategory,
    TargetKind,
    Unit,
)


class Plan(TombstoneModel):
    """A Police and Crime Plan (West Mercia's Safer West Mercia Plan 2021-2025)."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(max_length=200)
    starts = models.DateField()
    ends = models.DateField()

    class Meta:
        ordering = ["-starts"]

    def __str__(self):
        return self.title


class Objective(TombstoneModel):
    """One of the plan's objectives (West Mercia has four)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    title_as_printed = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="objective_number_unique")]

    def __str__(self):
        return self.title


class Period(models.Model):
    """A reporting period, shared by every panel: a month, a financial-year quarter (Q1 2023/24 = April to
    June 2023), twelve months ending, or a financial year."""

    kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    start = models.DateField()
    end = models.DateField()
    label = models.CharField(max_length=40, help_text="As panels print it: 'Q1 2023/24', 'June 2023'.")

    class Meta:
        ordering = ["start", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "start", "end"], name="period_unique"),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="period_ends_after_start"),
        ]

    def __str__(self):
        return self.label


class Indicator(TombstoneModel):
    """A key performance indicator: what is measured, in what unit, which way is better, and its target."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="indicators")
    objective = models.ForeignKey(
        Objective, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    slug = models.SlugField(max_length=100)
    order = models.PositiveIntegerField(default=0)
    improvement_area = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=10, choices=Unit.choices)
    polarity = models.CharField(max_length=8, choices=Polarity.choices, default=Polarity.NEITHER)
    data_source = models.CharField(max_length=200, blank=True)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY)
    target_kind = models.CharField(max_length=12, choices=TargetKind.choices, default=TargetKind.NONE)
    target_value = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    target_text = models.CharField(max_length=300, blank=True, help_text="For a text status: what meets it.")
    tolerance_pct = models.DecimalField(
        max_digits=5, decimal_places=2, default=5, help_text="Amber within this relative distance of the target."
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["panel", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["panel", "slug"], name="indicator_slug_unique")]

    def __str__(self):
        return self.name


class Measurement(TimeStampedModel):
    """An indicator's value for one period, with comparators where the source gives them."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="measurements")
    value = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    text_value = models.CharField(max_length=500, blank=True, help_text="For a text status.")
    msg_average = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    national = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    qualifier = models.CharField(max_length=20, blank=True, help_text="As printed: 'over', 'about'.")
    source = models.CharField(max_length=300, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["indicator", "period__start"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="measurement_unique")]

    def __str__(self):
        return f"{self.indicator}: {self.period}"


class ReportedChange(TimeStampedModel):
    """A change the source reports without the values behind it (the seed's '9% reduction' in total recorded
    crime). Shown as reported, with its source; never turned into invented values."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="reported_changes")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="reported_changes")
    change_pct = models.DecimalField(max_digits=8, decimal_places=2)
    compared_with = models.CharField(max_length=10, choices=Comparison.choices)
    source = models.CharField(max_length=300)
    period_label_as_printed = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["indicator", "period__start"]

    def __str__(self):
        return f"{self.indicator}: {self.change_pct}% on {self.get_compared_with_display()}"


class IndicatorNarrative(TimeStampedModel):
    """The words that go with an indicator's figure for a period: drafted from the data, editable."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="narratives")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="narratives")
    drafted = models.TextField()
    edited = models.TextField(blank=True)
    edited_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="narratives_edited"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="narrative_unique")]

    def __str__(self):
        return f"{self.indicator}: {self.period}"


class ActionTakenOutcome(models.Model):
    """A Home Office outcome type that counts as 'action taken' for this panel (configurable: there is no
    statutory definition; the default is charge/summons, cautions, TIC, penalty notice, cannabis warning and
    community resolution)."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="action_taken_outcomes")
    code = models.CharField(max_length=4)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["panel", "code"], name="action_taken_unique")]

    def __str__(self):
        return self.code


class OutcomeCount(TimeStampedModel):
    """Crimes of one group in a period that reached one Home Office outcome type."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="outcome_counts")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="outcome_counts")
    crime_group = models.CharField(max_length=100)
    outcome_code = models.CharField(max_length=4)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "period", "crime_group", "outcome_code"], name="outcome_count_unique"
            )
        ]

    def __str__(self):
        return f"{self.crime_group} {self.outcome_code}: {self.count}"


class FinanceReport(TimeStampedModel):
    """The budget position at a period end (the seed's Q1 2023/24 'Money Matters'), in £ millions."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="finance_reports")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="finance_reports")
    financial_year = models.CharField(max_length=7, help_text="e.g. 2023/24")
    approved_budget = models.DecimalField(max_digits=12, decimal_places=3)
    revised_budget = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    ytd_profile = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    ytd_spend = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    ytd_underspend_printed = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    projected_overspend = models.DecimalField(
        max_digits=12, decimal_places=3, null=True, blank=True, help_text="Negative for a projected underspend."
    )
    savings_target = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    savings_profiled = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    savings_achieved = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    savings_shortfall_printed = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    savings_in_place_pct = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    savings_on_track_pct = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    savings_unachievable_pct = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    source = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["panel", "period__start"]
        constraints = [models.UniqueConstraint(fields=["panel", "period"], name="finance_report_unique")]

    def __str__(self):
        return f"Finance {self.financial_year}, {self.period}"


class WorkforceCount(TimeStampedModel):
    """Headcount by ethnic group and staff category at one date (April each year in the seed)."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="workforce_counts")
    as_of = models.DateField()
    category = models.CharField(max_length=16, choices=StaffCategory.choices)
    ethnic_group = models.CharField(max_length=12, choices=EthnicGroup.choices)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["panel", "as_of", "category", "ethnic_group"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "as_of", "category", "ethnic_group"], name="workforce_unique")
        ]

    def __str__(self):
        return f"{self.as_of} {self.category} {self.ethnic_group}: {self.count}"


class PrintedWorkforcePercentage(models.Model):
    """A percentage as a report printed it, kept to show where it disagrees with the counts."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="printed_workforce")
    as_of = models.DateField()
    row = models.CharField(max_length=40, help_text="police_officer, police_staff_inc_pcso, special or total")
    printed_pct = models.DecimalField(max_digits=5, decimal_places=2)
    source = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["panel", "as_of", "row"], name="printed_workforce_unique")]

    def __str__(self):
        return f"{self.as_of} {self.row}: {self.printed_pct}%"


class CensusBenchmark(models.Model):
    """The share of the area's population from a minority ethnic background, by census."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="census_benchmarks")
    census_year = models.PositiveSmallIntegerField()
    minority_ethnic_pct = models.DecimalField(max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["census_year"]
        constraints = [models.UniqueConstraint(fields=["panel", "census_year"], name="census_unique")]

    def __str__(self):
        return f"Census {self.census_year}: {self.minority_ethnic_pct}%"


class EstatesBudgetLine(TimeStampedModel):
    """A line of the estates budget table, kept as printed: the lines are not the parts of the total."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="estates_budget_lines")
    financial_year = models.CharField(max_length=7)
    order = models.PositiveSmallIntegerField(default=0)
    line = models.CharField(max_length=200)
    group = models.CharField(max_length=100, blank=True)
    amount = models.DecimalField(max_digits=14, decimal_places=2, help_text="£")
    is_total = models.BooleanField(default=False)

    class Meta:
        ordering = ["panel", "financial_year", "order"]

    def __str__(self):
        return f"{self.financial_year} {self.line}"


class CapitalProject(TombstoneModel):
    """A major estates project: budget, status and milestones."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="capital_projects")
    name = models.CharField(max_length=200)
    location = models.CharField(max_length=200, blank=True)
    budget = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True, help_text="£")
    budget_qualifier = models.CharField(max_length=20, blank=True, help_text="As printed: 'circa'.")
    status = models.CharField(max_length=300, blank=True)
    milestones = models.TextField(blank=True)

    class Meta:
        ordering = ["panel", "name"]

    def __str__(self):
        return self.name
