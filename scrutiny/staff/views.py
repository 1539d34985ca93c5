"""The staff area: panels the signed-in user works on."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from scrutiny.accounts.permissions import scope_to_panels
from scrutiny.panels.models import Panel


@login_required
def home(request):
    panels = scope_to_panels(Panel.objects.live(), request.user, field="pk")
    return render(request, "staff/home.html", {"panels": panels})
