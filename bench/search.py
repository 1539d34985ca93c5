"""Search benchmark: index build time, index size and query latency over the national instance with its papers.

Usage: DATABASE_URL=... python -m bench.search
It builds (once) the national instance from scrutiny.demo.national in the given database (migrating it first)
with its papers (about 300,000 pages of text at full scale: BENCH_PAGES_PER_MEETING pages a meeting, 450 words
a page). A database built earlier without papers (as `manage.py generate_national_instance` leaves it) gets
them added, never benchmarked as it is. Then it rebuilds the search index (timed), draws 50 queries of two
or three words from the indexed text (common and rare words mixed, from papers, agenda items and minutes,
chosen by a seeded generator so every run asks the same), runs each `BENCH_SEARCH_ROUNDS` times (default 5)
after one warm-up, across all panels and within one panel, and prints p50 and p95 latency (target: p95 under
100 ms), the corpus (papers, pages, words), the index size (the GIN index and the whole table with its TOAST
on PostgreSQL, the FTS5 shadow tables on SQLite) and the index build time. A measurement, not a test:
nothing here runs in the suite.

Environment: DATABASE_URL (PostgreSQL or SQLite; default a SQLite file in var/), BENCH_PANELS (default 41),
BENCH_YEARS (default 12), BENCH_PAGES_PER_MEETING (default 120), BENCH_SEARCH_ROUNDS (default 5),
BENCH_SKIP_REBUILD=1 to measure the index as it stands (build time then not measured; on PostgreSQL, entries
without a ranking vector get one first, timed), BENCH_HEADLINE_WINDOW=N to measure again with the backend's
highlighting window set to N characters (a what-if; the backend is unchanged). Snippet quality is counted too:
how many of the results shown have a matched word highlighted.
"""

import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY_COUNT = 50
SEED = 50


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-search.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    import django

    django.setup()


def ensure_data() -> None:
    from django.core.management import call_command

    from scrutiny.demo.national import PAGES_PER_MEETING, generate_national_instance, national_papers_add

    started = time.perf_counter()
    pending = migrations_pending()
    call_command("migrate", "--no-input", verbosity=0)
    if pending:
        # search 0003 fills the ranking vector of every existing entry: timed here, as a deployment would see it.
        elapsed = time.perf_counter() - started
        print(f"data: {len(pending)} migrations applied ({', '.join(pending)}) in {elapsed:.1f} s")
    pages = int(os.environ.get("BENCH_PAGES_PER_MEETING", str(PAGES_PER_MEETING)))
    started = time.perf_counter()
    summary = generate_national_instance(
        panels=int(os.environ.get("BENCH_PANELS", "41")),
        years=int(os.environ.get("BENCH_YEARS", "12")),
        papers=True,
        pages_per_meeting=pages,
    )
    if summary.panels:
        print(
            f"data: national instance generated with {summary.papers} papers ({summary.paper_pages} pages) "
            f"in {time.perf_counter() - started:.0f} s"
        )
    # Panels generated earlier without papers (by `manage.py generate_national_instance`, as `make bench` does
    # first): add theirs, so the benchmark never runs on a corpus of items and minutes only.
    started = time.perf_counter()
    added = national_papers_add(pages_per_meeting=pages)
    if added.papers:
        print(
            f"data: {added.papers} papers ({added.paper_pages} pages) added to the generated panels built "
            f"without them, in {time.perf_counter() - started:.0f} s"
        )
    if not summary.panels and not added.papers:
        print("data: national instance and its papers already present")


def migrations_pending() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label} {migration.name}" for migration, _ in plan]


def rank_vectors_backfill() -> None:
    """PostgreSQL, with BENCH_SKIP_REBUILD=1: fill the ranking vector of entries that have none (written by
    code older than the vector, after migration search 0003 filled it in), as that migration does."""
    from django.db import connection

    from scrutiny.search.backends import RANK_VECTOR
    from scrutiny.search.models import SearchEntry

    if connection.vendor != "postgresql":
        return
    started = time.perf_counter()
    filled = SearchEntry.objects.filter(rank_vector__isnull=True).update(rank_vector=RANK_VECTOR)
    if filled:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
        print(f"data: ranking vectors filled for {filled} entries in {time.perf_counter() - started:.1f} s")


def corpus_figures() -> dict:
    """Papers, their pages, and the words in the index (whitespace-separated, every entry, public or not)."""
    from django.db.models import Count, Sum, Value
    from django.db.models.functions import Length, Replace

    from scrutiny.documents.models import Paper
    from scrutiny.search.models import SearchEntry

    papers = Paper.objects.aggregate(n=Count("id"), pages=Sum("page_count"))
    exempt = Paper.objects.filter(exempt=True, released_at__isnull=True).count()
    words = SearchEntry.objects.aggregate(
        words=Sum(Length("body") - Length(Replace("body", Value(" "), Value(""))) + 1),
        chars=Sum(Length("body")),
    )
    by_kind = dict(SearchEntry.objects.order_by().values("kind").annotate(n=Count("id")).values_list("kind", "n"))
    return {
        "papers": papers["n"],
        "pages": papers["pages"] or 0,
        "exempt": exempt,
        "words": words["words"] or 0,
        "chars": words["chars"] or 0,
        "by_kind": by_kind,
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _sample_texts(kind: str, count: int, rng: random.Random) -> list[list[str]]:
    from django.db.models.functions import Left

    from scrutiny.search.backends import STOP_WORDS
    from scrutiny.search.models import SearchEntry

    public = SearchEntry.objects.filter(is_public=True, kind=kind)
    ids = list(public.order_by("id").values_list("id", flat=True))
    chosen = sorted(rng.sample(ids, min(count, len(ids))))
    # The first 20,000 characters of a paper are plenty to draw words from.
    rows = public.filter(id__in=chosen).order_by("id").annotate(start=Left("body", 20000)).values_list("title", "start")
    texts = [
        [w for w in re.findall(r"[a-z]{4,}", f"{title} {body}".lower()) if w not in STOP_WORDS] for title, body in rows
    ]
    return [words for words in texts if len(set(words)) >= 3]


def corpus_queries() -> list[tuple[str, str]]:
    """50 (label, query) pairs of two or three words found together in one public entry, so each matches.

    Entries are sampled by a seeded generator: 300 papers, 300 agenda items, 300 minutes. Document frequency
    is counted over the sample. In each group of five queries: consecutive words of a paper (mostly common
    words); a paper's rarest word with its commonest; rarest, median and commonest words of a paper;
    consecutive words of an agenda item or minute; an agenda item's or minute's rarest word with its commonest.
    """
    from scrutiny.search.choices import SearchKind

    rng = random.Random(SEED)
    papers = _sample_texts(SearchKind.PAPER, 300, rng)
    others = _sample_texts(SearchKind.AGENDA_ITEM, 300, rng) + _sample_texts(SearchKind.MINUTE, 300, rng)
    if not papers or not others:
        raise SystemExit("the index holds too little text (or no papers) to draw queries from")
    counts = Counter(w for words in papers + others for w in set(words))
    queries: list[tuple[str, str]] = []
    while len(queries) < QUERY_COUNT:
        shape = len(queries) % 5
        words = rng.choice(papers if shape < 3 else others)
        size = rng.choice((2, 3))
        by_frequency = sorted(set(words), key=lambda w: (counts[w], w))
        if shape in (0, 3):
            start = rng.randrange(0, max(1, len(words) - size))
            label, chosen = "consecutive", words[start : start + size]
        elif shape == 2:
            label = "rare+mid+common"
            chosen = [by_frequency[0], by_frequency[len(by_frequency) // 2], by_frequency[-1]]
        else:
            label, chosen = "rare+common", [by_frequency[0], by_frequency[-1]]
        if len(set(chosen)) == len(chosen):
            queries.append((("paper " if shape < 3 else "item/minute ") + label, " ".join(chosen)))
    return queries


def measure(queries: list[tuple[str, str]], rounds: int, panel=None) -> tuple[list[float], list[tuple]]:
    """Latencies (ms) of every round, and per query: (median ms, matches, shape, query, results, highlighted),
    highlighted being how many of the results shown have a matched word marked in their snippet."""
    from scrutiny.search.selectors import search

    timings, per_query = [], []
    for label, query in queries:
        results, total = search(query, panel=panel)  # warm-up
        highlighted = sum("<mark>" in str(r.snippet) for r in results)
        mine = []
        for _ in range(rounds):
            started = time.perf_counter()
            search(query, panel=panel)
            mine.append((time.perf_counter() - started) * 1000)
        timings += mine
        per_query.append((statistics.median(mine), total, label, query, len(results), highlighted))
    return timings, per_query


def index_sizes() -> tuple[int, int | None, int | None]:
    """The full-text index (backend's figure) and, on PostgreSQL, the whole table (heap, TOAST and indexes)
    and the ranking vectors within it (part of the backend's figure, with the GIN index)."""
    from django.db import connection

    from scrutiny.search.backends import get_backend

    total = rank = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size('search_searchentry'), "
                "(SELECT coalesce(sum(pg_column_size(rank_vector)), 0) FROM search_searchentry)"
            )
            total, rank = cursor.fetchone()
    return get_backend().index_size(), total, rank


def main() -> None:
    setup()
    from django.db import connection
    from django.urls import reverse

    from scrutiny.panels.models import Panel
    from scrutiny.search.models import SearchEntry
    from scrutiny.search.services import search_index_rebuild

    ensure_data()
    reverse("public_site:index")  # load the URLconf outside the timing: entries carry their addresses
    build_seconds = None
    if os.environ.get("BENCH_SKIP_REBUILD") != "1":
        started = time.perf_counter()
        search_index_rebuild()
        build_seconds = time.perf_counter() - started
    else:
        rank_vectors_backfill()
    entries = SearchEntry.objects.count()
    gin, table, rank = index_sizes()
    corpus = corpus_figures()
    queries = corpus_queries()
    rounds = int(os.environ.get("BENCH_SEARCH_ROUNDS", "5"))
    panel = Panel.objects.live().order_by("slug").first()
    everywhere, per_query = measure(queries, rounds)
    one_panel, _ = measure(queries, rounds, panel=panel)

    public = SearchEntry.objects.filter(is_public=True).count()
    mib = 1024 * 1024
    print()
    print(f"Search on {connection.vendor}: {entries} entries ({public} public); by kind: {corpus['by_kind']}")
    print(
        f"corpus: {corpus['papers']} papers ({corpus['exempt']} exempt, unreleased), {corpus['pages']:,} pages of "
        f"papers; {corpus['words']:,} words ({corpus['chars'] / mib:,.0f} MiB) of indexed text, "
        f"{corpus['words'] / 450:,.0f} pages at 450 words a page"
    )
    build = f"{build_seconds:.1f} s" if build_seconds is not None else "not measured (BENCH_SKIP_REBUILD=1)"
    sizes = f"full-text index {gin / mib:,.1f} MiB"
    if rank is not None:
        sizes += f" (of which ranking vectors {rank / mib:,.1f} MiB)"
    if table:
        sizes += f", table with TOAST and indexes {table / mib:,.1f} MiB"
    print(f"index build: {build}; {sizes}")
    print(f"{QUERY_COUNT} queries x {rounds} rounds, 20 results with snippets each (target: p95 under 100 ms)")
    print(f"{'scope':<30}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for label, timings in (("all panels", everywhere), (f"one panel ({panel.slug})", one_panel)):
        print(f"{label:<30}{statistics.median(timings):>10.2f}{percentile(timings, 95):>10.2f}{max(timings):>10.2f}")
    shown = sum(q[4] for q in per_query)
    marked = sum(q[5] for q in per_query)
    print(f"snippets, all panels: {marked} of {shown} results shown have a matched word highlighted")
    headline_window = os.environ.get("BENCH_HEADLINE_WINDOW")
    if headline_window:
        # A what-if, for the report: the backend's highlighting window changed for this process only (the
        # backend's code is unchanged); ts_headline parses that much of each paper on the page shown.
        from scrutiny.search import backends

        shipped, backends.HEADLINE_WINDOW = backends.HEADLINE_WINDOW, int(headline_window)
        try:
            other, other_per_query = measure(queries, rounds)
        finally:
            backends.HEADLINE_WINDOW = shipped
        label = f"all panels, HEADLINE_WINDOW={int(headline_window)} (what-if; shipped: {shipped})"
        print(f"{label}\n{'':<30}{statistics.median(other):>10.2f}{percentile(other, 95):>10.2f}{max(other):>10.2f}")
        print(f"{'':<30}{sum(q[5] for q in other_per_query)} of {sum(q[4] for q in other_per_query)} highlighted")
    print("slowest queries, all panels (median ms, matches, shape, query):")
    for median, total, label, query, *_ in sorted(per_query, reverse=True)[:8]:
        print(f"  {median:8.1f} {total:>8} {label:<28} {query}")
    unmarked = [(shown - marked, query) for _, _, _, query, shown, marked in per_query if marked < shown]
    if unmarked:
        print("queries with results shown without a highlighted word (count, query):")
        for count, query in sorted(unmarked, reverse=True)[:8]:
            print(f"  {count:>3} {query}")
    print("queries:", "; ".join(q for _, q in queries[:10]), "…")


if __name__ == "__main__":
    main()
