"""Benchmark of monitoring (issue 20) at national size: a full rollup rebuild and every dashboard page.

    .venv/bin/python benchmarks/generate.py            # once: 1,000,000 cases (see README)
    .venv/bin/python benchmarks/generate_signals.py    # once: 5,000,000 signals on top
    .venv/bin/python benchmarks/monitoring.py [--from 2024-01] [--iterations 100] [--no-rebuild] [--show-queries]

It uses the benchmark database (`regie_bench` on the embedded server under benchmarks/.data, or --database-url),
applies the migrations it misses, rebuilds the rollups through the real service (`rollup_rebuild`, month by month
as the nightly job and the analist's button do) and reports the time per month and in all. Then it GETs, as the
analist with a verified second factor (HTML) and with a personal API token (API): `/monitoring`, every
`/monitoring/thema/<theme>` (the default twelve months), the signals CSV, `monitoring/indicators` and
`monitoring/series` for signals — and, as the procesregisseur, the drill-down behind a month of new cases.
Reports p50/p95 server time, SQL queries per request, response size and the load average (the machine is shared).
Goal: p95 under 100 ms for every page, from the rollups.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common


def _rebuild(first: str) -> None:
    from regie.monitoring.models import RollupValue
    from regie.monitoring.services.rollups import parse_month, rollup_month, rollup_rebuild

    calls: list[tuple[str, float]] = []

    def timed(month):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        stored = original(month)
        calls.append((f"{month:%Y-%m}", time.perf_counter() - start))
        return stored

    import regie.monitoring.services.rollups as rollups

    original = rollup_month
    rollups.rollup_month = timed  # type: ignore[assignment]
    cpu = common.CpuMeter()
    cpu_start, start = cpu.read(), time.perf_counter()
    try:
        run = rollup_rebuild(from_month=parse_month(first))
    finally:
        rollups.rollup_month = original  # type: ignore[assignment]
    seconds, cpu_seconds = time.perf_counter() - start, cpu.read() - cpu_start
    per_month = sorted(s for _, s in calls)
    print(
        f"Herberekening {run.from_month:%Y-%m} t/m {run.to_month:%Y-%m}: {run.months_done} maanden, "
        f"{run.figures:,} cijfers in {seconds:.1f} s (CPU {cpu_seconds:.1f} s); per maand p50 "
        f"{common.percentile(per_month, 50):.2f} s, max {per_month[-1]:.2f} s; "
        f"{RollupValue.objects.count():,} rijen in de rolluptabel; belasting {common.load_text()}"
    )
    slowest = sorted(calls, key=lambda c: -c[1])[:3]
    print("  traagste maanden: " + ", ".join(f"{m} {s:.2f} s" for m, s in slowest))


def _clients():  # type: ignore[no-untyped-def]
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from regie.accounts import services
    from regie.accounts.models import User

    def session_client(username: str) -> Client:
        user = User.objects.get(username=username)
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="benchmark", defaults={"confirmed": True}
        )
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    analist = User.objects.get(username="analist")
    issued = services.api_token_create(actor=analist, user=analist, name="benchmark monitoring")
    token = Client(HTTP_AUTHORIZATION=f"Token {issued.secret}", SERVER_NAME="localhost")
    return session_client("analist"), token, session_client("procesregisseur")


def _measure(iterations: int, show_queries: bool) -> None:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from regie.monitoring.selectors import theme_labels
    from regie.monitoring.services.rollups import add_months, month_start

    html, api, director = _clients()
    last_full = add_months(month_start(timezone.localdate()), -1)
    pages = [("overzicht /monitoring", html, "/monitoring")]
    pages += [(f"thema {t}", html, f"/monitoring/thema/{t}") for t in theme_labels()]
    pages += [
        ("CSV signalen", html, "/monitoring/thema/signalen/csv"),
        ("API monitoring/indicators", api, "/api/v1/monitoring/indicators"),
        ("API monitoring/series signalen", api, "/api/v1/monitoring/series?indicator=signals.received"),
        (
            "drill-down nieuwe casussen (procesregisseur)",
            director,
            f"/monitoring/casussen?indicator=cases.opened&maand={last_full:%Y-%m}",
        ),
    ]
    cpu = common.CpuMeter()
    print(
        f"{'pagina':<46} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'CPU ms':>7} {'kB':>6}  belasting"
    )
    for label, client, url in pages:
        times: list[float] = []
        queries, size = 0, 0
        cpu_start = 0.0
        for i in range(iterations + 5):
            if i == 5:
                cpu_start = cpu.read()
            reset_queries()  # the connection keeps at most 9,000 queries; counting needs an empty log
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url, secure=True)
                elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                sys.exit(f"{url}: HTTP {response.status_code} {response.content[:300]!r}")
            if i >= 5:  # warm-up
                times.append(elapsed)
                queries, size = len(captured.captured_queries), len(response.content)
        cpu_ms = (cpu.read() - cpu_start) / iterations * 1000
        times.sort()
        p95 = common.percentile(times, 95)
        print(
            f"{label:<46} {queries:>7} {common.percentile(times, 50):>8.1f} {p95:>8.1f}{'✗' if p95 >= 100 else ' '}"
            f"{times[-1]:>8.1f} {cpu_ms:>7.1f} {size // 1024:>6}  {common.load_text()}",
            flush=True,
        )
        if show_queries:
            for q in captured.captured_queries:
                print(f"    {q['time']} s  {q['sql'][:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    common.add_database_argument(parser)
    parser.add_argument(
        "--from", dest="first", default="", help="herbereken vanaf JJJJ-MM (standaard: 36 maanden)"
    )
    parser.add_argument("--no-rebuild", action="store_true", help="meet alleen de pagina's")
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument(
        "--show-queries", action="store_true", help="de SQL van de laatste aanvraag per pagina"
    )
    args = parser.parse_args()
    common.setup_django(args.database_url)
    from django.core.management import call_command
    from django.utils import timezone

    from regie.monitoring.services.rollups import DEFAULT_MONTHS, add_months, month_start

    call_command("migrate", interactive=False, verbosity=0)
    if not args.no_rebuild:
        first = args.first or f"{add_months(month_start(timezone.localdate()), -(DEFAULT_MONTHS - 1)):%Y-%m}"
        _rebuild(first)
    _measure(args.iterations, args.show_queries)


if __name__ == "__main__":
    main()
