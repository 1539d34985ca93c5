"""The public search form: read from the query string, so every search has a link to share."""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import SearchKind

_DMY = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")


class LooseDateField(forms.Field):
    """A date as people write it, as GOV.UK's finders take it: 21/11/2023, 2023-11-21 or a year alone.

    A year alone means its first day in `from` and its last in `to` (`year_end`).
    """

    def __init__(self, *, year_end=False, **kwargs):
        self.year_end = year_end
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return None
        try:
            if match := _DMY.match(value):
                day, month, year = map(int, match.groups())
                return datetime.date(year, month, day)
            if match := _ISO.match(value):
                year, month, day = map(int, match.groups())
                return datetime.date(year, month, day)
            if match := _YEAR.match(value):
                year = int(match.group(1))
                return datetime.date(year, 12, 31) if self.year_end else datetime.date(year, 1, 1)
        except ValueError:
            pass
        raise forms.ValidationError(_("Enter a real date, for example 27/7/2023, or a year."), code="invalid")


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    kind = forms.MultipleChoiceField(
        required=False, choices=SearchKind.choices, widget=forms.CheckboxSelectMultiple, label=_("Show")
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=500)

    def __init__(self, *args, panels=None, **kwargs):
        super().__init__(*args, **kwargs)
        # `from` and `to` are Python keywords: the fields are added by name.
        self.fields["from"] = LooseDateField(label=_("From"), help_text=_("For example, 27/7/2023 or 2023"))
        self.fields["to"] = LooseDateField(label=_("To"), help_text=_("For example, 27/7/2024 or 2024"), year_end=True)
        self.panels = panels
        if panels is not None:
            self.fields["panel"] = forms.ChoiceField(
                required=False,
                label=_("Panel"),
                choices=[("", _("All panels")), *((p.slug, p.name) for p in panels)],
            )

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("from"), cleaned.get("to")
        if date_from and date_to and date_from > date_to:
            self.add_error("to", _("The ‘to’ date must be the same as or after the ‘from’ date."))
        return cleaned

    @property
    def chosen_panel(self):
        slug = self.cleaned_data.get("panel") if self.panels is not None else None
        return next((p for p in self.panels if p.slug == slug), None) if slug else None
