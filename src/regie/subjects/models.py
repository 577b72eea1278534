"""Persons, addresses, locations and businesses: the subjects cases are about (C2)."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from regie.core.models import BaseModel


class Address(BaseModel):
    """A Dutch address; BAG identifiers are optional."""

    postcode = models.CharField("postcode", max_length=6)
    house_number = models.PositiveIntegerField("huisnummer")
    house_letter = models.CharField("huisletter", max_length=1, blank=True)
    addition = models.CharField("toevoeging", max_length=4, blank=True)
    street = models.CharField("straat", max_length=120)
    city = models.CharField("woonplaats", max_length=80)
    bag_id = models.CharField("BAG-nummeraanduiding", max_length=16, blank=True)
    # The adresseerbaar object (verblijfsobject, standplaats or ligplaats): what the BRP search by address needs.
    bag_object_id = models.CharField("BAG-verblijfsobject", max_length=16, blank=True)
    # When the address was found in the BAG; empty = entered by hand, shown as "niet gecontroleerd".
    bag_checked_at = models.DateTimeField("gecontroleerd in de BAG op", null=True, blank=True)

    class Meta:
        verbose_name = "adres"
        constraints = [
            models.UniqueConstraint(
                fields=["postcode", "house_number", "house_letter", "addition"], name="address_unique"
            )
        ]
        indexes = [models.Index(fields=["street", "house_number"], name="address_street_number")]

    def __str__(self) -> str:
        number = f"{self.house_number}{self.house_letter}"
        if self.addition:
            number += f"-{self.addition}"
        return f"{self.street} {number}, {self.postcode[:4]} {self.postcode[4:]} {self.city}"


class Person(BaseModel):
    """A natural person. BSN optional (11-test checked by the service); merged persons keep pointing on."""

    # NULL, not "", for "no BSN": the partial unique constraint must ignore persons without one.
    bsn = models.CharField("BSN", max_length=9, null=True, blank=True)  # noqa: DJ001
    given_names = models.CharField("voornamen", max_length=120, blank=True)
    prefix = models.CharField("tussenvoegsel", max_length=20, blank=True)
    surname = models.CharField("achternaam", max_length=120)
    sort_name = models.CharField(max_length=260, db_index=True)
    birth_date = models.DateField("geboortedatum", null=True, blank=True)
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("telefoon", max_length=30, blank=True)
    address = models.ForeignKey(
        Address,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="residents",
        verbose_name="woonadres",
    )
    blocking_keys = ArrayField(models.CharField(max_length=60), default=list, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "persoon"
        verbose_name_plural = "personen"
        constraints = [
            models.UniqueConstraint(
                fields=["bsn"],
                condition=models.Q(bsn__isnull=False, merged_into__isnull=True),
                name="person_bsn_unique_active",
            ),
        ]
        indexes = [
            GinIndex(fields=["blocking_keys"], name="person_blocking_gin"),
            GinIndex(fields=["search_vector"], name="person_search_gin"),
            models.Index(fields=["birth_date"], name="person_birth_date"),
        ]

    def __str__(self) -> str:
        return " ".join(p for p in (self.given_names, self.prefix, self.surname) if p)


class PersonMerge(BaseModel):
    """History of a merge of two duplicate persons: who, when, and the merged record as it was."""

    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges")
    merged = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    merged_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=300)
    snapshot = models.JSONField(default=dict)

    class Meta:
        verbose_name = "samenvoeging"


class BrpRetrieval(BaseModel):
    """One answer of the BRP: for a person (its data went into the person's record; this keeps when and why) or
    for an address (who is registered there, kept only until `keep_until`, then deleted by a job)."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="brp_retrievals"
    )
    address = models.ForeignKey(
        Address, on_delete=models.CASCADE, null=True, blank=True, related_name="brp_retrievals"
    )
    purpose = models.CharField("doelbinding", max_length=60)
    retrieved_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    retrieved_at = models.DateTimeField("opgehaald op")
    keep_until = models.DateTimeField("bewaard tot", null=True, blank=True)
    # For an address: [{"bsn", "name", "birth_year", "person_id"}], names as the BRP gives them.
    residents = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "BRP-bevraging"
        verbose_name_plural = "BRP-bevragingen"
        indexes = [
            models.Index(fields=["address", "-retrieved_at"], name="brp_retrieval_address"),
            models.Index(fields=["person", "-retrieved_at"], name="brp_retrieval_person"),
            models.Index(fields=["keep_until"], name="brp_retrieval_keep_until"),
        ]


class LocationKind(models.TextChoices):
    PARK_LOT = "park-lot", "Kavel op vakantiepark"
    BUSINESS_UNIT = "business-unit", "Bedrijfsunit"
    FARM_SHED = "farm-shed", "Schuur of stal (buitengebied)"
    AREA = "area", "Gebied"


class Location(BaseModel):
    """A place that is not (only) an address: a park lot, business unit, farm shed or area."""

    kind = models.CharField("soort", max_length=20, choices=LocationKind.choices, db_index=True)
    name = models.CharField("naam", max_length=160)
    address = models.ForeignKey(
        Address, on_delete=models.SET_NULL, null=True, blank=True, related_name="locations"
    )
    geometry = models.JSONField("geometrie (GeoJSON)", null=True, blank=True)
    description = models.TextField("omschrijving", blank=True)

    class Meta:
        verbose_name = "locatie"
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class Business(BaseModel):
    """A business registered with the KvK."""

    kvk_number = models.CharField("KvK-nummer", max_length=8, unique=True)
    name = models.CharField("naam", max_length=200)
    branch = models.CharField("branche", max_length=120, blank=True)
    address = models.ForeignKey(
        Address, on_delete=models.SET_NULL, null=True, blank=True, related_name="businesses"
    )

    class Meta:
        verbose_name = "bedrijf"
        verbose_name_plural = "bedrijven"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} (KvK {self.kvk_number})"
