"""Benchmark of the processing log's write path (issue 19, item 1; decision 0015): appends under concurrency, the
sealer, and verification.

    .venv/bin/python benchmarks/log_append.py [--clients 1 4 16] [--appends 300] [--hold-ms 2] [--verify 200000]

Each client is a thread with its own database connection that runs "requests": a transaction that appends one
entry through `log_processing` and then holds the transaction open for --hold-ms (the rest of a request's work)
before it commits. Two ways of appending are measured side by side on the same database:

- `lock`: the design before decision 0015 — the global advisory lock and a read of the last hash before the
  insert, held until the request commits (reproduced here with the same statements);
- `insert`: today's `log_processing`, one INSERT, sealed afterwards by the sealing job.

Reported per way and client count: requests per second, p50/p95 of one request. Then the sealer's rate (entries
per second) over everything appended, and `verify_chain` over the last --verify entries (entries per second, and
the time that rate gives for 20 million entries). It uses its own database (`regie_bench_log`).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

DB_NAME = "regie_bench_log"



def _one_request(way: str, hold_s: float) -> None:
    from django.db import connection, transaction

    from regie.processing_log.models import ProcessingLogEntry
    from regie.processing_log.services import _CHAIN_LOCK_KEY, log_processing

    with transaction.atomic():
        if way == "lock":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
            ProcessingLogEntry.objects.order_by("-seq").values_list("hash", flat=True).first()
        log_processing(action="person.viewed", username="bench", object_type="person", persons=[])
        if hold_s:
            time.sleep(hold_s)


def _run(way: str, clients: int, appends: int, hold_s: float) -> tuple[float, list[float]]:
    from django.db import connection

    times: list[float] = []
    lock = threading.Lock()

    def client() -> None:
        mine = []
        for _ in range(appends):
            start = time.perf_counter()
            _one_request(way, hold_s)
            mine.append((time.perf_counter() - start) * 1000)
        connection.close()
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return clients * appends / elapsed, sorted(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    common.add_database_argument(parser)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--appends", type=int, default=300, help="requests per client")
    parser.add_argument("--hold-ms", type=float, default=2.0, help="the rest of a request's transaction")
    parser.add_argument("--verify", type=int, default=200_000, help="entries to verify (appended if fewer)")
    args = parser.parse_args()
    common.setup_own_database(args.database_url, DB_NAME)

    from regie.processing_log.models import ProcessingLogEntry
    from regie.processing_log.services import processing_log_seal, verify_chain

    hold_s = args.hold_ms / 1000
    print(f"Belasting vooraf: {common.load_text()}; transactie van een verzoek houdt {args.hold_ms} ms vast")
    for clients in args.clients:
        for way in ("lock", "insert"):
            rate, times = _run(way, clients, args.appends, hold_s)
            print(
                f"{way:6} {clients:2} clients: {rate:7.0f} verzoeken/s, p50 {common.percentile(times, 50):6.1f} ms, "
                f"p95 {common.percentile(times, 95):6.1f} ms"
            )
    pending = ProcessingLogEntry.objects.filter(chain_pos__isnull=True).count()
    started = time.perf_counter()
    sealed = processing_log_seal()
    seconds = time.perf_counter() - started
    print(f"verzegelen: {sealed} regels in {seconds:.2f} s = {sealed / max(seconds, 1e-9):,.0f} regels/s "
          f"({pending} wachtten)")
    missing = args.verify - ProcessingLogEntry.objects.count()
    if missing > 0:
        with common.Stopwatch(f"{missing} regels erbij voor de controle"):
            _run("insert", 4, missing // 4 + 1, 0.0)
            processing_log_seal()
    total = ProcessingLogEntry.objects.filter(chain_pos__isnull=False).count()
    after = max(0, total - args.verify)
    from regie.processing_log.chain import GENESIS_HASH

    prev = (
        ProcessingLogEntry.objects.filter(chain_pos=after).values_list("hash", flat=True).first() or GENESIS_HASH
    )
    started = time.perf_counter()
    result = verify_chain(after_pos=after, prev_hash=prev)
    seconds = time.perf_counter() - started
    rate = result.entries_checked / max(seconds, 1e-9)
    print(
        f"controle: {result.entries_checked:,} regels in {seconds:.1f} s = {rate:,.0f} regels/s "
        f"({'intact' if result.intact else 'GEBROKEN: ' + result.reason}); "
        f"20 miljoen regels zou {20_000_000 / rate / 60:.0f} min duren; belasting {common.load_text()}"
    )


if __name__ == "__main__":
    main()
