"""Forms for the officer's staff pages. They parse and validate input; the services in
scrutiny.meetings.workflow and scrutiny.meetings.services do the writing."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from scrutiny.meetings.choices import AttendanceStatus, ExemptParagraph, InterestKind, MeetingKind
from scrutiny.meetings.rules import LONDON


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Date"), help_text=_("For example, 19 September 2023 as 2023-09-19."))
    time = forms.TimeField(label=_("Start time"), help_text=_("For example, 14:00."), initial=datetime.time(14, 0))
    venue = forms.CharField(label=_("Venue"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices, initial=MeetingKind.ORDINARY)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].widget = forms.DateInput(attrs={"type": "date"})
        self.fields["time"].widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

    @property
    def start(self) -> datetime.datetime:
        return datetime.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"], tzinfo=LONDON)


class AgendaItemForm(forms.Form):
    number = forms.CharField(label=_("Item number"), max_length=10, help_text=_("As printed: 6, or 6a."))
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Optional.")
    )
    exempt = forms.BooleanField(label=_("Exempt: the public will be excluded for this item"), required=False)
    exempt_paragraph = forms.TypedChoiceField(
        label=_("Paragraph of Schedule 12A"),
        choices=[("", _("Not exempt")), *ExemptParagraph.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    exempt_reason = forms.CharField(
        label=_("Public-interest reason for excluding the public"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].widget.attrs["class"] = "govuk-input--width-4"

    def clean(self):
        data = super().clean()
        if data.get("exempt"):
            if not data.get("exempt_paragraph"):
                self.add_error("exempt_paragraph", _("Choose the paragraph of Schedule 12A that makes it exempt."))
            if not (data.get("exempt_reason") or "").strip():
                self.add_error("exempt_reason", _("Give the public-interest reason for excluding the public."))
        else:
            data["exempt_paragraph"] = None
            data["exempt_reason"] = ""
        return data


class PublishForm(forms.Form):
    urgency_reason = forms.CharField(
        label=_("Reason for shorter notice"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the business cannot wait for a meeting with full notice. The public meeting page shows it."),
    )


class MinuteItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=None, required=False, empty_label=_("Not on the agenda")
    )
    text = forms.CharField(
        label=_("Minute"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The discussion, in paragraphs separated by a blank line."),
    )
    resolutions = forms.CharField(
        label=_("Resolved"), required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text=_("What was resolved.")
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.live().order_by("order", "id")


class MinuteCorrectionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(label=_("Minute"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    resolutions = forms.CharField(label=_("Resolved"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The minutes were confirmed as a correct record. The old wording is kept and shown as corrected."),
    )


class MinutesConfirmForm(forms.Form):
    at_meeting = forms.ModelChoiceField(
        label=_("Meeting at which the minutes were confirmed"), queryset=None, empty_label=None
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = (
            meeting.panel.meetings.live().filter(start__gt=meeting.start).order_by("start")
        )


# Recording the day ---------------------------------------------------------------------------------------------

MEMBER_STATUSES = [
    (AttendanceStatus.PRESENT, _("Present")),
    (AttendanceStatus.APOLOGIES, _("Apologies")),
    (AttendanceStatus.ABSENT, _("Absent")),
]


class MemberAttendanceForm(forms.Form):
    """One current member: present, apologies or absent, and who (if anyone) a council sent in their place."""

    status = forms.ChoiceField(choices=MEMBER_STATUSES, widget=forms.RadioSelect, required=False)
    substitute = forms.ModelChoiceField(queryset=None, required=False, empty_label=_("No substitute"))
    council = forms.ModelChoiceField(queryset=None, required=False, empty_label=_("Council not given"))

    def __init__(self, *args, membership, people, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.fields["status"].label = str(membership.person)
        self.fields["substitute"].queryset = people
        self.fields["council"].queryset = councils

    def clean(self):
        data = super().clean()
        if data.get("substitute") is not None:
            if data["substitute"].pk == self.membership.person_id:
                self.add_error("substitute", _("A member cannot substitute for themselves."))
            if data.get("status") == AttendanceStatus.PRESENT:
                self.add_error("substitute", _("A member who was present needs no substitute."))
        return data


class AlsoAttendedForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    role_as_written = forms.CharField(label=_("Role, as written"), max_length=200, required=False)


class DeclarationForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Member"), queryset=None, required=False, empty_label="")
    agenda_item = forms.ModelChoiceField(label=_("Item"), queryset=None, required=False, empty_label=_("No item"))
    kind = forms.ChoiceField(label=_("Kind of interest"), choices=[("", ""), *InterestKind.choices], required=False)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, people, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["agenda_item"].queryset = items

    def clean(self):
        data = super().clean()
        filled = data.get("person") or data.get("kind") or (data.get("description") or "").strip()
        if filled:
            if not data.get("person"):
                self.add_error("person", _("Choose the member who declared the interest."))
            if not data.get("kind"):
                self.add_error("kind", _("Choose the kind of interest."))
            if not (data.get("description") or "").strip():
                self.add_error("description", _("Describe the interest."))
        return data


class DeclarationsNoneForm(forms.Form):
    none = forms.BooleanField(label=_("No member declared an interest"), required=False)


AlsoAttendedFormSet = forms.formset_factory(AlsoAttendedForm, extra=3)
DeclarationFormSet = forms.formset_factory(DeclarationForm, extra=3)
