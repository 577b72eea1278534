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
