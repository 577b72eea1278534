"""Jobs of the park app: they take ids and call services (rule 6)."""

from __future__ import annotations

from procrastinate.contrib.django import app

from regie.park.services.import_runs import IMPORT_TASK, lot_import_run


@app.task(name=IMPORT_TASK, queue="imports")
def import_lots(run_id: str) -> None:
    """Import the lots of one stored upload, writing progress on its run as it goes."""
    lot_import_run(run_id=run_id)
