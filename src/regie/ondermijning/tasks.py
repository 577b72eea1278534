"""Jobs of the ondermijning app: they call services (rule 6)."""

from __future__ import annotations

from procrastinate.contrib.django import app

from regie.ondermijning.services.risks import location_risks_compute


@app.periodic(cron="30 2 * * *", periodic_id="ondermijning-location-risks")
@app.task(
    name="ondermijning.compute_location_risks",
    queue="maintenance",
    queueing_lock="ondermijning-location-risks",
)
def compute_location_risks(timestamp: int) -> None:
    """Every night: recompute every location's risk score with the weighting in force."""
    location_risks_compute()
