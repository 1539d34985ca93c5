"""West Mercia's actions and work programme as the 27 July 2023 minutes and the 19 September 2023 work
programme report record them, loaded through the work programme services.

Owners are as the minutes name them, with no email address (the minutes give none). Only the Police Force
diversity report (minute 485: "added to the work programme for the September meeting") is due at a
meeting the database holds; the technology report is due at "the February Panel", which is not yet dated.
The programme's dates of last report are kept as printed: the February 2024 rows' "2 November 2023" (no
meeting that day) and the Combating Drug Partnerships row's "23 November 2022" (minute 482 records an
update on 27 July 2023) are left for the work programme page to flag. The 17 November 2023 rows are
attached to that meeting, which the demo schedules first (a database loaded before it was has its rows
attached on the next load).
"""

from datetime import date

from django.db import transaction
from django.utils.text import slugify

from scrutiny.meetings.models import Meeting, MinuteItem
from scrutiny.panels.models import Panel
from scrutiny.work_programme.choices import Frequency, ItemCategory
from scrutiny.work_programme.models import Action, WorkProgrammeItem
from scrutiny.work_programme.services import action_create, work_programme_item_create, work_programme_item_update

from .west_mercia import PANEL_SLUG

JULY_SLUG = "2023-07-27"
SEPTEMBER_SLUG = "2023-09-19"
NOVEMBER = date(2023, 11, 17)

# (minute, owner, what, due at the September meeting)
ACTIONS = [
    (474, "Panel", "Send a letter of thanks to all retiring members.", False),
    (474, "PCC (his office)", "Arrange sessions on new members' areas of interest, on request.", False),
    (480, "PCC", "Tell the Panel how many of the 500 new officers are front line.", False),
    (480, "PCC", "Bring a report on the outcomes of the technology investment to the February Panel.", False),
    (480, "PCC", "Offer a later report on ethical recording if the Panel wants one.", False),
    (480, "Councillors", "Tell the PCC where Parish Councils lack timely police updates.", False),
    (480, "Chairman", "Send a formal letter to the PCC with the Panel's comments on the draft annual report.", False),
    (481, "PCC", "Supply most similar group comparisons for robbery and burglary.", False),
    (483, "PCC", "Check whether the Force's Equalities Impact Assessment is published.", False),
    (483, "PCC", "Make sure concerns about contradictions in Force policy are taken on board.", False),
    (
        483,
        "Chairman",
        "Write to all Councils on the Panel's behalf to encourage engagement with the Most Appropriate Agency "
        "partnership approach.",
        False,
    ),
    (483, "PCC", "Liaise with the Chief Constable so that the Panel's concerns are shared.", False),
    (483, "PCC (his office)", "Offer information or support to help partners engage.", False),
    (484, "Chief Constable (via PCC)", "Report the results of the force cultural audit to the Panel.", False),
    (484, "PCC", "Expand the financial management section of the report.", False),
    (484, "PCC", "Consider conveying the lived experience of domestic abuse to the public, and report back.", False),
    (485, "Panel (work programme)", "Police Force diversity report scheduled for the September meeting.", True),
    (485, "PCC with officers", "Agree the process for scrutiny of the draft precept; details to follow.", False),
]

REGULAR_TOPICS = {
    "Police & Crime Plan Activity and Performance Monitoring Report": "performance-report",
    "Quarterly budget monitoring (and key performance indicators)": "budget-monitoring",
    "Quarterly budget monitoring (including key performance indicators)": "budget-monitoring",
    "Work Programme": "work-programme",
    "Annual Report on Complaints": "complaints-annual-report",
}
# Minute 482's item was headed "Combatting Drugs Partnership": the same topic.
TOPICS = {"Update on the progress of Combating Drug Partnerships (CDPs)": "combatting-drugs-partnership"}
STATUTORY_AREAS = {
    "PCC's Proposed Precept (and Medium Term Financial Plan) including budget briefing/Task Group arrangements",
    "Draft Annual Report of the Police and Crime Commissioner for West Mercia",
}
FREQUENCIES = {
    "Every meeting": Frequency.EVERY_MEETING,
    "Annually": Frequency.ANNUALLY,
    "As needed": Frequency.AS_NEEDED,
    "February/July/December": Frequency.FEB_JUL_DEC,
}

# The work programme 2023/24 as printed: (section, meeting, area, date of last report, notes, frequency).
P_AND_C = "Police & Crime Plan Activity and Performance Monitoring Report"
BUDGET = "Quarterly budget monitoring (and key performance indicators)"
PRECEPT = "PCC's Proposed Precept (and Medium Term Financial Plan) including budget briefing/Task Group arrangements"
D22 = "Discussed at 23 November 2022"
PROGRAMME = [
    ("scheduled", "19 September 2023", P_AND_C, "27 July 2023", "", ""),
    ("scheduled", "19 September 2023", BUDGET, "27 July 2023", "", ""),
    (
        "scheduled",
        "19 September 2023",
        "Update on the Implementation of the Estates Strategy",
        "7 September 2022",
        "",
        "",
    ),
    ("scheduled", "19 September 2023", "Police Force diversity", "", "Requested at 27 July 2023 meeting", ""),
    ("scheduled", "19 September 2023", "Work Programme", "27 July 2023", "", ""),
    ("scheduled", "17 November 2023", P_AND_C, "19 September 2023", "", ""),
    ("scheduled", "17 November 2023", BUDGET, "19 September 2023", "", ""),
    ("scheduled", "17 November 2023", "Update on the Crime Disorder Partnerships", "", D22, ""),
    ("scheduled", "17 November 2023", "Specification for the refresh of the road safety needs assessment", "", D22, ""),
    ("scheduled", "17 November 2023", "Annual Report on Complaints", "7 September 2022 15 September 2021", "", ""),
    ("scheduled", "17 November 2023", "Work Programme", "19 September 2023", "", ""),
    ("scheduled", "February 2024", PRECEPT, "2 November 2023", "", ""),
    (
        "scheduled",
        "February 2024",
        "Update on Information Technology - outcome of investment",
        "",
        "Agreed at 27 July 2023 meeting",
        "",
    ),
    ("scheduled", "February 2024", P_AND_C, "2 November 2023", "", ""),
    ("scheduled", "February 2024", "Work Programme", "", "", ""),
    (
        "scheduled",
        "June/July 2024",
        "Draft Annual Report of the Police and Crime Commissioner for West Mercia",
        "",
        "",
        "",
    ),
    ("scheduled", "June/July 2024", P_AND_C, "", "", ""),
    ("scheduled", "June/July 2024", BUDGET, "", "Quarterly", ""),
    ("scheduled", "June/July 2024", "Work Programme", "", "", ""),
    (
        "potential",
        "TBC",
        "Update on the progress of Combating Drug Partnerships (CDPs)",
        "23 November 2022",
        "Update twice yearly",
        "",
    ),
    ("potential", "TBC", "ICT Improvement Programme", "", "", ""),
    ("potential", "TBC", "Update on the Criminal Justice System", "", "", ""),
    ("potential", "TBC", "Update on the Prevention Strategy", "7 September 2022", "", ""),
    (
        "potential",
        "TBC",
        "Update on the progress Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services (HMICFRS) "
        "PEEL 2021/22 \u2013 An inspection of West Mercia Police",
        "15 June 2022",
        "",
        "",
    ),
    (
        "potential",
        "TBC",
        "Update on the progress of Joint HMICFRS & Her Majesty's Inspectorate of Prisons (HMIP) Inspection Report: "
        "An unannounced inspection visit to police custody suites in West Mercia Police.",
        "15 June 2022",
        "",
        "",
    ),
    (
        "potential",
        "TBC",
        "Update on the progress made against His Majesty's Inspectorate of Constabulary and Fire & Rescue Services "
        "(HMICFRS) - A report into the effectiveness of vetting and counter-corruption arrangements in West Mercia "
        "Police (published 17 November)",
        "",
        "",
        "",
    ),
    ("statutory", "", PRECEPT, "", "", "February/July/December"),
    ("statutory", "", "Draft Police and Crime Plan (or variation to it)", "", "", ""),
    ("statutory", "", "Annual Report of the PCC", "", "", "Annually"),
    (
        "statutory",
        "",
        "Review the PCC's proposed appointment of a Chief Constable, Chief Executive, Chief Finance Officer and/or "
        "the Deputy PCC",
        "",
        "",
        "As needed",
    ),
    ("regular", "", P_AND_C, "", "", "Every meeting"),
    ("regular", "", "Quarterly budget monitoring (including key performance indicators)", "", "", "Every meeting"),
    ("regular", "", "Work Programme", "", "", "Every meeting"),
    ("regular", "", "Annual Report on Complaints", "", "", "Annually"),
]


def _category(section: str, area: str) -> str:
    if section in {"potential", "statutory", "regular"}:
        return section
    if area in REGULAR_TOPICS:
        return ItemCategory.REGULAR
    if area in STATUTORY_AREAS:
        return ItemCategory.STATUTORY
    return ItemCategory.REQUESTED


def work_programme_demo_load(*, acting_user=None) -> dict:
    """Load the July actions and the 2023/24 work programme; idempotent (what exists is left alone).
    Returns how many actions and items were created, and how many rows loaded before their meeting was
    scheduled were attached to it."""
    panel = Panel.objects.get(slug=PANEL_SLUG)
    july = Meeting.objects.live().get(panel=panel, slug=JULY_SLUG)
    september = Meeting.objects.live().get(panel=panel, slug=SEPTEMBER_SLUG)
    created = {"actions": 0, "items": 0, "attached": 0}
    with transaction.atomic():
        # The next planned meeting (17 November 2023) is attached where the database holds it (the demo
        # schedules it first: schedule.demo_november_load), else the rows keep the date as their label.
        november = Meeting.objects.live().filter(panel=panel, slug=NOVEMBER.isoformat()).first()
        meetings = {"19 September 2023": september, "17 November 2023": november}
        minutes = {m.number: m for m in MinuteItem.objects.live().filter(meeting=july)}
        for number, owner, what, due_september in ACTIONS:
            if Action.objects.live().filter(panel=panel, minute_item=minutes[number], description=what).exists():
                continue
            action_create(
                acting_user=acting_user,
                panel=panel,
                minute_item=minutes[number],
                description=what,
                owner_name=owner,
                due_meeting=september if due_september else None,
            )
            created["actions"] += 1
        for order, (section, when, area, last_report, notes, frequency) in enumerate(PROGRAMME, start=1):
            meeting = meetings.get(when)
            label = "" if meeting or section in {"statutory", "regular"} else when
            category = _category(section, area)
            same = WorkProgrammeItem.objects.live().filter(panel=panel, area=area, category=category)
            if meeting is not None:
                if same.filter(meeting=meeting).exists():
                    continue
                # A row loaded before the meeting was scheduled keeps the date as its label: attach it now.
                waiting = same.filter(meeting__isnull=True, planned_label=when).first()
                if waiting is not None:
                    work_programme_item_update(acting_user=acting_user, item=waiting, meeting=meeting, planned_label="")
                    created["attached"] += 1
                    continue
            elif same.filter(meeting__isnull=True, planned_label=label).exists():
                continue
            requested = minutes[485] if notes == "Requested at 27 July 2023 meeting" else None
            if notes == "Agreed at 27 July 2023 meeting":
                requested = minutes[480]
            work_programme_item_create(
                acting_user=acting_user,
                panel=panel,
                meeting=meeting,
                planned_label=label,
                area=area,
                topic=REGULAR_TOPICS.get(area) or TOPICS.get(area) or slugify(area)[:100],
                category=category,
                frequency=FREQUENCIES.get(frequency, ""),
                last_report_recorded=last_report,
                notes=notes,
                requested_at_minute=requested,
                order=order,
            )
            created["items"] += 1
    return created
