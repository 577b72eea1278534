"""A procedure on a case, its addressees, its append-only history and its deadlines."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models

from regie.cases.models import DataCategory
from regie.core.models import BaseModel
from regie.core.terms import format_date


class ProcedureDefinition(BaseModel):
    """One version of a procedure definition, stored as data; procedures keep the version they started with."""

    code = models.SlugField("code", max_length=60)
    version = models.PositiveIntegerField("versie")
    label = models.CharField("naam", max_length=120)
    spec = models.JSONField("definitie")
    checksum = models.CharField(max_length=64)

    class Meta:
        verbose_name = "proceduredefinitie"
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="definition_code_version")]

    def __str__(self) -> str:
        return f"{self.label} (versie {self.version})"


class ProcedureStatus(models.TextChoices):
    RUNNING = "lopend", "Lopend"
    DONE = "afgerond", "Afgerond"
    WITHDRAWN = "ingetrokken", "Ingetrokken"


class Procedure(BaseModel):
    """A legal procedure on a case; `current_step` and the next deadline are pointers kept by the engine."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="procedures")
    definition = models.ForeignKey(ProcedureDefinition, on_delete=models.PROTECT, related_name="procedures")
    type_code = models.SlugField("soort procedure", max_length=60)
    category = models.CharField(
        "gegevenscategorie", max_length=10, choices=DataCategory.choices, default=DataCategory.GENERAL
    )
    address = models.ForeignKey(
        "subjects.Address", on_delete=models.PROTECT, null=True, blank=True, related_name="procedures"
    )
    current_step = models.CharField("huidige stap", max_length=60)
    status = models.CharField(
        "status", max_length=12, choices=ProcedureStatus.choices, default=ProcedureStatus.RUNNING
    )
    started_on = models.DateField("gestart op")
    started_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    ended_on = models.DateField("beëindigd op", null=True, blank=True)
    next_deadline_on = models.DateField("eerstvolgende termijn", null=True, blank=True)
    next_deadline_step = models.CharField(max_length=60, blank=True)
    next_deadline_label = models.CharField(max_length=120, blank=True)
    next_deadline_statutory = models.BooleanField(null=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "procedure"
        ordering = ["-started_on", "-created_at"]
        indexes = [
            models.Index(fields=["case", "type_code"], name="procedure_case_type"),
            models.Index(fields=["type_code", "current_step"], name="procedure_type_step"),
            models.Index(fields=["status", "next_deadline_on"], name="procedure_status_deadline"),
            models.Index(fields=["address", "type_code"], name="procedure_address_type"),
        ]

    def __str__(self) -> str:
        return f"{self.definition.label} ({self.case.number})"


class AddresseeRole(models.TextChoices):
    RESIDENT = "bewoner", "Bewoner"
    OWNER = "eigenaar", "Eigenaar"
    OCCUPANT = "gebruiker", "Gebruiker"
    INVOLVED = "betrokkene", "Betrokkene"
    REPORTER = "melder", "Melder"


class Addressee(BaseModel):
    """Someone a decision is addressed to; each has their own notification date and so their own terms."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="addressees")
    role = models.CharField("rol", max_length=12, choices=AddresseeRole.choices)
    name = models.CharField("naam", max_length=200)
    address_line = models.CharField("straat en huisnummer", max_length=200, blank=True)
    postal_line = models.CharField("postcode en woonplaats", max_length=120, blank=True)
    person = models.ForeignKey(
        "subjects.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    business = models.ForeignKey(
        "subjects.Business", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notified_on = models.DateField("bekendgemaakt op", null=True, blank=True)

    class Meta:
        verbose_name = "geadresseerde"
        ordering = ["role", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({AddresseeRole(self.role).label.lower()})"


class Transition(BaseModel):
    """One step taken: append-only (a database trigger refuses UPDATE and DELETE)."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="transitions")
    seq = models.PositiveIntegerField()
    from_step = models.CharField(max_length=60, blank=True)
    to_step = models.CharField(max_length=60)
    on_date = models.DateField("datum")
    actor = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    addressee = models.ForeignKey(
        Addressee, on_delete=models.PROTECT, null=True, blank=True, related_name="transitions"
    )
    data = models.JSONField(default=dict)
    documents = ArrayField(models.UUIDField(), default=list, blank=True)

    class Meta:
        verbose_name = "processtap"
        ordering = ["seq"]
        constraints = [models.UniqueConstraint(fields=["procedure", "seq"], name="transition_seq_unique")]


class DeadlineKind(models.TextChoices):
    ACTION = "action", "Handeling"
    EXPIRY = "expiry", "Termijn loopt af"


class DeadlineStatus(models.TextChoices):
    OPEN = "open", "Lopend"
    MET = "met", "Afgehandeld"
    EXPIRED = "expired", "Verstreken"
    SUPERSEDED = "superseded", "Vervangen"
    CANCELLED = "cancelled", "Vervallen"


class Deadline(BaseModel):
    """A term computed by the engine from the Atw terms module, with its explanation and its owner's task."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="deadlines")
    transition = models.ForeignKey(Transition, on_delete=models.PROTECT, related_name="deadlines")
    addressee = models.ForeignKey(
        Addressee, on_delete=models.PROTECT, null=True, blank=True, related_name="deadlines"
    )
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=120)
    step_code = models.CharField(max_length=60)
    kind = models.CharField(max_length=8, choices=DeadlineKind.choices)
    legal_basis = models.CharField(max_length=80, blank=True)
    event_date = models.DateField()
    period = models.CharField(max_length=20)
    statutory = models.BooleanField()
    plain_due_date = models.DateField()
    due_date = models.DateField(db_index=True)
    explanation = models.TextField()
    owner = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="procedure_deadlines")
    task = models.ForeignKey("cases.Task", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=DeadlineStatus.choices, default=DeadlineStatus.OPEN)
    settled_at = models.DateTimeField(null=True, blank=True)
    settled_by = models.ForeignKey(
        Transition, on_delete=models.PROTECT, null=True, blank=True, related_name="settled_deadlines"
    )
    remind_working_days = models.PositiveSmallIntegerField(default=5)
    reminded_before_on = models.DateField(null=True, blank=True)
    reminded_after_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "termijn"
        ordering = ["due_date", "label"]
        indexes = [
            models.Index(fields=["status", "due_date"], name="deadline_status_due"),
            models.Index(fields=["procedure", "status"], name="deadline_procedure_status"),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {format_date(self.due_date, weekday=False)}"
