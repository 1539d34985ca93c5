"""Search benchmark: index build time, index size and query latency over the national instance.

Usage: DATABASE_URL=... python -m bench.search
It builds (once) the national instance from scrutiny.demo.national in the given database (migrating it first),
rebuilds the search index (timed), then runs a fixed list of 50 two- and three-word queries drawn from the
indexed text (common and rare words mixed, chosen by a seeded generator so every run asks the same), each
`BENCH_SEARCH_ROUNDS` times (default 5) after one warm-up, across all panels and within one panel, and prints
p50 and p95 latency, the index size (the GIN index on PostgreSQL, the FTS5 shadow tables on SQLite) and the
index build time. A measurement, not a test: nothing here runs in the suite.

Environment: DATABASE_URL (PostgreSQL or SQLite; default a SQLite file in var/), BENCH_PANELS (default 41),
BENCH_YEARS (default 12), BENCH_SEARCH_ROUNDS (default 5).
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

    from scrutiny.demo.national import generate_national_instance

    call_command("migrate", "--no-input", verbosity=0)
    started = time.perf_counter()
    summary = generate_national_instance(
        panels=int(os.environ.get("BENCH_PANELS", "41")), years=int(os.environ.get("BENCH_YEARS", "12"))
    )
    if summary.panels:
        print(f"data: national instance generated in {time.perf_counter() - started:.0f} s")
    else:
        print("data: national instance already present")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def corpus_queries() -> list[str]:
    """50 queries of two or three words found together in the index, so that each matches something.

    Entries are picked by a seeded generator. Even-numbered queries are consecutive words of an entry (often
    common: titles repeat across panels); odd-numbered ones pair the entry's rarest word with its commonest.
    """
    from scrutiny.search.backends import STOP_WORDS
    from scrutiny.search.models import SearchEntry

    rows = SearchEntry.objects.filter(is_public=True).order_by("id").values_list("title", "body")[:20000]
    texts = [
        [w for w in re.findall(r"[a-z]{4,}", f"{title} {body}".lower()) if w not in STOP_WORDS] for title, body in rows
    ]
    texts = [words for words in texts if len(set(words)) >= 3]
    if not texts:
        raise SystemExit("the index holds too little text to draw queries from")
    counts = Counter(w for words in texts for w in set(words))
    rng = random.Random(SEED)
    queries: list[str] = []
    while len(queries) < QUERY_COUNT:
        words = rng.choice(texts)
        size = rng.choice((2, 3))
        if len(queries) % 2 == 0:
            start = rng.randrange(0, max(1, len(words) - size))
            chosen = words[start : start + size]
        else:
            by_frequency = sorted(set(words), key=lambda w: (counts[w], w))
            chosen = [by_frequency[0], by_frequency[-1], *by_frequency[len(by_frequency) // 2 :][: size - 2]]
        if len(set(chosen)) == size:
            queries.append(" ".join(chosen))
    return queries


def measure(queries: list[str], rounds: int, panel=None) -> list[float]:
    from scrutiny.search.selectors import search

    timings = []
    for query in queries:
        search(query, panel=panel)  # warm-up
        for _ in range(rounds):
            started = time.perf_counter()
            search(query, panel=panel)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    setup()
    from django.db import connection
    from django.urls import reverse

    from scrutiny.panels.models import Panel
    from scrutiny.search.backends import get_backend
    from scrutiny.search.models import SearchEntry
    from scrutiny.search.services import search_index_rebuild

    ensure_data()
    reverse("public_site:index")  # load the URLconf outside the timing: entries carry their addresses
    started = time.perf_counter()
    entries = search_index_rebuild()
    build_seconds = time.perf_counter() - started
    size = get_backend().index_size()
    queries = corpus_queries()
    rounds = int(os.environ.get("BENCH_SEARCH_ROUNDS", "5"))
    panel = Panel.objects.live().order_by("slug").first()
    everywhere = measure(queries, rounds)
    one_panel = measure(queries, rounds, panel=panel)

    public = SearchEntry.objects.filter(is_public=True).count()
    print()
    print(f"Search on {connection.vendor}: {entries} entries ({public} public)")
    print(f"index build: {build_seconds:.1f} s; index size: {size / 1024 / 1024:.1f} MiB")
    print(f"{QUERY_COUNT} queries x {rounds} rounds, 20 results with snippets each")
    print(f"{'scope':<30}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for label, timings in (("all panels", everywhere), (f"one panel ({panel.slug})", one_panel)):
        print(f"{label:<30}{statistics.median(timings):>10.2f}{percentile(timings, 95):>10.2f}{max(timings):>10.2f}")
    print("queries:", "; ".join(queries[:10]), "…")


if __name__ == "__main__":
    main()
