"""Shared kernel models: the base every Regie model builds on."""

from __future__ import annotations

import uuid

from django.db import models


class BaseModel(models.Model):
    """A UUID primary key (no guessable ids in URLs) and creation/update timestamps in UTC."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class EquatedHoliday(BaseModel):
    """A day equated with a general holiday by royal decree (Atw art. 3 lid 3), configurable per year."""

    day = models.DateField("datum", unique=True)
    name = models.CharField("naam", max_length=120)
    decree = models.CharField(
        "besluit", max_length=200, blank=True, help_text="Vindplaats van het koninklijk besluit"
    )

    class Meta:
        ordering = ["day"]
        verbose_name = "gelijkgestelde dag"

    def __str__(self) -> str:
        return f"{self.day}: {self.name}"


class IdempotencyKey(models.Model):
    """The answer given to a request that carried an `Idempotency-Key` header, so a client that retries (a lost
    answer, a restarted server) gets the same answer instead of a second effect (core/idempotency.py)."""

    id = models.BigAutoField(primary_key=True)
    scope = models.CharField("soort verzoek", max_length=60)
    key = models.CharField("sleutel", max_length=255)
    fingerprint = models.CharField("vingerafdruk van het verzoek", max_length=64)
    status_code = models.PositiveSmallIntegerField("statuscode", null=True)
    body = models.JSONField("antwoord", null=True)
    created_at = models.DateTimeField("ontvangen", auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="idempotency_key_once_per_scope")]
        indexes = [models.Index(fields=["created_at"], name="idempotency_key_age")]

    def __str__(self) -> str:
        return f"{self.scope}: {self.key}"
