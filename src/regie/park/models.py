"""The holiday-park approach (C6): parks, lots, residence status over time, inspection rounds and follow-ups.

A lot is a subjects `Location` of kind `park-lot` with one `ParkLot` record. The residence status of a lot is
never a field: it is derived from the append-only `ResidenceStatusChange` history (latest by date). BRP status is
not stored here at all: BRP registrations are read from the persons registered at the lot's address, and a BRP
outcome only comes from a BRP address-investigation procedure run by burgerzaken (domain.md).
"""

from __future__ import annotations

from django.db import models

from regie.core.models import BaseModel


class PlanningStatus(models.TextChoices):
    RECREATIONAL = "recreatieve-bestemming", "Recreatieve bestemming"
    LEGALISATION = "legalisatietraject", "Legalisatietraject"
    TRANSFORMATION = "transformatie", "Transformatie naar wonen"


class ResidenceStatus(models.TextChoices):
    RECREATIONAL = "recreatief", "Recreatief gebruik"
    SUSPECTED = "vermoedelijk-permanent", "Vermoedelijk permanente bewoning"
    PERMANENT = "permanent-vastgesteld", "Permanente bewoning vastgesteld"
    TOLERATED = "gedoogd-persoonsgebonden", "Gedoogd (persoonsgebonden)"
    VACANT = "leeg", "Leeg"
    UNKNOWN = "onbekend", "Onbekend"


class EvidenceKind(models.TextChoices):
    INSPECTION = "inspectie", "Inspectie"
    BRP = "brp", "BRP-gegevens"
    LETTER = "brief", "Brief of besluit"
    OTHER = "overig", "Overig"


class Park(BaseModel):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="parks")
    name = models.CharField("naam", max_length=160)
    planning_status = models.CharField(
        "planologische status",
        max_length=30,
        choices=PlanningStatus.choices,
        default=PlanningStatus.RECREATIONAL,
    )
    area = models.ForeignKey(
        "subjects.Location", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    management = models.ForeignKey(
        "subjects.Business",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="eigenaar of parkbeheer",
    )
    contact = models.CharField("contact parkbeheer", max_length=200, blank=True)
    project_leader = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The map's own background (a GeoJSON FeatureCollection of the park's outline, water and paths; no
    # personal data), drawn when no tile service is configured. Set through park_base_map_set.
    base_map = models.JSONField("achtergrondkaart", default=dict, blank=True)

    class Meta:
        verbose_name = "vakantiepark"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="park_name_unique")]

    def __str__(self) -> str:
        return self.name


class ParkLot(BaseModel):
    park = models.ForeignKey(Park, on_delete=models.PROTECT, related_name="lots")
    location = models.OneToOneField("subjects.Location", on_delete=models.PROTECT, related_name="park_lot")
    number = models.PositiveIntegerField("kavelnummer")
    dwelling = models.CharField("recreatiewoning", max_length=300, blank=True)
    owner_person = models.ForeignKey(
        "subjects.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner_business = models.ForeignKey(
        "subjects.Business", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "kavel"
        verbose_name_plural = "kavels"
        ordering = ["park", "number"]
        constraints = [models.UniqueConstraint(fields=["park", "number"], name="park_lot_number_unique")]

    def __str__(self) -> str:
        return f"Kavel {self.number}"

    @property
    def owner(self) -> object:
        return self.owner_person or self.owner_business


class Occupancy(BaseModel):
    lot = models.ForeignKey(ParkLot, on_delete=models.CASCADE, related_name="occupancies")
    person = models.ForeignKey("subjects.Person", on_delete=models.PROTECT, related_name="+")
    from_date = models.DateField("vanaf")
    to_date = models.DateField("tot en met", null=True, blank=True)

    class Meta:
        verbose_name = "bewoner of gebruiker"
        ordering = ["from_date"]


class PersonalPermit(BaseModel):
    lot = models.ForeignKey(ParkLot, on_delete=models.CASCADE, related_name="permits")
    holder = models.ForeignKey("subjects.Person", on_delete=models.PROTECT, related_name="+")
    granted_on = models.DateField("datum beschikking")
    basis = models.CharField("grondslag", max_length=300)

    class Meta:
        verbose_name = "persoonsgebonden beschikking"
        ordering = ["granted_on"]


class ToleranceDecision(BaseModel):
    lot = models.ForeignKey(ParkLot, on_delete=models.CASCADE, related_name="tolerances")
    holder = models.ForeignKey(
        "subjects.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField("datum gedoogbesluit")
    ends_on = models.DateField("einddatum")
    description = models.CharField("omschrijving", max_length=300)

    class Meta:
        verbose_name = "gedoogbesluit"
        ordering = ["ends_on"]


class ResidenceStatusChange(BaseModel):
    """One dated change of a lot's residence status (append-only: a database trigger refuses changes)."""

    lot = models.ForeignKey(ParkLot, on_delete=models.PROTECT, related_name="status_changes")
    status = models.CharField("bewoningsstatus", max_length=30, choices=ResidenceStatus.choices)
    on_date = models.DateField("datum")
    evidence_kind = models.CharField("soort bewijs", max_length=20, choices=EvidenceKind.choices)
    evidence = models.CharField("bewijs", max_length=500)
    set_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, related_name="+")
    inspection = models.ForeignKey(
        "park.Inspection", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "wijziging bewoningsstatus"
        ordering = ["-on_date", "-created_at"]
        indexes = [models.Index(fields=["lot", "-on_date", "-created_at"], name="park_status_latest")]


class InspectionRound(BaseModel):
    park = models.ForeignKey(Park, on_delete=models.PROTECT, related_name="rounds")
    planned_on = models.DateField("datum")
    planned_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    inspectors = models.ManyToManyField(
        "accounts.User", related_name="park_rounds", verbose_name="inspecteurs"
    )
    sample_size = models.PositiveSmallIntegerField("omvang steekproef", default=0)
    note = models.CharField("toelichting", max_length=300, blank=True)
    # A cancelled round keeps its record (who planned it, for which lots) and says why it did not go ahead.
    cancelled_at = models.DateTimeField("geannuleerd op", null=True, blank=True)
    cancelled_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cancel_reason = models.CharField("reden van annulering", max_length=300, blank=True)

    class Meta:
        verbose_name = "inspectieronde"
        ordering = ["-planned_on"]

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class RoundLot(BaseModel):
    round = models.ForeignKey(InspectionRound, on_delete=models.CASCADE, related_name="round_lots")
    lot = models.ForeignKey(ParkLot, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField("reden", max_length=300)

    class Meta:
        ordering = ["lot__number"]
        constraints = [models.UniqueConstraint(fields=["round", "lot"], name="park_round_lot_unique")]


class Outcome(models.TextChoices):
    RECREATIONAL = "recreatief", "Recreatief gebruik, geen aanwijzingen"
    SUSPECTED = "aanwijzingen", "Aanwijzingen voor permanente bewoning"
    PERMANENT = "vastgesteld", "Permanente bewoning vastgesteld"
    VACANT = "leeg", "Kavel leeg"
    NO_ACCESS = "geen-toegang", "Niemand aangetroffen of geen toegang"


OUTCOME_STATUS = {
    Outcome.RECREATIONAL: ResidenceStatus.RECREATIONAL,
    Outcome.SUSPECTED: ResidenceStatus.SUSPECTED,
    Outcome.PERMANENT: ResidenceStatus.PERMANENT,
    Outcome.VACANT: ResidenceStatus.VACANT,
}


class IndicatorPolicy(BaseModel):
    """One version of the indicators of main residence an inspector may tick (policy of the administrator).

    A version is never changed once made: a change is a new version, in force from its `valid_from`. An
    inspection keeps the version it was recorded under, so its indicators read as they did then.
    """

    version = models.PositiveIntegerField("versie", unique=True)
    valid_from = models.DateTimeField("geldig vanaf")
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        verbose_name = "versie van de indicatoren voor hoofdverblijf"
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"Versie {self.version}"


class ResidenceIndicator(BaseModel):
    """One indicator of main residence in one policy version: its code (never reused), label and place."""

    policy = models.ForeignKey(IndicatorPolicy, on_delete=models.PROTECT, related_name="indicators")
    code = models.SlugField("code", max_length=40)
    label = models.CharField("omschrijving", max_length=160)
    order = models.PositiveSmallIntegerField("volgorde")
    active = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "indicator voor hoofdverblijf"
        ordering = ["order", "label"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "code"], name="park_indicator_code_per_version")
        ]

    def __str__(self) -> str:
        return self.label


class Inspection(BaseModel):
    """The submitted inspection of one lot in one round (one per lot and round: a second submit is recognised)."""

    round = models.ForeignKey(InspectionRound, on_delete=models.PROTECT, related_name="inspections")
    lot = models.ForeignKey(ParkLot, on_delete=models.PROTECT, related_name="inspections")
    inspector = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    inspected_on = models.DateField("datum")
    indicators = models.JSONField("indicatoren", default=list)
    # The version of the indicators the codes above were ticked from: their labels are read from it.
    indicator_policy = models.ForeignKey(
        IndicatorPolicy,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="indicatorenversie",
    )
    entry_consent = models.BooleanField("toestemming voor binnentreden", default=False)
    findings = models.TextField("bevindingen")
    outcome = models.CharField("uitkomst", max_length=20, choices=Outcome.choices)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True, related_name="+")
    report = models.ForeignKey("cases.Document", on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = "inspectie"
        ordering = ["-inspected_on"]
        constraints = [models.UniqueConstraint(fields=["round", "lot"], name="park_inspection_once")]


class FollowUpKind(models.TextChoices):
    PROCEDURE = "procedure", "Handhavingsprocedure permanente bewoning gestart"
    BRP = "brp", "Doorverwezen naar burgerzaken voor adresonderzoek"
    CARE = "zorg", "Sociale problematiek doorverwezen naar de procesregisseur"


class FollowUp(BaseModel):
    """A follow-up chosen after an inspection; at most one of each kind per inspection."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="follow_ups")
    kind = models.CharField("soort", max_length=20, choices=FollowUpKind.choices)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    note = models.TextField("toelichting", blank=True)
    reference = models.CharField("verwijzing", max_length=100, blank=True)
    # BRP referrals: the address-investigation case burgerzaken opened for it (null while waiting).
    taken_up_case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = "vervolgactie"
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["inspection", "kind"], name="park_follow_up_once")]


class ImportStatus(models.TextChoices):
    WAITING = "wachtend", "Wacht op verwerking"
    RUNNING = "bezig", "Bezig"
    DONE = "klaar", "Klaar"
    FAILED = "mislukt", "Mislukt"


class LotImport(BaseModel):
    """One upload of lots and its progress: the file is stored first, a job imports it row by row.

    The file is kept in the database (not on a disk) so a worker on any machine can read it.
    """

    park = models.ForeignKey(Park, on_delete=models.PROTECT, related_name="lot_imports")
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    filename = models.CharField("bestandsnaam", max_length=200)
    content = models.BinaryField("bestand")
    status = models.CharField(
        "status", max_length=10, choices=ImportStatus.choices, default=ImportStatus.WAITING
    )
    total = models.PositiveIntegerField("regels", default=0)
    done = models.PositiveIntegerField("verwerkt", default=0)
    created_count = models.PositiveIntegerField("kavels toegevoegd", default=0)
    # Refused rows as [line, Dutch reason] pairs, in file order.
    errors = models.JSONField("afgekeurde regels", default=list, blank=True)
    message = models.CharField("melding", max_length=300, blank=True)
    started_at = models.DateTimeField("gestart", null=True, blank=True)
    finished_at = models.DateTimeField("klaar", null=True, blank=True)

    class Meta:
        verbose_name = "kavelimport"
        verbose_name_plural = "kavelimports"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["park", "-created_at"], name="park_lot_import_recent")]

    def __str__(self) -> str:
        return f"Kavelimport {self.filename}"

    @property
    def finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
