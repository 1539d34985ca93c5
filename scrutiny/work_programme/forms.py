"""Forms for the officer's pages on actions, recommendations, task groups and champion roles.

The forms parse and check what was sent (an evidence file is checked by `documents.uploads`, the same checks
as a paper's, so its problems are listed with the others'); the services save. Every choice is limited to
the panel's own minutes, meetings, papers and members.
"""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from scrutiny.documents.uploads import CheckedUpload, upload_check

from . import selectors
from .choices import ActionStatus, RecommendationResponse, RecommendationSubject, TaskGroupStatus


def _day(value) -> str:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return formats.date_format(value, "j F Y")


EXEMPT = _("(exempt)")


class MinuteItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        label = f"{_day(obj.meeting.start)}: {obj.label} {obj.title}"
        return label if obj.is_public else f"{label} {EXEMPT}"


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _day(obj.start)


class PaperChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        label = f"{_day(obj.agenda_item.meeting.start)}: {obj.title}"
        return label if obj.is_public else f"{label} {EXEMPT}"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


DATE_HELP = _("For example, 19 September 2023 as 2023-09-19.")
DATE_ERRORS = {"invalid": _("Enter a real date, for example 2023-09-19.")}
EVIDENCE_FILE_HELP = _("A PDF or a Word document (.docx), if the evidence is not a paper to the panel.")


class ActionForm(forms.Form):
    """An action: where it was raised, what and who, when it is due, and how it stands."""

    minute_item = MinuteItemChoiceField(
        label=_("Raised at minute"), queryset=None, required=False, empty_label=_("Not raised at a minute")
    )
    description = forms.CharField(
        label=_("Action"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter the action, as the minute records it.")},
    )
    owner_name = forms.CharField(
        label=_("Owner"),
        max_length=200,
        help_text=_("A person or an organisation, as the minute names it."),
        error_messages={"required": _("Enter who owns the action.")},
    )
    owner_email = forms.EmailField(
        label=_("Owner’s email address"),
        required=False,
        help_text=_("For reminders before the action is due."),
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.com")},
    )
    due_date = forms.DateField(
        label=_("Due date"), required=False, help_text=DATE_HELP, widget=DateInput(), error_messages=DATE_ERRORS
    )
    due_meeting = MeetingChoiceField(
        label=_("Or due by the meeting of"),
        queryset=None,
        required=False,
        empty_label=_("No meeting"),
        help_text=_("Give a due date or a meeting, not both."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActionStatus.choices,
        initial=ActionStatus.OPEN,
        widget=forms.RadioSelect,
        help_text=_("An open action past its due date shows as overdue."),
    )
    response = forms.CharField(
        label=_("Response"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the owner did or said."),
    )
    responded_on = forms.DateField(
        label=_("Date of the response"),
        required=False,
        help_text=DATE_HELP,
        widget=DateInput(),
        error_messages=DATE_ERRORS,
    )
    evidence_paper = PaperChoiceField(
        label=_("Evidence: a paper"), queryset=None, required=False, empty_label=_("No paper")
    )
    evidence_file = forms.FileField(
        label=_("Or evidence: upload a file"),
        required=False,
        help_text=EVIDENCE_FILE_HELP,
        error_messages={"empty": _("The selected file is empty.")},
    )
    evidence_file_remove = forms.BooleanField(label=_("Remove the evidence file"), required=False)

    def __init__(self, *args, panel, action=None, **kwargs):
        if action is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "minute_item": action.minute_item_id,
                "description": action.description,
                "owner_name": action.owner_name,
                "owner_email": action.owner_email,
                "due_date": action.due_date,
                "due_meeting": action.due_meeting_id,
                "status": action.status,
                "response": action.response,
                "responded_on": action.responded_on,
                "evidence_paper": action.evidence_paper_id,
            }
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["minute_item"].queryset = selectors.minute_items_for_panel(panel)
        self.fields["due_meeting"].queryset = selectors.meetings_for_panel(panel)
        self.fields["evidence_paper"].queryset = selectors.papers_for_panel(panel)
        if action is None or not action.evidence_file:
            del self.fields["evidence_file_remove"]

    def clean_evidence_file(self) -> CheckedUpload | None:
        uploaded = self.cleaned_data.get("evidence_file")
        return upload_check(uploaded) if uploaded else None

    def clean(self):
        data = super().clean()
        if data.get("due_date") and data.get("due_meeting"):
            self.add_error("due_meeting", _("Give a due date or a meeting, not both."))
        if data.get("evidence_paper") and data.get("evidence_file"):
            self.add_error("evidence_file", _("Choose a paper or upload a file in evidence, not both."))
        if data.get("status") == ActionStatus.DONE and not (data.get("response") or "").strip():
            self.add_error("response", _("Say what the owner did."))
        return data

    def service_fields(self) -> dict:
        """The cleaned data as the services take it."""
        data = dict(self.cleaned_data)
        upload = data.pop("evidence_file", None)
        remove = data.pop("evidence_file_remove", False)
        if self.action is not None:
            # Only what changed: a due date sent back unchanged must not earn the owner a second reminder.
            data = {name: value for name, value in data.items() if getattr(self.action, name) != value}
        fields = {**data, "evidence_upload": upload}
        if self.action is not None:
            # A paper chosen in place of a stored file replaces it.
            fields["evidence_file_remove"] = remove or bool(data.get("evidence_paper") and self.action.evidence_file)
        return fields


class RecommendationForm(forms.Form):
    """A formal recommendation of the panel to the PCC."""

    subject = forms.ChoiceField(
        label=_("Subject"),
        choices=[("", _("Choose a subject")), *RecommendationSubject.choices],
        error_messages={"required": _("Choose what the recommendation is about.")},
    )
    text = forms.CharField(
        label=_("Recommendation"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter the recommendation.")},
    )
    made_on = forms.DateField(
        label=_("Made on"),
        help_text=DATE_HELP,
        widget=DateInput(),
        error_messages={**DATE_ERRORS, "required": _("Enter the date the panel made the recommendation.")},
    )
    minute_item = MinuteItemChoiceField(
        label=_("Minute"), queryset=None, required=False, empty_label=_("Not at a minute")
    )
    response_due = forms.DateField(
        label=_("Response due by"),
        required=False,
        help_text=_("Only where statute sets a deadline for the PCC’s response."),
        widget=DateInput(),
        error_messages=DATE_ERRORS,
    )

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minute_item"].queryset = selectors.minute_items_for_panel(panel)


class RecommendationResponseForm(forms.Form):
    """The PCC's response to a recommendation."""

    response = forms.ChoiceField(
        label=_("The PCC’s response"),
        choices=[c for c in RecommendationResponse.choices if c[0] != RecommendationResponse.AWAITED],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the PCC accepted, partly accepted or rejected it.")},
    )
    response_text = forms.CharField(
        label=_("What the PCC said"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    responded_on = forms.DateField(
        label=_("Date of the response"),
        help_text=DATE_HELP,
        widget=DateInput(),
        error_messages={**DATE_ERRORS, "required": _("Enter the date of the PCC’s response.")},
    )


class TaskGroupForm(forms.Form):
    """A task group or deep dive."""

    topic = forms.CharField(
        label=_("Topic"), max_length=200, error_messages={"required": _("Enter the task group’s topic.")}
    )
    members = PeopleChoiceField(
        label=_("Members"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply."),
    )
    scope = forms.CharField(label=_("Scope"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    status = forms.ChoiceField(label=_("Status"), choices=TaskGroupStatus.choices, initial=TaskGroupStatus.PROPOSED)
    findings = forms.CharField(label=_("Findings"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    proposed_at_minute = MinuteItemChoiceField(
        label=_("Proposed at minute"), queryset=None, required=False, empty_label=_("Not at a minute")
    )

    def __init__(self, *args, panel, group=None, **kwargs):
        also = []
        if group is not None:
            also = list(group.members.all())
            kwargs.setdefault(
                "initial",
                {
                    "topic": group.topic,
                    "members": [person.pk for person in also],
                    "scope": group.scope,
                    "status": group.status,
                    "findings": group.findings,
                    "proposed_at_minute": group.proposed_at_minute_id,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = selectors.current_members(panel, also=also)
        self.fields["proposed_at_minute"].queryset = selectors.minute_items_for_panel(panel)


class ChampionRoleForm(forms.Form):
    """A member named as the panel's champion for an area."""

    person = PersonChoiceField(
        label=_("Member"),
        queryset=None,
        empty_label=_("Choose a member"),
        error_messages={"required": _("Choose the member.")},
    )
    area = forms.CharField(
        label=_("Area"),
        max_length=200,
        help_text=_("For example, road safety."),
        error_messages={"required": _("Enter the area the member champions.")},
    )

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = selectors.current_members(panel)
