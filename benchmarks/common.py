"""Shared set-up for the benchmark scripts: which database, Django start-up and small statistics helpers.

The benchmark never touches the development or test database. Without `--database-url` it uses its own
embedded PostgreSQL server under `benchmarks/.data` (database `regie_bench`); a `DATABASE_URL` in the
environment is ignored on purpose, so a developer's shell setting cannot point the generator at real data.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / ".data"
EMBEDDED_DB_NAME = "regie_bench"
BENCH_URL_ENV = "REGIE_BENCH_DATABASE_URL"


def add_database_argument(parser: argparse.ArgumentParser) -> None:
    """`--database-url`: a PostgreSQL URL for a dedicated benchmark database (default: embedded server)."""
    parser.add_argument(
        "--database-url",
        default=os.environ.get(BENCH_URL_ENV, ""),
        help=(
            f"PostgreSQL URL of a separate benchmark database (or set {BENCH_URL_ENV}); default: the "
            f"embedded server under benchmarks/.data with database {EMBEDDED_DB_NAME}"
        ),
    )


def configure_environment(database_url: str) -> None:
    """Point Regie's settings at the benchmark database; call before anything imports Django settings."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)  # never inherit the developer's database
        os.environ["REGIE_DATA_DIR"] = str(DATA_DIR)
        os.environ["REGIE_EMBEDDED_DB_NAME"] = EMBEDDED_DB_NAME
    os.environ.pop("REGIE_DEMO", None)
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret-" + "0123456789" * 5)
    os.environ.setdefault("REGIE_LOG_PSEUDONYM_KEY", "benchmark-only-log-pseudonym-key-0123456789")
    # Outside the data directory, as production requires (decision 0014); .data* is git-ignored.
    os.environ.setdefault("REGIE_LOG_SIGNING_KEY_FILE", str(BENCH_DIR / ".data-secrets" / "log-signing-key.pem"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "regie.settings"
    os.environ.setdefault("REGIE_LOG_LEVEL", "WARNING")


def setup_django(database_url: str) -> None:
    """Configure the environment, start Django, and refuse to go on if the database is not the bench one."""
    configure_environment(database_url)
    import django

    django.setup()
    from django.conf import settings

    db = settings.DATABASES["default"]
    if not database_url and (db["NAME"] != EMBEDDED_DB_NAME or str(DATA_DIR) not in str(db["HOST"])):
        sys.exit(f"Weigering: de database is niet de benchmarkdatabase ({db['NAME']} op {db['HOST']}).")


def add_settings_argument(parser: argparse.ArgumentParser) -> None:
    """`--set name=value`: PostgreSQL settings for the measuring session, e.g. random_page_cost=1.1."""
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAAM=WAARDE",
        help="PostgreSQL-instelling voor de meetsessie (herhaalbaar), bijv. random_page_cost=1.1",
    )


def apply_session_settings(pairs: Sequence[str]) -> list[tuple[str, str]]:
    """SET these on every database connection Django opens from now on (and on the open one)."""
    from django.db import connection
    from django.db.backends.signals import connection_created

    settings: list[tuple[str, str]] = []
    for pair in pairs:
        name, _, value = pair.partition("=")
        if not re.fullmatch(r"[a-z_.]+", name) or not value:
            sys.exit(f"--set verwacht naam=waarde, niet {pair!r}")
        settings.append((name, value))

    def apply(sender: object, connection: Any, **kwargs: object) -> None:
        with connection.cursor() as cursor:
            for name, value in settings:
                cursor.execute(f"SET {name} = '{value.replace(chr(39), chr(39) * 2)}'")

    if settings:
        connection_created.connect(apply, weak=False)
        if connection.connection is not None:
            apply(None, connection)
    return settings


def connection_kwargs() -> dict[str, object]:
    """psycopg connection arguments for the configured database (Django must be set up)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    kwargs: dict[str, object] = {"dbname": db["NAME"], "user": db["USER"] or None, "host": db["HOST"] or None}
    if db.get("PORT"):
        kwargs["port"] = int(db["PORT"])
    if db.get("PASSWORD"):
        kwargs["password"] = db["PASSWORD"]
    return {k: v for k, v in kwargs.items() if v is not None}


def percentile(sorted_values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def load_text() -> str:
    """The machine's load average (1/5/15 min): the benchmark shares 2 cores with other work."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}/{five:.2f}/{fifteen:.2f}"


class CpuMeter:
    """CPU seconds of this process plus every process of the embedded benchmark PostgreSQL server.

    On a shared machine wall-clock time includes waiting for a core; CPU time per call does not, so it is the
    better estimate of what a call costs on an idle machine. Parallel workers that exit are counted through
    the postmaster's children times. Without the embedded server (a --database-url) only this process counts.
    """

    def __init__(self) -> None:
        self.postmaster = None
        pid_file = DATA_DIR / "pg" / "postmaster.pid"
        if "DATABASE_URL" not in os.environ and pid_file.exists():
            import psutil

            try:
                self.postmaster = psutil.Process(int(pid_file.read_text().split()[0]))
            except (psutil.Error, ValueError, IndexError):
                self.postmaster = None

    @property
    def includes_database(self) -> bool:
        return self.postmaster is not None

    def read(self) -> float:
        total = time.process_time()
        if self.postmaster is None:
            return total
        import psutil

        times = self.postmaster.cpu_times()
        total += times.user + times.system + times.children_user + times.children_system
        for child in self.postmaster.children():
            try:
                child_times = child.cpu_times()
            except psutil.Error:
                continue
            total += child_times.user + child_times.system
        return total


class Stopwatch:
    """Prints a step and its duration: `with Stopwatch("personen"): ...`."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.start = 0.0
        self.seconds = 0.0

    def __enter__(self) -> Stopwatch:
        self.start = time.perf_counter()
        print(f"… {self.label}", flush=True)
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
        print(f"✓ {self.label}: {self.seconds:.1f} s", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_regie(
    env: dict[str, str],
    *,
    port: int,
    threads: int,
    workers: int,
    worker_args: Sequence[str] | None,
    log_path: Path,
    worker_nice: int = 0,
) -> list[subprocess.Popen[bytes]]:
    """`regie serve` (and, unless `worker_args` is None, `regie worker` with those options, at `nice` priority
    `worker_nice`) as subprocesses with the benchmark environment, their output in `log_path`; returns once
    /healthz answers 200."""
    import requests

    regie = str(PROJECT_DIR / ".venv" / "bin" / "regie")
    log = open(log_path, "ab")  # noqa: SIM115 - closed with the processes
    serve = [regie, "serve", "--port", str(port), "--threads", str(threads), "--workers", str(workers)]
    processes = [subprocess.Popen(serve, env=env, stdout=log, stderr=log)]
    if worker_args is not None:
        niced = ["nice", "-n", str(worker_nice)] if worker_nice else []  # nice execs: the pid stays the worker's
        processes.append(
            subprocess.Popen([*niced, regie, "worker", *worker_args], env=env, stdout=log, stderr=log)
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return processes
        except requests.RequestException:
            time.sleep(0.5)
    stop_processes(processes)
    raise SystemExit(f"de webserver kwam niet op; zie {log_path}")


def stop_processes(processes: Sequence[subprocess.Popen[bytes]]) -> None:
    """SIGTERM (a graceful stop), and a kill for what has not stopped after 20 s."""
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()


def setup_own_database(database_url: str, name: str) -> None:
    """Start Django on a benchmark's own embedded database `name` (or on `database_url`) and migrate it: for the
    log benchmarks, which must not touch the 1M cases of `regie_bench`."""
    configure_environment(database_url)
    if not database_url:
        os.environ["REGIE_EMBEDDED_DB_NAME"] = name
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
