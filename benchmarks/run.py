"""Measure the hot paths against the benchmark database: p50/p95/max server time and SQL queries per call.

    .venv/bin/python benchmarks/run.py                      # every scenario, 200 iterations each
    .venv/bin/python benchmarks/run.py --explain            # also EXPLAIN (ANALYZE, BUFFERS) of the main query
    .venv/bin/python benchmarks/run.py --only zoeken --iterations 50

Each scenario runs through the real code: the access door and the search/hit-check services (selectors), and,
when the routes exist, the REST API through Django's test Client with a personal API token (middleware,
authentication, serialisation included). Server time is wall-clock time in this process for one call,
database round trips included. Queries per call are counted with CaptureQueriesContext on three calls; a
scenario whose count differs between calls is flagged. Searches and hit-checks write the processing log, as
in production: the log grows by one entry per call.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from common import (
    CpuMeter,
    add_database_argument,
    add_settings_argument,
    apply_session_settings,
    load_text,
    percentile,
    setup_django,
)

NAME_QUERIES = ("jansen", "van den berg")
GOAL_MS = 50.0


@dataclass
class Scenario:
    name: str
    what: str
    call: Callable[[int], Any]
    size: Callable[[Any], str] = lambda result: ""


@dataclass
class Result:
    name: str
    what: str
    queries: list[int]
    p50: float
    p95: float
    max: float
    mean: float
    iterations: int
    cpu_ms: float
    result_size: str
    slowest_query_ms: float
    load_before: str
    load_after: str
    explain: str = ""
    captured: list[tuple[float, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def dataset_summary(user: Any) -> dict[str, Any]:
    from django.db import connection

    from regie.access.case_access import cases_visible_to

    with connection.cursor() as cur:
        cur.execute(
            "SELECT relname, reltuples::bigint FROM pg_class WHERE relname = ANY(%s)",
            [["cases_case", "subjects_person", "cases_casemember", "cases_casesubject", "cases_note"]],
        )
        rows = dict(cur.fetchall())
        cur.execute("SHOW server_version")
        rows["postgres"] = cur.fetchone()[0]
        cur.execute("SHOW shared_buffers")
        rows["shared_buffers"] = cur.fetchone()[0]
        cur.execute("SHOW jit")
        rows["jit"] = cur.fetchone()[0]
        cur.execute("SHOW random_page_cost")
        rows["random_page_cost"] = cur.fetchone()[0]
    rows["visible_to_user"] = cases_visible_to(user).count()
    rows["open_visible_to_user"] = cases_visible_to(user).exclude(status="gesloten").count()
    return rows


def pools(user: Any, size: int = 50) -> dict[str, list[Any]]:
    """Inputs that vary per iteration, so no scenario measures one hot row over and over."""
    from django.db import connection

    from regie.subjects.identity import generate_test_bsns

    with connection.cursor() as cur:
        cur.execute(
            """
            SELECT DISTINCT p.bsn FROM cases_casesubject s JOIN subjects_person p ON p.id = s.person_id
            WHERE s.case_id IN (SELECT c.id FROM cases_case c WHERE c.coordinator_id = %s
                                UNION SELECT m.case_id FROM cases_casemember m WHERE m.user_id = %s)
              AND p.bsn IS NOT NULL AND p.merged_into_id IS NULL
            LIMIT %s
            """,
            [user.pk, user.pk, size],
        )
        visible_bsns = [r[0] for r in cur.fetchall()]
        cur.execute(
            """
            SELECT p.bsn, p.surname, p.prefix, p.given_names, p.birth_date
            FROM subjects_person p TABLESAMPLE SYSTEM (2) REPEATABLE (7)
            WHERE p.bsn IS NOT NULL AND p.birth_date IS NOT NULL AND p.merged_into_id IS NULL
              AND EXISTS (SELECT 1 FROM cases_casesubject s JOIN cases_case c ON c.id = s.case_id
                          WHERE s.person_id = p.id AND c.status <> 'gesloten')
            LIMIT %s
            """,
            [size],
        )
        known = cur.fetchall()
        cur.execute(
            "SELECT bsn FROM subjects_person WHERE bsn = ANY(%s)", [generate_test_bsns(size * 2, seed=99)]
        )
        taken = {r[0] for r in cur.fetchall()}
    unknown = [b for b in generate_test_bsns(size * 2, seed=99) if b not in taken][: size // 2]
    known_bsns = [r[0] for r in known][: size - len(unknown)]
    hit_bsns = [b for pair in zip(known_bsns, unknown, strict=False) for b in pair]
    return {"visible_bsns": visible_bsns, "hit_bsns": hit_bsns, "known": known}


def selector_scenarios(user: Any, partner: Any, data: dict[str, list[Any]]) -> list[Scenario]:
    from django.db.models import F

    from regie.access.case_access import cases_visible_to
    from regie.access.case_list import CaseListFilter, CasesByDeadline
    from regie.search.hit_check import hit_check
    from regie.search.selectors import search_all

    def my_cases_by_union(who: Any) -> Callable[[int], Any]:
        """Before decision 0019: the door's union, every visible case probed and sorted."""

        def call(_: int) -> Any:
            return list(
                cases_visible_to(who)
                .exclude(status="gesloten")
                .select_related("case_type", "coordinator")
                .order_by(F("next_deadline").asc(nulls_last=True), "number")[:25]
            )

        return call

    def my_cases(who: Any) -> Callable[[int], Any]:
        """Decision 0019: the visibility table, one ordered index scan per way in, with the total."""

        def call(_: int) -> Any:
            return list(CasesByDeadline(who, CaseListFilter(open_only=True)).cases(0, 25))

        return call

    def my_cases_page(_: int) -> Any:
        from django.http import QueryDict

        from regie.cases.views.case_list import case_list_page

        form, page = case_list_page(user, QueryDict(""))
        # Past 40 possible coordinators the filter is a name field, not a select of every colleague (issue 19).
        choices = getattr(form.fields["coordinator"], "choices", [])
        return page.paginator.count, list(page), len(choices)

    def search(q: str) -> Callable[[int], Any]:
        return lambda _: search_all(user, q)

    visible, hits, known = data["visible_bsns"], data["hit_bsns"], data["known"]

    def by_name(i: int) -> Any:
        _, surname, prefix, given, born = known[i % len(known)]
        return hit_check(actor=user, surname=surname, prefix=prefix, given_names=given, birth_date=born)

    def found(r: Any) -> str:
        return f"{len(r.persons)} pers., {len(r.cases)} cas."

    scenarios = [
        Scenario(
            "mijn-casussen",
            "zichtbaarheidstabel (procesregisseur): open casussen op eerstvolgende termijn, eerste 25 met telling",
            my_cases(user),
            lambda r: f"{len(r)} cas., {r[0].window_total if r else 0} tot.",
        ),
        Scenario(
            "mijn-casussen-unie",
            "zelfde vraag via de unie van de deur (vóór besluit 0019), zonder telling",
            my_cases_by_union(user),
            lambda r: f"{len(r)} cas.",
        ),
        Scenario(
            "mijn-casussen-pagina",
            "case_list_page: filterkeuzes, telling en eerste pagina, zoals de pagina /casussen (open casussen)",
            my_cases_page,
            lambda r: f"{r[0]} tot.",
        ),
        Scenario(
            "mijn-casussen-partner",
            "zichtbaarheidstabel (politie): zicht via de organisatie, open casussen, eerste 25 met telling",
            my_cases(partner),
            lambda r: f"{len(r)} cas., {r[0].window_total if r else 0} tot.",
        ),
        Scenario(
            "mijn-casussen-partner-unie",
            "zelfde vraag via de unie van de deur (vóór besluit 0019), zonder telling",
            my_cases_by_union(partner),
            lambda r: f"{len(r)} cas.",
        ),
    ]
    for q in NAME_QUERIES:
        scenarios.append(
            Scenario(f"zoeken-{q.replace(' ', '-')}", f'search_all(procesregisseur, "{q}")', search(q), found)
        )
    scenarios += [
        Scenario(
            "zoeken-bsn",
            f"search_all op BSN, {len(visible)} verschillende zichtbare personen",
            lambda i: search_all(user, visible[i % len(visible)]),
            found,
        ),
        Scenario(
            "hitcheck-bsn",
            f"hit_check op BSN, {len(hits)} BSN's: helft bekend in open casus, helft onbekend",
            lambda i: hit_check(actor=user, bsn=hits[i % len(hits)]),
            lambda r: "bekend" if r.known else "onbekend",
        ),
        Scenario(
            "hitcheck-naam",
            f"hit_check op achternaam+voornamen+geboortedatum, {len(known)} personen in open casussen",
            by_name,
            lambda r: "bekend" if r.known else "onbekend",
        ),
    ]
    return scenarios


def http_scenarios(user: Any, data: dict[str, list[Any]]) -> list[Scenario]:
    """The same questions over HTTP through Django's test Client: the web page "Casussen" with a signed-in
    session (verified second factor, as tests/conftest.py does) and /api/v1 with a personal API token.
    Middleware, authentication, serialisation/templates and the processing log are included. Routes that do
    not exist (yet) are skipped."""
    from django.test import Client
    from django.urls import Resolver404, resolve
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from regie.accounts import services

    visible, hits, known = data["visible_bsns"], data["hit_bsns"], data["known"]

    def person_question(i: int) -> dict[str, str]:
        _, surname, prefix, given, born = known[i % len(known)]
        return {"surname": surname, "prefix": prefix, "givenNames": given, "birthDate": born.isoformat()}

    # name, auth, method, path, query/body for iteration i, what
    routes: list[tuple[str, str, str, str, Callable[[int], dict[str, str]], str]] = [
        (
            "web-casussen",
            "session",
            "GET",
            "/casussen",
            lambda i: {},
            "HTML-pagina Casussen (open, 25 per pagina)",
        ),
        (
            "api-casussen",
            "token",
            "GET",
            "/api/v1/cases",
            lambda i: {},
            "GET /api/v1/cases (20 per pagina, telling)",
        ),
        (
            "api-zoeken-jansen",
            "token",
            "GET",
            "/api/v1/search",
            lambda i: {"q": "jansen"},
            "GET /api/v1/search",
        ),
        (
            "api-zoeken-van-den-berg",
            "token",
            "GET",
            "/api/v1/search",
            lambda i: {"q": "van den berg"},
            "GET /api/v1/search",
        ),
        (
            "api-zoeken-bsn",
            "token",
            "GET",
            "/api/v1/search",
            lambda i: {"q": visible[i % len(visible)]},
            "GET /api/v1/search op BSN",
        ),
        (
            "api-hitcheck-bsn",
            "token",
            "POST",
            "/api/v1/hit-checks",
            lambda i: {"bsn": hits[i % len(hits)]},
            "POST /api/v1/hit-checks op BSN",
        ),
        (
            "api-hitcheck-naam",
            "token",
            "POST",
            "/api/v1/hit-checks",
            person_question,
            "POST /api/v1/hit-checks op naam + geboortedatum",
        ),
    ]
    present = []
    for route in routes:
        try:
            resolve(route[3])
            present.append(route)
        except Resolver404:
            print(f"  {route[0]}: {route[3]} bestaat (nog) niet; overgeslagen")
    if not present:
        return []
    issued = services.api_token_create(actor=user, user=user, name="benchmark")
    token_client = Client(HTTP_AUTHORIZATION=f"Token {issued.secret}", HTTP_HOST="localhost")
    session_client = Client(HTTP_HOST="localhost")
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="benchmark", defaults={"confirmed": True})
    session_client.force_login(user)
    session = session_client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    scenarios = []
    for name, auth, method, path, payload, what in present:
        client = session_client if auth == "session" else token_client

        def call(
            i: int, client: Client = client, method: str = method, path: str = path, payload: Any = payload
        ) -> Any:
            if method == "GET":
                response = client.get(path, payload(i))
            else:
                response = client.post(path, payload(i), content_type="application/json")
            if response.status_code != 200:
                raise RuntimeError(f"{method} {path}: HTTP {response.status_code} {response.content[:300]!r}")
            return response

        scenarios.append(
            Scenario(name, what, call, lambda r: f"HTTP {r.status_code}, {len(r.content) // 1024} kB")
        )
    return scenarios


def ensure_migrated() -> None:
    """Apply migrations the benchmark database misses (the code moves on; the data stays)."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        print(f"Ontbrekende migraties toepassen op de benchmarkdatabase: {[str(m) for m, _ in plan]}")
        call_command("migrate", verbosity=0)


SKIP_EXPLAIN = re.compile(r"pg_advisory|nextval|^\s*(INSERT|UPDATE|DELETE|SAVEPOINT|RELEASE)", re.IGNORECASE)


def explain(captured: list[dict[str, str]]) -> tuple[str, str]:
    """EXPLAIN (ANALYZE, BUFFERS) of the slowest captured SELECT of one call."""
    from django.db import connection

    selects = [q for q in captured if not SKIP_EXPLAIN.search(q["sql"])]
    if not selects:
        return "", ""
    slowest = max(selects, key=lambda q: float(q["time"]))
    with connection.cursor() as cur:
        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
        plan = "\n".join(r[0] for r in cur.fetchall())
    return slowest["sql"], plan


def measure(
    scenario: Scenario, *, iterations: int, warmup: int, budget: float, want_explain: bool, cpu: CpuMeter
) -> Result:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    warm_until = time.perf_counter() + budget / 4
    for i in range(warmup):
        scenario.call(i)
        if time.perf_counter() > warm_until and i >= 2:
            break  # a very slow scenario is warm after a few calls
    counts: list[int] = []
    slowest = 0.0
    captured: list[dict[str, str]] = []
    for i in range(3):
        with CaptureQueriesContext(connection) as ctx:
            result = scenario.call(warmup + i)
        counts.append(len(ctx.captured_queries))
        captured = list(ctx.captured_queries)
        slowest = max([slowest, *(float(q["time"]) * 1000 for q in captured)])
    load_before = load_text()
    times: list[float] = []
    cpu_before = cpu.read()
    deadline = time.perf_counter() + budget
    for i in range(iterations):
        started = time.perf_counter()
        scenario.call(i)
        times.append((time.perf_counter() - started) * 1000)
        if started > deadline and len(times) >= 20:
            break  # a very slow scenario: enough samples for p50/p95, report how many
    cpu_ms = (cpu.read() - cpu_before) * 1000 / len(times)
    load_after = load_text()
    times.sort()
    res = Result(
        name=scenario.name,
        what=scenario.what,
        queries=counts,
        p50=percentile(times, 50),
        p95=percentile(times, 95),
        max=times[-1],
        mean=statistics.fmean(times),
        iterations=len(times),
        cpu_ms=cpu_ms,
        result_size=scenario.size(result),
        slowest_query_ms=slowest,
        load_before=load_before,
        load_after=load_after,
    )
    res.captured = [(float(q["time"]) * 1000, " ".join(q["sql"].split())) for q in captured]
    if len(times) < iterations:
        res.notes.append(f"na {len(times)} iteraties gestopt (tijdsbudget {budget:.0f} s)")
    if len(set(counts)) > 1:
        res.notes.append(f"aantal queries wisselt: {counts}")
    if want_explain:
        sql, plan = explain(captured)
        res.explain = f"-- {sql}\n{plan}"
    return res


def print_table(results: list[Result]) -> None:
    """A Markdown table; ✗ marks a p95 at or over the 50 ms goal."""
    columns = [
        "scenario",
        "queries",
        "n",
        "p50 ms",
        "p95 ms",
        "max ms",
        "CPU ms/call",
        "slowest q ms",
        "result",
        "load",
    ]
    rows = []
    for r in results:
        queries = str(r.queries[0]) if len(set(r.queries)) == 1 else "/".join(map(str, r.queries))
        rows.append(
            [
                r.name,
                queries,
                str(r.iterations),
                f"{r.p50:.1f}",
                f"{r.p95:.1f}" + (" ✗" if r.p95 >= GOAL_MS else ""),
                f"{r.max:.1f}",
                f"{r.cpu_ms:.1f}",
                f"{r.slowest_query_ms:.0f}",
                r.result_size,
                r.load_after,
            ]
        )
    widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(columns)] if rows else []
    print("| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) + " |")


def argument_parser(description: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_database_argument(parser)
    add_settings_argument(parser)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument(
        "--budget",
        type=float,
        default=120.0,
        help="seconden per scenario; daarna stoppen (minstens 20 iteraties)",
    )
    parser.add_argument("--explain", action="store_true", help="EXPLAIN (ANALYZE, BUFFERS) van de hoofdquery")
    parser.add_argument(
        "--show-queries", action="store_true", help="elke query van één aanroep met zijn tijd"
    )
    parser.add_argument("--only", nargs="*", default=[], help="alleen scenario's waarvan de naam dit bevat")
    parser.add_argument("--json", default="", help="resultaten ook als JSON naar dit bestand")
    return parser


@dataclass
class Context:
    user: Any
    partner: Any
    data: dict[str, list[Any]]
    summary: dict[str, Any]


def prepare(args: argparse.Namespace) -> Context:
    """Start Django on the benchmark database, apply --set, print what is measured on what."""
    setup_django(args.database_url)
    ensure_migrated()
    session_settings = apply_session_settings(args.set)

    from regie.accounts.models import User

    user = User.objects.select_related("organisation").get(username="procesregisseur")
    partner = User.objects.select_related("organisation").get(username="politie")
    summary = dataset_summary(user)
    summary["session_settings"] = dict(session_settings)
    print(
        f"Regie-benchmark {date.today().isoformat()} op {platform.node()} ({os.cpu_count()} cores), "
        f"PostgreSQL {summary['postgres']}, shared_buffers {summary['shared_buffers']}, "
        f"random_page_cost {summary['random_page_cost']}, jit {summary['jit']}"
        + (f", sessie: {', '.join(f'{k}={v}' for k, v in session_settings)}" if session_settings else "")
    )
    print(
        f"Data: {summary.get('cases_case', 0):,} casussen, {summary.get('subjects_person', 0):,} personen, "
        f"{summary.get('cases_casemember', 0):,} teamleden, {summary.get('cases_casesubject', 0):,} betrokkenen, "
        f"{summary.get('cases_note', 0):,} notities; procesregisseur ziet {summary['visible_to_user']:,} casussen "
        f"({summary['open_visible_to_user']:,} niet gesloten)"
    )
    print(f"Load vooraf (1/5/15 min): {load_text()}; {args.iterations} iteraties na {args.warmup} warm-up\n")
    return Context(user=user, partner=partner, data=pools(user), summary=summary)


def run_scenarios(args: argparse.Namespace, ctx: Context, scenarios: list[Scenario]) -> list[Result]:
    """Measure, print the table (and the queries / plans when asked), write JSON when asked."""
    if args.only:
        scenarios = [s for s in scenarios if any(o in s.name for o in args.only)]
    cpu = CpuMeter()
    if not cpu.includes_database:
        print("CPU ms/call telt alleen dit proces (geen ingebouwde server gevonden).")
    results = []
    for scenario in scenarios:
        print(f"… {scenario.name}: {scenario.what}", flush=True)
        try:
            res = measure(
                scenario,
                iterations=args.iterations,
                warmup=args.warmup,
                budget=args.budget,
                want_explain=args.explain,
                cpu=cpu,
            )
        except RuntimeError as exc:
            print(f"  overgeslagen: {exc}")
            continue
        results.append(res)
        print(
            f"  p50 {res.p50:.1f} ms, p95 {res.p95:.1f} ms, CPU {res.cpu_ms:.1f} ms/aanroep, "
            f"{res.queries[0]} queries, load {res.load_after}",
            flush=True,
        )
    print()
    print_table(results)
    for r in results:
        for note in r.notes:
            print(f"! {r.name}: {note}")
    if args.show_queries:
        for r in results:
            print(f"\n--- {r.name}: queries van één aanroep (ms, begin van de SQL) ---")
            for ms, sql in r.captured:
                print(f"{ms:8.1f}  {sql[:150]}")
    if args.explain:
        for r in results:
            print(f"\n=== {r.name}: traagste SELECT van één aanroep ===\n{r.explain}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            payload = {
                "date": date.today().isoformat(),
                "summary": ctx.summary,
                "results": [asdict(r) for r in results],
            }
            json.dump(payload, fh, indent=1, default=str)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argument_parser(__doc__)
    parser.add_argument(
        "--no-http", action="store_true", help="de scenario's via HTTP (web en API) overslaan"
    )
    args = parser.parse_args(argv)
    ctx = prepare(args)
    scenarios = selector_scenarios(ctx.user, ctx.partner, ctx.data)
    if not args.no_http:
        scenarios += http_scenarios(ctx.user, ctx.data)
    run_scenarios(args, ctx, scenarios)


if __name__ == "__main__":
    main()
