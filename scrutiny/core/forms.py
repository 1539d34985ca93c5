"""What every staff form view shares: binding a form to what was posted, and showing a service's refusal
on the form."""

from django.core.exceptions import ValidationError


def posted(request) -> tuple:
    """A form's data and files: bound on POST even when nothing was sent, so that "required" is reported."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def form_errors_add(form, error: ValidationError, *, field: str | None = None, aliases: dict | None = None) -> None:
    """A service's refusal shown on the form: on the field it names (through `aliases` where the service
    names a model field the form calls otherwise), or on the form as a whole; a refusal that names no field
    goes on `field`, or on the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(field, error)
        return
    for name, errors in error.error_dict.items():
        if name not in form.fields and aliases:
            name = aliases.get(name, name)
        form.add_error(name if name in form.fields else None, errors)
