"""Pages for public participation: the public form, its confirmation and privacy notice, and the officer's
list of a meeting's questions with the decision on each.

The form page is never served from the public page cache: it carries a CSRF token. Submissions are rate
limited per IP address (django-ratelimit, on the shared cache).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import get_usage

from scrutiny.accounts.decorators import staff_panel_or_404, staff_required
from scrutiny.accounts.permissions import can_edit_panel
from scrutiny.core.cache import public_page
from scrutiny.meetings.models import Meeting
from scrutiny.panels.models import Panel

from .choices import QuestionKind, QuestionStatus
from .models import PublicQuestion
from .participation import (
    QUESTION_MAX_CHARS,
    ParticipationClosed,
    participation_window,
    question_accept,
    question_decline,
    question_submit,
    questions_for_staff,
)

RATE_GROUP = "participation:question_create"
RATE = "5/h"  # five questions an hour from one address is more than any real questioner sends


def _text_with_limit(message: str) -> str:
    return _(message) % {"max": f"{QUESTION_MAX_CHARS:,}"}


# Translated when shown, not at import, so that a Welsh page says it in Welsh.
_with_limit = lazy(_text_with_limit, str)


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Do you want to ask a question or make a statement?"),
        choices=QuestionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Select whether you want to ask a question or make a statement")},
    )
    text = forms.CharField(
        label=gettext_lazy("Your question or statement"),
        max_length=QUESTION_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_with_limit(gettext_noop("You can enter up to %(max)s characters.")),
        error_messages={
            "required": gettext_lazy("Enter your question or statement"),
            "max_length": _with_limit(gettext_noop("Your question or statement must be %(max)s characters or fewer")),
        },
    )
    submitter_name = forms.CharField(
        label=gettext_lazy("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={"required": gettext_lazy("Enter your full name")},
    )
    submitter_email = forms.EmailField(
        label=gettext_lazy("Email address"),
        help_text=gettext_lazy("We will only use this to tell you about your question."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": gettext_lazy("Enter your email address"),
            "invalid": gettext_lazy("Enter an email address in the correct format, like name@example.com"),
        },
    )
    submitter_phone = forms.CharField(
        label=gettext_lazy("Phone number (optional)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    consent = forms.BooleanField(
        label=gettext_lazy("I have read the privacy notice and agree to the panel using my details as it describes"),
        error_messages={"required": gettext_lazy("Confirm that you have read the privacy notice")},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("accept", gettext_lazy("Accept")), ("decline", gettext_lazy("Decline"))],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Select accept or decline")},
    )
    decline_reason = forms.CharField(
        label=gettext_lazy("Reason for declining"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Needed when you decline. Not published."),
    )
    answer = forms.CharField(
        label=gettext_lazy("Answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Published with an accepted question on the meeting page."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not data.get("decline_reason", "").strip():
            self.add_error("decline_reason", _("Say why the question is declined"))
        return data


def _public_meeting(panel_slug, meeting_slug) -> Meeting:
    return get_object_or_404(
        Meeting.objects.live().select_related("panel"),
        panel__slug=panel_slug,
        panel__is_deleted=False,
        slug=meeting_slug,
    )


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def _usage(request, *, increment: bool):
    return get_usage(request, group=RATE_GROUP, key="ip", rate=RATE, method=["POST"], increment=increment)


@require_http_methods(["GET", "HEAD", "POST"])
def question_create(request, panel_slug, meeting_slug):
    """Ask a question or make a statement for a meeting, until its deadline."""
    meeting = _public_meeting(panel_slug, meeting_slug)
    panel = meeting.panel
    window = participation_window(meeting)
    context = {"panel": panel, "meeting": meeting, "window": window}
    if not window.is_open:
        status = 403 if request.method == "POST" else 200
        return _private(render(request, "work_programme/participation/question_closed.html", context, status=status))
    form = QuestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        usage = _usage(request, increment=False)
        if usage and usage["count"] >= usage["limit"]:
            return _private(render(request, "work_programme/participation/rate_limited.html", context, status=429))
        if form.is_valid():
            data = form.cleaned_data
            try:
                question_submit(
                    meeting=meeting,
                    kind=data["kind"],
                    text=data["text"],
                    submitter_name=data["submitter_name"],
                    submitter_email=data["submitter_email"],
                    submitter_phone=data["submitter_phone"],
                )
            except ParticipationClosed:
                # The deadline passed while the form was being filled in.
                context["window"] = participation_window(meeting)
                return _private(
                    render(request, "work_programme/participation/question_closed.html", context, status=403)
                )
            except ValidationError as error:
                for field, messages_ in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, messages_)
            else:
                _usage(request, increment=True)
                return redirect("participation:question_sent", panel_slug=panel.slug, meeting_slug=meeting.slug)
    context["form"] = form
    return _private(render(request, "work_programme/participation/question_form.html", context))


@require_safe
@public_page
def question_sent(request, panel_slug, meeting_slug):
    """The confirmation: nothing about the questioner, so it may be cached like any public page."""
    meeting = _public_meeting(panel_slug, meeting_slug)
    return render(
        request,
        "work_programme/participation/question_sent.html",
        {"panel": meeting.panel, "meeting": meeting, "window": participation_window(meeting)},
    )


@require_safe
@public_page
def privacy_notice(request, panel_slug):
    """What the panel keeps about a questioner, why, who sees it and when it is erased."""
    panel = get_object_or_404(Panel.objects.live().select_related("contact_officer"), slug=panel_slug)
    return render(request, "work_programme/participation/privacy_notice.html", {"panel": panel})


def _staff_meeting(request, panel_slug, meeting_slug) -> tuple[Panel, Meeting]:
    """Another panel's meeting is "not found", so that its existence is not revealed."""
    panel = staff_panel_or_404(request, panel_slug)
    meeting = get_object_or_404(Meeting.objects.live().select_related("panel"), panel=panel, slug=meeting_slug)
    return panel, meeting


@require_safe
@staff_required
def staff_question_list(request, panel_slug, meeting_slug):
    """The meeting's questions. Only the officer, who answers the questioner, sees contact details."""
    panel, meeting = _staff_meeting(request, panel_slug, meeting_slug)
    can_edit = can_edit_panel(request.user, panel)
    return render(
        request,
        "work_programme/participation/staff_question_list.html",
        {
            "staff_panel": panel,
            "meeting": meeting,
            "questions": list(questions_for_staff(meeting)),
            "can_edit": can_edit,
            "window": participation_window(meeting),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def staff_question_decide(request, panel_slug, meeting_slug, question_id):
    """The officer accepts or declines a question, and records the answer. Others may not."""
    panel, meeting = _staff_meeting(request, panel_slug, meeting_slug)
    if not can_edit_panel(request.user, panel):
        raise PermissionDenied
    question = get_object_or_404(PublicQuestion.objects.select_related("meeting"), pk=question_id, meeting=meeting)
    initial = {"answer": question.answer, "decline_reason": question.decline_reason}
    if question.status != QuestionStatus.RECEIVED:
        initial["decision"] = "accept" if question.status == QuestionStatus.ACCEPTED else "decline"
    form = DecisionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "accept":
                question_accept(question=question, acting_user=request.user, answer=data["answer"])
                messages.success(request, _("The question was accepted. It appears on the meeting page."))
            else:
                question_decline(question=question, acting_user=request.user, reason=data["decline_reason"])
                messages.success(request, _("The question was declined."))
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            return redirect("participation:staff_question_list", panel_slug=panel.slug, meeting_slug=meeting.slug)
    return render(
        request,
        "work_programme/participation/staff_question_decide.html",
        {"staff_panel": panel, "meeting": meeting, "question": question, "form": form},
    )
