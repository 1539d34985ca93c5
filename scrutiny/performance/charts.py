"""Trend charts drawn on the server as SVG: the same markup in a public page and in a PDF.

Plain SVG written here, not a charting library. pygal and leather (both on PyPI) were considered: pygal
gives each chart a random id and links its own JavaScript and CSS by default, so its output is neither
deterministic nor self-contained without configuration that hides most of what it does; leather draws well
but has no <title>/<desc> and no control over the accessible name. A line or bar chart of a dozen points is
a hundred lines of arithmetic that is easy to read and to test, and it renders identically in a browser and
in WeasyPrint: no script, no web font (Arial, falling back to the system sans-serif), no external files.

Accessibility: the SVG is `role="img"` with a <title> (what is charted) and a <desc> (the trend in words);
the page puts the data table beside it, which is the accessible form of the figures. The line is not the
only carrier of meaning: every point is marked and labelled in the table, and the target is a dashed line
named in the legend.

Output is deterministic: the same points give the same bytes (coordinates are rounded to one decimal,
ids come from the caller's `chart_id`).
"""

import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .choices import TargetKind, Unit
from .narrative import format_value

WIDTH = 640
HEIGHT = 320
LEFT = 72
RIGHT = 20
TOP = 20
BOTTOM = 72
LINE_COLOUR = "#1d70b8"  # GOV.UK blue
TARGET_COLOUR = "#505a5f"  # GOV.UK secondary text
TEXT_COLOUR = "#0b0c0c"
GRID_COLOUR = "#b1b4b6"
FONT = "Arial, 'Liberation Sans', sans-serif"
MAX_X_LABELS = 8


@dataclass(frozen=True)
class ChartPoint:
    """One period's value; `value` None when the period has no figure (a gap, not a zero)."""

    label: str
    value: Decimal | None
    qualifier: str = ""  # 'over': the value is a bound, drawn as a hollow marker


def _label_step(labels: list[str], plot_w: float) -> int:
    """Show every `step`th period label: as many as fit side by side (13px text, about 0.6em a character,
    with a gap), and never more than MAX_X_LABELS."""
    if not labels:
        return 1
    label_w = max(len(label) for label in labels) * 13 * 0.6 + 12
    fit = max(1, min(MAX_X_LABELS, int(plot_w // label_w)))
    return -(-len(labels) // fit) if len(labels) > fit else 1


def _num(x: float) -> str:
    """Coordinates to one decimal, without a trailing .0: short and stable."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` intervals."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** _floor_log10(raw)
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _floor_log10(x: float) -> int:
    exponent = 0
    while x >= 10:
        x /= 10
        exponent += 1
    while x < 1:
        x *= 10
        exponent -= 1
    return exponent


def axis_range(values: list[float], unit: str) -> tuple[float, float, float]:
    """Bottom, top and step of the value axis. Starts at zero for non-negative data (bars must), so a small
    change is not drawn as a large one; percentages stop at 100 when the data allow."""
    low = min([*values, 0.0])
    high = max([*values, 0.0])
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    bottom = step * math.floor(low / step) if low < 0 else 0.0
    top = step * math.ceil(high / step)
    if unit == Unit.PERCENTAGE and high <= 100 and top > 100:
        top = 100.0
    return bottom, top, step


def axis_title(unit: str) -> str:
    return {
        Unit.COUNT: _("Number"),
        Unit.PERCENTAGE: _("Per cent"),
        Unit.MINUTES: _("Minutes"),
        Unit.POUNDS: _("Pounds"),
    }.get(unit, _("Value"))


def trend_description(points: list[ChartPoint], unit: str) -> str:
    """The trend in one or two sentences, for the SVG's <desc> (and anyone who cannot see the line)."""
    known = [p for p in points if p.value is not None]
    if not known:
        return _("No figures have been reported yet.")
    first, last = known[0], known[-1]
    if len(known) == 1:
        return _("One figure: %(value)s in %(period)s.") % {
            "value": format_value(first.value, unit, first.qualifier),
            "period": first.label,
        }
    lowest = min(known, key=lambda p: p.value)
    highest = max(known, key=lambda p: p.value)
    text = _("From %(first)s in %(first_period)s to %(last)s in %(last_period)s.") % {
        "first": format_value(first.value, unit, first.qualifier),
        "first_period": first.label,
        "last": format_value(last.value, unit, last.qualifier),
        "last_period": last.label,
    }
    if lowest.value != highest.value:
        text += " " + _("Lowest %(low)s (%(low_period)s), highest %(high)s (%(high_period)s).") % {
            "low": format_value(lowest.value, unit, lowest.qualifier),
            "low_period": lowest.label,
            "high": format_value(highest.value, unit, highest.qualifier),
            "high_period": highest.label,
        }
    bounds = [p for p in known if p.qualifier]
    if bounds:
        text += " " + _("Hollow markers are bounds, not exact figures: %(bounds)s.") % {
            "bounds": ", ".join(f"{format_value(p.value, unit, p.qualifier)} ({p.label})" for p in bounds)
        }
    gaps = len(points) - len(known)
    if gaps:
        text += " " + _("%(count)s of %(total)s periods have no figure.") % {"count": gaps, "total": len(points)}
    return text


def trend_svg(
    *,
    chart_id: str,
    title: str,
    points: list[ChartPoint],
    unit: str,
    kind: str = "line",
    target: Decimal | None = None,
) -> SafeString:
    """An SVG trend chart of `points` (oldest first): a line (default) or bars, with axes, the period labels
    and the target, if any, as a dashed line. `chart_id` makes the ids unique on a page."""
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    values = [float(p.value) for p in points if p.value is not None]
    if target is not None:
        values.append(float(target))
    bottom, top, step = axis_range(values, unit)

    def y_of(value: float) -> float:
        return TOP + plot_h - (value - bottom) / (top - bottom) * plot_h

    count = max(len(points), 1)
    slot = plot_w / count

    def x_of(index: int) -> float:
        return LEFT + slot * (index + 0.5)

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    description = trend_description(points, unit)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="scrutiny-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{escape(title_id)} {escape(desc_id)}" '
        f'font-family="{escape(FONT)}" font-size="13" fill="{TEXT_COLOUR}">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(description)}</desc>',
    ]

    # Value axis: gridlines and tick labels.
    out.append('<g class="y-axis">')
    tick = bottom
    while tick <= top + step / 1000:
        y = _num(y_of(tick))
        out.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y}" y2="{y}" stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        label = format_value(Decimal(str(round(tick, 6))).normalize(), unit, short=True)
        out.append(f'<text x="{LEFT - 8}" y="{y}" text-anchor="end" dominant-baseline="middle">{escape(label)}</text>')
        tick += step
    mid_y = _num(TOP + plot_h / 2)
    out.append(
        f'<text x="16" y="{mid_y}" text-anchor="middle" transform="rotate(-90 16 {mid_y})" '
        f'font-weight="bold">{escape(axis_title(unit))}</text>'
    )
    out.append("</g>")

    # Period axis: every label when they fit, else every nth counting back from the last (always shown), so
    # that no two labels touch.
    every = _label_step([point.label for point in points], plot_w)
    base_y = TOP + plot_h
    out.append('<g class="x-axis">')
    out.append(
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{_num(base_y)}" y2="{_num(base_y)}" '
        f'stroke="{TEXT_COLOUR}" stroke-width="1"/>'
    )
    for index, point in enumerate(points):
        if (len(points) - 1 - index) % every:
            continue
        x = _num(x_of(index))
        out.append(f'<text x="{x}" y="{_num(base_y + 20)}" text-anchor="middle">{escape(point.label)}</text>')
    out.append(
        f'<text x="{_num(LEFT + plot_w / 2)}" y="{HEIGHT - 12}" text-anchor="middle" font-weight="bold">'
        f"{escape(_('Period'))}</text>"
    )
    out.append("</g>")

    # The data.
    out.append(f'<g class="series" fill="{LINE_COLOUR}">')
    if kind == "bar":
        bar_w = slot * 0.6
        zero = y_of(max(bottom, 0.0))
        for index, point in enumerate(points):
            if point.value is None:
                continue
            y = y_of(float(point.value))
            out.append(
                f'<rect class="point" x="{_num(x_of(index) - bar_w / 2)}" y="{_num(min(y, zero))}" '
                f'width="{_num(bar_w)}" height="{_num(abs(zero - y))}" data-value="{point.value}">'
                f"<title>{escape(point.label)}: "
                f"{escape(format_value(point.value, unit, point.qualifier))}</title></rect>"
            )
    else:
        # A gap in the data breaks the line rather than joining across it.
        runs: list[list[str]] = [[]]
        for index, point in enumerate(points):
            if point.value is None:
                runs.append([])
            else:
                runs[-1].append(f"{_num(x_of(index))},{_num(y_of(float(point.value)))}")
        for run in runs:
            if len(run) > 1:
                out.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{LINE_COLOUR}" stroke-width="3"/>')
        for index, point in enumerate(points):
            if point.value is None:
                continue
            hollow = f' fill="#ffffff" stroke="{LINE_COLOUR}" stroke-width="2"' if point.qualifier else ""
            out.append(
                f'<circle class="point" cx="{_num(x_of(index))}" cy="{_num(y_of(float(point.value)))}" r="5"{hollow} '
                f'data-value="{point.value}"><title>{escape(point.label)}: '
                f"{escape(format_value(point.value, unit, point.qualifier))}</title></circle>"
            )
    out.append("</g>")

    if target is not None:
        y = _num(y_of(float(target)))
        label = _("Target %(value)s") % {"value": format_value(target, unit)}
        out.append(
            f'<g class="target"><line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y}" y2="{y}" stroke="{TARGET_COLOUR}" '
            f'stroke-width="2" stroke-dasharray="8 4"/>'
            f'<text x="{LEFT + 6}" y="{_num(y_of(float(target)) - 6)}" text-anchor="start" '
            f'fill="{TARGET_COLOUR}">{escape(label)}</text></g>'
        )
    out.append("</svg>")
    return mark_safe("\n".join(out))


def indicator_trend_points(series) -> list[ChartPoint]:
    """An indicator's measurements (`selectors.trend_series`) as the chart's points."""
    return [ChartPoint(m.period.label, m.value, m.qualifier) for m in series]


def indicator_trend_chart(status, series) -> SafeString:
    """An indicator's trend chart, as its public page and the Annual Budget Metrics report both draw it: the
    same status and series give the same bytes. `status` is a `selectors.IndicatorStatus`, `series` its
    measurements from `selectors.trend_series`; the target is drawn when it is a value of the indicator's
    own (a most similar group or national target changes with each period, so it is not one line)."""
    indicator = status.indicator
    return trend_svg(
        chart_id=f"chart-{indicator.slug}",
        title=_("%(name)s, by period") % {"name": indicator.name},
        points=indicator_trend_points(series),
        unit=indicator.unit,
        target=status.target if indicator.target_kind == TargetKind.VALUE else None,
    )
