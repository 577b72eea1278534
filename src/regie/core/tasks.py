"""Jobs of the kernel: putting back the jobs of a worker that died (issue 19, item 6)."""

from __future__ import annotations

import logging

from procrastinate.contrib.django import app

logger = logging.getLogger(__name__)

# A worker sends a heartbeat every 10 s (procrastinate's default); one silent for this long has died or hangs.
STALLED_AFTER_SECONDS = 60


@app.periodic(cron="* * * * *", periodic_id="retry-stalled-jobs")
@app.task(name="core.retry_stalled_jobs", queue="maintenance", queueing_lock="retry-stalled-jobs")
async def retry_stalled_jobs(timestamp: int) -> int:
    """Every minute: a job left "doing" by a worker that stopped sending heartbeats (killed, machine gone) goes
    back to the queue and runs again on a living worker. Every Regie job is written to have its effect once when it
    runs twice (mail by its outbox row, rollups by month under a lock, reports by their row, the sealer by its
    lock), so running again is safe. Returns how many jobs were put back."""
    stalled = list(await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=STALLED_AFTER_SECONDS))
    for job in stalled:
        await app.job_manager.retry_job(job)
        logger.warning("job %s (%s) of a stopped worker is put back in the queue", job.id, job.task_name)
    return len(stalled)
