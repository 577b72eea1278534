"""The local Damocles policy (art. 13b Opiumwet) as a versioned table the functional administrator edits."""

from __future__ import annotations

from django.db import models

from regie.core.models import BaseModel
from regie.core.terms import format_date


class PremisesType(models.TextChoices):
    DWELLING = "woning", "Woning"
    PREMISES = "lokaal", "Lokaal of erf (geen woning)"


class DrugType(models.TextChoices):
    SOFT = "soft", "Softdrugs (lijst II)"
    HARD = "hard", "Harddrugs (lijst I)"
    PRODUCTION = "productie", "Productie of voorbereiding (kwekerij, drugslab)"


class Sanction(models.TextChoices):
    WARNING = "waarschuwing", "Waarschuwing"
    PENALTY = "last-onder-dwangsom", "Last onder dwangsom"
    CLOSURE = "sluiting", "Sluiting"


class DamoclesPolicy(BaseModel):
    """One version of the matrix, valid from a date; an older version keeps answering for older searches."""

    version = models.PositiveIntegerField("versie", unique=True)
    valid_from = models.DateField("geldig vanaf", unique=True)
    recidive_period = models.CharField("recidivetermijn", max_length=20)
    note = models.CharField("toelichting", max_length=300, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "Damoclesbeleid"
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"Damoclesbeleid versie {self.version} (vanaf {format_date(self.valid_from, weekday=False)})"


class DamoclesRule(BaseModel):
    """premises type × drug type × offence number range → sanction (and, for a closure, its duration)."""

    policy = models.ForeignKey(DamoclesPolicy, on_delete=models.CASCADE, related_name="rules")
    premises_type = models.CharField("soort pand", max_length=10, choices=PremisesType.choices)
    drug_type = models.CharField("soort middel", max_length=10, choices=DrugType.choices)
    offence_from = models.PositiveSmallIntegerField("vanaf overtreding")
    offence_to = models.PositiveSmallIntegerField("tot en met overtreding", null=True, blank=True)
    sanction = models.CharField("maatregel", max_length=24, choices=Sanction.choices)
    closure_period = models.CharField("sluitingsduur", max_length=20, blank=True)

    class Meta:
        verbose_name = "regel Damoclesbeleid"
        ordering = ["premises_type", "drug_type", "offence_from"]
