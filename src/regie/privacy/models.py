"""The privacy officer's records: the register of processing activities, data-subject requests, retention rules and
destruction lists (issue 18)."""

from __future__ import annotations

from datetime import date

from django.db import models

from regie.core.models import BaseModel


class ProcessingActivity(BaseModel):
    """One processing activity of the register (AVG art. 30), to which every processing-log action points.

    `name` is the activity's short Dutch name as the action registry (regie.processing_log.actions) declares it;
    every log entry reaches its activity through its action. A change raises `version`."""

    code = models.SlugField("code", max_length=40, unique=True)
    name = models.CharField("naam", max_length=120, unique=True)
    purpose = models.TextField("doel")
    legal_basis = models.TextField("grondslag (AVG art. 6)")
    special_basis = models.TextField(
        "uitzondering bijzondere of strafrechtelijke gegevens (AVG art. 9/10)", blank=True
    )
    national_law = models.TextField("wettelijke taak of wet", blank=True)
    data_categories = models.TextField("categorieën persoonsgegevens")
    person_categories = models.TextField("categorieën betrokkenen")
    recipients = models.TextField("ontvangers")
    retention = models.TextField("bewaartermijn")
    controller = models.CharField("verwerkingsverantwoordelijke", max_length=200)
    joint_controllers = models.TextField("gezamenlijk verwerkingsverantwoordelijken en convenant", blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        verbose_name = "verwerkingsactiviteit"
        verbose_name_plural = "verwerkingsactiviteiten"

    def __str__(self) -> str:
        return self.name


class RequestKind(models.TextChoices):
    ACCESS = "inzage", "Inzage (AVG art. 15)"
    RECTIFICATION = "rectificatie", "Rectificatie (AVG art. 16)"
    RESTRICTION = "beperking", "Beperking van de verwerking (AVG art. 18)"
    OBJECTION = "bezwaar", "Bezwaar tegen de verwerking (AVG art. 21)"


class RequestDecision(models.TextChoices):
    GRANTED = "toegewezen", "Toegewezen"
    PARTLY = "deels", "Deels toegewezen"
    REFUSED = "afgewezen", "Afgewezen"


class RequestStatus(models.TextChoices):
    OPEN = "open", "In behandeling"
    DONE = "afgehandeld", "Afgehandeld"


class DataSubjectRequest(BaseModel):
    """A data subject's request, with the identity check the officer recorded and its one-month deadline.

    Under the WGS one request to the contact point covers every joint controller in Regie."""

    reference = models.CharField("kenmerk", max_length=20, unique=True)
    kind = models.CharField("soort", max_length=20, choices=RequestKind.choices, default=RequestKind.ACCESS)
    person = models.ForeignKey("subjects.Person", on_delete=models.PROTECT, related_name="+")
    received_on = models.DateField("ontvangen op")
    deadline = models.DateField("uiterste datum")
    extended_to = models.DateField("verlengd tot", null=True, blank=True)
    extension_reason = models.TextField("reden van verlenging", blank=True)
    identity_check = models.CharField("identiteit vastgesteld met", max_length=200)
    identity_checked_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        "status", max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    completed_at = models.DateTimeField("afgehandeld op", null=True, blank=True)
    # Rectification, restriction and objection (AVG art. 16, 18, 21): what is asked, and the decision with reasons.
    subject_matter = models.TextField("wat de betrokkene vraagt", blank=True)
    rectify_field = models.CharField("te verbeteren gegeven", max_length=20, blank=True)
    rectify_value = models.CharField("juiste waarde", max_length=200, blank=True)
    decision = models.CharField("besluit", max_length=12, choices=RequestDecision.choices, blank=True)
    decision_reasons = models.TextField("motivering (bij bezwaar: de afweging)", blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "reference"]
        verbose_name = "verzoek van een betrokkene"
        verbose_name_plural = "verzoeken van betrokkenen"

    def __str__(self) -> str:
        return self.reference

    @property
    def due(self) -> date:
        """The date the answer is due: the deadline, or the extended one."""
        return self.extended_to or self.deadline


class WithholdingGround(models.TextChoices):
    CRIMINAL = (
        "art23-d",
        "Voorkomen, onderzoeken en vervolgen van strafbare feiten (AVG art. 23 lid 1 sub d, UAVG art. 41)",
    )
    OTHERS = "art15-4", "Rechten en vrijheden van anderen (AVG art. 15 lid 4, UAVG art. 41 lid 1 sub i)"
    SUPERVISION = "art23-h", "Toezicht en handhaving door de overheid (AVG art. 23 lid 1 sub h, UAVG art. 41)"


class Withholding(BaseModel):
    """One part of an access export held back on a legal ground, approved by the privacy officer: the part is left
    out of the export, the ground recorded; the data subject is told that a legal exception was applied."""

    request = models.ForeignKey(DataSubjectRequest, on_delete=models.PROTECT, related_name="withholdings")
    item = models.CharField("onderdeel (sleutel)", max_length=80)
    item_label = models.CharField("onderdeel", max_length=200)
    ground = models.CharField("grond", max_length=10, choices=WithholdingGround.choices)
    explanation = models.TextField("toelichting")
    approved_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]
        verbose_name = "achtergehouden onderdeel"
        constraints = [models.UniqueConstraint(fields=["request", "item"], name="withholding_once_per_item")]

    def __str__(self) -> str:
        return self.item_label


class ProcessingRestriction(BaseModel):
    """A person's data marked as restricted (AVG art. 18, or after an objection under art. 21 was granted): only
    stored, not processed further, until lifted. Every page that shows the person says so."""

    person = models.ForeignKey("subjects.Person", on_delete=models.PROTECT, related_name="+")
    request = models.ForeignKey(DataSubjectRequest, on_delete=models.PROTECT, related_name="restrictions")
    reason = models.TextField("reden")
    lifted_at = models.DateTimeField("opgeheven op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "beperking van de verwerking"
        verbose_name_plural = "beperkingen van de verwerking"

    def __str__(self) -> str:
        return self.reason


class RecordKind(models.TextChoices):
    CASE = "casus", "Casus (met notities, documenten, taken en tijdlijn)"


class Valuation(models.TextChoices):
    DESTROY = "V", "Vernietigen na de termijn (V)"
    KEEP = "B", "Blijvend bewaren (B)"


class RetentionRule(BaseModel):
    """How long a kind of record of one case type is kept (Selectielijst gemeenten 2020), counted from closure."""

    case_type = models.ForeignKey("cases.CaseType", on_delete=models.PROTECT, related_name="+")
    record_kind = models.CharField("soort record", max_length=20, choices=RecordKind.choices, default="casus")
    category_code = models.CharField("categorie Selectielijst", max_length=20)
    category_label = models.CharField("omschrijving resultaattype", max_length=200)
    valuation = models.CharField(
        "waardering", max_length=1, choices=Valuation.choices, default=Valuation.DESTROY
    )
    term_years = models.PositiveSmallIntegerField("termijn (jaren)", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["case_type__label"]
        verbose_name = "bewaarregel"
        constraints = [
            models.UniqueConstraint(fields=["case_type", "record_kind"], name="retention_rule_one_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.category_code} {self.category_label}"


class ListStatus(models.TextChoices):
    NEW = "nieuw", "Nieuw"
    READY_FOR_ARCHIVIST = "klaar-voor-archivaris", "Klaar voor archivaris"
    READY_TO_DESTROY = "klaar-om-te-vernietigen", "Klaar om te vernietigen"
    DESTROYED = "vernietigd", "Vernietigd"


class DestructionList(BaseModel):
    """Records whose term has ended, proposed by the nightly job; reviewed, approved by a second person, destroyed
    after the cooling-off period. The list and its items are the destruction record, kept permanently: they hold
    no personal data (case number, type, category code and dates only)."""

    name = models.CharField("naam", max_length=120, unique=True)
    status = models.CharField("status", max_length=30, choices=ListStatus.choices, default=ListStatus.NEW)
    reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    destroy_after = models.DateTimeField("niet vernietigen voor", null=True, blank=True)
    destroyed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    destroyed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "vernietigingslijst"
        verbose_name_plural = "vernietigingslijsten"

    def __str__(self) -> str:
        return self.name


class DestructionItem(BaseModel):
    """One record on a destruction list: what kind, which rule, which dates; never the record's content."""

    destruction_list = models.ForeignKey(DestructionList, on_delete=models.PROTECT, related_name="items")
    case_id = models.UUIDField("casus-id")
    case_number = models.CharField("casusnummer", max_length=12)
    case_type_label = models.CharField("casustype", max_length=120)
    category_code = models.CharField("categorie Selectielijst", max_length=20)
    term_years = models.PositiveSmallIntegerField("termijn (jaren)")
    closed_on = models.DateField("gesloten op")
    expired_on = models.DateField("termijn verstreken op")
    excluded_reason = models.TextField("reden van uitzondering", blank=True)
    destroyed_at = models.DateTimeField(null=True, blank=True)
    # Storage names of the case's files while they wait for deletion after the commit (a resumed run deletes
    # what a killed one left); random names, no personal data.
    pending_files = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["case_number"]
        verbose_name = "record op een vernietigingslijst"
        constraints = [
            models.UniqueConstraint(fields=["destruction_list", "case_id"], name="destruction_item_once"),
        ]

    def __str__(self) -> str:
        return self.case_number
