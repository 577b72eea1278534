"""Benchmark of signal intake: public reports per second through the API with the worker running, and the time
from receipt to the signal being classified and routed (visible in a team's queue).

    .venv/bin/python benchmarks/intake.py [--reports 400] [--clients 8] [--concurrency 4]

It uses its own database (`regie_bench_intake` on the embedded server under benchmarks/.data, or
--database-url), starts `regie serve` and `regie worker` as separate processes, posts to
`POST /api/v1/public/signals` from client threads, and reads receipt and processing times from the database.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

DB_NAME = "regie_bench_intake"
TEXTS = [
    "Achter de sporthal verkopen jongens elke avond zakjes wiet aan scholieren.",
    "In chalet {n} op het recreatiepark woont al jaren een gezin; de kinderen gaan hier naar school.",
    "De buurman is verward, schreeuwt 's nachts op straat en bedreigde gisteren een kind met een mes.",
    "Bij de loods aan de Kerkweg rijden 's nachts busjes af en aan en de ramen zijn afgeplakt.",
    "Op mijn adres staan {n} mensen ingeschreven die ik niet ken; ik krijg hun post.",
    "Mijn moeder kreeg een appje van 'haar zoon' met een nieuw nummer en maakte 900 euro over.",
    "Elke zaterdag tot diep in de nacht harde muziek en geschreeuw bij nummer {n}.",
    "De lantaarnpaal bij de bushalte brandt al weken niet, het is er erg donker.",
]


def _prepare(database_url: str) -> dict[str, str]:
    """Migrate, load the demo municipality and intake policy, train the classifier; the env for the servers."""
    common.configure_environment(database_url)
    if not database_url:
        os.environ["REGIE_EMBEDDED_DB_NAME"] = DB_NAME
    os.environ["REGIE_PUBLIC_RATE_LIMIT"] = "1000000/h"  # the benchmark measures throughput, not the limit
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if not database_url and settings.DATABASES["default"]["NAME"] != DB_NAME:
        sys.exit("Weigering: de database is niet de benchmarkdatabase.")
    with common.Stopwatch("migreren en demobeleid laden"):
        call_command("migrate", interactive=False, verbosity=0)
        from regie.accounts.models import Municipality
        from regie.demo.accounts import seed_accounts
        from regie.demo.intake import seed_intake_policy

        seed_accounts()
        seed_intake_policy(Municipality.objects.get(code="1705"))
    with common.Stopwatch("classificatie trainen (eenmalig, bij de eerste inzet)"):
        from regie.intake.classifier.service import classifier_train

        classifier_train()
    return {k: v for k, v in os.environ.items()}


def _post_reports(port: int, total: int, clients: int) -> tuple[float, list[float], list[str], int]:
    """(seconds, request latencies, references, failures) for `total` reports from `clients` threads."""
    url = f"http://127.0.0.1:{port}/api/v1/public/signals"
    latencies: list[float] = []
    references: list[str] = []
    failures = 0
    lock = threading.Lock()
    counter = iter(range(total))

    def client() -> None:
        nonlocal failures
        session = requests.Session()
        for n in counter:
            body = {"description": TEXTS[n % len(TEXTS)].format(n=n), "reporterType": "anoniem"}
            start = time.perf_counter()
            response = session.post(url, json=body, timeout=60)
            elapsed = time.perf_counter() - start
            with lock:
                if response.status_code == 201:
                    latencies.append(elapsed)
                    references.append(response.json()["reference"])
                else:
                    failures += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, latencies, references, failures


def _wait_processed(references: list[str], timeout: float = 600) -> float:
    from django.db import close_old_connections

    from regie.intake.models import ProcessingState, Signal

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        close_old_connections()
        pending = Signal.objects.filter(
            reference__in=references, processing_state=ProcessingState.PENDING
        ).count()
        if pending == 0:
            return time.perf_counter() - start
        time.sleep(0.2)
    raise SystemExit("niet alle signalen werden verwerkt")


def _receipt_to_routed(references: list[str]) -> tuple[list[float], dict[str, int]]:
    from django.db.models import Count

    from regie.intake.models import Signal

    rows = Signal.objects.filter(reference__in=references)
    seconds = sorted(
        (s.processed_at - s.received_at).total_seconds() for s in rows.only("received_at", "processed_at")
    )
    states = dict(
        rows.values_list("processing_state").annotate(n=Count("pk")).values_list("processing_state", "n")
    )
    return seconds, states


def _summary(label: str, values: list[float], unit: str = "ms", scale: float = 1000.0) -> str:
    ordered = sorted(values)
    p50, p95 = common.percentile(ordered, 50) * scale, common.percentile(ordered, 95) * scale
    return f"{label}: p50 {p50:.0f} {unit}, p95 {p95:.0f} {unit}, max {ordered[-1] * scale:.0f} {unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    common.add_database_argument(parser)
    parser.add_argument("--reports", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=4, help="parallel jobs in the worker")
    parser.add_argument("--workers", type=int, default=1, help="web server processes (regie serve --workers)")
    parser.add_argument("--quiet-reports", type=int, default=30, help="reports sent one by one, 0.3 s apart")
    args = parser.parse_args()
    (common.BENCH_DIR / ".data").mkdir(parents=True, exist_ok=True)
    env = _prepare(args.database_url)
    port = common.free_port()
    processes = common.start_regie(
        env,
        port=port,
        threads=8,
        workers=args.workers,
        worker_args=["--concurrency", str(args.concurrency), "--queues", "intake,mail"],
        log_path=common.BENCH_DIR / ".data" / "intake-processes.log",
    )
    try:
        print(f"Machine: {os.cpu_count()} cores, load {common.load_text()}")
        print(
            f"… {args.reports} publieke meldingen via {args.clients} gelijktijdige clients, {args.workers} "
            "webserverproces(sen) (worker draait mee)"
        )
        seconds, latencies, references, failures = _post_reports(port, args.reports, args.clients)
        drain = _wait_processed(references)
        routed, states = _receipt_to_routed(references)
        rate = len(references) / seconds
        print(f"Doorvoer: {rate:.1f} meldingen/s ({len(references)} in {seconds:.1f} s, {failures} mislukt)")
        print(_summary("Antwoordtijd POST /api/v1/public/signals", latencies))
        print(f"Alle meldingen verwerkt {drain:.1f} s na de laatste POST; verwerkingsstatus: {states}")
        print(_summary("Ontvangst → geclassificeerd en gerouteerd (onder last)", routed))
        quiet: list[str] = []
        for _ in range(args.quiet_reports):
            quiet += _post_reports(port, 1, 1)[2]
            time.sleep(0.3)
        _wait_processed(quiet)
        quiet_routed = _receipt_to_routed(quiet)[0]
        print(_summary("Ontvangst → geclassificeerd en gerouteerd (rustig, één tegelijk)", quiet_routed))
        print(f"Load na afloop: {common.load_text()}")
    finally:
        common.stop_processes(processes)


if __name__ == "__main__":
    main()
