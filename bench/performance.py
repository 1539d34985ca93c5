"""Performance dashboard benchmark: the public pages, the Annual Budget Metrics report and the trend charts.

Usage: DATABASE_URL=... python -m bench.performance
Migrates the given database, then, inside a transaction that is rolled back at the end (so a rerun starts
from the same state), writes through the performance services a panel with a plan of four objectives,
BENCH_INDICATORS indicators (default 40: counts, percentages and minutes; higher-, lower- and neither-is-
better; targets as a value, the most similar group average, the national figure or none) and BENCH_QUARTERS
consecutive quarters of measurements each (default 20), with most similar group and national comparators,
a few reported changes and edited narratives, all from a seeded generator. A second, small panel (5
indicators x 4 quarters) is written the same way so that each query count can be compared across sizes: a
count that grows with the data is a bug (an N+1) and is flagged.

Then it measures, through django.test.Client as an anonymous visitor:
  - the dashboard, /<panel>/performance/ (and filtered by objective and period);
  - the indicator page, /<panel>/performance/<indicator>/ (every indicator in turn);
each a real render: the public page cache (a local-memory cache here) is invalidated before every request,
and one cache hit is shown beside them for comparison. (Not DummyCache: with it the content version is
always None, so the page cache's in-process copy serves every request after the first.) The heap built
before measuring is frozen out of the garbage collector (gc.freeze, as a preforked worker would) and a
collection runs before each timed request or PDF, so that each pays for its own garbage only. Median and
p95 over BENCH_RUNS requests (default 30) and the query count of one request (CaptureQueriesContext, on a
separate request so timing is not skewed).
Then the Annual Budget Metrics report: generating the paper (rows, narratives, save) and its PDF (HTML and
WeasyPrint, PDF/UA), BENCH_PDF_ROUNDS each (default 3) after a warm-up; and `charts.trend_svg` for one
indicator's series (BENCH_QUARTERS points, with its target), BENCH_CHART_RUNS times (default 2000): the
median time per chart and charts per second. The issue sets no targets for these: figures only.

A measurement, not a test: nothing here runs in the suite.

Environment: DATABASE_URL (SQLite or PostgreSQL, created if missing; default a SQLite file in var/), BENCH_INDICATORS,
BENCH_QUARTERS, BENCH_RUNS, BENCH_PDF_ROUNDS, BENCH_CHART_RUNS.
"""

import gc
import io
import os
import random
import statistics
import sys
import time
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 2024
SMALL = (5, 4)  # indicators x quarters of the comparison panel
OBJECTIVES = [
    (1, "Putting victims and survivors first"),
    (2, "Building a more secure area"),
    (3, "Reforming the police"),
    (4, "Reassuring communities"),
]
AREAS = ["Burglary", "Robbery", "Violence", "Anti-social behaviour", "Calls for service", "Victim satisfaction"]


def ensure_postgres_database(url: str) -> None:
    """Create the PostgreSQL database named by `url` if it is not there yet (as bench/__main__.py does)."""
    import psycopg

    name = url.rsplit("/", 1)[1].split("?", 1)[0]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    (ROOT / "var").mkdir(exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-performance.sqlite3'}")
    if os.environ["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        ensure_postgres_database(os.environ["DATABASE_URL"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    import django

    django.setup()
    # WhiteNoise warns that STATIC_ROOT was never collected: static files are not served here.
    warnings.filterwarnings("ignore", message="No directory at")
    from django.core.management import call_command
    from django.test.utils import override_settings

    # A process-local page cache that every request below invalidates (a real render, never a hit), plain
    # static file names (no collectstatic manifest needed) and the test client's host name.
    override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        ALLOWED_HOSTS=["testserver"],
    ).enable()
    call_command("migrate", "--no-input", verbosity=0)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# Data --------------------------------------------------------------------------------------------------------


@dataclass
class BenchPanel:
    panel: object
    indicators: list = field(default_factory=list)
    agenda_item: object = None
    measurements: int = 0


def _quarters(count: int) -> list:
    """`count` consecutive financial-year quarters ending with Q4 2024/25, oldest first."""
    from scrutiny.performance import periods

    specs = []
    year, number = 2024, 4
    for _ in range(count):
        specs.append(periods.quarter(year, number))
        year, number = (year, number - 1) if number > 1 else (year - 1, 4)
    return [periods.period_get_or_create(spec) for spec in reversed(specs)]


def _series(rng: random.Random, unit: str, count: int) -> tuple[list[Decimal], Decimal]:
    """A noisy trend of `count` values in `unit`, and a level to set a target near."""
    from scrutiny.performance.choices import Unit

    if unit == Unit.PERCENTAGE:
        level, low, high, places = rng.uniform(40, 90), 0.0, 100.0, 1
    elif unit == Unit.MINUTES:
        level, low, high, places = rng.uniform(8, 60), 0.0, 10_000.0, 1
    else:
        level, low, high, places = rng.uniform(200, 6000), 0.0, 1e9, 0
    drift = rng.uniform(-0.015, 0.015) * level
    values = []
    for n in range(count):
        value = min(high, max(low, level + drift * n + rng.gauss(0, 0.06 * level)))
        values.append(Decimal(str(round(value, places))))
    return values, Decimal(str(round(level, places)))


def build_panel(slug: str, indicator_count: int, quarter_count: int) -> BenchPanel:
    """A panel with a plan, its objectives, indicators and quarters of measurements, written through the
    services (validation, audit events) as an officer's import would."""
    import datetime
    from zoneinfo import ZoneInfo

    from scrutiny.meetings.services import agenda_item_create, meeting_create
    from scrutiny.panels.services import panel_create
    from scrutiny.performance.choices import Comparison, Polarity, TargetKind, Unit
    from scrutiny.performance.models import IndicatorNarrative
    from scrutiny.performance.services import (
        indicator_create,
        measurement_record,
        objective_create,
        plan_create,
        reported_change_record,
    )

    rng = random.Random(f"{SEED}-{slug}")
    panel = panel_create(
        acting_user=None,
        name=f"Benchmark Police and Crime Panel ({slug})",
        slug=slug,
        policing_area="Benchmarkshire",
        force="Benchmarkshire Police",
    )
    plan = plan_create(
        acting_user=None,
        panel=panel,
        title="Benchmark Police and Crime Plan",
        starts=datetime.date(2020, 4, 1),
        ends=datetime.date(2025, 3, 31),
    )
    objectives = [
        objective_create(acting_user=None, plan=plan, number=number, title=title) for number, title in OBJECTIVES
    ]
    quarters = _quarters(quarter_count)
    units = [Unit.COUNT, Unit.PERCENTAGE, Unit.MINUTES]
    polarities = [Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER, Polarity.NEITHER]
    targets = [TargetKind.VALUE, TargetKind.MSG_AVERAGE, TargetKind.NATIONAL, TargetKind.NONE]
    result = BenchPanel(panel)
    for n in range(indicator_count):
        unit = units[n % 3]
        area = AREAS[n % len(AREAS)]
        values, level = _series(rng, unit, quarter_count)
        target_kind = targets[(n // 3) % 4]
        indicator = indicator_create(
            acting_user=None,
            panel=panel,
            name=f"{area}: {unit.label.lower()} measure {n + 1}",
            slug=f"kpi-{n + 1:03d}",
            unit=unit,
            order=n + 1,
            objective=objectives[n % len(objectives)],
            improvement_area=area,
            polarity=polarities[(n + n // 3) % 3],
            data_source="Quarterly Performance report",
            target_kind=target_kind,
            target_value=level if target_kind == TargetKind.VALUE else None,
        )
        result.indicators.append(indicator)
        for period, value in zip(quarters, values, strict=True):
            spread = Decimal(str(rng.uniform(0.85, 1.15)))
            comparator = min(value * spread, Decimal(100)) if unit == Unit.PERCENTAGE else value * spread
            places = Decimal(1) if unit == Unit.COUNT else Decimal("0.1")
            measurement_record(
                acting_user=None,
                indicator=indicator,
                period=period,
                value=value,
                msg_average=comparator.quantize(places),
                national=(comparator * Decimal("1.02")).quantize(places).min(Decimal(100))
                if unit == Unit.PERCENTAGE
                else (comparator * Decimal("1.02")).quantize(places),
                qualifier="about" if rng.random() < 0.02 else "",
                source="Quarterly Performance report",
            )
            result.measurements += 1
        if n % 5 == 4:
            reported_change_record(
                acting_user=None,
                indicator=indicator,
                period=quarters[-1],
                change_pct=Decimal(str(round(rng.uniform(-12, 12), 1))),
                compared_with=Comparison.PREVIOUS_PERIOD,
                source="Quarterly Performance report",
            )
        if n % 4 == 3:  # An officer's edited words, which the detail page and the report check.
            IndicatorNarrative.objects.create(
                indicator=indicator,
                period=quarters[-1],
                drafted=f"{quarters[-1].label}: {values[-1]}.",
                edited=f"{quarters[-1].label}: the figure was {values[-1]}, against {values[0]} at first.",
            )
    meeting = meeting_create(
        acting_user=None,
        panel=panel,
        start=datetime.datetime(2025, 6, 17, 11, 0, tzinfo=ZoneInfo("Europe/London")),
        venue="County Hall",
    )
    result.agenda_item = agenda_item_create(
        acting_user=None, meeting=meeting, number="7", title="2024/25 Annual Budget Metrics Report"
    )
    return result


# Measurements ------------------------------------------------------------------------------------------------


@dataclass
class Figures:
    label: str
    times_ms: list[float]
    queries: int | None = None
    small_queries: int | None = None


def _get(client, url: str, *, expect: str | None = None):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    if expect is not None and expect not in response.content.decode():
        raise SystemExit(f"GET {url} did not show {expect!r}")
    return response


def _queries(fn) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured.captured_queries)


def page_figures(label: str, urls: list[str], small_url: str, runs: int, expect=None) -> Figures:
    """Median/p95 of `runs` fresh renders (cycling over `urls`), and the query count of one request."""
    from django.test import Client

    from scrutiny.core.cache import panel_pages_invalidate

    client = Client()
    panel_pages_invalidate()
    _get(client, urls[0], expect=expect)  # warm-up: templates, URLconf, translations
    times = []
    for n in range(runs):
        url = urls[n % len(urls)]
        panel_pages_invalidate()  # so that this request renders the page, not the cache
        gc.collect()  # each request pays for its own garbage, not for what came before
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    panel_pages_invalidate()
    queries = _queries(lambda: _get(client, urls[0], expect=expect))
    panel_pages_invalidate()
    small_queries = _queries(lambda: _get(client, small_url))
    return Figures(label, times, queries, small_queries)


def cache_hit_figures(url: str, runs: int) -> Figures:
    from django.test import Client

    client = Client()
    _get(client, url)  # stores it
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return Figures("dashboard, page cache hit (for comparison)", times, _queries(lambda: _get(client, url)))


def report_figures(big: BenchPanel, small: BenchPanel, rounds: int) -> tuple[Figures, Figures, bytes]:
    from scrutiny.documents.models import Paper
    from scrutiny.performance.reports import budget_metrics_paper_generate, budget_metrics_pdf

    def generate(bench):
        return budget_metrics_paper_generate(acting_user=None, agenda_item=bench.agenda_item, financial_year="2024/25")

    paper = generate(big)
    pdf = budget_metrics_pdf(paper)  # warm-up: fonts, templates
    generate_times, pdf_times = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        paper = generate(big)
        generate_times.append((time.perf_counter() - started) * 1000)
        gc.collect()
        started = time.perf_counter()
        pdf = budget_metrics_pdf(Paper.objects.get(pk=paper.pk))  # as a download would: the stored paper
        pdf_times.append((time.perf_counter() - started) * 1000)
    if not pdf.startswith(b"%PDF"):
        raise SystemExit("the report PDF is not a PDF")
    generating = Figures("report: generate the paper (rows + save)", generate_times)
    generating.queries = _queries(lambda: generate(big))
    generating.small_queries = _queries(lambda: generate(small))
    printing = Figures("report: PDF (HTML + WeasyPrint)", pdf_times)
    printing.queries = _queries(lambda: budget_metrics_pdf(Paper.objects.get(pk=paper.pk)))
    small_paper = generate(small)
    printing.small_queries = _queries(lambda: budget_metrics_pdf(Paper.objects.get(pk=small_paper.pk)))
    return generating, printing, pdf


def chart_figures(bench: BenchPanel, runs: int) -> tuple[list[float], int]:
    """Time per `trend_svg` call (µs), cycling over every indicator's series as the indicator page draws it."""
    from scrutiny.performance import selectors
    from scrutiny.performance.charts import ChartPoint, trend_svg
    from scrutiny.performance.choices import TargetKind

    charts = []
    for indicator in selectors.indicators_for_panel(bench.panel):
        status = selectors.indicator_status(indicator)
        series = sorted(indicator.measurements.all(), key=lambda m: (m.period.start, m.period.end))
        charts.append(
            {
                "chart_id": f"chart-{indicator.slug}",
                "title": f"{indicator.name}, by period",
                "points": [ChartPoint(m.period.label, m.value, m.qualifier) for m in series],
                "unit": indicator.unit,
                "target": status.target if indicator.target_kind == TargetKind.VALUE else None,
            }
        )
    trend_svg(**charts[0])  # warm-up
    times = []
    for n in range(runs):
        kwargs = charts[n % len(charts)]
        started = time.perf_counter_ns()
        trend_svg(**kwargs)
        times.append((time.perf_counter_ns() - started) / 1000)
    return times, len(charts[0]["points"])


# Main --------------------------------------------------------------------------------------------------------


def main() -> None:
    setup()
    from django.db import connection, transaction
    from django.urls import reverse
    from pypdf import PdfReader

    indicator_count = env_int("BENCH_INDICATORS", 40)
    quarter_count = env_int("BENCH_QUARTERS", 20)
    runs = env_int("BENCH_RUNS", 30)
    pdf_rounds = env_int("BENCH_PDF_ROUNDS", 3)
    chart_runs = env_int("BENCH_CHART_RUNS", 2000)
    small_size = (min(SMALL[0], indicator_count), min(SMALL[1], quarter_count))

    with transaction.atomic():
        started = time.perf_counter()
        big = build_panel("bench-performance", indicator_count, quarter_count)
        small = build_panel("bench-performance-small", *small_size)
        built = time.perf_counter() - started

        # Measure as a preforked server worker would run: what was loaded and built before the first request
        # is frozen out of the garbage collector's full collections (else ~1 request in 12 paid ~100 ms here
        # scanning the benchmark's own heap).
        gc.collect()
        gc.freeze()

        def dashboard(bench, query=""):
            return reverse("performance:dashboard", args=[bench.panel.slug]) + query

        def detail(bench, indicator):
            return reverse("performance:indicator_detail", args=[bench.panel.slug, indicator.slug])

        first = big.indicators[0]
        objective, latest = first.objective, first.measurements.order_by("-period__start").first().period
        filtered = f"?objective={objective.pk}&period={latest.pk}"
        small_filtered = f"?objective={small.indicators[0].objective.pk}&period={latest.pk}"
        pages = [
            page_figures(
                "dashboard",
                [dashboard(big)],
                dashboard(small),
                runs,
                expect=big.indicators[-1].name,
            ),
            page_figures(
                "dashboard filtered (objective, period)",
                [dashboard(big, filtered)],
                dashboard(small, small_filtered),
                runs,
                expect=first.name,
            ),
            page_figures(
                f"indicator page ({len(big.indicators)} in turn)",
                [detail(big, i) for i in big.indicators],
                detail(small, small.indicators[0]),
                runs,
                expect="<svg",
            ),
            cache_hit_figures(dashboard(big), runs),
        ]
        generating, printing, pdf = report_figures(big, small, pdf_rounds)
        chart_times, points = chart_figures(big, chart_runs)
        transaction.set_rollback(True)

    print()
    print(
        f"Performance dashboard on {connection.vendor}: {indicator_count} indicators x {quarter_count} quarters "
        f"({big.measurements} measurements), written in {built:.1f} s"
    )
    print(
        f"pages: {runs} fresh renders each (page cache invalidated before every request); "
        f"report: {pdf_rounds} rounds, PDF of {len(PdfReader(io.BytesIO(pdf)).pages)} pages, {len(pdf) / 1024:.0f} KiB"
    )
    small_label = f"q {small_size[0]}x{small_size[1]}"
    print(f"{'measured':<46}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'queries':>9}{small_label:>10}")
    growing = []
    for figures in [*pages, generating, printing]:
        queries = "" if figures.queries is None else str(figures.queries)
        small_queries = "" if figures.small_queries is None else str(figures.small_queries)
        times = figures.times_ms
        print(
            f"{figures.label:<46}{statistics.median(times):>10.2f}{percentile(times, 95):>10.2f}"
            f"{max(times):>10.2f}{queries:>9}{small_queries:>10}"
        )
        if figures.small_queries is not None and figures.queries != figures.small_queries:
            growing.append(figures.label)
    total_s = sum(chart_times) / 1e6
    print(
        f"chart: trend_svg, {points} points, {chart_runs} charts: p50 {statistics.median(chart_times):.0f} µs, "
        f"p95 {percentile(chart_times, 95):.0f} µs, {chart_runs / total_s:.0f} charts/s"
    )
    if growing:
        print(
            f"WARNING: query count differs between {indicator_count}x{quarter_count} and "
            f"{small_size[0]}x{small_size[1]} for: {'; '.join(growing)}"
        )
    else:
        print(f"query counts: the same at {indicator_count}x{quarter_count} and {small_size[0]}x{small_size[1]}")


if __name__ == "__main__":
    main()
