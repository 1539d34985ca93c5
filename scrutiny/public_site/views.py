"""Public pages. Thin: parse, call a selector, render. Anonymous responses go through the page cache."""

from django.shortcuts import get_object_or_404, render

from scrutiny.core.cache import public_page
from scrutiny.panels.models import Panel


@public_page
def index(request):
    panels = Panel.objects.live().order_by("name")
    return render(request, "public_site/index.html", {"panels": panels})


@public_page
def accessibility(request):
    return render(request, "public_site/accessibility.html")


def _panel(panel_slug):
    return get_object_or_404(Panel.objects.live(), slug=panel_slug)


@public_page
def panel_home(request, panel_slug):
    panel = _panel(panel_slug)
    return render(request, "public_site/panel_home.html", {"panel": panel})


@public_page
def member_list(request, panel_slug):
    raise NotImplementedError


@public_page
def member_detail(request, panel_slug, person_slug):
    raise NotImplementedError


@public_page
def meeting_list(request, panel_slug, year=None):
    raise NotImplementedError


@public_page
def meeting_detail(request, panel_slug, meeting_slug):
    raise NotImplementedError


def meeting_calendar(request, panel_slug):
    raise NotImplementedError
