"""The generated national instance: what it creates, that it keeps the rules, and that it is deterministic."""

from collections import defaultdict
from datetime import date
from itertools import pairwise

import pytest

from scrutiny.demo.national import POLICE_AREAS, _PanelBuilder, generate_national_instance, panel_slug
from scrutiny.meetings.choices import AttendanceStatus, MeetingStatus, VoteKind
from scrutiny.meetings.models import AgendaItem, Attendance, Declaration, Meeting, MinuteItem, Nomination, Vote
from scrutiny.members.choices import MembershipKind, Office
from scrutiny.members.models import Membership, OfficeHolder, Person
from scrutiny.panels.choices import Nation
from scrutiny.panels.models import Council, Panel

SMALL = {"panels": 3, "years": 2, "start_year": 2021, "seed": "test"}
AS_OF = date(2022, 10, 1)  # the default for SMALL: 1 October of the last year

MODELS = {
    "panels": Panel,
    "councils": Council,
    "people": Person,
    "memberships": Membership,
    "offices": OfficeHolder,
    "meetings": Meeting,
    "agenda_items": AgendaItem,
    "attendances": Attendance,
    "declarations": Declaration,
    "minute_items": MinuteItem,
    "votes": Vote,
    "nominations": Nomination,
}


def _snapshot(builder: _PanelBuilder) -> tuple:
    """The generated content of one panel, without ids or timestamps."""
    return (
        builder.panel.name,
        builder.panel.first_minute_number,
        [c.name for c in builder.councils],
        [(p.title, p.name, p.slug) for p in builder.people],
        [(m.person.slug, m.kind, m.start_date, m.end_date, m.end_reason) for m in builder.memberships],
        [(o.membership.person.slug, o.office, o.start_date, o.end_date) for o in builder.offices],
        [(m.slug, m.status, m.kind, m.date_of_issue) for m in builder.meetings],
        [(i.meeting.slug, i.number, i.title, i.exempt) for i in builder.agenda_items],
        [(m.number, m.title, m.text, m.resolutions) for m in builder.minutes],
        [(a.meeting.slug, a.person.slug, a.status) for a in builder.attendances],
    )


def _built(index: int) -> _PanelBuilder:
    builder = _PanelBuilder(index=index, seed="test", start_year=2021, years=2, as_of=AS_OF)
    builder.build()
    return builder


class TestPoliceAreas:
    def test_forty_one_areas_four_in_wales(self):
        assert len(POLICE_AREAS) == 41
        assert len({a.name for a in POLICE_AREAS}) == 41
        assert sum(a.nation == Nation.WALES for a in POLICE_AREAS) == 4

    def test_slugs_never_clash_with_the_west_mercia_demo(self):
        slugs = [panel_slug(i) for i in range(90)]
        assert len(set(slugs)) == 90
        assert "west-mercia-pcp" in slugs
        assert "west-mercia" not in slugs


class TestDeterminism:
    def test_same_seed_same_panel(self):
        assert _snapshot(_built(0)) == _snapshot(_built(0))

    def test_panels_differ(self):
        assert _snapshot(_built(0)) != _snapshot(_built(1))

    def test_another_seed_another_panel(self):
        other = _PanelBuilder(index=0, seed="other", start_year=2021, years=2, as_of=AS_OF)
        other.build()
        assert _snapshot(other) != _snapshot(_built(0))


@pytest.mark.django_db
class TestGenerateNationalInstance:
    def test_creates_what_it_reports(self):
        summary = generate_national_instance(**SMALL)
        for name, model in MODELS.items():
            assert getattr(summary, name) == model.objects.count(), name
        assert summary.panels == 3
        assert set(Panel.objects.values_list("slug", flat=True)) == {
            "avon-and-somerset-pcp",
            "bedfordshire-pcp",
            "cambridgeshire-pcp",
        }

    def test_deterministic_in_the_database(self):
        """
        GIVEN a generated instance
        WHEN the same instance is generated again after deleting it
        THEN the same panels, people, meetings and minutes come out
        """

        def content():
            return (
                list(Person.objects.order_by("panel__slug", "slug").values_list("panel__slug", "slug", "title")),
                list(Meeting.objects.order_by("panel__slug", "start").values_list("panel__slug", "slug", "status")),
                list(MinuteItem.objects.order_by("meeting__panel__slug", "number").values_list("number", "title")),
                list(
                    Attendance.objects.order_by("meeting__panel__slug", "meeting__start", "order").values_list(
                        "person__slug", "status"
                    )
                ),
            )

        generate_national_instance(**SMALL)
        first = content()
        for model in (Declaration, Attendance, Nomination, OfficeHolder, Membership, Vote, MinuteItem):
            model.objects.all().delete()
        Panel.objects.all().delete()
        generate_national_instance(**SMALL)
        assert content() == first

    def test_second_run_skips_existing_panels(self):
        generate_national_instance(**SMALL)
        before = {name: model.objects.count() for name, model in MODELS.items()}
        summary = generate_national_instance(**SMALL)
        assert summary.panels == 0
        assert summary.skipped == ["avon-and-somerset-pcp", "bedfordshire-pcp", "cambridgeshire-pcp"]
        assert {name: model.objects.count() for name, model in MODELS.items()} == before

    def test_composition_of_each_panel(self):
        generate_national_instance(**SMALL)
        for panel in Panel.objects.all():
            councils = panel.councils.count()
            assert 10 <= councils <= 14
            current = Membership.objects.current_on(AS_OF).filter(panel=panel)
            assert 17 <= current.count() <= 20
            assert current.filter(kind=MembershipKind.APPOINTED).count() == councils
            assert current.filter(kind=MembershipKind.INDEPENDENT).count() >= 2
            assert Membership.objects.filter(panel=panel, end_date__isnull=False).exclude(end_reason="").exists()
            for office in (Office.CHAIRMAN, Office.VICE_CHAIRMAN):
                assert (
                    OfficeHolder.objects.current_on(AS_OF).filter(membership__panel=panel, office=office).count() == 1
                )

    def test_offices_sit_inside_memberships_and_never_overlap(self):
        generate_national_instance(**SMALL)
        tenures = defaultdict(list)
        for holder in OfficeHolder.objects.select_related("membership"):
            membership = holder.membership
            assert membership.start_date is None or holder.start_date >= membership.start_date
            if membership.end_date:
                assert holder.end_date is not None
                assert holder.end_date <= membership.end_date
            tenures[(membership.panel_id, holder.office)].append((holder.start_date, holder.end_date))
        for spans in tenures.values():
            spans.sort()
            for (_, end), (next_start, _) in pairwise(spans):
                assert end is not None
                assert end < next_start

    def test_meetings_and_minutes(self):
        generate_national_instance(**SMALL)
        for panel in Panel.objects.all():
            meetings = list(panel.meetings.order_by("start"))
            for year in (2021, 2022):
                assert 4 <= sum(m.start.year == year for m in meetings) <= 6
            numbers = list(
                MinuteItem.objects.filter(meeting__panel=panel)
                .order_by("meeting__start", "order")
                .values_list("number", flat=True)
            )
            assert numbers == list(range(panel.first_minute_number, panel.first_minute_number + len(numbers)))
            for meeting in meetings:
                if meeting.status == MeetingStatus.HELD:
                    assert meeting.minute_items.count() == meeting.agenda_items.count()
                    assert not meeting.minute_items.filter(agenda_item__isnull=True).exists()
                else:
                    assert not meeting.minute_items.exists()
                    assert not meeting.attendances.exists()
            assert all(m.status == MeetingStatus.SCHEDULED for m in meetings if m.start.date() > AS_OF)
        assert Vote.objects.filter(kind=VoteKind.ELECTION).exists()

    def test_exempt_items_name_paragraph_and_reason(self):
        generate_national_instance(panels=8, years=3, start_year=2020, seed="test")
        exempt = AgendaItem.objects.filter(exempt=True)
        assert exempt.exists()
        for item in exempt:
            assert 1 <= item.exempt_paragraph <= 7
            assert item.exempt_reason

    def test_attendance_and_substitutes(self):
        generate_national_instance(**SMALL)
        statuses = set(Attendance.objects.values_list("status", flat=True))
        assert {AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.IN_ATTENDANCE} <= statuses
        substitutes = Attendance.objects.filter(status=AttendanceStatus.SUBSTITUTE).select_related("substitute_for")
        assert substitutes.exists()
        for attendance in substitutes:
            assert attendance.council_id == attendance.substitute_for.council_id
            assert Attendance.objects.filter(
                meeting=attendance.meeting, person=attendance.substitute_for.person, status=AttendanceStatus.APOLOGIES
            ).exists()

    def test_every_object_passes_model_validation(self):
        generate_national_instance(**SMALL)
        for model in MODELS.values():
            for obj in model.objects.all():
                obj.full_clean(validate_unique=False, validate_constraints=False)

    def test_sits_beside_the_west_mercia_demo(self, west_mercia):
        """The generated panels leave the demo as it was: the whole database holds the demo's meetings (however
        many the demo loads) plus the generated ones, and no more."""
        demo_meetings = set(west_mercia.meetings.values_list("pk", flat=True))
        assert {"2023-07-27", "2023-09-19"} <= set(west_mercia.meetings.values_list("slug", flat=True))
        summary = generate_national_instance(panels=1, years=1, start_year=2023, seed="test")
        assert summary.panels == 1
        assert Panel.objects.count() == 2
        assert set(west_mercia.meetings.values_list("pk", flat=True)) == demo_meetings
        generated = Meeting.objects.exclude(panel=west_mercia)
        assert generated.count() == summary.meetings > 0
        assert Meeting.objects.count() == len(demo_meetings) + summary.meetings
