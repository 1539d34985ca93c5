"""Forms for the officer's pages on the statutory processes: each step of the precept (PRSRA 2011 Sch 5,
SI 2012/2271) and of a confirmation hearing (Sch 1 and Sch 8).

The forms parse what was sent; the services in `statutory_services` apply the rules and save. A form
refuses only what cannot be read (a date that is not a date, a negative vote); what the statute forbids is
for the service to refuse, and what is merely out of time is recorded and warned about.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors, statutory
from .choices import AppointmentPost, HearingOutcome, PreceptDecision
from .forms import DATE_ERRORS, DATE_HELP, DateInput, MeetingChoiceField

BAND_D_HELP = _("The Band D council tax precept in pounds, for example 264.04.")


def _date_field(label, required_message, *, required=True, help_text=DATE_HELP):
    errors = {**DATE_ERRORS}
    if required:
        errors["required"] = required_message
    return forms.DateField(
        label=label, required=required, help_text=help_text, widget=DateInput(), error_messages=errors
    )


def _band_d_field(label, required_message, *, required=True, help_text=BAND_D_HELP):
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal("0.01"),
        max_digits=8,
        decimal_places=2,
        help_text=help_text,
        error_messages={
            "required": required_message,
            "invalid": _("Enter an amount in pounds, for example 264.04."),
            "min_value": _("Enter an amount greater than nothing."),
            "max_digits": _("Enter an amount of no more than 999,999.99."),
            "max_decimal_places": _("Enter an amount in pounds and pence, with no more than 2 decimal places."),
        },
    )


def _votes_field(label, *, help_text=""):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=50,
        help_text=help_text,
        error_messages={
            "invalid": _("Enter a whole number of votes, for example 8."),
            "min_value": _("Enter a number of votes of 0 or more."),
            "max_value": _("Enter a number of votes of no more than 50."),
        },
    )


# Precept ---------------------------------------------------------------------------------------------------


class PreceptStartForm(forms.Form):
    """Open the precept process for a financial year."""

    precept_year = forms.CharField(
        label=_("Financial year of the precept"),
        max_length=7,
        help_text=_("The year the precept is for, for example 2025/26: its dates fall in February 2025."),
        error_messages={"required": _("Enter the financial year, for example 2025/26.")},
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For staff: not shown on the public pages."),
    )

    def clean_precept_year(self) -> str:
        year = self.cleaned_data["precept_year"].strip().replace("-", "/")
        try:
            statutory.precept_start_year(year)
        except ValueError as exc:
            raise forms.ValidationError(_("Enter the financial year as 2025/26.")) from exc
        return year


class PreceptNotifyForm(forms.Form):
    """The PCC's notification of the proposed precept (reg 3: by 1 February)."""

    notified_on = _date_field(_("Date the PCC notified the panel"), _("Enter the date of the notification."))
    proposed_band_d = _band_d_field(_("Proposed Band D precept"), _("Enter the proposed Band D precept."))


class PreceptDecisionForm(forms.Form):
    """The panel's report on the proposed precept (Sch 5 paras 3-4; reg 4: by 8 February), and the vote."""

    decision = forms.ChoiceField(
        label=_("The panel’s decision"),
        choices=PreceptDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the panel’s decision.")},
    )
    report_on = _date_field(
        _("Date of the panel’s report"),
        "",
        required=False,
        help_text=_("Leave blank to use the date of the meeting. For example, 2025-02-03."),
    )
    meeting = MeetingChoiceField(
        label=_("Meeting at which the panel decided"), queryset=None, required=False, empty_label=_("No meeting")
    )
    votes_for = _votes_field(
        _("Votes for the motion"),
        help_text=_(
            "For a veto: the votes for it. A veto needs two-thirds of the members of the panel at the time, "
            "not of those present."
        ),
    )
    votes_against = _votes_field(_("Votes against"))
    abstentions = _votes_field(_("Abstentions"))

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = selectors.meetings_for_panel(panel)

    def clean(self):
        data = super().clean()
        if not data.get("report_on") and not data.get("meeting") and "report_on" not in self.errors:
            self.add_error("report_on", _("Enter the date of the panel’s report, or choose the meeting."))
        if statutory.is_veto(data.get("decision", "")) and data.get("votes_for") is None:
            self.add_error("votes_for", _("Enter the number of votes for the veto."))
        return data


class PreceptReviseForm(forms.Form):
    """The PCC's response to a veto and the revised precept (reg 5: by 15 February)."""

    notified_on = _date_field(
        _("Date the PCC notified the revised precept"), _("Enter the date of the PCC’s response.")
    )
    revised_band_d = _band_d_field(_("Revised Band D precept"), _("Enter the revised Band D precept."))


class PreceptSecondReportForm(forms.Form):
    """The panel's report on the revised precept (by 22 February; no second veto)."""

    report_on = _date_field(_("Date of the panel’s second report"), _("Enter the date of the second report."))


class PreceptFinalResponseForm(forms.Form):
    """The PCC's response to the panel's second report (by 1 March)."""

    responded_on = _date_field(_("Date of the PCC’s response"), _("Enter the date of the PCC’s response."))


class PreceptIssueForm(forms.Form):
    """The precept the PCC issued to the billing authorities (before 1 March)."""

    issued_band_d = _band_d_field(_("Band D precept issued"), _("Enter the Band D precept issued."))
    issued_on = _date_field(_("Date issued"), _("Enter the date the precept was issued."))
    recommended_band_d = _band_d_field(
        _("Band D precept the panel’s report recommended"),
        "",
        required=False,
        help_text=_("Only if the panel’s report recommended a precept. For example, 264.04."),
    )


# Confirmation hearings -------------------------------------------------------------------------------------


class HearingNotifyForm(forms.Form):
    """The PCC's notification of a proposed appointment (Sch 8 para 3); the three weeks begin on receipt."""

    post = forms.ChoiceField(
        label=_("Post"),
        choices=AppointmentPost.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the post.")},
    )
    candidate = forms.CharField(
        label=_("Candidate’s name"),
        max_length=200,
        help_text=_("The name and the post are the only details of the candidate shown to the public."),
        error_messages={"required": _("Enter the candidate’s name.")},
    )
    received_on = _date_field(
        _("Date the panel received the notification"), _("Enter the date the notification was received.")
    )
    criteria = forms.CharField(
        label=_("Criteria used to assess the candidate’s suitability"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    how_criteria_met = forms.CharField(
        label=_("Why the candidate meets the criteria"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    terms_and_conditions = forms.CharField(
        label=_("Terms and conditions of the appointment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A part the notification lacks is recorded as missing, for you to ask the PCC for."),
    )


class HearingDecideForm(forms.Form):
    """The panel's report after the hearing: a recommendation, or (chief constable only) a veto."""

    outcome = forms.ChoiceField(
        label=_("The panel’s report"),
        choices=[c for c in HearingOutcome.choices if c[0] != HearingOutcome.PENDING],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the panel’s recommendation, or a veto.")},
    )
    report_on = _date_field(
        _("Date of the panel’s report"),
        "",
        required=False,
        help_text=_("Leave blank to use the date of the hearing. For example, 2025-03-20."),
    )
    meeting = MeetingChoiceField(
        label=_("Meeting at which the hearing was held"), queryset=None, required=False, empty_label=_("No meeting")
    )
    votes_for_veto = _votes_field(
        _("Votes for a veto"),
        help_text=_("Only for a veto: it needs two-thirds of the members of the panel at the time."),
    )

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = selectors.meetings_for_panel(panel)

    def clean(self):
        data = super().clean()
        if not data.get("report_on") and not data.get("meeting") and "report_on" not in self.errors:
            self.add_error("report_on", _("Enter the date of the panel’s report, or choose the hearing’s meeting."))
        if data.get("outcome") == HearingOutcome.VETO and data.get("votes_for_veto") is None:
            self.add_error("votes_for_veto", _("Enter the number of votes for the veto."))
        return data


class HearingResponseForm(forms.Form):
    """Whether the PCC accepted the panel's recommendation (Sch 8 para 7)."""

    accepted = forms.TypedChoiceField(
        label=_("Did the PCC accept the panel’s recommendation?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the PCC accepted the recommendation.")},
    )
    responded_on = _date_field(_("Date of the PCC’s response"), _("Enter the date of the PCC’s response."))
