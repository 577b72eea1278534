"""Writes of the access app."""

from __future__ import annotations

from django.db import transaction

from regie.access.models import LogCheckpoint
from regie.access.processing_log import checkpoint_tail, log_processing


def processing_log_checkpoint() -> LogCheckpoint:
    """Record a checkpoint over the unverified tail and log that the check ran (and its outcome)."""
    with transaction.atomic():
        checkpoint = checkpoint_tail()
        log_processing(
            action="audit.checkpoint_recorded" if checkpoint.intact else "audit.chain_broken",
            username="systeem",
            object_type="log_checkpoint",
            object_id=checkpoint.pk,
            details={
                "seq": checkpoint.seq,
                "entriesChecked": checkpoint.entries_checked,
                "firstBrokenSeq": checkpoint.first_broken_seq,
            },
        )
    return checkpoint
