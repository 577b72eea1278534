"""Jobs of the subjects app: they call services (rule 6)."""

from __future__ import annotations

import logging

from procrastinate.contrib.django import app

from regie.subjects.services import brp_retrievals_expire

logger = logging.getLogger(__name__)


@app.periodic(cron="23 * * * *", periodic_id="subjects-brp-expiry")
@app.task(name="subjects.expire_brp_retrievals", queue="maintenance", queueing_lock="subjects-brp-expiry")
def expire_brp_retrievals(timestamp: int) -> None:
    """Hourly: delete the BRP lists of addresses whose purpose's term has passed (REGIE_BRP_CACHE_HOURS)."""
    deleted = brp_retrievals_expire()
    if deleted:
        logger.info("BRP: %s verlopen bevraging(en) verwijderd", deleted)
