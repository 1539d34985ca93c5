"""Forms for the staff performance pages: a measurement, a CSV of measurements, an indicator's narrative,
the Annual Budget Metrics report.

They parse what was typed; what a figure may be (a percentage between 0 and 100, a whole count, text for a
text status) is the services' rule (`measurement_problems`), asked here so that the form and the service
refuse the same things.
"""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from scrutiny.meetings.models import AgendaItem

from . import periods, selectors
from .choices import PeriodKind
from .models import Indicator, Period
from .services import measurement_problems

MAX_CSV_BYTES = 2 * 1024 * 1024
NUMBER_ERRORS = {
    "invalid": _("Enter a number, like 76.4"),
    "max_digits": _("Enter a number with no more than 11 digits before the decimal point"),
    "max_decimal_places": _("Enter a number with no more than 3 decimal places"),
    "max_whole_digits": _("Enter a number with no more than 11 digits before the decimal point"),
}


class NumberField(forms.DecimalField):
    """A decimal as reports print it: thousands separators and a trailing per cent sign are allowed."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", "").strip().removesuffix("%").strip()
        return super().to_python(value)


def _number(label, help_text=""):
    return NumberField(
        label=label,
        help_text=help_text,
        required=False,
        max_digits=14,
        decimal_places=3,
        localize=False,
        error_messages=NUMBER_ERRORS,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
    )


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.get_unit_display().lower()})"


class MeasurementForm(forms.Form):
    """One figure for one indicator and period; recording it again replaces the one recorded before."""

    indicator = IndicatorChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.none(),
        to_field_name="slug",
        empty_label=_("Choose an indicator"),
        error_messages={"required": _("Choose an indicator"), "invalid_choice": _("Choose an indicator")},
    )
    period = forms.CharField(
        label=_("Period"),
        max_length=60,
        help_text=_(
            "As the report prints it, for example Q1 2023/24, June 2023, 12 months ending June 2023 or 2023/24"
        ),
        error_messages={"required": _("Enter the period, for example Q1 2023/24")},
    )
    value = _number(_("Value"), _("The figure for the period. Leave it blank for a text status."))
    text_value = forms.CharField(
        label=_("Text status (optional)"),
        max_length=500,
        required=False,
        help_text=_("Only for an indicator whose figure is words, such as ‘On track’"),
    )
    qualifier = forms.CharField(
        label=_("Qualifier (optional)"),
        max_length=20,
        required=False,
        help_text=_("As printed, when the figure is not exact: ‘over’, ‘about’"),
    )
    msg_average = _number(_("Most similar group average (optional)"))
    national = _number(_("National figure (optional)"))
    source = forms.CharField(label=_("Source (optional)"), max_length=300, required=False)
    note = forms.CharField(label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.live().filter(panel=panel).order_by("order", "id")
        self.period_spec: periods.PeriodSpec | None = None

    def clean_period(self):
        label = self.cleaned_data["period"]
        try:
            self.period_spec = periods.parse_period_label(label)
        except periods.PeriodLabelError as error:
            raise forms.ValidationError(str(error)) from error
        return label

    def clean(self):
        cleaned = super().clean()
        indicator = cleaned.get("indicator")
        if indicator is None:
            return cleaned
        numbers = ("value", "msg_average", "national")
        if any(name in self.errors for name in numbers):
            return cleaned  # Not a number: the field's own message says so; the unit's rules come after.
        problems = measurement_problems(
            indicator,
            value=cleaned.get("value"),
            text_value=cleaned.get("text_value", ""),
            msg_average=cleaned.get("msg_average"),
            national=cleaned.get("national"),
        )
        for field, message in problems.items():
            self.add_error(field if field in self.fields else None, message)
        return cleaned

    def record_fields(self) -> dict:
        """The cleaned form as `measurement_record`'s keyword arguments (without the period)."""
        names = ("indicator", "value", "text_value", "qualifier", "msg_average", "national", "source", "note")
        return {name: self.cleaned_data.get(name) for name in names}


class MeasurementsUploadForm(forms.Form):
    """A CSV of measurements, as `csv_import` describes it."""

    file = forms.FileField(
        label=_("Upload a CSV file"),
        help_text=_(
            "Columns: indicator, period, value, and optionally msg_average, national and note. "
            "The first row names the columns."
        ),
        error_messages={"required": _("Select a CSV file"), "empty": _("The selected file is empty")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("The selected file must be a CSV"))
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The selected file must be smaller than 2MB"))
        try:
            self.text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The selected file must be a CSV saved as UTF-8")) from error
        return upload


class NarrativeForm(forms.Form):
    """The officer's words for an indicator's figure; blank goes back to the draft."""

    text = forms.CharField(
        label=_("Narrative"),
        required=False,
        help_text=_("Leave it as drafted, or blank, to follow the figures as they change."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class AgendaItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        day = date_format(timezone.localtime(obj.meeting.start), "j F Y")
        return f"{day}: {obj.number}. {obj.title}" if obj.number else f"{day}: {obj.title}"


class PeriodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class BudgetMetricsForm(forms.Form):
    """Generate the Annual Budget Metrics report as a paper on an agenda item of a scheduled meeting."""

    agenda_item = AgendaItemChoiceField(
        label=_("Agenda item"),
        queryset=AgendaItem.objects.none(),
        empty_label=_("Choose an agenda item"),
        help_text=_("Items of the panel's scheduled meetings. The report is added to the item as a new paper."),
        error_messages={"required": _("Choose an agenda item"), "invalid_choice": _("Choose an agenda item")},
    )
    financial_year = forms.CharField(
        label=_("Financial year"),
        max_length=20,
        help_text=_("The budget year the indicators were agreed for, for example 2023/24"),
        error_messages={"required": _("Enter the financial year, for example 2023/24")},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    period = PeriodChoiceField(
        label=_("Period of the update (optional)"),
        queryset=Period.objects.none(),
        required=False,
        empty_label=_("Each indicator's latest figure"),
        help_text=_("The period the update column is for."),
        error_messages={"invalid_choice": _("Choose a period from the list")},
    )

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = selectors.agenda_items_for_reports(panel)
        self.fields["period"].queryset = selectors.periods_with_any_figures(panel)
        if not self.is_bound and "financial_year" not in self.initial:
            # The year of the latest figure: the report is usually for the year under way.
            latest = self.fields["period"].queryset.first()
            if latest is not None:
                self.initial["financial_year"] = periods.financial_year_label(periods.financial_year_of(latest.end))

    def clean_financial_year(self):
        text = self.cleaned_data["financial_year"].strip()
        message = _("Enter the financial year as two consecutive years, for example 2023/24")
        try:
            spec = periods.parse_period_label(text)
        except periods.PeriodLabelError as error:
            raise forms.ValidationError(message) from error
        if spec.kind != PeriodKind.FINANCIAL_YEAR:
            raise forms.ValidationError(message)
        return periods.financial_year_label(spec.start.year)
