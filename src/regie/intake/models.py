"""Signals (meldingen): what arrived, from whom, where it is routed, who triages it and what was decided (C1).

A signal is stored the moment it arrives and processed after (classification, routing, matching), so nothing a
reporter sent can be lost to a failing step. Its history is an append-only list of events; categories, their
response times, the classifier threshold and the routing rules are policy data the functional administrator edits.
"""

from __future__ import annotations

from django.db import models

from regie.core.models import BaseModel
from regie.core.transitions import TransitionTable


class Source(models.TextChoices):
    STAFF = "medewerker", "Medewerker van de gemeente"
    PARTNER = "partner", "Ketenpartner"
    RESIDENT = "inwoner", "Inwoner"
    ENTREPRENEUR = "ondernemer", "Ondernemer"
    INSPECTION = "inspectie", "Controle of inspectie"
    ANONYMOUS = "anoniem", "Anoniem"
    VICTIM = "slachtoffer", "Slachtoffer (terugbelverzoek digitale veiligheid)"


class Channel(models.TextChoices):
    STAFF_FORM = "formulier", "Formulier (medewerker of partner)"
    API = "api", "API (ketenpartner)"
    PUBLIC_FORM = "publiek-formulier", "Meldformulier (/melden)"
    PUBLIC_API = "publiek-api", "Publieke API"
    INSPECTION = "inspectie", "Vanuit een controle in Regie"


class Urgency(models.TextChoices):
    NORMAL = "normaal", "Normaal"
    URGENT = "urgent", "Urgent"


class LocationKind(models.TextChoices):
    """Where the signal is about; routing rules can use it (a park lot goes to the park team)."""

    DWELLING = "woning", "Woning"
    PARK_LOT = "park-lot", "Vakantiepark"
    BUSINESS_UNIT = "business-unit", "Bedrijventerrein of bedrijfspand"
    FARM_SHED = "farm-shed", "Buitengebied (schuur, stal, erf)"
    PUBLIC_SPACE = "area", "Openbare ruimte"
    ONLINE = "online", "Online (internet, telefoon, e-mail)"


class ProcessingState(models.TextChoices):
    PENDING = "wachtend", "Wordt verwerkt"
    OK = "ok", "Verwerkt"
    FAILED = "mislukt", "Verwerking mislukt"


class Status(models.TextChoices):
    NEW = "nieuw", "Nieuw"
    CLAIMED = "opgepakt", "Opgepakt"
    DONE = "afgehandeld", "Afgehandeld"


# Which signal status may follow which (consulted by the services that change it: claim, release and the triage
# decisions). A decision on an unclaimed signal claims it for the one deciding, in the same transaction.
SIGNAL_TRANSITIONS = TransitionTable(
    statuses=Status,
    allowed={
        Status.NEW: frozenset({Status.CLAIMED, Status.DONE}),
        Status.CLAIMED: frozenset({Status.NEW, Status.DONE}),
        Status.DONE: frozenset(),
    },
    refusals={Status.DONE: "dit signaal is al afgehandeld."},
    noun="signaal",
)


class Decision(models.TextChoices):
    NEW_CASE = "nieuwe-casus", "Nieuwe casus gestart"
    ADD_TO_CASE = "bestaande-casus", "Toegevoegd aan een bestaande casus"
    REFER = "doorverwezen", "Doorverwezen naar een partner"
    MERGE = "samengevoegd", "Samengevoegd met een ander signaal"
    CLOSE = "gesloten", "Gesloten zonder actie"


class SubjectKind(models.TextChoices):
    PERSON = "persoon", "Persoon"
    ADDRESS = "adres", "Adres"
    LOCATION = "locatie", "Locatie"
    BUSINESS = "bedrijf", "Bedrijf"


class SignalCategory(BaseModel):
    """A kind of signal with the response times the municipality promises (policy data, versioned)."""

    code = models.SlugField("code", max_length=60, unique=True)
    label = models.CharField("naam", max_length=120)
    triage_days = models.PositiveSmallIntegerField("triage binnen (werkdagen)")
    first_action_days = models.PositiveSmallIntegerField("eerste actie binnen (werkdagen)")
    urgent_hours = models.PositiveSmallIntegerField("bij urgent: triage en eerste actie binnen (uren)")
    position = models.PositiveSmallIntegerField("volgorde", default=0)
    active = models.BooleanField("actief", default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["position", "label"]
        verbose_name = "signaalcategorie"
        verbose_name_plural = "signaalcategorieën"

    def __str__(self) -> str:
        return self.label


class ClassifierSetting(models.Model):
    """The one row of classifier policy: below `threshold` a suggestion becomes `overig` for a person to decide."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    threshold = models.DecimalField("drempel voor een categorievoorstel", max_digits=3, decimal_places=2)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "instelling classificatie"
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="classifier_setting_single_row")]

    def __str__(self) -> str:
        return f"drempel {self.threshold}"


class RoutingRule(BaseModel):
    """Category, source, location kind and urgency → a team's queue. Ordered; the first rule that matches wins."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField("volgorde")
    name = models.CharField("omschrijving", max_length=160)
    category = models.ForeignKey(
        SignalCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="categorie",
    )
    source = models.CharField("bron", max_length=20, choices=Source.choices, blank=True)
    location_kind = models.CharField("soort locatie", max_length=20, choices=LocationKind.choices, blank=True)
    urgency = models.CharField("urgentie", max_length=10, choices=Urgency.choices, blank=True)
    target = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name="naar wachtrij van"
    )
    active = models.BooleanField("actief", default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["position", "created_at"]
        verbose_name = "routeringsregel"


class QueueLead(BaseModel):
    """Who leads a team's queue: overdue signals in that queue are escalated to this person."""

    organisation = models.OneToOneField("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    lead = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "teamleider wachtrij"


class SignalCounter(models.Model):
    """Per year the last issued signal reference; a row lock hands out references without gaps or doubles."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Signal(BaseModel):
    """One signal as received, with its processing outcome, queue, clock, claim and triage decision."""

    reference = models.CharField("referentie", max_length=16, unique=True)
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.PROTECT, related_name="signals"
    )
    received_at = models.DateTimeField("ontvangen op", db_index=True)
    source = models.CharField("bron", max_length=20, choices=Source.choices)
    channel = models.CharField("kanaal", max_length=20, choices=Channel.choices)
    partner_organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    came_from = models.CharField("gemeld vanaf pagina", max_length=300, blank=True)
    description = models.TextField("omschrijving")
    urgency = models.CharField("urgentie", max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    location_kind = models.CharField("soort locatie", max_length=20, choices=LocationKind.choices, blank=True)
    location_text = models.CharField("waar", max_length=300, blank=True)
    reporter_name = models.CharField("naam melder", max_length=160, blank=True)
    reporter_email = models.EmailField("e-mail melder", blank=True)
    reporter_phone = models.CharField("telefoon melder", max_length=30, blank=True)
    # Classification: the model's suggestion and, separately, the category that counts (a person may correct it).
    suggested_category = models.ForeignKey(
        SignalCategory, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    suggested_confidence = models.FloatField(null=True, blank=True)
    category = models.ForeignKey(
        SignalCategory, on_delete=models.PROTECT, null=True, blank=True, related_name="signals"
    )
    category_set_by_person = models.BooleanField(default=False)
    processing_state = models.CharField(
        max_length=10, choices=ProcessingState.choices, default=ProcessingState.PENDING
    )
    processing_error = models.TextField(blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    queue = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="signal_queue"
    )
    routing_rule = models.ForeignKey(
        RoutingRule, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW)
    claimed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="claimed_signals"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    # The response clock (rule 4: computed by core.terms on the Atw calendar, stored in UTC).
    triage_due_at = models.DateTimeField(null=True, blank=True)
    first_action_due_at = models.DateTimeField(null=True, blank=True)
    first_action_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    decision_reason = models.TextField("toelichting bij het besluit", blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="signals"
    )
    referred_to = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    referral_shared = models.TextField("gedeelde gegevens", blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates"
    )
    # A public reporter may look up the status with the reference and a code shown once; only its hash is kept.
    status_code_hash = models.CharField("hash van de statuscode", max_length=128, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        indexes = [
            models.Index(fields=["municipality", "status", "triage_due_at"], name="signal_muni_queue"),
            models.Index(fields=["queue", "status", "triage_due_at"], name="signal_team_queue"),
            models.Index(fields=["partner_organisation", "-received_at"], name="signal_partner"),
            models.Index(fields=["status", "first_action_due_at"], name="signal_clock"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status != Status.DONE


class SignalSubject(BaseModel):
    """A person, address, location or business as the reporter described it, with match suggestions.

    `data` keeps the identity exactly as sent; the suggestions come from the matching service; a person confirms
    one (or decides a new one is created) at triage.
    """

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="subjects")
    kind = models.CharField(max_length=10, choices=SubjectKind.choices)
    role = models.CharField(max_length=20, default="betrokkene")
    data = models.JSONField(default=dict)
    suggestions = models.JSONField(default=list, blank=True)
    person = models.ForeignKey(
        "subjects.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    address = models.ForeignKey(
        "subjects.Address", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    location = models.ForeignKey(
        "subjects.Location", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    business = models.ForeignKey(
        "subjects.Business", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "betrokkene bij signaal"


class SignalAttachment(BaseModel):
    """A file sent with a signal: type sniffed from the content, stored outside the web root (as case documents)."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "bijlage bij signaal"


class SignalEvent(models.Model):
    """Append-only history of a signal (a database trigger refuses UPDATE)."""

    id = models.BigAutoField(primary_key=True)
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=40)
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["signal", "at"], name="signal_event_at")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.summary}"


class ClassificationCorrection(BaseModel):
    """A person's correction of a signal's category: kept to retrain the classifier with."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="corrections")
    from_code = models.CharField(max_length=60, blank=True)
    to_code = models.CharField(max_length=60)
    corrected_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]
        verbose_name = "correctie van classificatie"


class PublicRateWindow(models.Model):
    """Public submissions per (hashed) address per time window: one counter shared by all web processes."""

    id = models.BigAutoField(primary_key=True)
    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="public_rate_window_unique")
        ]
        indexes = [models.Index(fields=["window_start"], name="public_rate_window_start")]

    def __str__(self) -> str:
        return f"{self.window_start}: {self.count}"
