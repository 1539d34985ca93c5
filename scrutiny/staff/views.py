"""The staff area: the panels the signed-in user works on, and what the rules say about each meeting.

Every view asks scrutiny.accounts.permissions: another panel's objects are "not found" (404), so that their
existence is not revealed; a panel member or the PCC's office may look but not change (403 on a change).
"""

from dataclasses import dataclass
from itertools import groupby

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, F, Prefetch, Q, Window
from django.db.models.functions import Cast, RowNumber
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from scrutiny.accounts.decorators import staff_panel_or_404, staff_required
from scrutiny.accounts.models import PanelRole
from scrutiny.accounts.permissions import can_edit_panel, scope_to_panels
from scrutiny.core.forms import form_errors_add
from scrutiny.core.models import AuditEvent
from scrutiny.documents.models import Paper, Publication
from scrutiny.documents.selectors import publication_packs
from scrutiny.meetings import services, workflow
from scrutiny.meetings.checks import meeting_checks
from scrutiny.meetings.choices import AttendanceStatus, DeclarationsState, MeetingStatus, MinutesStatus
from scrutiny.meetings.models import AgendaItem, Attendance, Declaration, Meeting, MinuteItem
from scrutiny.meetings.services import agenda_item_release, next_minute_number
from scrutiny.members.models import Person
from scrutiny.members.selectors import memberships_current_on
from scrutiny.panels.models import Council, Panel

from . import forms

MEETINGS_PER_LIST = 5


def _first_per_panel(meetings, order_by) -> dict[int, list[Meeting]]:
    """The first few meetings of each panel in `order_by` order, in one query."""
    ranked = meetings.annotate(
        rank=Window(RowNumber(), partition_by=F("panel_id"), order_by=order_by),
    ).filter(rank__lte=MEETINGS_PER_LIST)
    rows = sorted(ranked, key=lambda m: (m.panel_id, m.rank))
    return {panel_id: list(group) for panel_id, group in groupby(rows, key=lambda m: m.panel_id)}


# What each service did, in plain words for the history on the meeting's page.
VERB_WORDS = {
    "meeting_create": gettext_lazy("Scheduled the meeting"),
    "meeting_update": gettext_lazy("Changed the meeting"),
    "meeting_delete": gettext_lazy("Deleted the meeting"),
    "agenda_item_create": gettext_lazy("Added an agenda item"),
    "agenda_item_update": gettext_lazy("Changed an agenda item"),
    "agenda_item_delete": gettext_lazy("Removed an agenda item"),
    "agenda_item_release": gettext_lazy("Released an exempt item to the public"),
    "agenda_publish": gettext_lazy("Published the agenda"),
    "agenda_publish_supplementary": gettext_lazy("Published a supplementary agenda"),
    "publication_pack_link": gettext_lazy("Filed the pack built for a publication"),
    "paper_page_count_record": gettext_lazy("Counted a paper's pages in the built pack"),
    "attendance_record": gettext_lazy("Recorded attendance"),
    "attendance_withdraw": gettext_lazy("Withdrew an attendance"),
    "declaration_record": gettext_lazy("Recorded a declaration of interest"),
    "declarations_none_record": gettext_lazy("Recorded that no interests were declared"),
    "minute_item_create": gettext_lazy("Drafted a minute"),
    "minute_item_update": gettext_lazy("Changed a draft minute"),
    "minute_item_correct": gettext_lazy("Corrected a confirmed minute"),
    "minutes_confirm": gettext_lazy("Confirmed the minutes"),
    "vote_record": gettext_lazy("Recorded a vote"),
}
HISTORY_LENGTH = 100
HIDDEN_FIELDS = {"id", "modified", "created", "meeting_id", "panel_id"}


@dataclass
class HistoryEntry:
    when: object
    who: str
    what: str
    subject: str
    changes: list[tuple[str, str, str]]


def _short(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else f"{text[:77]}…"


def _changes(changes) -> list[tuple[str, str, str]]:
    """The changed fields of an audit event as (field, old, new), in words."""
    rows = []
    for name, pair in sorted((changes or {}).items()):
        if name in HIDDEN_FIELDS or not isinstance(pair, list | tuple) or len(pair) != 2:
            continue
        rows.append((name.removesuffix("_id").replace("_", " "), _short(pair[0]), _short(pair[1])))
    return rows


def meeting_history(meeting: Meeting) -> list[HistoryEntry]:
    """The audit trail of the meeting and everything on it, newest first, in one query."""

    def ids(model, **lookup):
        return model.objects.filter(**lookup).annotate(sid=Cast("pk", CharField())).values("sid")

    def of(model, **lookup):
        return Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids(model, **lookup))

    events = (
        AuditEvent.objects.filter(panel_id=meeting.panel_id)
        .filter(
            Q(content_type=ContentType.objects.get_for_model(Meeting), object_id=str(meeting.pk))
            | of(AgendaItem, meeting=meeting)
            | of(Attendance, meeting=meeting)
            | of(Declaration, meeting=meeting)
            | of(MinuteItem, meeting=meeting)
            | of(Publication, meeting=meeting)
            | of(Paper, agenda_item__meeting=meeting)
        )
        .select_related("actor")
        .order_by("-created", "-id")[:HISTORY_LENGTH]
    )
    return [
        HistoryEntry(
            when=event.created,
            who=str(event.actor) if event.actor else _("The system"),
            what=str(VERB_WORDS.get(event.verb, event.verb.replace("_", " ").capitalize())),
            subject=event.object_repr,
            changes=_changes(event.changes),
        )
        for event in events
    ]


@require_safe
@staff_required
def home(request):
    """The user's panels, each with its next and most recent meetings."""
    panels = list(scope_to_panels(Panel.objects.live(), request.user, field="pk").order_by("name"))
    meetings = Meeting.objects.filter(panel__in=panels).select_related("panel")
    upcoming = _first_per_panel(meetings.upcoming(), order_by=F("start").asc())
    recent = _first_per_panel(meetings.past(), order_by=F("start").desc())
    roles: dict[int, list[str]] = {}
    for role in PanelRole.objects.filter(user=request.user, panel__in=panels).order_by("role"):
        roles.setdefault(role.panel_id, []).append(role.get_role_display())
    rows = [
        {
            "panel": panel,
            "roles": roles.get(panel.pk) or ([_("Administrator")] if request.user.is_superuser else []),
            "can_edit": can_edit_panel(request.user, panel),
            "upcoming": upcoming.get(panel.pk, []),
            "recent": recent.get(panel.pk, []),
        }
        for panel in panels
    ]
    return render(request, "staff/home.html", {"rows": rows})


@require_safe
@staff_required
def meeting_detail(request, panel_slug, meeting_slug):
    """The officer's workspace for a meeting: every rule's warning, the agenda with its papers and what stands
    before publication, what was published, attendance, the minutes and the history. Others may only look."""
    panel = staff_panel_or_404(request, panel_slug)
    meeting = get_object_or_404(
        Meeting.objects.live().select_related("panel", "contact_officer"), panel=panel, slug=meeting_slug
    )
    checks = meeting_checks(meeting)
    agenda_items = list(
        meeting.agenda_items.live()
        .prefetch_related(
            Prefetch("papers", queryset=Paper.objects.live().order_by("order", "id"), to_attr="live_papers")
        )
        .order_by("order", "id")
    )
    upcoming = workflow.meeting_day(meeting) >= workflow.london_today()
    publications = list(
        meeting.publications.select_related("published_by", "pack")
        .prefetch_related(Prefetch("papers", queryset=Paper.objects.select_related("agenda_item")))
        .order_by("published_at", "id")
    )
    context = {
        "staff_panel": panel,
        "meeting": meeting,
        "can_edit": can_edit_panel(request.user, panel),
        "warnings": [c for c in checks if c.level == "warning"],
        "notes": [c for c in checks if c.level != "warning"],
        "agenda_items": agenda_items,
        "checklist": workflow.publication_checklist(meeting, agenda_items) if upcoming else None,
        "publications": publications,
        "publication_packs": publication_packs(meeting, publications),
        "history": meeting_history(meeting),
        "minutes_confirmed": meeting.minutes_status == MinutesStatus.CONFIRMED,
        "attendances": list(
            meeting.attendances.live()
            .select_related("person", "substitute_for__person", "council")
            .order_by("order", "id")
        ),
        "minute_items": list(meeting.minute_items.live().select_related("agenda_item").order_by("order", "number")),
    }
    return render(request, "staff/meeting_detail.html", context)


@require_POST
@staff_required
def release_agenda_item(request, panel_slug, meeting_slug, item_id):
    """Release an exempt item (LGA 1972 Sch 12A para 10): its papers and minutes become public."""
    panel = staff_panel_or_404(request, panel_slug)
    if not can_edit_panel(request.user, panel):
        raise PermissionDenied
    item = get_object_or_404(
        AgendaItem.objects.live().select_related("meeting"),
        pk=item_id,
        meeting__panel=panel,
        meeting__slug=meeting_slug,
        meeting__is_deleted=False,
    )
    try:
        agenda_item_release(acting_user=request.user, item=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Item %(number)s is released: the public can now read it.") % {"number": item.number}
        )
    return redirect("staff:meeting_detail", panel_slug=panel.slug, meeting_slug=item.meeting.slug)


# The officer's working week --------------------------------------------------------------------------------------


def _meeting_or_404(request, panel_slug, meeting_slug, *, edit: bool) -> tuple[Panel, Meeting]:
    """The panel's live meeting; another panel's is "not found"; a change by someone who may only look is refused."""
    panel = staff_panel_or_404(request, panel_slug)
    if edit and not can_edit_panel(request.user, panel):
        raise PermissionDenied
    meeting = get_object_or_404(
        Meeting.objects.live().select_related("panel", "contact_officer"), panel=panel, slug=meeting_slug
    )
    return panel, meeting


def _data(request):
    """The posted data, or None for a GET: an empty POST (a form with no fields filled) is still a submission."""
    return request.POST if request.method == "POST" else None


def _back(meeting, anchor=""):
    url = reverse("staff:meeting_detail", kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug})
    return redirect(f"{url}{anchor}")


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def meeting_create(request, panel_slug):
    """Schedule a meeting: date, time, venue and kind. The agenda is built on the meeting's page."""
    panel = staff_panel_or_404(request, panel_slug)
    if not can_edit_panel(request.user, panel):
        raise PermissionDenied
    form = forms.MeetingForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                acting_user=request.user,
                panel=panel,
                start=form.start,
                venue=form.cleaned_data["venue"],
                kind=form.cleaned_data["kind"],
                status=MeetingStatus.SCHEDULED,
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The meeting is scheduled. Now build its agenda."))
            return _back(meeting)
    return render(request, "staff/meeting_form.html", {"staff_panel": panel, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def agenda_item_add(request, panel_slug, meeting_slug):
    """Add an item of business; an exempt item names its Schedule 12A paragraph and reason."""
    panel, meeting = _meeting_or_404(request, panel_slug, meeting_slug, edit=True)
    next_number = meeting.agenda_items.live().count() + 1
    form = forms.AgendaItemForm(_data(request), initial={"number": str(next_number)})
    if request.method == "POST" and form.is_valid():
        try:
            item = services.agenda_item_create(acting_user=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("Item %(number)s is on the agenda.") % {"number": item.number})
            if "add_another" in request.POST:
                return redirect("staff:agenda_item_add", panel_slug=panel.slug, meeting_slug=meeting.slug)
            return _back(meeting, "#agenda")
    return render(request, "staff/agenda_item_form.html", {"staff_panel": panel, "meeting": meeting, "form": form})


def _agenda_item_or_404(meeting, item_id) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.live().select_related("meeting__panel"), pk=item_id, meeting=meeting)


@require_POST
@staff_required
def agenda_item_move(request, panel_slug, meeting_slug, item_id):
    """Move an item up or down the agenda: a plain form button, no script needed."""
    _panel, meeting = _meeting_or_404(request, panel_slug, meeting_slug, edit=True)
    item = _agenda_item_or_404(meeting, item_id)
    try:
        workflow.agenda_item_move(acting_user=request.user, item=item, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(meeting, f"#item-{item.pk}")


@require_POST
@staff_required
def agenda_item_remove(request, panel_slug, meeting_slug, item_id):
    """Take an item off the agenda. The row stays as a tombstone and the removal is in the history."""
    _panel, meeting = _meeting_or_404(request, panel_slug, meeting_slug, edit=True)
    item = _agenda_item_or_404(meeting, item_id)
    workflow.agenda_item_remove(acting_user=request.user, item=item)
    messages.success(request, _("“%(title)s” is off the agenda.") % {"title": item.title})
    return _back(meeting, "#agenda")


@require_POST
@staff_required
def agenda_standard_items(request, panel_slug, meeting_slug):
    """Add the standard opening items (welcome, substitutes, apologies and declarations, public participation,
    the previous meeting's minutes)."""
    _panel, meeting = _meeting_or_404(request, panel_slug, meeting_slug, edit=True)
    added = workflow.agenda_standard_items_add(acting_user=request.user, meeting=meeting)
    if added:
        messages.success(request, _("The standard opening items are on the agenda."))
    else:
        messages.error(request, _("The standard opening items are already on the agenda."))
    return _back(meeting, "#agenda")


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def agenda_publish(request, panel_slug, meeting_slug):
    """Publish the agenda, or a supplementary agenda, after showing what will go out and the notice it gives."""
    panel, meeting = _meeting_or_404(request, panel_slug, meeting_slug, edit=True)
    plan = workflow.publication_plan(meeting)
    form = forms.PublishForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            publication = workflow.agenda_publish(
                acting_user=request.user, meeting=meeting, urgency_reason=form.cleaned_data["urgency_reason"]
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            if publication.supplementary:
                messages.success(request, _("The supplementary agenda is published. Its pack is being built."))
            else:
                messages.success(request, _("The agenda is published. Its pack is being built."))
            return _back(meeting, "#publication")
    context = {"staff_panel": panel, "meeting": meeting, "form": form, "plan": plan}
    return render(request, "staff/agenda_publish.html", context)


def _day_forms(request, meeting):
    """The record-the-day form: a row per member in office on the day, also-attended rows and declarations."""
    panel = meeting.panel
    day = workflow.meeting_day(meeting)
    memberships = list(memberships_current_on(panel, day))
    people = Person.objects.live().filter(panel=panel).order_by("sort_name", "name")
    councils = Council.objects.live().filter(panel=panel).order_by("name")
    recorded = {a.person_id: a for a in meeting.attendances.live()}
    substitutes = {a.substitute_for_id: a for a in recorded.values() if a.substitute_for_id}
    data = request.POST if request.method == "POST" else None
    rows = []
    for membership in memberships:
        own = recorded.get(membership.person_id)
        sub = substitutes.get(membership.pk)
        initial = {
            "status": own.status if own and own.status in dict(forms.MEMBER_STATUSES) else AttendanceStatus.PRESENT,
            "substitute": sub.person_id if sub else None,
            "council": (sub.council_id if sub else None) or membership.council_id,
        }
        rows.append(
            forms.MemberAttendanceForm(
                data,
                prefix=f"m{membership.pk}",
                initial=initial,
                membership=membership,
                people=people,
                councils=councils,
            )
        )
    also = forms.AlsoAttendedFormSet(data, prefix="also")
    items = meeting.agenda_items.live().order_by("order", "id")
    member_people = people.filter(
        pk__in=[m.person_id for m in memberships] + [s.person_id for s in substitutes.values()]
    )
    declarations = forms.DeclarationFormSet(data, prefix="decl", form_kwargs={"people": member_people, "items": items})
    none = forms.DeclarationsNoneForm(
        data, prefix="none", initial={"none": meeting.declarations_state == DeclarationsState.NONE}
    )
    return rows, also, declarations, none


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def meeting_day_record(request, panel_slug, meeting_slug):
    """Record the day on one screen: attendance and substitutes, who else attended, and declarations."""
    panel, meeting = _meeting_or_404(request, panel_slug, meeting_slug, edit=True)
    rows, also, declarations, none = _day_forms(request, meeting)
    error = None
    if request.method == "POST":
        valid = all([*(row.is_valid() for row in rows), also.is_valid(), declarations.is_valid(), none.is_valid()])
        if valid:
            try:
                workflow.meeting_day_record(
                    acting_user=request.user,
                    meeting=meeting,
                    members=[
                        workflow.MemberAttendance(
                            membership=row.membership,
                            status=row.cleaned_data["status"] or AttendanceStatus.PRESENT,
                            substitute=row.cleaned_data["substitute"],
                            council=row.cleaned_data["council"] if row.cleaned_data["substitute"] else None,
                        )
                        for row in rows
                    ],
                    also_attended=[
                        workflow.AlsoAttended(
                            name=f.cleaned_data["name"], role_as_written=f.cleaned_data["role_as_written"]
                        )
                        for f in also
                        if f.cleaned_data.get("name", "").strip()
                    ],
                    declarations=[
                        workflow.DeclarationRow(
                            person=f.cleaned_data["person"],
                            kind=f.cleaned_data["kind"],
                            description=f.cleaned_data["description"],
                            agenda_item=f.cleaned_data["agenda_item"],
                        )
                        for f in declarations
                        if f.cleaned_data.get("person")
                    ],
                    no_declarations=none.cleaned_data["none"] and meeting.declarations_state != DeclarationsState.NONE,
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                messages.success(request, _("The day is recorded."))
                return _back(meeting, "#attendance")
    context = {
        "staff_panel": panel,
        "meeting": meeting,
        "rows": rows,
        "also": also,
        "declarations": declarations,
        "none": none,
        "error": error,
        "recorded_declarations": list(
            meeting.declarations.live().select_related("person", "agenda_item").order_by("id")
        ),
        "also_recorded": [
            a
            for a in meeting.attendances.live().select_related("person").order_by("order", "id")
            if a.status == AttendanceStatus.IN_ATTENDANCE
        ],
    }
    return render(request, "staff/meeting_day.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def minute_item_add(request, panel_slug, meeting_slug):
    """Draft a minute; its number comes from the panel's numbering scheme."""
    panel, meeting = _meeting_or_404(request, panel_slug, meeting_slug, edit=True)
    if meeting.minutes_status == MinutesStatus.CONFIRMED:
        messages.error(request, _("These minutes are confirmed: correct a minute instead of adding one."))
        return _back(meeting, "#minutes")
    form = forms.MinuteItemForm(_data(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            item = workflow.minute_item_draft(acting_user=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("Minute %(label)s is drafted.") % {"label": item.label})
            if "add_another" in request.POST:
                return redirect("staff:minute_item_add", panel_slug=panel.slug, meeting_slug=meeting.slug)
            return _back(meeting, "#minutes")
    context = {"staff_panel": panel, "meeting": meeting, "form": form, "next_label": next_minute_number(meeting)[1]}
    return render(request, "staff/minute_item_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def minute_item_change(request, panel_slug, meeting_slug, item_id):
    """Edit a draft minute; once the minutes are confirmed, correct it with a reason instead."""
    panel, meeting = _meeting_or_404(request, panel_slug, meeting_slug, edit=True)
    item = get_object_or_404(MinuteItem.objects.live().select_related("agenda_item"), pk=item_id, meeting=meeting)
    item.meeting = meeting
    confirmed = meeting.minutes_status == MinutesStatus.CONFIRMED
    initial = {"title": item.title, "agenda_item": item.agenda_item, "text": item.text, "resolutions": item.resolutions}
    if confirmed:
        form = forms.MinuteCorrectionForm(_data(request), initial=initial)
    else:
        form = forms.MinuteItemForm(_data(request), initial=initial, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            if confirmed:
                workflow.minute_item_correct(item=item, acting_user=request.user, **form.cleaned_data)
            else:
                workflow.minute_item_edit(acting_user=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("Minute %(label)s is saved.") % {"label": item.label})
            return _back(meeting, "#minutes")
    context = {
        "staff_panel": panel,
        "meeting": meeting,
        "form": form,
        "item": item,
        "confirmed": confirmed,
        "versions": list(item.versions.select_related("replaced_by").order_by("-version")),
    }
    return render(request, "staff/minute_item_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def minutes_confirm(request, panel_slug, meeting_slug):
    """Record that a later meeting confirmed the minutes as a correct record; they are locked from then."""
    panel, meeting = _meeting_or_404(request, panel_slug, meeting_slug, edit=True)
    form = forms.MinutesConfirmForm(_data(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.minutes_confirm(
                meeting=meeting, at_meeting=form.cleaned_data["at_meeting"], acting_user=request.user
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The minutes are confirmed and locked."))
            return _back(meeting, "#minutes")
    return render(request, "staff/minutes_confirm.html", {"staff_panel": panel, "meeting": meeting, "form": form})
