"""Forms for papers: upload a PDF or Word document, add an appendix, write a paper in its standard sections.

The forms parse, and check an uploaded file (see `uploads`) so that its problems are listed with the others';
the services save.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Paper
from .text import SECTION_FIELDS
from .uploads import CheckedUpload, upload_check

FILE_HINT = _("A PDF or a Word document (.docx).")


class CheckedFileMixin:
    """`cleaned_data["file"]` is the checked upload (a CheckedUpload), ready for the services."""

    def clean_file(self) -> CheckedUpload:
        return upload_check(self.cleaned_data["file"])


class PaperUploadForm(CheckedFileMixin, forms.Form):
    title = forms.CharField(
        label=_("Title of the paper"),
        max_length=300,
        error_messages={"required": _("Enter the title of the paper.")},
    )
    file = forms.FileField(
        label=_("Upload a file"),
        help_text=FILE_HINT,
        error_messages={"required": _("Select a file."), "empty": _("The selected file is empty.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )


class PaperFileAddForm(CheckedFileMixin, forms.Form):
    title = forms.CharField(
        label=_("Title of the appendix"),
        max_length=300,
        required=False,
        help_text=_("For example, “Appendix A: Police and Crime Plan scorecard”."),
    )
    file = forms.FileField(
        label=_("Upload a file"),
        help_text=FILE_HINT,
        error_messages={"required": _("Select a file."), "empty": _("The selected file is empty.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )


class PaperForm(forms.ModelForm):
    """A paper written in the application, in the sections of a panel report; each section is Markdown."""

    class Meta:
        model = Paper
        fields = ["title", *SECTION_FIELDS, "author", "contact_points"]
        labels = {
            "title": _("Title of the paper"),
            "recommendation": _("Recommendation"),
            "summary": _("Summary"),
            "background": _("Background"),
            "body": _("The report"),
            "risk_implications": _("Risk implications"),
            "financial_implications": _("Financial implications"),
            "legal_implications": _("Legal implications"),
            "equality_implications": _("Equality implications"),
            "supporting_information": _("Supporting information"),
            "background_papers": _("Background papers"),
            "author": _("Author"),
            "contact_points": _("Contact points"),
        }
        help_texts = {
            "recommendation": _("What the panel is asked to do, for example “The panel is asked to note the report.”"),
            "body": _("Use ## for a heading, * for a bulleted list and 1. for a numbered list."),
            "background_papers": _("Papers relied on in writing the report, as the Local Government Act 1972 asks."),
            "author": _("Who wrote it, for example the PCC’s Chief Executive."),
            "contact_points": _("Who to contact about the report, with a telephone number or email address."),
        }
        error_messages = {"title": {"required": _("Enter the title of the paper.")}}
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 5}) for name in [*SECTION_FIELDS, "contact_points"]},
            "body": forms.Textarea(attrs={"rows": 20}),
        }
