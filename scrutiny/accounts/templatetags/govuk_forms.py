"""Django forms rendered as GOV.UK Frontend components: labels, hints, error messages and an error summary.

{% load govuk_forms %}
{% govuk_error_summary form %}
{% for field in form.visible_fields %}{% govuk_field field %}{% endfor %}
"""

from django import forms, template
from django.conf import settings
from django.utils.translation import gettext_lazy as _

register = template.Library()

# Short inputs for codes: GOV.UK asks for a width that hints at the expected length.
WIDTH_CLASSES = {"one-time-code": "govuk-input--width-10 govuk-input--extra-letter-spacing"}
# django-two-factor-auth calls every code a "Token"; GOV.UK services call it a security code.
ONE_TIME_CODE = {"label": _("Security code"), "hint": _("The 6-digit code shown in your authenticator app.")}


def _kind(widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


@register.inclusion_tag("accounts/includes/govuk_field.html")
def govuk_field(field, label_class="govuk-label--s"):
    """One form field as a GOV.UK form group."""
    widget = field.field.widget
    kind = _kind(widget)
    label, help_text = field.label, field.help_text
    if widget.attrs.get("autocomplete") == "one-time-code":
        label, help_text = ONE_TIME_CODE["label"], ONE_TIME_CODE["hint"]
    hint_id = f"{field.auto_id}-hint" if help_text else ""
    error_id = f"{field.auto_id}-error" if field.errors else ""
    described_by = " ".join(i for i in (hint_id, error_id) if i)
    classes = {
        "input": "govuk-input",
        "textarea": "govuk-textarea",
        "select": "govuk-select",
        "checkbox": "govuk-checkboxes__input",
    }.get(kind, "")
    if kind in ("input", "textarea", "select") and field.errors:
        classes += f" govuk-{kind}--error"
    if kind == "input":
        classes = f"{classes} {WIDTH_CLASSES.get(widget.attrs.get('autocomplete'), '')}".strip()
    attrs = {"class": classes}
    if described_by:
        attrs["aria-describedby"] = described_by
    return {
        "field": field,
        "label": label,
        "help_text": help_text,
        "kind": kind,
        "hint_id": hint_id,
        "error_id": error_id,
        "described_by": described_by,
        "label_class": label_class,
        "widget_html": field.as_widget(attrs=attrs) if kind != "radios" else "",
    }


@register.inclusion_tag("accounts/includes/govuk_error_summary.html")
def govuk_error_summary(form):
    """The error summary at the top of a page: each message links to its field."""
    errors = []
    if form is not None and form.errors:
        # A message about the whole form (a wrong password) points at its first field.
        visible = form.visible_fields()
        first = visible[0].auto_id if visible else ""
        errors = [(first, message) for message in form.non_field_errors()]
        for field in form:
            if field.is_hidden:
                continue
            target = field.auto_id
            if isinstance(field.field.widget, forms.RadioSelect) and field.subwidgets:
                target = field.subwidgets[0].id_for_label
            errors += [(target, message) for message in field.errors]
    return {"errors": errors}


@register.simple_tag
def two_factor_required() -> bool:
    """Whether staff must sign in with a second factor here (always, except in the `make run` demo)."""
    return getattr(settings, "SCRUTINY_REQUIRE_2FA", True)
