"""A service's refusal shown on the staff form that called it."""

from django import forms
from django.core.exceptions import ValidationError

from scrutiny.core.forms import form_errors_add


class _Form(forms.Form):
    report_on = forms.DateField(required=False)
    file = forms.FileField(required=False)


def _form():
    form = _Form(data={})
    assert form.is_valid()
    return form


def test_a_named_field_gets_its_message_and_an_unknown_one_goes_on_the_form():
    form = _form()
    form_errors_add(form, ValidationError({"report_on": "Too late.", "votes": "Short of two-thirds."}))
    assert form.errors["report_on"] == ["Too late."]
    assert form.non_field_errors() == ["Short of two-thirds."]


def test_an_alias_maps_the_model_field_to_the_form_field():
    form = _form()
    form_errors_add(form, ValidationError({"panel_report_on": "Too late."}), aliases={"panel_report_on": "report_on"})
    assert form.errors["report_on"] == ["Too late."]


def test_a_refusal_naming_no_field_goes_on_the_given_field_or_the_form():
    form = _form()
    form_errors_add(form, ValidationError("Encrypted."), field="file")
    assert form.errors["file"] == ["Encrypted."]
    form = _form()
    form_errors_add(form, ValidationError(["One.", "Two."]))
    assert form.non_field_errors() == ["One.", "Two."]
