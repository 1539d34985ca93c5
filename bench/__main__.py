"""`make bench`: serve the national instance on PostgreSQL and measure public pages under load.

Steps: build (once) a PostgreSQL database holding the West Mercia demo and the shared national instance
(41 panels x 12 years, from scrutiny.demo.national), start gunicorn with the production middleware and the
Redis page cache, then load two URLs of the same server with wrk at 16 connections: the 27 July 2023
meeting page and the trivial /healthz view. Prints requests per second, p50 and p95 latency and the
ratio of the two throughputs (target: the meeting page reaches at least 50% of the trivial view's).

Then the search benchmark (bench/search.py: p50/p95 of 50 fixed queries, index size and build time) and the
agenda pack benchmark (bench/packs.py: a 60-page pack built against one WeasyPrint render) and the
performance benchmark (bench/performance.py: the dashboard at 40 indicators x 20 quarters, the budget
metrics report PDF, one trend chart).

Environment: DATABASE_URL (a PostgreSQL URL; the Makefile passes one), REDIS_URL (default
redis://127.0.0.1:6379/15), BENCH_SECONDS (default 10), BENCH_REBUILD=1 to rebuild the data.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
MEETING_PATH = "/west-mercia/meetings/2023-07-27/"
TRIVIAL_PATH = "/healthz"

LUA = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH rps=%.1f p50_us=%d p95_us=%d errors=%d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(95),
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
"""


def env() -> dict:
    e = dict(os.environ)
    e.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/scrutiny_bench")
    e.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
    e["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    e.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    return e


def manage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env(), check=True, text=True, capture_output=True)


def database_ready() -> bool:
    probe = manage(
        "shell",
        "-c",
        "from scrutiny.panels.models import Panel; print('PANELS', Panel.objects.count())",
    )
    match = re.search(r"PANELS (\d+)", probe.stdout)
    return bool(match) and int(match.group(1)) >= 42


def build_data() -> None:
    import psycopg

    url = env()["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    if os.environ.get("BENCH_REBUILD") == "1":
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--no-input", "-v0")
    if database_ready():
        print("data: national instance already built (BENCH_REBUILD=1 to rebuild)")
        return
    started = time.perf_counter()
    manage("load_demo_data")
    manage("generate_national_instance", "--panels", "41", "--years", "12")
    elapsed = time.perf_counter() - started
    print(f"data: West Mercia demo + national instance (41 panels x 12 years) built in {elapsed:.0f} s")


def wait_for_server() -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{TRIVIAL_PATH}", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def run_wrk(path: str, script: str) -> dict:
    # Warm the cache and the workers first, then measure.
    subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", "-d2s", f"http://127.0.0.1:{PORT}{path}"], capture_output=True, check=True
    )
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", script, f"http://127.0.0.1:{PORT}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"BENCH rps=([\d.]+) p50_us=(\d+) p95_us=(\d+) errors=(\d+)", out)
    if not match:
        raise SystemExit(f"could not read wrk's output:\n{out}")
    rps, p50, p95, errors = match.groups()
    return {"rps": float(rps), "p50_ms": int(p50) / 1000, "p95_ms": int(p95) / 1000, "errors": int(errors)}


def bench_pages() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (make bench installs it)")
    manage("collectstatic", "--no-input", "-v0")
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env(),
    )
    try:
        wait_for_server()
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{MEETING_PATH}", timeout=30) as response:
            if response.status != 200 or b"472" not in response.read():
                raise SystemExit("the meeting page did not render")
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(LUA)
        trivial = run_wrk(TRIVIAL_PATH, script.name)
        meeting = run_wrk(MEETING_PATH, script.name)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print()
    print(f"Public pages under load: gunicorn (2 workers), wrk {CONNECTIONS} connections, {SECONDS} s each")
    print(f"{'page':<52}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}{'errors':>8}")
    for label, r in (("trivial view " + TRIVIAL_PATH, trivial), ("meeting page " + MEETING_PATH, meeting)):
        print(f"{label:<52}{r['rps']:>10.0f}{r['p50_ms']:>10.2f}{r['p95_ms']:>10.2f}{r['errors']:>8}")
    ratio = meeting["rps"] / trivial["rps"] if trivial["rps"] else 0
    print(f"meeting page / trivial view throughput: {ratio:.0%} (target: at least 50%)")


def run_module(module: str, **extra_env) -> None:
    """Run another benchmark of the suite (bench/<module>.py) in its own process, printing its figures."""
    print()
    subprocess.run([PYTHON, "-m", f"bench.{module}"], cwd=ROOT, env={**env(), **extra_env}, check=True)


def main() -> None:
    build_data()
    bench_pages()
    # Search over the same national instance on PostgreSQL; agenda packs on their own small database.
    run_module("search")
    run_module("packs", DATABASE_URL=f"sqlite:///{ROOT / 'var' / 'bench-packs.sqlite3'}")
    run_module("performance", DATABASE_URL=f"sqlite:///{ROOT / 'var' / 'bench-performance.sqlite3'}")


if __name__ == "__main__":
    main()
