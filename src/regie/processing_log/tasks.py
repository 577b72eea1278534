"""Jobs of the processing log: they take ids and call services (rule 6)."""

from __future__ import annotations

import logging

from procrastinate.contrib.django import app

from regie.processing_log import partitions, services

logger = logging.getLogger(__name__)


@app.periodic(cron="* * * * *", periodic_id="log-seal")
@app.task(name="processing_log.seal", queue="maintenance", queueing_lock="log-seal")
def seal_processing_log(timestamp: int) -> None:
    """Every minute: chain the entries requests appended since (decision 0015)."""
    services.processing_log_seal()


@app.periodic(cron="30 2 * * *", periodic_id="nightly-log-checkpoint")
@app.task(name="processing_log.checkpoint", queue="maintenance", queueing_lock="log-checkpoint")
def checkpoint_processing_log(timestamp: int) -> None:
    """Nightly: verify the tail of the processing log and record the checkpoint."""
    checkpoint = services.processing_log_checkpoint()
    if not checkpoint.intact:
        logger.error("processing log broken at entry %s", checkpoint.first_broken_seq)


@app.periodic(cron="45 2 * * *", periodic_id="nightly-log-pseudonymise")
@app.task(name="processing_log.pseudonymise", queue="maintenance", queueing_lock="log-pseudonymise")
def pseudonymise_processing_log(timestamp: int) -> None:
    """Nightly: clear the plain values of entries past the log's own term (decision 0013)."""
    services.processing_log_pseudonymise()


@app.periodic(cron="15 2 * * *", periodic_id="nightly-log-partitions")
@app.task(name="processing_log.partitions", queue="maintenance", queueing_lock="log-partitions")
def ensure_processing_log_partitions(timestamp: int) -> None:
    """Nightly: make the log's partitions of this month and the next three that are missing (decision 0017)."""
    outcome = partitions.processing_log_partitions_ensure()
    for month, what in outcome.items():
        if what in {"default", "busy"}:
            logger.warning("processing log partition for %s not made: %s", month.isoformat(), what)
