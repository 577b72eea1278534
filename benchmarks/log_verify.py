"""Benchmark of the processing log at scale, partitioned by month (issue 19, item 1; decision 0017): what one
append costs, how fast the sealer chains, and how long `regie audit verify` takes over N entries.

    .venv/bin/python benchmarks/log_verify.py [--entries 2000000] [--months 24] [--appends 2000]

It uses its own database (`regie_bench_logverify` on the embedded server under benchmarks/.data, or
--database-url). Steps:

1. **Append cost** (before the fill): --appends calls of the real `log_processing`, each in its own transaction,
   one after another; mean, p50 and p95 per call.
2. **Fill** up to --entries entries, spread evenly over the last --months months (so over that many monthly
   partitions). The rows are what `log_processing` writes — hash version 2, a person id, object id, user name,
   address and search term from pools, each with its keyed reference (`references_of`) — and are chained with the
   sealer's own hash (`chain.entry_hash(chain.fields_of(entry), prev)`), then loaded with COPY. Verify
   therefore checks exactly what it checks in production: every link, every hash, every reference against its
   plain value. (Sealing millions with the real sealer would take most of a short run; it is measured in step 3,
   on the entries appended by steps 1 and 3, at full size.)
3. **Append cost again** at full size, then the **sealer** over everything appended.
4. **Verify** the whole chain with `verify_chain()` (streaming, from position 0): time, entries/s, the growth of
   this process's memory while it walks, and the plan of the walk (an index scan per partition under Merge
   Append, no sort). Linear in the entries, so the time for 20 million is extrapolated and marked as such.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

DB_NAME = "regie_bench_logverify"
COLUMNS = (
    "seq", "occurred_at", "actor_id", "actor_username", "actor_organisation", "actor_role", "acting_for", "action",
    "object_type", "object_id", "person_ids", "purpose", "break_the_glass", "source_address", "details",
    "prev_hash", "hash", "hash_version", "person_refs", "actor_ref", "source_ref", "object_ref", "details_ref",
    "chain_pos",
)  # fmt: skip
TERMS = ("Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos")



def _append_cost(count: int) -> tuple[float, float, float]:
    """Mean, p50 and p95 in ms of one `log_processing` in its own transaction (the request's INSERT)."""
    from django.db import transaction

    from regie.processing_log.services import log_processing

    times = []
    for _ in range(count):
        person = uuid.uuid4()
        started = time.perf_counter()
        with transaction.atomic():
            log_processing(
                action="person.viewed", username="bench", object_type="person", object_id=person,
                persons=[person], purpose="toezicht", details={"zoekterm": "Jansen"},
            )  # fmt: skip
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return sum(times) / len(times), common.percentile(times, 50), common.percentile(times, 95)


def _pools() -> dict[str, list[Any]]:
    from regie.processing_log.pseudonyms import actor_reference, person_reference, reference

    persons = [uuid.UUID(int=i * 7919 + 1) for i in range(5000)]
    users = [f"medewerker{i:04d}" for i in range(200)]
    addresses = [f"10.{i // 250}.{i % 250}.{(i * 7) % 250 + 1}" for i in range(500)]
    return {
        "persons": [(p, person_reference(p), reference("object", str(p))) for p in persons],
        "users": [(u, actor_reference(u)) for u in users],
        "addresses": [(a, reference("source", a)) for a in addresses],
        "terms": [({"zoekterm": t}, reference("details", {"zoekterm": t})) for t in TERMS],
    }


def _fill(missing: int, months: int) -> float:
    """Append `missing` sealed entries after the current end of the chain; returns seconds spent."""
    from django.db import connection, transaction
    from psycopg.types.json import Jsonb

    from regie.core.periods import add_months
    from regie.processing_log import chain, services
    from regie.processing_log.models import ProcessingLogEntry
    from regie.processing_log.partitions import month_of, processing_log_partitions_ensure

    services.processing_log_seal()
    now = datetime.now(UTC)
    start = datetime.combine(add_months(month_of(now.date()), -months + 1), datetime.min.time(), tzinfo=UTC)
    processing_log_partitions_ensure(today=start.date(), months_ahead=months + 3)
    step = (now - timedelta(minutes=5) - start) / missing
    last = ProcessingLogEntry.objects.exclude(chain_pos=None).order_by("-chain_pos").values_list(
        "chain_pos", "hash"
    ).first()
    position, prev = (last[0], last[1]) if last else (0, chain.GENESIS_HASH)
    with connection.cursor() as cursor:  # reserve the numbers, as many appends would have taken them
        cursor.execute("SELECT pg_get_serial_sequence('processing_log_entry', 'seq')")
        sequence = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(%s)", [sequence])
        first_seq = cursor.fetchone()[0]
        cursor.execute("SELECT setval(%s, %s)", [sequence, first_seq + missing - 1])
    pools = _pools()
    persons, users, addresses, terms = pools["persons"], pools["users"], pools["addresses"], pools["terms"]
    started = time.perf_counter()
    chunk = 100_000
    for chunk_start in range(0, missing, chunk):
        with transaction.atomic(), connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            with raw.copy(f"COPY processing_log_entry ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for i in range(chunk_start, min(chunk_start + chunk, missing)):
                    person, person_ref, object_ref = persons[(i * 31) % len(persons)]
                    user, actor_ref = users[i % len(users)]
                    address, source_ref = addresses[(i * 17) % len(addresses)]
                    details, details_ref = terms[i % len(terms)]
                    position += 1
                    entry = ProcessingLogEntry(
                        seq=first_seq + i, occurred_at=start + step * i, actor_id=1000 + i % len(users),
                        actor_username=user, actor_organisation="Gemeente Benchmark", actor_role="handhaver",
                        acting_for="", action="person.viewed", object_type="person", object_id=str(person),
                        person_ids=[person], purpose="toezicht", break_the_glass=False, source_address=address,
                        details=details, hash_version=2, person_refs=[person_ref], actor_ref=actor_ref,
                        source_ref=source_ref, object_ref=object_ref, details_ref=details_ref,
                        chain_pos=position, prev_hash=prev,
                    )  # fmt: skip
                    entry.hash = prev = chain.entry_hash(chain.fields_of(entry), prev)
                    row = [getattr(entry, name) for name in COLUMNS]
                    row[COLUMNS.index("details")] = Jsonb(details)
                    copy.write_row(row)
        done = min(chunk_start + chunk, missing)
        rate = done / (time.perf_counter() - started)
        print(f"  {done:,} / {missing:,} regels geladen ({rate:,.0f} regels/s)", flush=True)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE processing_log_entry")
    return seconds


def _walk_plan() -> str:
    """The plan of verify's walk as verify runs it: a server-side cursor (Django's .iterator())."""
    from django.db import connection, transaction

    from regie.processing_log.verify import sealed_rows

    # The query of one segment of the walk, which verify hands to .iterator() at once.
    sql, params = sealed_rows(0, 1_000_000).query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN DECLARE walk NO SCROLL CURSOR WITHOUT HOLD FOR {sql}", params)
        lines = [row[0] for row in cursor.fetchall()]
    return "\n".join(lines)


def _verify(workers: int) -> tuple[Any, float, float]:
    """verify_chain() over the whole chain: result, seconds, and the peak memory (MB) of this process and its
    verifying children together, above this process's memory before."""
    import psutil

    from regie.processing_log.verify import verify_chain

    me = psutil.Process()
    base = me.memory_info().rss
    peak = [base]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            try:
                rss = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
            except psutil.NoSuchProcess:  # a child ended between the listing and the reading
                continue
            peak[0] = max(peak[0], rss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    result = verify_chain(workers=workers)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return result, seconds, (peak[0] - base) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    common.add_database_argument(parser)
    parser.add_argument("--entries", type=int, default=2_000_000, help="entries in the log before verify")
    parser.add_argument("--months", type=int, default=24, help="months (partitions) the entries are spread over")
    parser.add_argument("--appends", type=int, default=2000, help="timed appends, before and after the fill")
    parser.add_argument("--no-verify", action="store_true", help="measure appends and the sealer only")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes verify walks with")
    args = parser.parse_args()
    common.setup_own_database(args.database_url, DB_NAME)

    from regie.processing_log.models import ProcessingLogEntry
    from regie.processing_log.partitions import processing_log_partitions
    from regie.processing_log.services import processing_log_seal

    print(f"Belasting vooraf: {common.load_text()}")
    size = ProcessingLogEntry.objects.count()
    mean, p50, p95 = _append_cost(args.appends)
    print(f"toevoegen bij {size:,} regels: gemiddeld {mean:.2f} ms, p50 {p50:.2f} ms, p95 {p95:.2f} ms per regel")
    missing = args.entries - ProcessingLogEntry.objects.count()
    if missing > 0:
        print(f"… {missing:,} regels erbij over {args.months} maanden")
        seconds = _fill(missing, args.months)
        print(f"✓ geladen in {seconds:.0f} s ({missing / seconds:,.0f} regels/s, COPY met alle indexen)")
    size = ProcessingLogEntry.objects.count()
    mean, p50, p95 = _append_cost(args.appends)
    print(f"toevoegen bij {size:,} regels: gemiddeld {mean:.2f} ms, p50 {p50:.2f} ms, p95 {p95:.2f} ms per regel")
    pending = ProcessingLogEntry.objects.filter(chain_pos__isnull=True).count()
    started = time.perf_counter()
    sealed = processing_log_seal()
    seconds = time.perf_counter() - started
    print(f"verzegelen: {sealed:,} regels in {seconds:.2f} s = {sealed / max(seconds, 1e-9):,.0f} regels/s "
          f"({pending:,} wachtten)")
    if args.no_verify:
        return
    partitions = processing_log_partitions()
    print(f"{len(partitions)} partities (incl. de standaardpartitie); plan van de controle:")
    plan = _walk_plan().splitlines()
    scans = sum("Index Scan" in line for line in plan)
    sorts = sum(line.strip().removeprefix("->").strip().startswith("Sort  (") for line in plan)
    print("  " + "\n  ".join(plan[:4]) + f"\n  … {scans} index scans (een per partitie), {sorts} sorteerstappen")
    result, seconds, grown_mb = _verify(args.workers)
    rate = result.entries_checked / max(seconds, 1e-9)
    print(
        f"controle: {result.entries_checked:,} regels in {seconds:.1f} s = {rate:,.0f} regels/s "
        f"({'intact' if result.intact else 'GEBROKEN: ' + result.reason}); geheugen "
        f"+{grown_mb:.0f} MB tijdens de controle (met {args.workers} processen); belasting {common.load_text()}"
    )
    if result.entries_checked < 20_000_000:
        print(f"EXTRAPOLATIE (niet gemeten): 20 miljoen regels in ca. {20_000_000 / rate / 60:.0f} min bij dit tempo")


if __name__ == "__main__":
    main()
