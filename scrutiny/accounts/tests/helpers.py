"""Helpers for tests of staff pages, the admin and the API: signed-in clients and a ladder of users."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django import forms
from django.forms import MultiWidget
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from scrutiny.accounts.choices import Role
from scrutiny.accounts.tests.factories import PanelRoleFactory, UserFactory
from scrutiny.meetings.choices import AttendanceStatus
from scrutiny.meetings.tests.factories import AttendanceFactory, MeetingFactory, MinuteItemFactory
from scrutiny.members.choices import MembershipKind
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.panels.tests.factories import CouncilFactory, PanelFactory

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
LONDON = ZoneInfo("Europe/London")


def signed_in(user, *, verified: bool = True) -> Client:
    """A client signed in as `user`; `verified` as if they had also entered their authenticator's code."""
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    if verified:
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="default", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@dataclass
class Ladder:
    """Two panels and one user at each rung: the permission ladder every staff view and admin page climbs."""

    panel: object
    other_panel: object
    officer: object
    member: object
    pcc_office: object
    outsider: object
    administrator: object
    other_officer: object

    def client(self, rung: str) -> Client:
        return Client() if rung == "anonymous" else signed_in(getattr(self, rung))


def build_ladder() -> Ladder:
    panel = PanelFactory(name="West Mercia Police and Crime Panel", slug="west-mercia")
    other_panel = PanelFactory(name="Dyfed-Powys Police and Crime Panel", slug="dyfed-powys")
    return Ladder(
        panel=panel,
        other_panel=other_panel,
        officer=PanelRoleFactory(panel=panel, role=Role.SCRUTINY_OFFICER, user__username="officer").user,
        member=PanelRoleFactory(panel=panel, role=Role.PANEL_MEMBER, user__username="member").user,
        pcc_office=PanelRoleFactory(panel=panel, role=Role.PCC_OFFICE, user__username="pcc").user,
        outsider=UserFactory(username="outsider"),
        administrator=UserFactory(username="administrator", is_superuser=True),
        other_officer=PanelRoleFactory(panel=other_panel, role=Role.SCRUTINY_OFFICER, user__username="other").user,
    )


@dataclass
class July2023:
    meeting: object
    minute_478: object
    evans: object
    bagnall: object


def build_july_2023_meeting(panel) -> July2023:
    """West Mercia, 27 July 2023: members co-opted only at minute 478 had taken part from the start, and
    Cllr Bagnall substituted for Cllr Parsons, whose membership began at that same minute."""
    shropshire = CouncilFactory(panel=panel, name="Shropshire Council", slug="shropshire")
    meeting = MeetingFactory(
        panel=panel,
        start=datetime.datetime(2023, 7, 27, 11, 0, tzinfo=LONDON),
        slug="2023-07-27",
        venue="County Hall, Worcester",
        date_of_issue=datetime.date(2023, 7, 19),
    )
    # The elections came first (minute 472); the co-option at 478, so co-opted members took part before it.
    MinuteItemFactory(meeting=meeting, number=472, order=1, title="Election of Chairman")
    minute_478 = MinuteItemFactory(meeting=meeting, number=478, order=7, title="Appointment of Co-opted Members")
    evans = PersonFactory(panel=panel, title="Cllr", name="Roger Evans", slug="roger-evans")
    parsons = PersonFactory(panel=panel, title="Cllr", name="Tony Parsons", slug="tony-parsons")
    bagnall = PersonFactory(panel=panel, title="Cllr", name="Caroline Bagnall", slug="caroline-bagnall")
    for person in (evans, parsons):
        MembershipFactory(
            person=person,
            kind=MembershipKind.CO_OPTED_COUNCILLOR,
            council=shropshire,
            start_date=datetime.date(2023, 7, 27),
            start_minute=minute_478,
        )
    parsons_membership = parsons.memberships.get()
    AttendanceFactory(meeting=meeting, person=evans, status=AttendanceStatus.PRESENT)
    AttendanceFactory(meeting=meeting, person=parsons, status=AttendanceStatus.APOLOGIES)
    AttendanceFactory(
        meeting=meeting,
        person=bagnall,
        status=AttendanceStatus.SUBSTITUTE,
        substitute_for=parsons_membership,
        council=shropshire,
    )
    return July2023(meeting=meeting, minute_478=minute_478, evans=evans, bagnall=bagnall)


def _encode(name, field, value) -> dict:
    """The POST items a browser would send for one admin form field showing `value`."""
    widget = field.widget
    if isinstance(widget, MultiWidget):
        parts = widget.decompress(value) if value not in (None, "") else [None] * len(widget.widgets)
        return {
            k: v for i, part in enumerate(parts) for k, v in _encode(f"{name}_{i}", forms.CharField(), part).items()
        }
    if value is None:
        return {name: ""}
    if isinstance(value, bool):
        return {name: "on"} if value else {}
    if isinstance(value, (datetime.date, datetime.time)):
        return {name: value.isoformat()}
    if isinstance(value, (list, tuple)):
        return {name: [str(v) for v in value]}
    return {name: str(value)}


def admin_post_data(response) -> dict:
    """The data an admin change or add page would post back unchanged: the form and every inline formset."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        data.update(_encode(form.add_prefix(name), field, form[name].value()))
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name, field in management.fields.items():
            data.update(_encode(management.add_prefix(name), field, management[name].value()))
        for inline_form in formset.forms:
            for name, field in inline_form.fields.items():
                data.update(_encode(inline_form.add_prefix(name), field, inline_form[name].value()))
    return data


def add_inline_row(data: dict, prefix: str, **values) -> dict:
    """Append one new row to the inline formset with `prefix` in posted admin data."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = value
    return data
