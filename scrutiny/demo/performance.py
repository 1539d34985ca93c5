"""West Mercia's performance figures as the 19 September 2023 papers state them, loaded through the services.

Sources: the 2023/24 Annual Budget Metrics report (Table 1), the Estates Strategy progress report and the DEI
report's appendix. Only what the papers state is stored. A change the report gives without its values ("a
9% reduction") is a ReportedChange, never turned into values; printed figures that can be computed (the
year-to-date underspend, the savings shortfall, the workforce percentages) are kept as printed beside the
counts, so that the computed value shows where they disagree.

Table 1's "% outcome 1 & 1A" rows in fact report the aggregate 'action taken' rate (the report says so in
paragraphs 7-8), so they are stored as action-taken rates; the charge/summons (1 and 1A) indicators agreed
in the budget are present but have no figures yet.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal as D

from django.db import transaction

from scrutiny.panels.models import Panel
from scrutiny.performance import periods, rules
from scrutiny.performance.choices import (
    Comparison,
    EthnicGroup,
    Frequency,
    Polarity,
    StaffCategory,
    TargetKind,
    Unit,
)
from scrutiny.performance.models import Plan
from scrutiny.performance.services import (
    action_taken_outcomes_set,
    capital_project_create,
    census_benchmark_record,
    estates_budget_line_create,
    finance_report_record,
    indicator_create,
    measurement_record,
    objective_create,
    plan_create,
    printed_workforce_percentage_record,
    reported_change_record,
    workforce_counts_record,
)

from .west_mercia import PANEL_SLUG

PLAN_TITLE = "Safer West Mercia Plan 2021-2025"
TABLE_1 = "2023/24 Annual Budget Metrics report, Table 1 (Panel, 19 September 2023)"
DEI_APPENDIX = "DEI report, Appendix - Black and Ethnic Minority representation data (Panel, 19 September 2023)"
ESTATES = "Estates Strategy progress report (Panel, 19 September 2023)"
QPR = "Quarterly Performance report"

OBJECTIVES = [
    (1, "Putting victims and survivors first", "Putting Victims and survivors first"),
    (2, "Building a more secure West Mercia", "Building a more secure West Mercia"),
    (3, "Reassuring West Mercia's communities", "Reassuring West Mercia's Communities"),
    (4, "Reforming West Mercia", "Reforming West Mercia"),
]


@dataclass(frozen=True)
class IndicatorFact:
    slug: str
    objective: int
    improvement_area: str
    name: str
    unit: str
    polarity: str
    data_source: str = QPR
    frequency: str = Frequency.QUARTERLY
    target_kind: str = TargetKind.NONE
    target_value: D | None = None
    target_text: str = ""
    notes: str = ""


CRIME_GROUPS = [
    # (slug stem, improvement area, volume KPI as printed, name stem, reported change, label printed, rate)
    ("trc", "Total Recorded Crime (TRC)", "Volume of Total Recorded Crime", "TRC", -9, "Q1 23/23", 10),
    ("violence-with-injury", "Violent Crime", "Volume of violence with injury", "Violence with injury", -3, "Q1", 12),
    ("rape", "Rape", "Volume of rape offences", "Rape", -10, "Q1", 11),
    ("robbery", "Robbery", "Volume of robbery offences", "Robbery", -10, "Q1", 8),
    ("residential-burglary", "Residential burglary", "Residential burglary", "Residential burglary", 1, "Q1", 6),
    ("vehicle-crime", "Vehicle Crime", "Volume of vehicle crime", "Vehicle crime", -7, "Q1", 3),
    ("domestic-abuse", "Domestic Abuse", "Volume of domestic abuse", "Domestic Abuse", -7, "Q1 23/24", 9),
]
RATE_LABELS_AS_PRINTED = {"trc": "Q1 23/24", "violence-with-injury": "Q1 23/24", "rape": "Q1 23/24"}


def _indicators() -> list[IndicatorFact]:
    facts = [
        IndicatorFact(
            "victim-satisfaction",
            1,
            "Victim satisfaction",
            "% of victims satisfied with service",
            Unit.PERCENTAGE,
            Polarity.HIGHER_IS_BETTER,
            notes="At the end of Q1 2023/24 the burglary, hate crime and violent crime satisfaction targets were met; "
            "domestic abuse fell just below its target. The force has changed how it reports this data.",
        )
    ]
    for stem, area, volume_kpi, name, _change, _label, _rate in CRIME_GROUPS:
        printed_kpi = f"{name} - % outcome 1 & 1A"
        facts += [
            IndicatorFact(f"{stem}-volume", 2, area, volume_kpi, Unit.COUNT, Polarity.LOWER_IS_BETTER),
            IndicatorFact(
                f"{stem}-action-taken-rate",
                2,
                area,
                f"{name} - action taken rate",
                Unit.PERCENTAGE,
                Polarity.HIGHER_IS_BETTER,
                notes=f"Printed as '{printed_kpi}': the force reports the aggregate 'action taken' rate "
                "(outcomes 1, 1A, 2, 3, 4, 6, 7 and 8), not outcomes 1 and 1A alone (report paragraphs 7-8).",
            ),
            IndicatorFact(
                f"{stem}-charge-summons-rate",
                2,
                area,
                f"{name} - charge/summons rate (outcome 1 & 1A)",
                Unit.PERCENTAGE,
                Polarity.HIGHER_IS_BETTER,
                notes="The budget KPI as agreed; the force's quarterly report does not yet break it out.",
            ),
        ]
    facts += [
        IndicatorFact(
            "calls-999-within-10-seconds",
            3,
            "Call Handling",
            "% of 999 calls answered within 10 seconds",
            Unit.PERCENTAGE,
            Polarity.HIGHER_IS_BETTER,
            frequency=Frequency.MONTHLY,
            target_kind=TargetKind.VALUE,
            target_value=D(90),
            notes="National standard: 90% of 999 calls answered within 10 seconds.",
        ),
        IndicatorFact(
            "calls-101-within-30-seconds",
            3,
            "Call Handling",
            "% of 101 calls answered within 30 seconds",
            Unit.PERCENTAGE,
            Polarity.HIGHER_IS_BETTER,
            frequency=Frequency.MONTHLY,
        ),
        IndicatorFact(
            "public-confidence",
            3,
            "Public Confidence",
            "Overall Confidence - % of respondents that agree or strongly agree they have confidence in local policing",
            Unit.PERCENTAGE,
            Polarity.HIGHER_IS_BETTER,
        ),
        IndicatorFact(
            "visibility",
            3,
            "Public Confidence",
            "Visibility - % of respondents that report seeing a police officer or Police Community Support Officer "
            "(PCSO) at least weekly",
            Unit.PERCENTAGE,
            Polarity.HIGHER_IS_BETTER,
            data_source="Public Confidence and Perceptions Survey",
        ),
        IndicatorFact(
            "grade-1-median-response-time",
            4,
            "Emergency Response times",
            "Median Grade 1 response time",
            Unit.MINUTES,
            Polarity.LOWER_IS_BETTER,
            frequency=Frequency.MONTHLY,
        ),
        IndicatorFact(
            "grade-2-median-response-time",
            4,
            "Emergency Response times",
            "Median Grade 2 response time",
            Unit.MINUTES,
            Polarity.LOWER_IS_BETTER,
            frequency=Frequency.MONTHLY,
        ),
        IndicatorFact(
            "financial-outturn",
            4,
            "Finance",
            "Financial Outturn is within the agreed Budget.",
            Unit.POUNDS,
            Polarity.NEITHER,
            data_source="Q1 Money Matters",
            notes="The figures are in the Q1 2023/24 finance report.",
        ),
        IndicatorFact(
            "savings-plan",
            4,
            "Finance",
            "Savings plan is delivered (as part of achieving financial outturn)",
            Unit.POUNDS,
            Polarity.NEITHER,
            data_source="Q1 Money Matters",
            notes="The figures are in the Q1 2023/24 finance report.",
        ),
        IndicatorFact(
            "vfm-conclusion",
            4,
            "Finance",
            "Unqualified annual VFM conclusion is received from the External Auditors",
            Unit.TEXT,
            Polarity.NEITHER,
            data_source="",
            frequency=Frequency.ANNUAL,
            target_text="Unqualified",
        ),
        IndicatorFact(
            "carbon-footprint",
            4,
            "Environment",
            "Reducing the carbon footprint associated with policing.",
            Unit.TEXT,
            Polarity.NEITHER,
            data_source="",
            frequency=Frequency.ANNUAL,
            notes="To be included in the Quarterly Report when the Force has developed a meaningful indicator.",
        ),
    ]
    return facts


# (indicator slug, period label, value, qualifier, note)
MEASUREMENTS = [
    ("calls-999-within-10-seconds", "June 2023", 76, "", "999 demand up 38% on June 2022."),
    ("calls-999-within-10-seconds", "June 2022", 90, "", ""),
    ("calls-101-within-30-seconds", "June 2023", 38, "", "101 demand up 8% on June 2022."),
    ("calls-101-within-30-seconds", "June 2022", 59, "", ""),
    ("public-confidence", "12 months ending June 2023", 82, "", "Comparable to the previous quarter's findings."),
    ("visibility", "12 months ending June 2023", 18, "", "A slight decline from the previous quarter."),
    ("visibility", "12 months ending March 2023", 20, "", "Table 1: 'the 20% seen in the previous quarter'."),
    ("grade-1-median-response-time", "June 2023", 13, "", "Comparable to June 2022 (no figure given)."),
    ("grade-2-median-response-time", "June 2023", 35, "", "A significant improvement on June 2022."),
    ("grade-2-median-response-time", "June 2022", 60, "over", "Printed as 'over 1 hour'."),
]

FINANCE = {
    "financial_year": "2023/24",
    "approved_budget": D("277.068"),
    "revised_budget": D("277.016"),
    "ytd_profile": D("80.328"),
    "ytd_spend": D("78.954"),
    "ytd_underspend_printed": D("1.373"),
    "projected_overspend": D("2.379"),
    "savings_target": D("12.092"),
    "savings_profiled": D("6.682"),
    "savings_achieved": D("5.528"),
    "savings_shortfall_printed": D("1.154"),
    "savings_in_place_pct": D(33),
    "savings_on_track_pct": D(47),
    "savings_unachievable_pct": D(7),
    "source": "Q1 Money Matters, via " + TABLE_1,
    "notes": "Projection assumes a 7% pay settlement. Of the 7% of savings identified as unachievable, 4% have been "
    "replaced. Loan interest saving overachieved by a forecast £0.222m.",
}

# April of each year: {category: (BAME, not stated, white)}, from the DEI appendix.
WORKFORCE = {
    2020: {
        "police_officer": (52, 15, 2147),
        "pcso": (6, 3, 219),
        "police_staff": (51, 85, 1679),
        "special": (1, 5, 99),
    },
    2021: {
        "police_officer": (66, 21, 2200),
        "pcso": (6, 3, 202),
        "police_staff": (49, 89, 1681),
        "special": (2, 5, 110),
    },
    2022: {
        "police_officer": (73, 24, 2257),
        "pcso": (4, 4, 201),
        "police_staff": (58, 90, 1751),
        "special": (2, 2, 77),
    },
    2023: {
        "police_officer": (82, 30, 2372),
        "pcso": (6, 3, 185),
        "police_staff": (66, 79, 1742),
        "special": (2, 1, 66),
    },
}
# The appendix's percentage table, by the financial year its column is headed (data as at April).
PRINTED_WORKFORCE = {
    2020: ("2.35", "2.79", "0.95", "2.52"),
    2021: ("2.86", "2.71", "1.17", "2.77"),
    2022: ("3.10", "2.94", "2.47", "3.02"),
    2023: ("3.30", "3.46", "2.90", "3.37"),
}
CENSUS = {2011: D("3.8"), 2021: D("5.8")}

# (line, group, 2022/23, 2023/24, is_total), as printed: the lines are not the parts of the total.
ESTATES_BUDGET = [
    ("Total Estates Budget", "", 9800880, 12958859, True),
    ("Planned Programme Budget - Revenue", "", 829585, 1062921, False),
    ("Masterplan", "Capital Budget", 7496000, 8940000, False),
    ("Planned Programme Capital", "Capital Budget", 800000, 1596000, False),
    ("Local Policing Estates Transformation", "Capital Budget", 418000, 1491000, False),
]

CAPITAL_PROJECTS = [
    {
        "name": "Firearms training unit (FTU)",
        "location": "Hindlip HQ",
        "budget": D("16740000"),
        "status": "More than £1m invested so far; contractors appointed for the latest stage; architects, principal "
        "designer and planning consultants appointed; site surveys commissioned.",
        "milestones": "Planning submission planned before the end of 2023.",
    },
    {
        "name": "Redditch police and fire station",
        "location": "Middlehouse Lane, Redditch",
        "budget": D("20000000"),
        "budget_qualifier": "circa",
        "status": "Site remediation complete; construction started, steelwork being erected; on track for time and "
        "budget.",
        "milestones": "Completion October 2024.",
    },
]


class PerformanceDemoError(Exception):
    """The West Mercia demo panel is not there to load the figures into."""


def performance_demo_is_loaded(panel: Panel) -> bool:
    return Plan.objects.filter(panel=panel, title=PLAN_TITLE).exists()


def performance_demo_load(*, acting_user=None) -> bool:
    """Load West Mercia's performance figures once; True when they were loaded, False when already there.

    Needs the West Mercia demo panel (`load_demo_data`); everything is written in one transaction.
    """
    panel = Panel.objects.filter(slug=PANEL_SLUG).first()
    if panel is None:
        raise PerformanceDemoError("Load the West Mercia demo (manage.py load_demo_data) first.")
    if performance_demo_is_loaded(panel):
        return False
    with transaction.atomic():
        _write(panel, user=acting_user)
    return True


def _write(panel: Panel, *, user) -> None:
    plan = plan_create(acting_user=user, panel=panel, title=PLAN_TITLE, starts=date(2021, 4, 1), ends=date(2025, 3, 31))
    objectives = {
        number: objective_create(acting_user=user, plan=plan, number=number, title=title, title_as_printed=printed)
        for number, title, printed in OBJECTIVES
    }
    indicators = {}
    for order, fact in enumerate(_indicators(), start=1):
        indicators[fact.slug] = indicator_create(
            acting_user=user,
            panel=panel,
            slug=fact.slug,
            order=order,
            objective=objectives[fact.objective],
            improvement_area=fact.improvement_area,
            name=fact.name,
            unit=fact.unit,
            polarity=fact.polarity,
            data_source=fact.data_source,
            frequency=fact.frequency,
            target_kind=fact.target_kind,
            target_value=fact.target_value,
            target_text=fact.target_text,
            notes=fact.notes,
        )
    action_taken_outcomes_set(acting_user=user, panel=panel, codes=rules.DEFAULT_ACTION_TAKEN)

    q1 = periods.period_get_or_create("Q1 2023/24")
    for stem, _area, _kpi, _name, change, label, rate in CRIME_GROUPS:
        reported_change_record(
            acting_user=user,
            indicator=indicators[f"{stem}-volume"],
            period=q1,
            change_pct=change,
            compared_with=Comparison.SAME_PERIOD_LAST_YEAR,
            source=TABLE_1,
            period_label_as_printed=label,
        )
        measurement_record(
            acting_user=user,
            indicator=indicators[f"{stem}-action-taken-rate"],
            period=q1,
            value=rate,
            source=TABLE_1,
            note=f"Period printed as '{RATE_LABELS_AS_PRINTED.get(stem, 'this quarter')}'.",
        )
    for slug, label, value, qualifier, note in MEASUREMENTS:
        measurement_record(
            acting_user=user,
            indicator=indicators[slug],
            period=periods.period_get_or_create(label),
            value=value,
            qualifier=qualifier,
            source=TABLE_1,
            note=note,
        )
    measurement_record(
        acting_user=user,
        indicator=indicators["vfm-conclusion"],
        period=periods.period_get_or_create("2023/24"),
        text_value="Expected January 2024",
        source=TABLE_1,
        note="Delivered with the audit of the statement of accounts, expected in January 2024.",
    )
    finance_report_record(acting_user=user, panel=panel, period=q1, **FINANCE)

    groups = (EthnicGroup.BAME, EthnicGroup.NOT_STATED, EthnicGroup.WHITE)
    for year, categories in WORKFORCE.items():
        as_of = date(year, 4, 1)
        workforce_counts_record(
            acting_user=user,
            panel=panel,
            as_of=as_of,
            counts={
                StaffCategory(category): dict(zip(groups, numbers, strict=True))
                for category, numbers in categories.items()
            },
        )
        for row, printed in zip(rules.WORKFORCE_ROWS, PRINTED_WORKFORCE[year], strict=True):
            printed_workforce_percentage_record(
                acting_user=user, panel=panel, as_of=as_of, row=row, printed_pct=D(printed), source=DEI_APPENDIX
            )
    for year, pct in CENSUS.items():
        census_benchmark_record(acting_user=user, panel=panel, census_year=year, minority_ethnic_pct=pct)

    for order, (line, group, amount_2223, amount_2324, is_total) in enumerate(ESTATES_BUDGET, start=1):
        for financial_year, amount in (("2022/23", amount_2223), ("2023/24", amount_2324)):
            estates_budget_line_create(
                acting_user=user,
                panel=panel,
                financial_year=financial_year,
                order=order,
                line=line,
                group=group,
                amount=amount,
                is_total=is_total,
            )
    for project in CAPITAL_PROJECTS:
        capital_project_create(acting_user=user, panel=panel, **project)
