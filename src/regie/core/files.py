"""Writing uploaded bytes to the document storage so that a failure leaves nothing behind."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from regie.core.errors import StorageFull

logger = logging.getLogger(__name__)


def write_new_file(path: Path, data: bytes, *, field: str = "file") -> None:
    """Write `data` to a new file at `path` through a temporary name beside it, so that the name only ever holds
    the whole file; when the disk is full (or the directory not writable) remove what was written and raise
    StorageFull, which forms show at `field` and the API answers with 507."""
    partial = path.with_name(f".{path.name}.deel")
    try:
        with partial.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.rename(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        logger.error("document storage: %s could not be written (%s)", path.parent, exc.strerror or exc)
        raise StorageFull(field) from exc


def remove_files(paths: Iterable[Path]) -> None:
    """Remove files written for a request that failed after all (nothing half-written)."""
    for path in paths:
        path.unlink(missing_ok=True)
