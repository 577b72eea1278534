"""Ondermijning beyond the park: areas (industrial estates, the rural area), a risk picture per location, integral
inspections with findings per partner, KVO-B trajectories, and staff awareness (trainings, a quiz).

Locations are subjects `Location`s (business unit, farm shed) tied to an area by an `AreaLocation`. A location's risk
is never typed in: `LocationRisk` is computed by a job from its signals, findings, indicators and registrations,
with the weights of a versioned `RiskPolicy`, and keeps each part of the score so it explains itself.
"""

from __future__ import annotations

from django.db import models

from regie.core.models import BaseModel


class AreaKind(models.TextChoices):
    ESTATE = "bedrijventerrein", "Bedrijventerrein"
    RURAL = "buitengebied", "Buitengebied"


class SiteKind(models.TextChoices):
    """The kind of a location in an area; each has its own checklist of indicators."""

    BUSINESS_UNIT = "business-unit", "Bedrijfsunit"
    FARM_SHED = "farm-shed", "Schuur of stal"
    DWELLING = "woning", "Woning"


class Area(BaseModel):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("naam", max_length=160)
    kind = models.CharField("soort gebied", max_length=20, choices=AreaKind.choices)
    # The area's outline: a subjects Location of kind `area` with a GeoJSON Polygon (WGS84); no personal data.
    outline = models.OneToOneField("subjects.Location", on_delete=models.PROTECT, related_name="+")
    contacts = models.TextField(
        "contacten", blank=True, help_text="Parkmanagement, ondernemersvereniging, LTO."
    )
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "gebied"
        verbose_name_plural = "gebieden"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="ond_area_name_unique")]

    def __str__(self) -> str:
        return self.name


class AreaLocation(BaseModel):
    """A business unit, farm shed or dwelling in an area, with the business registered there (KvK), if any."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="sites")
    location = models.OneToOneField("subjects.Location", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("soort", max_length=20, choices=SiteKind.choices)
    business = models.ForeignKey(
        "subjects.Business", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "locatie in een gebied"
        ordering = ["location__name"]

    def __str__(self) -> str:
        return self.location.name


class RiskPolicy(BaseModel):
    """One version of the weights of the risk score; never changed once made (a change is a new version)."""

    version = models.PositiveIntegerField("versie", unique=True)
    declared_total = models.PositiveIntegerField("som van de gewichten")
    valid_from = models.DateTimeField("geldig vanaf")
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        verbose_name = "versie van de risicoweging"
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"Versie {self.version}"


class RiskWeight(BaseModel):
    policy = models.ForeignKey(RiskPolicy, on_delete=models.PROTECT, related_name="weights")
    code = models.SlugField("code", max_length=40)
    label = models.CharField("omschrijving", max_length=160)
    weight = models.PositiveSmallIntegerField("gewicht")

    class Meta:
        ordering = ["-weight", "code"]
        constraints = [models.UniqueConstraint(fields=["policy", "code"], name="ond_weight_code_per_version")]


class LocationRisk(BaseModel):
    """The computed risk of one location: score 0-100 and its parts [{code, label, count, points}]."""

    site = models.OneToOneField(AreaLocation, on_delete=models.CASCADE, related_name="risk")
    score = models.PositiveSmallIntegerField("risicoscore")
    parts = models.JSONField("opbouw", default=list)
    policy = models.ForeignKey(RiskPolicy, on_delete=models.PROTECT, related_name="+")
    computed_at = models.DateTimeField("berekend op")

    class Meta:
        verbose_name = "risicoscore van een locatie"
        indexes = [models.Index(fields=["-score"], name="ond_risk_score")]


class IntegralInspection(BaseModel):
    """An integral inspection day in one area with partner organisations; locations by risk and at random."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="inspections")
    planned_on = models.DateField("datum")
    planned_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    partners = models.ManyToManyField("accounts.Organisation", related_name="+", verbose_name="partners")
    risk_count = models.PositiveSmallIntegerField("locaties op risico")
    random_share = models.PositiveSmallIntegerField("aandeel willekeurig (%)")
    explanation = models.TextField("verantwoording van de keuze")
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        verbose_name = "integrale controle"
        verbose_name_plural = "integrale controles"
        ordering = ["-planned_on"]


class InspectionSite(BaseModel):
    inspection = models.ForeignKey(IntegralInspection, on_delete=models.CASCADE, related_name="sites")
    site = models.ForeignKey(AreaLocation, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField("reden van de keuze", max_length=300)

    class Meta:
        ordering = ["site__location__name"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "site"], name="ond_inspection_site_once")
        ]


class Finding(BaseModel):
    """What one partner found at one location on an inspection day (one record per partner and location)."""

    inspection_site = models.ForeignKey(InspectionSite, on_delete=models.PROTECT, related_name="findings")
    partner = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    indicators = models.JSONField("indicatoren", default=list)
    checklist_version = models.PositiveSmallIntegerField("versie van de checklist")
    text = models.TextField("bevindingen")
    follow_up_needed = models.BooleanField("vervolg nodig", default=False)
    signal_reference = models.CharField("signaal", max_length=30, blank=True)

    class Meta:
        verbose_name = "bevinding"
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["inspection_site", "partner"], name="ond_finding_per_partner")
        ]


class KvoStep(models.TextChoices):
    INTENTION = "intentie", "Intentieverklaring"
    WORKING_GROUP = "werkgroep", "Werkgroep ingesteld"
    BASELINE = "nulmeting", "Nulmeting"
    ANALYSIS = "veiligheidsanalyse", "Veiligheidsanalyse"
    SCHOUW_DAY = "schouw-dag", "Schouw overdag"
    SCHOUW_DARK = "schouw-donker", "Schouw in het donker"
    MEASURES = "maatregelenplan", "Maatregelenplan"
    COVENANT = "convenant", "Convenant ondertekend"
    AUDIT = "audit", "Audit door certificerende instelling"


class KvoTrajectory(BaseModel):
    """The KVO-B (Keurmerk Veilig Ondernemen, bedrijventerreinen) of one estate; certificate valid three years."""

    area = models.OneToOneField(Area, on_delete=models.PROTECT, related_name="kvo")
    started_on = models.DateField("gestart op")
    certified_on = models.DateField("certificaat verleend op", null=True, blank=True)
    expires_on = models.DateField("certificaat geldig tot", null=True, blank=True)

    class Meta:
        verbose_name = "KVO-B-traject"
        verbose_name_plural = "KVO-B-trajecten"


class KvoStepRecord(BaseModel):
    trajectory = models.ForeignKey(KvoTrajectory, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField("stap", max_length=30, choices=KvoStep.choices)
    done_on = models.DateField("datum")
    note = models.CharField("toelichting of document", max_length=300, blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["done_on"]
        constraints = [models.UniqueConstraint(fields=["trajectory", "step"], name="ond_kvo_step_once")]


class Training(BaseModel):
    """A training session on the indicators of ondermijning for one department."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("datum")
    trainer = models.CharField("trainer", max_length=160)
    department = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    attendees = models.ManyToManyField("accounts.User", related_name="+", verbose_name="deelnemers")
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "training"
        ordering = ["-held_on"]


class QuizAttempt(BaseModel):
    """One finished quiz: kept to count participation; a score is shown to its taker only, never to others."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveSmallIntegerField("versie van de quiz")
    correct = models.PositiveSmallIntegerField("goed")
    passed = models.BooleanField("geslaagd")
    taken_at = models.DateTimeField("gemaakt op")

    class Meta:
        verbose_name = "quizpoging"
        ordering = ["-taken_at"]


class StaffReport(BaseModel):
    """Who sent a staff report ('Ik heb iets gezien'). An anonymous report reaches the colleagues who handle the
    signal without the reporter (no name, no submitter, no actor in its history); the identity is kept here and
    only the privacy officer of the municipality reads it, through the door, with a stated reason, logged."""

    signal = models.OneToOneField("intake.Signal", on_delete=models.CASCADE, related_name="+")
    reporter = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    anonymous = models.BooleanField("anoniem tegenover collega's", default=False)

    class Meta:
        verbose_name = "melding van een medewerker"
        verbose_name_plural = "meldingen van medewerkers"
        ordering = ["-created_at"]


class ContactRole(models.TextChoices):
    PARK_MANAGEMENT = "parkmanagement", "Parkmanagement"
    ENTREPRENEURS = "ondernemersvereniging", "Ondernemersvereniging"
    LTO = "lto", "LTO-afdeling"
    OTHER = "overig", "Andere contactpersoon"


class AreaContact(BaseModel):
    """A contact person of an area (park management, entrepreneurs' association, LTO): personal data, read through
    the door by the municipal team only, and logged."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="contact_persons")
    role = models.CharField("rol", max_length=30, choices=ContactRole.choices)
    organisation = models.CharField("organisatie", max_length=160)
    name = models.CharField("naam", max_length=160)
    phone = models.CharField("telefoon", max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "contactpersoon van een gebied"
        verbose_name_plural = "contactpersonen van een gebied"
        ordering = ["role", "name"]


class MeasureStatus(models.TextChoices):
    PLANNED = "gepland", "Gepland"
    IN_PROGRESS = "in-uitvoering", "In uitvoering"
    DONE = "uitgevoerd", "Uitgevoerd"
    DROPPED = "vervallen", "Vervallen"


class KvoMeasure(BaseModel):
    """One measure of the KVO-B measures plan: what, who owns it, by when, and how far it is."""

    trajectory = models.ForeignKey(KvoTrajectory, on_delete=models.CASCADE, related_name="measures")
    description = models.CharField("maatregel", max_length=300)
    owner = models.CharField("eigenaar", max_length=160)
    due_on = models.DateField("gereed voor", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "maatregel uit het KVO-B-maatregelenplan"
        ordering = ["due_on", "created_at"]


class KvoDocument(BaseModel):
    """A document of a KVO-B trajectory (the baseline, the safety analysis, the measures plan, the covenant …).
    The bytes live in the one document store of cases (cases.services.documents.storage_root), checked the same
    way (type from the content, the same size limit)."""

    trajectory = models.ForeignKey(KvoTrajectory, on_delete=models.CASCADE, related_name="documents")
    step = models.CharField("bij stap", max_length=30, choices=KvoStep.choices, blank=True)
    title = models.CharField("titel", max_length=200)
    filename = models.CharField("bestandsnaam", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=100, unique=True)
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "document van een KVO-B-traject"
        ordering = ["-created_at"]
