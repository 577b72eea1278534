"""Benchmark of the case meetings (issue 15): the agenda of a meeting with 40 case items, for an attendee who is a
party to 5 of them, at a million cases (the database of benchmarks/generate.py).

    .venv/bin/python benchmarks/meetings.py [--iterations 200] [--show-queries]

It creates, once and through the ORM, a series "Benchmark casusoverleg" chaired by `procesregisseur`, a meeting
next month with 40 open cases the chair coordinates on its agenda, and `ggz` as attendee, on the team of exactly 5
of those cases (idempotent: a second run reuses them). Then it GETs the meeting page and the API's meeting as
`ggz` (5 of 40 visible) and as the chair (40 of 40), and reports p50/p95 server time and SQL queries per request:
the same number of queries for 5 and for 40 visible items is the "constant queries" the issue asks.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

SERIES = "Benchmark casusoverleg"
ITEMS = 40
PARTY_TO = 5


def _prepare() -> str:
    """The series, meeting, attendee, agenda and team memberships, if missing; returns the meeting's id."""
    from django.db import transaction
    from django.utils import timezone

    from regie.access.case_access import cases_visible_to
    from regie.accounts.models import User
    from regie.cases.models import Case, CaseMember, CaseStatus
    from regie.meetings.models import AgendaItem, Cadence, Meeting, MeetingAttendee, MeetingSeries

    chair = User.objects.select_related("organisation").get(username="procesregisseur")
    attendee = User.objects.select_related("organisation").get(username="ggz")
    assert chair.organisation is not None
    with transaction.atomic():
        series, _ = MeetingSeries.objects.get_or_create(
            municipality=chair.organisation.municipality,
            name=SERIES,
            defaults={
                "purpose": "Benchmark: casussen bespreken",
                "legal_basis": "WGS",
                "cadence": Cadence.WEEKLY,
                "chair": chair,
                "created_by": chair,
            },
        )
        meeting = Meeting.objects.filter(series=series, starts_at__gt=timezone.now()).first()
        if meeting is None:
            meeting = Meeting.objects.create(
                series=series,
                starts_at=timezone.now() + timedelta(days=30),
                place="Stadhuis",
                created_by=chair,
            )
        MeetingAttendee.objects.get_or_create(meeting=meeting, user=attendee, defaults={"added_by": chair})
        if AgendaItem.objects.filter(meeting=meeting).count() < ITEMS:
            AgendaItem.objects.filter(meeting=meeting).delete()
            seen = set(cases_visible_to(attendee).values_list("pk", flat=True)[:100000])
            pool = list(
                Case.objects.filter(coordinator=chair)
                .exclude(status=CaseStatus.CLOSED)
                .order_by("number")
                .values_list("pk", flat=True)[:400]
            )
            hidden = [c for c in pool if c not in seen][: ITEMS - PARTY_TO]
            party = [c for c in pool if c in seen][:PARTY_TO]
            for case_id in [c for c in pool if c not in hidden and c not in party][: PARTY_TO - len(party)]:
                CaseMember.objects.create(
                    case_id=case_id,
                    user=attendee,
                    case_role="zorgpartner",
                    categories=["general", "care"],
                )
                party.append(case_id)
            cases = party + hidden
            assert len(cases) == ITEMS, len(cases)
            AgendaItem.objects.bulk_create(
                [
                    AgendaItem(
                        meeting=meeting,
                        position=i + 1,
                        case_id=c,
                        question="Wie neemt de regie?",
                        added_by=chair,
                    )
                    for i, c in enumerate(sorted(cases, key=str))
                ]
            )
    return str(meeting.pk)


def _client(username: str):  # type: ignore[no-untyped-def]
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from regie.accounts.models import User

    user = User.objects.get(username=username)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _measure(meeting_id: str, iterations: int, show_queries: bool) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regie.access.meetings_access import get_meeting_for
    from regie.accounts.models import User

    ggz = User.objects.get(username="ggz")
    visible = len(get_meeting_for(ggz, meeting_id, log=False).items)
    print(f"agenda van {ITEMS} punten; ggz ziet er {visible}")
    for who, label, url, accept in (
        ("ggz", "agenda als deelnemer (5 van 40)", f"/overleggen/{meeting_id}", "text/html"),
        ("ggz", "API-overleg als deelnemer (5 van 40)", f"/api/v1/meetings/{meeting_id}", "application/json"),
        ("procesregisseur", "agenda als voorzitter (40 van 40)", f"/overleggen/{meeting_id}", "text/html"),
    ):
        client = _client(who)
        times: list[float] = []
        sql: list[float] = []
        queries = 0
        for i in range(iterations + 5):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url, secure=True, HTTP_ACCEPT=accept)
                elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (url, response.status_code)
            if i >= 5:  # warm-up
                times.append(elapsed)
                sql.append(sum(float(q["time"] or 0) for q in captured.captured_queries) * 1000)
                queries = len(captured.captured_queries)
        times.sort()
        sql.sort()
        if show_queries:
            for q in captured.captured_queries:
                print(f"  {q['time']} s  {q['sql'][:300]}")
        print(
            f"{label}: p50 {common.percentile(times, 50):.1f} ms, p95 {common.percentile(times, 95):.1f} ms, "
            f"{queries} queries (SQL-tijd p50 {common.percentile(sql, 50):.1f} ms), belasting {common.load_text()}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    common.add_database_argument(parser)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument(
        "--show-queries", action="store_true", help="print the SQL of the last request per page"
    )
    args = parser.parse_args()
    common.setup_django(args.database_url)
    from run import ensure_migrated

    ensure_migrated()
    meeting_id = _prepare()
    _measure(meeting_id, args.iterations, args.show_queries)


if __name__ == "__main__":
    main()
