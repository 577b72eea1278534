"""Jobs of the privacy workplace: they call services (rule 6)."""

from __future__ import annotations

import logging

from procrastinate.contrib.django import app

from regie.privacy.destruction import destruction_list_propose, destruction_resume

logger = logging.getLogger(__name__)


@app.periodic(cron="0 3 * * *", periodic_id="nightly-destruction-proposal")
@app.task(name="privacy.propose_destruction", queue="maintenance", queueing_lock="destruction-proposal")
def propose_destruction(timestamp: int) -> None:
    """Nightly: finish a destruction a killed run left, then propose a list of records whose term has ended."""
    destruction_resume()
    dlist = destruction_list_propose()
    if dlist is not None:
        logger.info("destruction list proposed: %s", dlist.name)
