from decimal import Decimal
from itertools import pairwise
from xml.etree import ElementTree

from scrutiny.performance.charts import ChartPoint, axis_range, trend_description, trend_svg
from scrutiny.performance.choices import Unit

SVG = "{http://www.w3.org/2000/svg}"
POINTS = [
    ChartPoint("Q1 2022/23", Decimal("1356")),
    ChartPoint("Q2 2022/23", Decimal("1401")),
    ChartPoint("Q3 2022/23", None),
    ChartPoint("Q1 2023/24", Decimal("1234")),
]


def _svg(**kwargs):
    options = {"chart_id": "trc", "title": "Total recorded crime", "points": POINTS, "unit": Unit.COUNT}
    options.update(kwargs)
    return trend_svg(**options)


class TestTrendSvg:
    def test_parses_as_xml_with_an_accessible_name(self):
        root = ElementTree.fromstring(_svg())
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img"
        assert root.get("aria-labelledby") == "trc-title trc-desc"
        assert root.find(f"{SVG}title").text == "Total recorded crime"
        desc = root.find(f"{SVG}desc").text
        assert "From 1,356 in Q1 2022/23 to 1,234 in Q1 2023/24" in desc
        assert "highest 1,401 (Q2 2022/23)" in desc
        assert "1 of 4 periods have no figure" in desc

    def test_marks_every_value_and_no_point_for_a_gap(self):
        root = ElementTree.fromstring(_svg())
        values = [el.get("data-value") for el in root.iter() if el.get("class") == "point"]
        assert values == ["1356", "1401", "1234"]
        # The gap breaks the line: one polyline for the first two points, none across Q3.
        assert len(list(root.iter(f"{SVG}polyline"))) == 1

    def test_labels_the_periods_and_the_axes(self):
        texts = [el.text for el in ElementTree.fromstring(_svg()).iter(f"{SVG}text")]
        for label in ("Q1 2022/23", "Q2 2022/23", "Q3 2022/23", "Q1 2023/24", "Number", "Period"):
            assert label in texts

    def test_period_labels_never_touch_and_the_last_is_always_shown(self):
        """Eight or twenty quarters: the labels shown are spaced at least a label's width apart."""
        for count in (8, 20):
            points = [ChartPoint(f"Q{q % 4 + 1} {2019 + q // 4}/{20 + q // 4}", Decimal(100 + q)) for q in range(count)]
            root = ElementTree.fromstring(_svg(points=points))
            axis = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "x-axis")
            labels = [(float(t.get("x")), t.text) for t in axis.iter(f"{SVG}text") if t.text != "Period"]
            assert labels[-1][1] == points[-1].label
            width = max(len(text) for _, text in labels) * 13 * 0.5  # a conservative width of the text
            gaps = [b[0] - a[0] for a, b in pairwise(labels)]
            assert min(gaps) > width
            assert len(labels) >= 3

    def test_bars_and_target(self):
        root = ElementTree.fromstring(_svg(kind="bar", unit=Unit.PERCENTAGE, target=Decimal("90")))
        assert len(list(root.iter(f"{SVG}rect"))) == 3
        assert "Target 90%" in [el.text for el in root.iter(f"{SVG}text")]

    def test_identical_input_gives_identical_bytes(self):
        assert _svg().encode() == _svg().encode()
        assert _svg(kind="bar") == _svg(kind="bar")

    def test_escapes_text(self):
        root = ElementTree.fromstring(_svg(title="Crime <& disorder>"))
        assert root.find(f"{SVG}title").text == "Crime <& disorder>"

    def test_empty_series(self):
        root = ElementTree.fromstring(_svg(points=[]))
        assert root.find(f"{SVG}desc").text == "No figures have been reported yet."


class TestAxis:
    def test_starts_at_zero_and_rounds_up(self):
        assert axis_range([1234.0, 1356.0], Unit.COUNT) == (0.0, 1500, 500)

    def test_percentages_stop_at_100(self):
        bottom, top, _step = axis_range([76.0, 90.0], Unit.PERCENTAGE)
        assert (bottom, top) == (0.0, 100.0)

    def test_single_figure(self):
        assert trend_description([ChartPoint("June 2023", Decimal("13"))], Unit.MINUTES) == (
            "One figure: 13 minutes in June 2023."
        )


class TestBounds:
    def test_a_bound_is_hollow_and_said_in_words(self):
        points = [ChartPoint("June 2022", Decimal("60"), "over"), ChartPoint("June 2023", Decimal("35"))]
        root = ElementTree.fromstring(trend_svg(chart_id="g2", title="Grade 2", points=points, unit=Unit.MINUTES))
        first, second = (el for el in root.iter(f"{SVG}circle"))
        assert first.get("fill") == "#ffffff"
        assert first.find(f"{SVG}title").text == "June 2022: over 60 minutes"
        assert second.get("fill") is None
        assert "Hollow markers are bounds, not exact figures: over 60 minutes (June 2022)." in (
            root.find(f"{SVG}desc").text
        )
