"""Formatting for the public pages: British dates and times as the panel's own papers print them."""

from datetime import date, datetime, time

from django import template
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from scrutiny.members.choices import DatePrecision

register = template.Library()


@register.filter
def uk_time(value) -> str:
    """11.00am, 1.50pm, midday: the GOV.UK style with the full stop the panel's papers use."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.time()
    if not isinstance(value, time):
        return str(value)
    if value.hour == 12 and value.minute == 0:
        return _("midday")
    if value.hour == 0 and value.minute == 0:
        return _("midnight")
    hour = value.hour % 12 or 12
    suffix = _("am") if value.hour < 12 else _("pm")
    return f"{hour}.{value.minute:02d}{suffix}"


@register.filter
def precise_date(value: date | None, precision: str = DatePrecision.DAY) -> str:
    """A date shown only as far as it is known: '2012' (year), 'July 2024' (month), '27 July 2024' (day)."""
    if not value:
        return ""
    if precision == DatePrecision.YEAR:
        return dateformat.format(value, "Y")
    if precision == DatePrecision.MONTH:
        return dateformat.format(value, "F Y")
    return dateformat.format(value, "j F Y")


@register.filter
def text_blocks(text: str) -> list[tuple[str, object]]:
    """Split minuted text into blocks: paragraphs at blank lines, and lists where every line starts '- '.

    Returns ("p", text) and ("ul", [item, …]) pairs, rendered (and escaped) by the template. A line that does
    not start with '- ' inside a list continues the item before it, as a wrapped line does in the minutes.
    """
    blocks: list[tuple[str, object]] = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0].startswith(("- ", "• ")):
            items: list[str] = []
            for line in lines:
                if line.startswith(("- ", "• ")):
                    items.append(line[2:].strip())
                else:
                    items[-1] = f"{items[-1]} {line}"
            if blocks and blocks[-1][0] == "ul":
                blocks[-1][1].extend(items)
            else:
                blocks.append(("ul", items))
        else:
            blocks.append(("p", " ".join(lines)))
    return blocks
