"""The processing log (verwerkingslog): append-only, hash-chained evidence of every processing of personal data."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models

from regie.processing_log.actions import label_for, object_type_label


class ProcessingLogEntry(models.Model):
    """One processing of personal data or one security event (NEN 7513 style). Never updated, never deleted.

    The table is partitioned by month of `occurred_at` (decision 0017, `regie.processing_log.partitions`); its
    database key is a unique index on (seq, occurred_at), and `seq` alone, from one sequence, is the model's.
    """

    seq = models.BigAutoField(primary_key=True)
    occurred_at = models.DateTimeField(db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_username = models.CharField(max_length=150, blank=True)
    actor_organisation = models.CharField(max_length=160, blank=True)
    actor_role = models.CharField(max_length=20, blank=True)
    acting_for = models.CharField(max_length=160, blank=True)
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    person_ids = ArrayField(models.UUIDField(), default=list, blank=True)
    purpose = models.CharField(max_length=200, blank=True)
    break_the_glass = models.BooleanField(default=False)
    source_address = models.GenericIPAddressField(null=True, blank=True)
    details = models.JSONField(default=dict, blank=True)
    # Sealing (decision 0015): a request only INSERTs its entry; the sealing job gives it its place in the chain
    # (`chain_pos`, in the order the job finds committed entries) and its `prev_hash` and `hash`. Empty until then.
    # Not unique in the database: the table is partitioned by month (decision 0017), so a unique constraint would
    # have to contain `occurred_at`; the sealer's lock hands positions out once, and verify breaks on a double.
    chain_pos = models.BigIntegerField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)
    # Decision 0013: from version 2 the hash covers keyed references (HMAC) of the fields that can name someone,
    # not the plain values, so that pseudonymising (clearing the plain values once the log's term has passed)
    # leaves the chain verifiable. Version 1 entries hash the plain values and are never pseudonymised.
    hash_version = models.PositiveSmallIntegerField(default=1)
    person_refs = ArrayField(models.CharField(max_length=64), default=list, blank=True)
    actor_ref = models.CharField(max_length=64, blank=True)
    source_ref = models.CharField(max_length=64, blank=True)
    object_ref = models.CharField(max_length=64, blank=True)
    details_ref = models.CharField(max_length=64, blank=True)
    pseudonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-seq"]
        db_table = "processing_log_entry"
        verbose_name = "verwerkingslogregel"
        indexes = [
            GinIndex(fields=["person_ids"], name="plog_person_ids_gin"),
            GinIndex(fields=["person_refs"], name="plog_person_refs_gin"),
            models.Index(fields=["actor_id", "-occurred_at"], name="plog_actor_time"),
            models.Index(fields=["object_type", "object_id"], name="plog_object"),
            models.Index(fields=["chain_pos"], name="plog_chain_pos"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    @property
    def pseudonymised(self) -> bool:
        return self.pseudonymised_at is not None

    @property
    def action_label(self) -> str:
        """The Dutch label of the action (from the registry in `regie.processing_log.actions`)."""
        return label_for(self.action)

    @property
    def object_label(self) -> str:
        """The Dutch name of what the entry is about (Casus, Persoon, Gebruiker …)."""
        return object_type_label(self.object_type)


class LogCheckpoint(models.Model):
    """A verified point in the chain: everything up to `seq` was intact at `verified_at`."""

    seq = models.BigIntegerField()
    hash = models.CharField(max_length=64)
    entries_checked = models.BigIntegerField()
    intact = models.BooleanField()
    first_broken_seq = models.BigIntegerField(null=True, blank=True)
    verified_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-verified_at"]
        db_table = "processing_log_checkpoint"
        verbose_name = "controlepunt verwerkingslog"

    def __str__(self) -> str:
        return f"checkpoint {self.seq} ({'intact' if self.intact else 'gebroken'})"
