"""Fault scenario (issue 19, item 6): a worker is killed (SIGKILL) in the middle of a job; the job must run again on
another worker and its effect must happen once.

    .venv/bin/python benchmarks/fault_worker.py [--kill-after-months 3] [--timeout 420]

It builds its own installation in a temporary directory (embedded PostgreSQL, `regie migrate`, `regie seed-demo`
with its 24 months of history and rollups), defers the analist's rebuild of the monitoring figures (36 months), starts
`regie worker`, kills it with SIGKILL once the run has done --kill-after-months months, and starts a second worker.
`core.retry_stalled_jobs` must put the job back once the dead worker's heartbeat is 60 s old; the job then runs
again and takes over its broken-off run. It prints the job's attempts and status and the runs, then rebuilds the
same months once more with `regie monitoring rebuild`, and exits 1 unless the job succeeded, exactly one run for it
finished, and the retried job left exactly the figures of that clean rebuild (nothing counted twice, nothing lost).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import faults

REGIE = faults.REGIE


def _wait(what: str, check, timeout: float, every: float = 1.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise SystemExit(f"Time-out: {what}")


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([REGIE, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kill-after-months", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=420)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="regie-worker-fault-"))
    env = faults._env(work / "data")
    workers: list[subprocess.Popen[bytes]] = []
    try:
        started = time.monotonic()
        subprocess.run([REGIE, "migrate", "-v0"], env=env, check=True, capture_output=True)
        subprocess.run([REGIE, "seed-demo"], env=env, check=True, capture_output=True)
        print(f"installatie met demodata: {time.monotonic() - started:.0f} s")
        os.environ.update(env)
        os.environ["DJANGO_SETTINGS_MODULE"] = "regie.settings"
        import django

        django.setup()
        from django.db import connection
        from procrastinate.contrib.django import app

        from regie.monitoring.models import RollupRun, RollupValue, RunStatus
        from regie.monitoring.services.rollups import REBUILD_TASK

        figures_before = RollupValue.objects.count()
        job_id = app.configure_task(name=REBUILD_TASK).defer(from_month="2024-01-01", username="analist")
        connection.close()

        def run_of_job() -> RollupRun | None:
            found = RollupRun.objects.filter(job_id=job_id).order_by("created_at").first()
            connection.close()
            return found

        def job_row() -> tuple[str, int]:
            with connection.cursor() as cursor:
                cursor.execute("SELECT status, attempts FROM procrastinate_jobs WHERE id = %s", [job_id])
                status, attempts = cursor.fetchone()
            connection.close()
            return str(status), int(attempts)

        workers.append(_worker(env))

        def far_enough() -> RollupRun | None:
            run = run_of_job()
            return run if run and run.months_done >= args.kill_after_months else None

        run = _wait("de berekening begint", far_enough, 120, every=0.2)
        os.kill(workers[0].pid, signal.SIGKILL)
        workers[0].wait(10)
        killed_at = time.monotonic()
        print(f"worker gedood met SIGKILL na {run.months_done} van {run.months_total} maanden (taak {job_id})")
        workers.append(_worker(env))

        def finished() -> tuple[str, int] | None:
            status, attempts = job_row()
            return (status, attempts) if status in {"succeeded", "failed"} else None

        status, attempts = _wait("de taak loopt opnieuw en eindigt", finished, args.timeout, every=5)
        print(f"taak {job_id}: {status} na {time.monotonic() - killed_at:.0f} s, pogingen {attempts}")
        runs = list(RollupRun.objects.filter(job_id=job_id).order_by("created_at"))
        for r in runs:
            error = f" — {r.error}" if r.error else ""
            progress = f"{r.months_done}/{r.months_total} maanden, {r.figures} cijfers"
            print(f"  berekening {r.get_status_display():8} {progress}{error}")
        def figures() -> set[tuple[object, ...]]:
            rows = set(
                RollupValue.objects.values_list("indicator", "month", "area", "dimension", "member", "value", "base")
            )
            connection.close()
            return rows

        after_retry = figures()
        # The same months computed once more by a clean run: the retried job must have left exactly these figures.
        subprocess.run([REGIE, "monitoring", "rebuild", "--from", "2024-01"], env=env, check=True, capture_output=True)
        clean = figures()
        print(
            f"cijfers: voor de taak {figures_before}, na de herhaalde taak {len(after_retry)}, "
            f"na een schone herberekening {len(clean)}; verschil {len(after_retry ^ clean)}"
        )
        done = [r for r in runs if r.status == RunStatus.DONE]
        ok = status == "succeeded" and len(done) == 1 and after_retry == clean
        print("RESULTAAT: " + ("de taak liep opnieuw en had haar effect één keer" if ok else "MISLUKT"))
        sys.exit(0 if ok else 1)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(10)
        subprocess.run([faults.PYTHON, "-c", faults.DATABASE, str(work / "data"), "stop"], env=env, check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
