"""The panel's meetings as an iCalendar feed (RFC 5545) that calendar applications can subscribe to."""

from datetime import datetime, timedelta
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.selectors import CalendarMeeting

LONDON = ZoneInfo("Europe/London")

# Where the minutes do not record when a meeting ended, calendars get a three-hour slot: panel meetings
# usually run from 11.00am into the early afternoon (West Mercia's of 27 July 2023 ended at 1.50pm).
DEFAULT_LENGTH = timedelta(hours=3)


def _agenda_lines(entry: CalendarMeeting) -> list[str]:
    """Items by number and title; an exempt item says so. Descriptions are never part of the feed."""
    lines = []
    for item in entry.agenda:
        line = f"{item.number}. {item.title}"
        if item.withheld:
            line += " " + _("(exempt: paragraph %(paragraph)s of Schedule 12A)") % {"paragraph": item.exempt_paragraph}
        lines.append(line)
    return lines


def meetings_ical(panel, meetings: list[CalendarMeeting], *, base_url: str, deadlines=()) -> bytes:
    """One VEVENT per meeting, with a UID that stays the same for the life of the meeting, and an all-day
    VEVENT per upcoming statutory deadline (precept dates, hearing reports, responses due)."""
    host = urlsplit(base_url).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", "-//Scrutiny//Public meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", panel.name)
    calendar.add("x-wr-timezone", "Europe/London")
    for entry in meetings:
        meeting = entry.meeting
        start = timezone.localtime(meeting.start, LONDON)
        end = start + DEFAULT_LENGTH
        if meeting.ended_at:
            minuted_end = datetime.combine(start.date(), meeting.ended_at, tzinfo=LONDON)
            if minuted_end > start:
                end = minuted_end
        url = urljoin(
            base_url,
            reverse("public_site:meeting_detail", kwargs={"panel_slug": panel.slug, "meeting_slug": meeting.slug}),
        )
        summary = f"{panel.name}: {meeting.get_kind_display()}"
        cancelled = meeting.status == MeetingStatus.CANCELLED
        if cancelled:
            summary = _("Cancelled: %(summary)s") % {"summary": summary}
        description = []
        agenda = _agenda_lines(entry)
        if agenda:
            description += [_("Agenda:"), *agenda, ""]
        description.append(url)

        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", meeting.modified)
        event.add("last-modified", meeting.modified)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", summary)
        event.add("location", meeting.venue)
        event.add("url", url)
        event.add("description", "\n".join(description))
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        calendar.add_component(event)
    for deadline in deadlines:
        event = Event()
        event.add("uid", f"deadline-{deadline.uid}@{host}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", deadline.date)  # a date: an all-day event
        event.add("dtend", deadline.date + timedelta(days=1))
        event.add("summary", f"{panel.name}: {deadline.label}")
        if deadline.warning:
            event.add("description", deadline.warning)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    if meetings:
        first = timezone.localtime(meetings[0].meeting.start).date()
        last = timezone.localtime(meetings[-1].meeting.start).date()
        calendar.add_missing_timezones(first_date=first - timedelta(days=366), last_date=last + timedelta(days=366))
    return calendar.to_ical()
