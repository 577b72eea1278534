# ruff: noqa: S310, S603 -- it runs our own `regie` on URLs it built itself, like the tests do.
"""Try every command the README names, in order, on a fresh data directory (`make readme-check`, in CI).

A newcomer runs `make demo`, then the commands under "Command line" in another terminal. This does the same on a
temporary REGIE_DATA_DIR with a clean environment (no REGIE_DEMO, no SECRET_KEY, no DATABASE_URL): the demo and
the server are started and stopped after a health check, the worker after it has run a few seconds, the rest run
to the end and must exit 0. It fails when the README names a `regie` command this script does not try, so the
two cannot drift apart. `make test`/`make pytest-pg` are what CI itself runs; `make demo` is `make setup` (CI's
first stage) and then `regie demo`, which is tried here.

Run: `.venv/bin/python -m tools.readme_commands` (about 30 s on 2 cores, most of it the demo's first start).
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIE = str(ROOT / ".venv" / "bin" / "regie")
README = ROOT / "README.md"
PERSONS = ROOT / "tests" / "subjects" / "data" / "persons_good.csv"
PARK = "Recreatiepark Rhederlaagse Meren"
# Every `regie <command>` the README names, and the step below that tries it.
TRIED = {
    "demo",
    "serve",
    "worker",
    "migrate",
    "seed-demo",
    "apitoken",
    "audit",
    "import",
    "deadline",
    "monitoring",
    "backup",
    "restore",
}


_T0 = time.monotonic()


def log(message: str) -> None:
    print(f"[readme {time.monotonic() - _T0:5.1f} s] {message}", flush=True)


def readme_commands() -> set[str]:
    """The `regie <command>` words in the README's command blocks."""
    text = README.read_text(encoding="utf-8")
    return set(re.findall(r"(?<![\w./-])regie ([a-z][a-z-]+)", text)) - {"is", "the"}


def clean_env(data_dir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("REGIE_") and k not in {"SECRET_KEY", "DATABASE_URL", "PYTEST_VERSION"}
    }
    env["REGIE_DATA_DIR"] = str(data_dir)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(env: dict[str, str], *args: str, expect: str = "") -> str:
    log("regie " + " ".join(args))
    result = subprocess.run([REGIE, *args], env=env, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0 or (expect and expect not in result.stdout + result.stderr):
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"regie {' '.join(args)}: exit {result.returncode}, verwacht {expect!r}")
    return result.stdout


def wait_for(url: str, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gestopt met exit {process.returncode} voordat {url} antwoordde")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} antwoordt niet binnen {seconds:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.terminate()
        process.wait(10)


def start(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    log("regie " + " ".join(args) + " (gestart)")
    return subprocess.Popen([REGIE, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def demo_login(base: str) -> None:
    """A demo account from the README signs in with `regie-demo`."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{base}/login", timeout=10).read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    body = urllib.parse.urlencode(
        {"username": "procesregisseur", "password": "regie-demo", "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(f"{base}/login", data=body, headers={"Referer": f"{base}/login"})
    with opener.open(request, timeout=10) as response:
        if response.url.rstrip("/").endswith("/login"):
            raise SystemExit("inloggen als procesregisseur met regie-demo lukt niet")


def api_get(base: str, token: str, path: str) -> dict[str, object]:
    request = urllib.request.Request(f"{base}{path}", headers={"Authorization": f"Token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(json.loads(response.read()))


def lots_file(directory: Path) -> Path:
    def square(x: float) -> dict[str, object]:
        ring = [[x, 51.9], [x + 0.0002, 51.9], [x + 0.0002, 51.9002], [x, 51.9002], [x, 51.9]]
        return {"type": "Polygon", "coordinates": [ring]}

    features = [
        {"type": "Feature", "properties": {"kavelnummer": n}, "geometry": square(6.0 + n * 0.001)}
        for n in (901, 902)
    ]
    path = directory / "kavels.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def main(argv: Sequence[str] = ()) -> int:
    missing = readme_commands() - TRIED
    if missing:
        raise SystemExit(f"De README noemt commando's die dit script niet probeert: {sorted(missing)}")
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="regie-readme-"))
    data_dir = work / "data"
    env = clean_env(data_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    try:
        # make demo (after make setup): database, migrations, demo data, web server and worker.
        demo = start(env, "demo", "--port", str(port))
        try:
            wait_for(f"{base}/healthz", demo, 240)
            demo_login(base)
            # A second terminal while the demo runs, as a newcomer would: no REGIE_DEMO, no SECRET_KEY by hand.
            token = run(env, "apitoken", "procesregisseur").strip().split()[-1]
            api_get(base, token, "/api/v1/cases")
        finally:
            stop(demo)
        log("regie help")
        subprocess.run([REGIE, "--help"], env=env, capture_output=True, check=True, timeout=30)
        serve = start(env, "serve", "--port", str(port))
        try:
            wait_for(f"{base}/healthz", serve, 60)
            api_get(base, token, "/api/v1/cases")  # the token made earlier works on the plain server
        finally:
            stop(serve)
        worker = start(env, "worker")
        time.sleep(4)
        if worker.poll() is not None:
            raise SystemExit(f"regie worker stopte met exit {worker.returncode}")
        stop(worker)
        run(env, "migrate")
        run(env, "seed-demo")
        run(env, "audit", "verify")
        run(env, "import", "persons", str(PERSONS), "--report", str(work / "rapport.csv"))
        run(
            env,
            "import",
            "lots",
            PARK,
            str(lots_file(work)),
            "--user",
            "projectleider",
            "--progress-every",
            "1",
        )
        run(env, "deadline", "--from", "2026-03-24", "--period", "P6W", "--statutory", expect="2026")
        run(env, "monitoring", "rebuild", "--from", "2025-01", expect="Monitoring opnieuw berekend")
        run(env, "backup", str(work / "regie.backup"), expect="Back-up geschreven")
        run(env, "restore", str(work / "regie.backup"), "--replace", expect="Verwerkingslog intact")
    finally:
        stopper = "from pathlib import Path; from regie.core.embedded_db import stop_embedded; stop_embedded(Path(%r))"
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "-c", stopper % str(data_dir)],
            env=env,
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(work, ignore_errors=True)
    log(f"alle commando's uit de README werken ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
