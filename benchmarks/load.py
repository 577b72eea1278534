"""Concurrency benchmark (issue 19, item 5): a mixed staff and public workload against a real `regie serve`.

    .venv/bin/python benchmarks/load.py                                   # 1, 4, 16, 32 clients, 30 s each
    .venv/bin/python benchmarks/load.py --clients 1 4 --seconds 10 \
        --database-url postgres://postgres@127.0.0.1:5432/regie_bench_small

The database is chosen as in benchmarks/run.py (`common.setup_django`): by default the embedded benchmark
server under benchmarks/.data with `regie_bench` (built by generate.py), or --database-url. Missing migrations
are applied (as run.py does) and the demo intake policy is added when it is missing. The script starts
`regie serve` (gunicorn gthread, `--workers 2 --threads 8` by default) and `regie worker` as subprocesses with
the benchmark environment, and the public rate limit raised as benchmarks/intake.py does.

Each client is a thread with its own `requests.Session`, in a closed loop without think time (a request as
soon as the previous answer is in): the load is the number of clients, not a request rate. That is how Open Zaak
measured, and how issue 19's goal is put. `--think-ms M` gives every client exponential pauses with mean M between
requests instead, as a person reads a page before the next click: a separate question (how many people at a
working pace), reported as its own stage, never in place of the closed loop. Each request is
drawn from a fixed mix (MIX below): case list through the API and as the HTML page, one case, search (a
rotating pool of surnames), hit-check by BSN (half known in an open case, half unknown), a note and a task on
a case the user coordinates, and a public report with an `Idempotency-Key`. Staff requests go as
`procesregisseur`; a share (--partner-share) of the read requests goes as the partner `politie`, and shows as
its own rows ("… @politie"). API calls use personal API tokens; the HTML page a real session row
(SessionStore) with a verified second factor, as tests/conftest.py `verified_session` builds it.

Why threads and `requests`, not locust: locust needs gevent's monkey-patching, which does not mix with the
Django ORM and psycopg this script uses in the same process for its preparation (tokens, sessions, pools), and
it would bring some fifteen packages into the lock file for a load of at most 32 clients. A thread per client
is enough at that size; the client's own CPU seconds are measured per stage (`client CPU`), so a reader can
see whether the load generator rather than the server was the limit (on 2 cores it competes with the server).

Per stage and request type: p50/p95/p99/max latency, throughput and errors (non-2xx per status, and connection
errors). Per stage: the CPU seconds of every PostgreSQL server process (postmaster, live backends and the
children it reaped: from `SHOW data_directory`/postmaster.pid, so it needs a local server and a superuser;
on a shared PostgreSQL that includes other databases' work), of the web server and worker processes, of this
client, and the load average. Then a separate stage with only public reports for --intake-seconds (default
60), the issue's goal being ≥ 200 reports/s on this machine, and how many the worker left unprocessed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common
from run import ensure_migrated

from intake import TEXTS

PROCESSES_LOG = Path(tempfile.gettempdir()) / "regie-load-processes.log"
SURNAMES = [
    "jansen", "de vries", "van den berg", "bakker", "visser", "smit", "meijer", "de boer", "mulder",
    "de groot", "bos", "vos", "peters", "hendriks", "van leeuwen", "dekker", "brouwer", "de wit", "dijkstra",
    "smits", "de graaf", "van der meer", "van der linden", "kok", "jacobs", "de haan", "vermeulen",
    "van den heuvel", "van der veen", "van den broek",
]  # fmt: skip
# Request type → weight in the mixed stages (per 100 requests).
MIX = {
    "api-casussen": 15,
    "web-casussen": 10,
    "api-casus": 20,
    "api-zoeken": 15,
    "api-hitcheck": 15,
    "api-notitie": 7,
    "api-taak": 5,
    "publiek-melding": 13,
}
READ_TYPES = {"api-casussen", "web-casussen", "api-casus", "api-zoeken", "api-hitcheck"}


@dataclass
class Actor:
    username: str
    token: str
    session_cookie: str
    visible: list[str]
    writable: list[str]


@dataclass
class Plan:
    base: str
    cookie_name: str
    staff: Actor
    partner: Actor
    bsns: list[str]
    partner_share: float
    skipped: set[str] = field(default_factory=set)  # "type@user" combinations refused in the probe


@dataclass
class TypeResult:
    name: str
    n: int
    ok: int
    per_second: float
    p50: float
    p95: float
    p99: float
    max: float
    errors: dict[str, int]


@dataclass
class StageResult:
    stage: str
    clients: int
    seconds: float
    requests: int
    per_second: float
    db_cpu_s: float | None
    web_cpu_s: float
    worker_cpu_s: float
    client_cpu_s: float
    load_after: str
    types: list[TypeResult]
    notes: list[str] = field(default_factory=list)
    all_p50: float = 0.0  # over every request of the stage, whatever its type (the mixed workload's figure)
    all_p95: float = 0.0
    all_p99: float = 0.0


# --- preparation (Django in this process) -------------------------------------------------------------


def prepare(args: argparse.Namespace) -> tuple[dict[str, str], Plan]:
    """Start Django on the benchmark database; tokens, sessions and pools; the environment for the servers."""
    common.configure_environment(args.database_url)
    if args.database_url and "REGIE_DATA_DIR" not in os.environ:
        # Media and the classifier model of this run stay out of the developer's data directory.
        os.environ["REGIE_DATA_DIR"] = str(Path(tempfile.gettempdir()) / "regie-load-data")
    os.environ["REGIE_PUBLIC_RATE_LIMIT"] = "1000000/h"  # the benchmark measures throughput, not the limit
    common.setup_django(args.database_url)
    ensure_migrated()
    from django.conf import settings

    from regie.accounts.models import Municipality, User
    from regie.intake.models import RoutingRule, SignalCategory

    if not (SignalCategory.objects.exists() and RoutingRule.objects.exists()):
        from regie.demo.intake import seed_intake_policy

        with common.Stopwatch("demobeleid voor meldingen laden (ontbrak)"):
            seed_intake_policy(Municipality.objects.get(code="1705"))
    from regie.intake.classifier.service import classifier_train, model_path

    if not model_path().exists():
        # Otherwise the worker trains it on its first signal, in the middle of the first stage.
        with common.Stopwatch("classificatie trainen (ontbrak)"):
            classifier_train()
    staff = User.objects.select_related("organisation").get(username="procesregisseur")
    partner = User.objects.select_related("organisation").get(username="politie")
    import run

    bsns = run.pools(staff)["hit_bsns"]
    plan = Plan(
        base=f"http://127.0.0.1:{args.port or common.free_port()}",
        cookie_name=settings.SESSION_COOKIE_NAME,
        staff=_actor(staff),
        partner=_actor(partner),
        bsns=bsns,
        partner_share=args.partner_share,
    )
    from django.db import connections

    connections.close_all()
    return dict(os.environ), plan


def _actor(user: Any) -> Actor:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, load_backend
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from regie.access.case_access import cases_visible_to
    from regie.accounts import services
    from regie.cases.models import Case, CaseStatus

    token = services.api_token_create(actor=user, user=user, name="load-benchmark").secret
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="benchmark", defaults={"confirmed": True})
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    # As Client.force_login: the first backend that can load a user from the session.
    store[BACKEND_SESSION_KEY] = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user")
    )
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store["last_activity"] = timezone.now().isoformat()
    store.create()
    visible = [str(pk) for pk in cases_visible_to(user).order_by().values_list("id", flat=True)[:200]]
    writable = [
        str(pk)
        for pk in Case.objects.filter(coordinator=user)
        .exclude(status=CaseStatus.CLOSED)
        .order_by("-created_at")
        .values_list("id", flat=True)[:200]
    ]
    return Actor(user.username, token, store.session_key or "", visible, writable)


# --- servers and CPU ------------------------------------------------------------------------------------


def _tree_cpu(root: Any) -> float:
    """CPU seconds of a process, its live descendants and the children it reaped."""
    import psutil

    try:
        times = root.cpu_times()
        total = times.user + times.system + times.children_user + times.children_system
        children = root.children(recursive=True)
    except psutil.Error:
        return 0.0
    for child in children:
        try:
            t = child.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system
    return total


def postmaster() -> Any:
    """The PostgreSQL postmaster of the benchmark database, when it runs on this machine (else None)."""
    import psutil
    from django.db import connection

    try:
        with connection.cursor() as cur:
            cur.execute("SHOW data_directory")
            data_dir = Path(cur.fetchone()[0])
        connection.close()
        return psutil.Process(int((data_dir / "postmaster.pid").read_text().split()[0]))
    except Exception:
        return None


class Meter:
    def __init__(self, db: Any, processes: list[subprocess.Popen[bytes]]) -> None:
        import psutil

        self.db = db
        self.app = [psutil.Process(p.pid) for p in processes]

    def read(self) -> tuple[float | None, float, float, float]:
        """CPU seconds so far: (database or None, web server, worker, this client)."""
        db = _tree_cpu(self.db) if self.db is not None else None
        worker = sum(_tree_cpu(p) for p in self.app[1:])
        return db, _tree_cpu(self.app[0]), worker, time.process_time()


# --- the clients ----------------------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, name: str, seconds: float, status: str) -> None:
        with self.lock:
            self.latencies[name].append(seconds)
            self.statuses[name][status] += 1


def one_request(http: requests.Session, plan: Plan, kind: str, rng: random.Random) -> tuple[str, str]:
    """Send one request of this kind; (row name, status as text)."""
    actor = plan.staff
    if kind in READ_TYPES and rng.random() < plan.partner_share:
        actor = plan.partner
    name = kind if actor is plan.staff else f"{kind} @{actor.username}"
    if name in plan.skipped:
        actor, name = plan.staff, kind
    auth = {"Authorization": f"Token {actor.token}"}
    base = plan.base
    if kind == "api-casussen":
        response = http.get(f"{base}/api/v1/cases", headers=auth, timeout=120)
    elif kind == "web-casussen":
        response = http.get(
            f"{base}/casussen",
            cookies={plan.cookie_name: actor.session_cookie},
            timeout=120,
            allow_redirects=False,
        )
    elif kind == "api-casus":
        response = http.get(f"{base}/api/v1/cases/{rng.choice(actor.visible)}", headers=auth, timeout=120)
    elif kind == "api-zoeken":
        response = http.get(
            f"{base}/api/v1/search", params={"q": rng.choice(SURNAMES)}, headers=auth, timeout=120
        )
    elif kind == "api-hitcheck":
        response = http.post(
            f"{base}/api/v1/hit-checks", json={"bsn": rng.choice(plan.bsns)}, headers=auth, timeout=120
        )
    elif kind == "api-notitie":
        response = http.post(
            f"{base}/api/v1/cases/{rng.choice(actor.writable)}/notes",
            json={"category": "general", "text": f"Belastingtest: gesprek gevoerd ({uuid.uuid4().hex[:8]})."},
            headers=auth,
            timeout=120,
        )
    elif kind == "api-taak":
        response = http.post(
            f"{base}/api/v1/cases/{rng.choice(actor.writable)}/tasks",
            json={"title": "Belastingtest: terugbellen", "owner": actor.username, "workingDays": 5},
            headers=auth,
            timeout=120,
        )
    else:
        n = rng.randrange(1000)
        response = http.post(
            f"{base}/api/v1/public/signals",
            json={"description": TEXTS[n % len(TEXTS)].format(n=n), "reporterType": "anoniem"},
            headers={"Idempotency-Key": str(uuid.uuid4())},
            timeout=120,
        )
    return name, str(response.status_code)


def probe(plan: Plan) -> None:
    """One request of every kind as every user (also a warm-up); a partner combination that is refused is left
    out of the stages (its share goes to the process director), anything else that fails stops the run."""
    http = requests.Session()
    rng = random.Random(1)
    for kind in MIX:
        users = [plan.staff, plan.partner] if kind in READ_TYPES else [plan.staff]
        for actor in users:
            share, plan.partner_share = plan.partner_share, 1.0 if actor is plan.partner else 0.0
            try:
                name, status = one_request(http, plan, kind, rng)
            finally:
                plan.partner_share = share
            if status.startswith("2"):
                continue
            if actor is plan.partner and status in {"403", "404"}:
                print(f"  {name}: HTTP {status} voor {actor.username}; deze combinatie valt weg")
                plan.skipped.add(name)
                continue
            raise SystemExit(f"proefverzoek {name} gaf HTTP {status}; zie {PROCESSES_LOG}")


def run_stage(
    plan: Plan, meter: Meter, stage: str, clients: int, seconds: float, mix: dict[str, int], think: float = 0.0
) -> StageResult:
    recorder = Recorder()
    kinds, weights = list(mix), list(mix.values())
    stop = threading.Event()

    def client(number: int) -> None:
        rng = random.Random(number * 7919 + clients)
        http = requests.Session()
        if think:  # people do not all click at the same instant: each starts as if halfway through reading
            stop.wait(rng.expovariate(1 / think))
        while not stop.is_set():
            kind = rng.choices(kinds, weights)[0]
            started = time.perf_counter()
            try:
                name, status = one_request(http, plan, kind, rng)
            except requests.RequestException as exc:
                name, status = kind, type(exc).__name__
            recorder.add(name, time.perf_counter() - started, status)
            if think:  # a user reads before the next click: exponential pauses with this mean (--think-ms)
                stop.wait(rng.expovariate(1 / think))

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    db0, web0, worker0, client0 = meter.read()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started  # includes the requests still in flight at the stop
    db1, web1, worker1, client1 = meter.read()
    types = []
    for name in sorted(
        recorder.latencies, key=lambda n: (n.split(" ")[0] not in mix, list(mix).index(n.split(" ")[0]), n)
    ):
        values = sorted(recorder.latencies[name])
        statuses = recorder.statuses[name]
        ok = sum(v for s, v in statuses.items() if s.startswith("2"))
        types.append(
            TypeResult(
                name=name,
                n=len(values),
                ok=ok,
                per_second=len(values) / elapsed,
                p50=common.percentile(values, 50) * 1000,
                p95=common.percentile(values, 95) * 1000,
                p99=common.percentile(values, 99) * 1000,
                max=values[-1] * 1000,
                errors={s: v for s, v in statuses.items() if not s.startswith("2")},
            )
        )
    total = sum(t.n for t in types)
    every = sorted(v for values in recorder.latencies.values() for v in values)
    return StageResult(
        stage=stage,
        clients=clients,
        seconds=elapsed,
        requests=total,
        per_second=total / elapsed,
        db_cpu_s=None if db0 is None or db1 is None else db1 - db0,
        web_cpu_s=web1 - web0,
        worker_cpu_s=worker1 - worker0,
        client_cpu_s=client1 - client0,
        load_after=common.load_text(),
        types=types,
        all_p50=common.percentile(every, 50) * 1000 if every else 0.0,
        all_p95=common.percentile(every, 95) * 1000 if every else 0.0,
        all_p99=common.percentile(every, 99) * 1000 if every else 0.0,
    )


def pending_signals() -> int:
    from django.db import connection

    from regie.intake.models import ProcessingState, Signal

    count = Signal.objects.filter(processing_state=ProcessingState.PENDING).count()
    connection.close()
    return count


# --- output ---------------------------------------------------------------------------------------------


def print_stage(result: StageResult) -> None:
    db = "n.v.t." if result.db_cpu_s is None else f"{result.db_cpu_s:.1f} s"
    print(
        f"\n### {result.stage}: {result.clients} clients, {result.seconds:.1f} s, "
        f"{result.requests} verzoeken, {result.per_second:.1f}/s\n"
        f"CPU: database {db}, webserver {result.web_cpu_s:.1f} s, worker {result.worker_cpu_s:.1f} s, "
        f"client {result.client_cpu_s:.1f} s "
        f"(van {result.seconds * (os.cpu_count() or 1):.0f} core-s); load na afloop {result.load_after}\n"
        f"Alle verzoeken samen: p50 {result.all_p50:.0f} ms, p95 {result.all_p95:.0f} ms, "
        f"p99 {result.all_p99:.0f} ms\n"
    )
    columns = ["verzoek", "n", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "fouten"]
    rows = [
        [
            t.name,
            str(t.n),
            f"{t.per_second:.1f}",
            f"{t.p50:.0f}",
            f"{t.p95:.0f}",
            f"{t.p99:.0f}",
            f"{t.max:.0f}",
            ", ".join(f"{s}×{n}" for s, n in sorted(t.errors.items())) or "0",
        ]
        for t in result.types
    ]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]
    print("| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) + " |")
    for note in result.notes:
        print(f"! {note}")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    common.add_database_argument(parser)
    parser.add_argument(
        "--clients",
        type=int,
        nargs="*",
        default=[1, 4, 16, 32],
        help="clients per gemengde fase (leeg: geen)",
    )
    parser.add_argument("--seconds", type=float, default=30.0, help="duur van elke gemengde fase")
    parser.add_argument(
        "--intake-seconds", type=float, default=60.0, help="duur van de fase alleen meldingen"
    )
    parser.add_argument("--intake-clients", type=int, default=16, help="clients in de fase alleen meldingen")
    parser.add_argument("--workers", type=int, default=2, help="regie serve --workers")
    parser.add_argument("--threads", type=int, default=8, help="regie serve --threads")
    parser.add_argument(
        "--worker-concurrency", type=int, default=2, help="regie worker --concurrency (0: geen)"
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=0,
        help="regie worker op deze nice-prioriteit (bijv. 10: de webserver gaat voor; 0: gelijk)",
    )
    parser.add_argument(
        "--partner-share", type=float, default=0.2, help="deel van de leesverzoeken als politie"
    )
    parser.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="gemiddelde bedenktijd van een client tussen twee verzoeken (0: geen, zoals Open Zaak meet)",
    )
    parser.add_argument("--port", type=int, default=0, help="poort van de webserver (standaard een vrije)")
    parser.add_argument("--json", default="", help="resultaten ook als JSON naar dit bestand")
    args = parser.parse_args()

    env, plan = prepare(args)
    print(
        f"Regie-belastingtest {date.today().isoformat()}, {os.cpu_count()} cores, load {common.load_text()}; "
        f"regie serve --workers {args.workers} --threads {args.threads}, worker --concurrency "
        f"{args.worker_concurrency}; {plan.staff.username} ziet ≥{len(plan.staff.visible)} casussen "
        f"({len(plan.staff.writable)} om te schrijven), {plan.partner.username} ≥{len(plan.partner.visible)}"
    )
    db = postmaster()
    if db is None:
        print("Database-CPU: niet te meten (geen lokale server of geen superuser).")
    processes = common.start_regie(
        env,
        port=int(plan.base.rsplit(":", 1)[1]),
        threads=args.threads,
        workers=args.workers,
        worker_args=["--concurrency", str(args.worker_concurrency)] if args.worker_concurrency > 0 else None,
        log_path=PROCESSES_LOG,
        worker_nice=args.worker_nice,
    )
    results: list[StageResult] = []
    try:
        meter = Meter(db, processes)
        print("… proefverzoeken (ook opwarmen)")
        probe(plan)
        for clients in args.clients:
            stage = f"gemengd, bedenktijd {args.think_ms:.0f} ms" if args.think_ms else "gemengd"
            print(f"… {stage}, {clients} clients, {args.seconds:.0f} s", flush=True)
            result = run_stage(plan, meter, stage, clients, args.seconds, MIX, args.think_ms / 1000)
            print_stage(result)
            results.append(result)
        if args.intake_seconds > 0:
            before = pending_signals()
            print(
                f"… alleen publieke meldingen, {args.intake_clients} clients, {args.intake_seconds:.0f} s",
                flush=True,
            )
            result = run_stage(
                plan,
                meter,
                "alleen meldingen",
                args.intake_clients,
                args.intake_seconds,
                {"publiek-melding": 1},
            )
            after = pending_signals()
            result.notes.append(
                f"onverwerkte meldingen in de wachtrij: {before} voor, {after} direct na de fase "
                f"(worker --concurrency {args.worker_concurrency})"
            )
            print_stage(result)
            results.append(result)
    finally:
        common.stop_processes(processes)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as fh:
            payload = {
                "date": date.today().isoformat(),
                "args": vars(args),
                "stages": [asdict(r) for r in results],
            }
            json.dump(payload, fh, indent=1, default=str)


if __name__ == "__main__":
    main()
