"""Benchmark of the person-centred approach (issue 14): the procesregisseur's PGA list and one person's score
chart at 10,000 PGA persons with 20 score rounds each (13 domains: 2.6 million scores).

    .venv/bin/python benchmarks/pga.py [--persons 10000] [--rounds 20] [--iterations 200] [--show-queries]

It uses its own database (`regie_bench_pga` on the embedded server under benchmarks/.data, or --database-url),
builds the data once (persons, cases, referrals and PGA cases with bulk inserts, scores with COPY) and then GETs
`/pga` and `/pga/casussen/<id>` through Django's test client as the procesregisseur, who coordinates every case:
the worst case for the list. Reports p50/p95 server time and SQL queries per request.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

DB_NAME = "regie_bench_pga"


def _setup(database_url: str) -> None:
    common.configure_environment(database_url)
    if not database_url:
        os.environ["REGIE_EMBEDDED_DB_NAME"] = DB_NAME
    import django

    django.setup()
    from django.conf import settings

    if not database_url and settings.DATABASES["default"]["NAME"] != DB_NAME:
        sys.exit("Weigering: de database is niet de benchmarkdatabase.")


def _generate(persons: int, rounds: int) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from regie.accounts.models import User
    from regie.cases.models import Case, CaseSubject, CaseType
    from regie.demo.accounts import seed_accounts
    from regie.pga.models import PgaCase, Referral, ReferralStatus, ZrmDomain, ZrmVersion
    from regie.subjects.models import Person

    with common.Stopwatch("migreren en accounts"):
        call_command("migrate", interactive=False, verbosity=0)
        seed_accounts()
    if PgaCase.objects.count() >= persons:
        print(f"✓ {PgaCase.objects.count()} PGA-casussen staan er al")
        return
    director = User.objects.get(username="procesregisseur")
    assert director.organisation is not None
    municipality = director.organisation.municipality
    case_type, _ = CaseType.objects.get_or_create(
        code="pga-casus",
        defaults={"label": "PGA", "default_categories": ["general", "care", "justice"], "retention_years": 5},
    )
    zrm = ZrmVersion.objects.get(code="zrm-volwassenen")
    domains = list(ZrmDomain.objects.filter(version=zrm))
    today = timezone.localdate()
    rng = random.Random(14)
    with common.Stopwatch(f"{persons} personen, casussen, aanmeldingen en PGA-casussen"):
        people = [
            Person(surname=f"Bench{i}", given_names="Test", sort_name=f"bench{i:06d}") for i in range(persons)
        ]
        Person.objects.bulk_create(people, batch_size=2000)
        cases = [
            Case(
                number=f"B{i:06d}",
                municipality=municipality,
                case_type=case_type,
                title=f"PGA {i}",
                coordinator=director,
            )
            for i in range(persons)
        ]
        Case.objects.bulk_create(cases, batch_size=2000)
        CaseSubject.objects.bulk_create(
            [CaseSubject(case=c, role="betrokkene", person=p) for c, p in zip(cases, people, strict=True)],
            batch_size=2000,
        )
        referrals = [
            Referral(
                municipality=municipality,
                person=p,
                reason="r",
                goal="g",
                referred_by=director,
                status=ReferralStatus.DECIDED,
                decision="lokale-pga",
                decision_reasons="bench",
            )
            for p in people
        ]
        Referral.objects.bulk_create(referrals, batch_size=2000)
        pga_cases = [
            PgaCase(
                case=c,
                referral=r,
                person=p,
                level="lokale-pga",
                process_director=director,
                zrm_version=zrm,
                included_on=today - timedelta(days=rng.randint(30, 700)),
            )
            for c, r, p in zip(cases, referrals, people, strict=True)
        ]
        PgaCase.objects.bulk_create(pga_cases, batch_size=2000)
    with common.Stopwatch(f"{persons * rounds * len(domains)} ZRM-scores (COPY)"):
        now = timezone.now()
        columns = "id, created_at, updated_at, pga_case_id, domain_id, score, scored_on, scored_by_id, reason"
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY pga_domainscore ({columns}) FROM STDIN") as copy,
        ):
            for pga in pga_cases:
                for r in range(rounds):
                    on = today - timedelta(days=(rounds - r) * 30)
                    for d in domains:
                        copy.write_row(
                            (
                                uuid.uuid4(),
                                now,
                                now,
                                pga.pk,
                                d.pk,
                                rng.randint(1, 5),
                                on,
                                director.pk,
                                "bench",
                            )
                        )
        with connection.cursor() as cursor:
            # COPY bypasses the score service, which keeps the work list's last score date: set it as it would.
            cursor.execute(
                "UPDATE pga_pgacase p SET last_scored_on = s.last FROM (SELECT pga_case_id, max(scored_on) AS last "
                "FROM pga_domainscore GROUP BY pga_case_id) s WHERE s.pga_case_id = p.id"
            )
            cursor.execute("ANALYZE")


def _measure(iterations: int, show_queries: bool, profile: bool = False) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from regie.accounts.models import User
    from regie.pga.models import PgaCase

    user = User.objects.get(username="procesregisseur")
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    one = PgaCase.objects.order_by("included_on").first()
    assert one is not None
    for label, url in (
        ("PGA-lijst /pga", "/pga"),
        ("scoreverloop /pga/casussen/<id>", f"/pga/casussen/{one.pk}"),
    ):
        times: list[float] = []
        cpu: list[
            float
        ] = []  # this process's CPU time per request: less skewed than wall time on a loaded machine
        queries = 0
        # Queries are counted on the warm-up calls only (as run.py does): capturing them costs time a real
        # request does not spend, so the timed calls run without it.
        for _ in range(5):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url, secure=True)
            assert response.status_code == 200, (url, response.status_code)
            queries = len(captured.captured_queries)
        for _ in range(iterations):
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, secure=True)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        times.sort()
        cpu.sort()
        if profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(50):
                client.get(url, secure=True)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        if show_queries:
            for q in captured.captured_queries:
                print(f"  {q['time']} s  {q['sql'][:400]}")
        print(
            f"{label}: p50 {common.percentile(times, 50):.1f} ms, p95 {common.percentile(times, 95):.1f} ms, "
            f"{queries} queries (Python-CPU p50 {common.percentile(cpu, 50):.1f} ms), belasting {common.load_text()}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    common.add_database_argument(parser)
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument(
        "--show-queries", action="store_true", help="print the SQL of the last request per page"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile 50 more requests per page (own time)")
    args = parser.parse_args()
    _setup(args.database_url)
    _generate(args.persons, args.rounds)
    _measure(args.iterations, args.show_queries, args.profile)


if __name__ == "__main__":
    main()
