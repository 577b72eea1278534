"""Add signals to the existing benchmark database: 5,000,000 signals over 2019-2026, for monitoring (issue 20).

    .venv/bin/python benchmarks/generate_signals.py                  # 5,000,000 signals (see README for timings)
    .venv/bin/python benchmarks/generate_signals.py --signals 200000 # a quick check
    .venv/bin/python benchmarks/generate_signals.py --replace        # throw the generated signals away first

An add-on step after `generate.py`: the cases, persons and addresses stay as they are. The categories are the
demo policy's eight (created through the intake policy service when missing). Signals come with PostgreSQL COPY
(seed fixed): a volume growing per year with seasons (more nuisance in summer and around New Year), sources
and channels that belong together, a category per signal (5% not yet categorised), urgency, the response clock
as the category promises (due moments and the first action, late for about one in six), status and decision by
age, 8% linked to a case. Six in ten signals name an address (`intake_signalsubject`, kind "adres"), so
monitoring can count per postcode area. References `M-JJJJ-NNNNNN` per year in order of receipt; the year
counters follow. Secondary indexes and foreign keys of the two tables are dropped for the load and re-created
from their saved definitions, with the same schema check as `generate.py`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import numpy as np
from common import DATA_DIR, Stopwatch, add_database_argument, connection_kwargs, setup_django
from generate import (
    CHUNK,
    DAY,
    Timestamps,
    chunks,
    copy_rows,
    day_number,
    drop_for_load,
    restore_after_load,
    uuids,
    weighted,
)

SEED = 20261207
TABLES = ("intake_signal", "intake_signalsubject")
SIGNAL_COLUMNS = (
    "id", "created_at", "updated_at", "reference", "municipality_id", "received_at", "source", "channel",
    "partner_organisation_id", "submitted_by_id", "came_from", "description", "urgency", "location_kind",
    "location_text", "reporter_name", "reporter_email", "reporter_phone", "suggested_category_id",
    "suggested_confidence", "category_id", "category_set_by_person", "processing_state", "processing_error",
    "processed_at", "queue_id", "routing_rule_id", "status", "claimed_by_id", "claimed_at", "triage_due_at",
    "first_action_due_at", "first_action_at", "reminded_at", "escalated_at", "decision", "decision_reason",
    "decided_by_id", "decided_at", "case_id", "referred_to_id", "referral_shared", "merged_into_id",
    "status_code_hash", "version",
)  # fmt: skip
SUBJECT_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "signal_id",
    "kind",
    "role",
    "data",
    "suggestions",
    "address_id",
)

# (source, channel, weight): who reports, and how.
SOURCES = [
    ("medewerker", "formulier", 22),
    ("partner", "api", 18),
    ("partner", "formulier", 12),
    ("inwoner", "publiek-formulier", 30),
    ("ondernemer", "publiek-formulier", 5),
    ("inspectie", "inspectie", 6),
    ("anoniem", "publiek-formulier", 7),
]
# category code → (weight, location kind, what the signal says)
CATEGORY_TEXT = {
    "overlast": (30, "area", "Aanhoudende overlast van een groep jongeren bij het winkelcentrum."),
    "zorg-en-veiligheid": (20, "woning", "Zorgen over een bewoner die verward op straat loopt."),
    "drugs": (12, "woning", "Sterke hennepgeur en veel aanloop aan de achterdeur."),
    "ondermijning": (8, "business-unit", "Bedrijfspand met dichte rolluiken, 's nachts veel verkeer."),
    "permanente-bewoning": (6, "park-lot", "Chalet op het vakantiepark lijkt het hele jaar bewoond."),
    "adreskwaliteit": (8, "woning", "Op dit adres staan meer mensen ingeschreven dan er wonen."),
    "digitale-criminaliteit": (6, "online", "Inwoner opgelicht via een nep-betaalverzoek."),
    "overig": (10, "", "Melding over een onveilige situatie in de buurt."),
}
# Seasons: nuisance rises in summer and around New Year (fireworks); January-December.
SEASON = [1.15, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.2, 1.0, 0.95, 1.0, 1.25]
DECISIONS = [("nieuwe-casus", 8), ("bestaande-casus", 10), ("doorverwezen", 30), ("gesloten", 52)]


def ensure_categories() -> dict[str, tuple[str, int]]:
    """The demo policy's categories (created through the service when missing): code → (id, first action days)."""
    from regie.demo.intake import CATEGORIES
    from regie.intake.models import SignalCategory
    from regie.intake.services import policy

    for position, (code, label, triage, first, hours) in enumerate(CATEGORIES, start=1):
        if not SignalCategory.objects.filter(code=code).exists():
            policy.category_create(
                actor=None,
                code=code,
                label=label,
                triage_days=triage,
                first_action_days=first,
                urgent_hours=hours,
                position=position,
            )
    return {c.code: (c.pk.hex, c.first_action_days) for c in SignalCategory.objects.all()}


def load_world(conn: Any) -> dict[str, Any]:
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM accounts_municipality ORDER BY created_at LIMIT 1")
        municipality = cur.fetchone()[0].hex
        cur.execute("SELECT id FROM accounts_organisation WHERE kind = 'partner' ORDER BY id")
        partners = [r[0].hex for r in cur.fetchall()]
        cur.execute("SELECT id FROM subjects_address ORDER BY id")
        addresses = [r[0].hex for r in cur.fetchall()]
        cur.execute("SELECT id FROM cases_case ORDER BY id")
        cases = [r[0].hex for r in cur.fetchall()]
    if not addresses or not cases:
        sys.exit("Eerst benchmarks/generate.py: er zijn nog geen adressen of casussen.")
    return {"municipality": municipality, "partners": partners, "addresses": addresses, "cases": cases}


def received_moments(n: int, first_year: int, rng: np.random.Generator) -> np.ndarray:
    """Sorted epoch seconds: per month a weight growing 10% a year, times the season, up to now."""
    now = int(time.time())
    months = []
    year, month = first_year, 1
    while day_number(date(year, month, 1)) * DAY < now:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    starts = np.array([day_number(date(y, m, 1)) * DAY for y, m in months], dtype=np.int64)
    ends = np.append(starts[1:], now)
    ends = np.minimum(ends, now)
    weights = [
        (1 + 0.1 * (y - first_year)) * SEASON[m - 1] * (e - s) / (30 * DAY)
        for (y, m), s, e in zip(months, starts.tolist(), ends.tolist(), strict=True)
    ]
    idx = weighted(rng, weights, n)
    return np.sort(starts[idx] + (rng.random(n) * (ends[idx] - starts[idx])).astype(np.int64))


def signal_rows(
    n: int, world: dict[str, Any], categories: dict[str, tuple[str, int]], rng: np.random.Generator, out: dict
) -> Iterator[tuple[str, int]]:
    stamp = Timestamps()
    now = int(time.time())
    received = received_moments(n, 2019, rng)
    ids = uuids(rng, n)
    out["ids"] = ids
    source_idx = weighted(rng, [w for *_, w in SOURCES], n)
    codes = list(CATEGORY_TEXT)
    cat_idx = weighted(rng, [CATEGORY_TEXT[c][0] for c in codes], n)
    uncategorised = rng.random(n) < 0.05
    urgent = rng.random(n) < 0.05
    late = rng.random(n) < 0.16
    acted_fraction = rng.random(n)
    decision_idx = weighted(rng, [w for _, w in DECISIONS], n)
    partner_idx = rng.integers(0, max(1, len(world["partners"])), n)
    case_idx = rng.integers(0, len(world["cases"]), n)
    with_case = rng.random(n) < 0.08
    counters: dict[int, int] = {}
    municipality = world["municipality"]
    for start, end in chunks(n, CHUNK):
        lines = []
        for k in range(start, end):
            t = int(received[k])
            ts = stamp(t)
            year = int(ts[:4])
            counters[year] = counters.get(year, 0) + 1
            reference = f"M-{year}-{counters[year]:06d}"
            source, channel, _ = SOURCES[source_idx[k]]
            partner = (
                world["partners"][partner_idx[k]] if source == "partner" and world["partners"] else "\\N"
            )
            code = codes[cat_idx[k]]
            category_id, first_days = categories[code]
            _, location_kind, text = CATEGORY_TEXT[code]
            category = "\\N" if uncategorised[k] else category_id
            age = now - t
            is_urgent = urgent[k]
            clock = (6 * 3600 if is_urgent else int(first_days * 1.4 * DAY)) if not uncategorised[k] else 0
            triage_due = stamp(t + clock // 2) if clock else "\\N"
            first_due = stamp(t + clock) if clock else "\\N"
            acted_at_s = (
                t + int(clock * (1.2 + acted_fraction[k] * 2) if late[k] else clock * acted_fraction[k])
                if clock
                else 0
            )
            acted = clock and acted_at_s < now
            first_action = stamp(acted_at_s) if acted else "\\N"
            done = age > 45 * DAY or (acted and age > 10 * DAY)
            status = "afgehandeld" if done else ("opgepakt" if acted else "nieuw")
            decision = DECISIONS[decision_idx[k]][0] if done else ""
            decided_at = stamp(max(acted_at_s, t + 3600)) if done else "\\N"
            case = world["cases"][case_idx[k]] if with_case[k] and done else "\\N"
            lines.append(
                f"{ids[k]}\t{ts}\t{ts}\t{reference}\t{municipality}\t{ts}\t{source}\t{channel}\t{partner}\t\\N\t"
                f"\t{text}\t{'urgent' if is_urgent else 'normaal'}\t{location_kind}\t\t\t\t\t\\N\t\\N\t"
                f"{category}\tf\tok\t\t{ts}\t\\N\t\\N\t{status}\t\\N\t\\N\t{triage_due}\t{first_due}\t"
                f"{first_action}\t\\N\t\\N\t{decision}\t\t\\N\t{decided_at}\t{case}\t\\N\t\t\\N\t\t1\n"
            )
        yield "".join(lines), end - start
    out["counters"] = counters
    out["received"] = received


def subject_rows(
    n: int, world: dict[str, Any], rng: np.random.Generator, out: dict
) -> Iterator[tuple[str, int]]:
    """Six in ten signals name an address (pointing at an existing `subjects_address`)."""
    stamp = Timestamps()
    chosen = np.flatnonzero(rng.random(n) < 0.6)
    out["subjects"] = len(chosen)
    ids = uuids(rng, len(chosen))
    address_idx = rng.integers(0, len(world["addresses"]), len(chosen))
    signal_ids, received = out["ids"], out["received"]
    for start, end in chunks(len(chosen), CHUNK):
        lines = []
        for j in range(start, end):
            k = int(chosen[j])
            ts = stamp(int(received[k]))
            lines.append(
                f"{ids[j]}\t{ts}\t{ts}\t{signal_ids[k]}\tadres\tbetrokkene\t{{}}\t[]\t"
                f"{world['addresses'][address_idx[j]]}\n"
            )
        yield "".join(lines), end - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_database_argument(parser)
    parser.add_argument("--signals", type=int, default=5_000_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--replace", action="store_true", help="de signalen eerst weggooien")
    args = parser.parse_args(argv)
    setup_django(args.database_url)
    import psycopg

    from regie.intake.models import Signal, SignalSubject

    # The COPY columns must be the model's (a new field on Signal would otherwise go missing silently).
    model_columns = [f.column for f in Signal._meta.concrete_fields]
    if tuple(model_columns) != SIGNAL_COLUMNS:
        sys.exit(f"De kolommen van Signal zijn veranderd: {model_columns}")
    subject_required = {f.column for f in SignalSubject._meta.concrete_fields if not f.null}
    if not subject_required <= set(SUBJECT_COLUMNS):
        sys.exit(f"SignalSubject heeft nieuwe verplichte kolommen: {subject_required - set(SUBJECT_COLUMNS)}")
    started = time.perf_counter()
    conn = psycopg.connect(**connection_kwargs())  # type: ignore[arg-type]
    with conn.cursor() as cur:
        cur.execute("SELECT EXISTS (SELECT 1 FROM intake_signal)")
        if cur.fetchone()[0]:
            if not args.replace:
                sys.exit(
                    "intake_signal is niet leeg: draai opnieuw met --replace om de signalen te vervangen."
                )
            cur.execute(
                "TRUNCATE intake_signal, intake_signalsubject, intake_signalevent, intake_signalcounter"
            )
        cur.execute("SET synchronous_commit = off")
    conn.commit()
    rng = np.random.default_rng(args.seed)
    with Stopwatch("categorieën, gemeente, partners, adressen en casussen"):
        categories = ensure_categories()
        world = load_world(conn)
        print(
            f"  {len(categories)} categorieën, {len(world['addresses']):,} adressen, {len(world['cases']):,} casussen"
        )
    out: dict[str, Any] = {}
    snapshot: dict[str, list[list[str]]] = {}
    with Stopwatch("indexen en foreign keys tijdelijk weg"):
        snapshot.update(drop_for_load(conn, DATA_DIR / "schema-before-signals.json", TABLES))
    with Stopwatch("signalen"):
        copy_rows(
            conn,
            "intake_signal",
            SIGNAL_COLUMNS,
            args.signals,
            signal_rows(args.signals, world, categories, rng, out),
        )
    with Stopwatch("adressen bij signalen"):
        copy_rows(
            conn,
            "intake_signalsubject",
            SUBJECT_COLUMNS,
            int(args.signals * 0.6),
            subject_rows(args.signals, world, rng, out),
        )
    with Stopwatch("referentietellers"), conn.cursor() as cur:
        for year, last in sorted(out["counters"].items()):
            cur.execute(
                "INSERT INTO intake_signalcounter (year, last) VALUES (%s, %s) "
                "ON CONFLICT (year) DO UPDATE SET last = EXCLUDED.last",
                [year, last],
            )
        conn.commit()
        print(f"  signalen per jaar: {dict(sorted(out['counters'].items()))}")
    with Stopwatch("indexen en foreign keys terugzetten"):
        restore_after_load(conn, snapshot, TABLES)
    with Stopwatch("VACUUM (ANALYZE)"):
        conn.autocommit = True
        with conn.cursor() as cur:
            for table in TABLES:
                cur.execute(f"VACUUM (ANALYZE) {table}")
        conn.autocommit = False
    conn.close()
    print(
        f"Klaar in {(time.perf_counter() - started) / 60:.1f} min: {args.signals:,} signalen, "
        f"{out['subjects']:,} adressen erbij."
    )


if __name__ == "__main__":
    main()
