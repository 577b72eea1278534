"""Cases across departments and partners: team, tasks, notes, documents, timeline, links (C3)."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from regie.core.models import BaseModel
from regie.core.transitions import TransitionTable


class DataCategory(models.TextChoices):
    GENERAL = "general", "Algemeen"
    CARE = "care", "Zorg (AVG art. 9)"
    JUSTICE = "justice", "Justitie (AVG art. 10)"


ALL_CATEGORIES = tuple(DataCategory.values)


class CaseStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in-behandeling", "In behandeling"
    STEPPED_DOWN = "afgeschaald", "Afgeschaald"
    CLOSED = "gesloten", "Gesloten"


# Which case status may follow which (consulted by every service that changes a case's status: case_update,
# case_close). Closing goes through case_close, which asks for a reason; a closed case is never reopened.
CASE_TRANSITIONS = TransitionTable(
    statuses=CaseStatus,
    allowed={
        CaseStatus.OPEN: frozenset({CaseStatus.IN_PROGRESS, CaseStatus.STEPPED_DOWN, CaseStatus.CLOSED}),
        CaseStatus.IN_PROGRESS: frozenset({CaseStatus.OPEN, CaseStatus.STEPPED_DOWN, CaseStatus.CLOSED}),
        CaseStatus.STEPPED_DOWN: frozenset({CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.CLOSED}),
        CaseStatus.CLOSED: frozenset(),
    },
    refusals={CaseStatus.CLOSED: "een gesloten casus wordt niet heropend; open zo nodig een nieuwe casus."},
    noun="casus",
)


class Priority(models.TextChoices):
    LOW = "laag", "Laag"
    NORMAL = "normaal", "Normaal"
    HIGH = "hoog", "Hoog"
    URGENT = "urgent", "Urgent"


class CaseType(BaseModel):
    """A configurable kind of case, with default data categories and a retention period (policy data)."""

    code = models.SlugField("code", max_length=60, unique=True)
    label = models.CharField("naam", max_length=120)
    default_categories = ArrayField(
        models.CharField(max_length=10, choices=DataCategory.choices),
        verbose_name="standaard gegevenscategorieën",
        default=list,
    )
    retention_years = models.PositiveSmallIntegerField("bewaartermijn (jaren)")
    active = models.BooleanField("actief", default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["label"]
        verbose_name = "casustype"

    def __str__(self) -> str:
        return self.label


class CaseNumberCounter(models.Model):
    """Per year the last issued case number; a row lock hands out numbers without gaps or doubles."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Case(BaseModel):
    """The unit of coordinated work around a person, address, location or business."""

    number = models.CharField("casusnummer", max_length=12, unique=True)
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="cases")
    case_type = models.ForeignKey(CaseType, on_delete=models.PROTECT, related_name="cases")
    title = models.CharField("titel", max_length=200)
    status = models.CharField("status", max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    priority = models.CharField(
        "prioriteit", max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    coordinator = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="coordinated_cases",
        verbose_name="coördinator",
    )
    closed_reason = models.TextField("reden van sluiten", blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    next_deadline = models.DateField("eerstvolgende termijn", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "casus"
        verbose_name_plural = "casussen"
        indexes = [
            models.Index(fields=["coordinator", "next_deadline"], name="case_coordinator_deadline"),
            models.Index(fields=["status", "next_deadline"], name="case_status_deadline"),
            models.Index(fields=["case_type", "status"], name="case_type_status"),
            # Index-only for the coordinator branch of the door's visible-case union (benchmarks/README.md).
            models.Index(fields=["coordinator"], include=["id"], name="case_coordinator_ids"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class SubjectRole(models.TextChoices):
    INVOLVED = "betrokkene", "Betrokkene"
    RESIDENT = "bewoner", "Bewoner"
    OWNER = "eigenaar", "Eigenaar"
    REPORTER = "melder", "Melder"
    OCCUPANT = "gebruiker", "Gebruiker"
    LOCATION = "locatie", "Locatie"


class CaseSubject(BaseModel):
    """A person, address, location or business in a case, with its role there (exactly one of the four)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="subjects")
    role = models.CharField("rol", max_length=20, choices=SubjectRole.choices)
    person = models.ForeignKey(
        "subjects.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="case_links"
    )
    address = models.ForeignKey(
        "subjects.Address", on_delete=models.PROTECT, null=True, blank=True, related_name="case_links"
    )
    location = models.ForeignKey(
        "subjects.Location", on_delete=models.PROTECT, null=True, blank=True, related_name="case_links"
    )
    business = models.ForeignKey(
        "subjects.Business", on_delete=models.PROTECT, null=True, blank=True, related_name="case_links"
    )
    # A copy of the person's name search vector, kept by database triggers (migration 0003): a name search among
    # the persons of the visible cases then needs no probe per person (decision 0004).
    person_name = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "betrokkene in casus"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        person__isnull=False,
                        address__isnull=True,
                        location__isnull=True,
                        business__isnull=True,
                    )
                    | models.Q(
                        person__isnull=True,
                        address__isnull=False,
                        location__isnull=True,
                        business__isnull=True,
                    )
                    | models.Q(
                        person__isnull=True,
                        address__isnull=True,
                        location__isnull=False,
                        business__isnull=True,
                    )
                    | models.Q(
                        person__isnull=True,
                        address__isnull=True,
                        location__isnull=True,
                        business__isnull=False,
                    )
                ),
                name="case_subject_exactly_one",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "case"], name="case_subject_person"),
            # "The persons of these cases" (the door for persons) as an index-only scan.
            models.Index(fields=["case"], include=["person"], name="case_subject_case_persons"),
            GinIndex(fields=["person_name"], name="case_subject_person_name"),
        ]


class CaseMember(BaseModel):
    """A user or a whole organisation on a case team, with a case role and the data categories they may see."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, null=True, blank=True, related_name="case_memberships"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="case_memberships",
    )
    case_role = models.CharField("rol in de casus", max_length=60)
    categories = ArrayField(
        models.CharField(max_length=10, choices=DataCategory.choices), verbose_name="gegevenscategorieën"
    )
    can_edit = models.BooleanField("mag bewerken", default=True)

    class Meta:
        verbose_name = "teamlid"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, organisation__isnull=True)
                | models.Q(user__isnull=True, organisation__isnull=False),
                name="case_member_user_xor_organisation",
            ),
            models.UniqueConstraint(
                fields=["case", "user"],
                name="case_member_user_unique",
                condition=models.Q(user__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["case", "organisation"],
                name="case_member_org_unique",
                condition=models.Q(organisation__isnull=False),
            ),
            models.CheckConstraint(condition=~models.Q(categories=[]), name="case_member_has_categories"),
        ]
        indexes = [
            models.Index(fields=["user", "case"], name="case_member_user"),
            models.Index(fields=["organisation", "case"], name="case_member_org"),
        ]


class CaseVisibility(models.Model):
    """Who sees which case, one row per way in (the coordinator, or one team membership), with the columns "open
    cases by deadline" sorts and filters on: the visibility table of decision 0019 (0004's next step).

    Written only by the database's triggers on cases_case and cases_casemember (migration 0006), in the same
    transaction as the change, so it is never behind; the door's union (access.case_access) stays the rule, and
    every list page read from this table is checked against it row by row."""

    id = models.BigAutoField(primary_key=True)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+", db_index=False)
    member = models.ForeignKey(CaseMember, on_delete=models.CASCADE, null=True, related_name="+")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, null=True, related_name="+", db_index=False)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    status = models.CharField(max_length=20, choices=CaseStatus.choices)
    next_deadline = models.DateField(null=True)
    number = models.CharField(max_length=12)
    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="+", db_index=False)
    coordinator = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="+", db_index=False
    )

    class Meta:
        verbose_name = "zichtbaarheid van een casus"
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(member__isnull=True), name="case_visibility_one_coordinator"
            ),
        ]
        indexes = [
            # "Open cases by deadline" for a user or an organisation: one ordered index-only scan with LIMIT.
            models.Index(
                fields=["user", "next_deadline", "number"],
                include=["case", "status", "case_type", "coordinator"],
                condition=models.Q(user__isnull=False),
                name="case_visibility_user",
            ),
            models.Index(
                fields=["organisation", "next_deadline", "number"],
                include=["case", "status", "case_type", "coordinator"],
                condition=models.Q(organisation__isnull=False),
                name="case_visibility_org",
            ),
            models.Index(fields=["case"], name="case_visibility_case"),
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.user_id or self.organisation_id}"


class Task(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField("taak", max_length=200)
    owner = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="tasks")
    due_date = models.DateField("uiterste datum", null=True, blank=True)
    due_explanation = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "taak"
        ordering = ["done_at", "due_date"]
        indexes = [models.Index(fields=["owner", "done_at", "due_date"], name="task_owner_open_due")]


class Note(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    category = models.CharField("gegevenscategorie", max_length=10, choices=DataCategory.choices)
    text = models.TextField("notitie")
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "notitie"
        ordering = ["-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="note_search_gin"),
            models.Index(fields=["case", "category"], name="note_case_category"),
        ]


class Document(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    category = models.CharField("gegevenscategorie", max_length=10, choices=DataCategory.choices)
    title = models.CharField("titel", max_length=200)
    document_type = models.CharField("soort document", max_length=40)
    filename = models.CharField("bestandsnaam", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=100, unique=True)
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "document"
        ordering = ["-created_at"]


class TimelineEvent(BaseModel):
    """Append-only history of a case; an event tied to a note or document carries that data category."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, related_name="+")
    kind = models.CharField(max_length=60)
    summary = models.CharField(max_length=300)
    category = models.CharField(max_length=10, choices=DataCategory.choices, default=DataCategory.GENERAL)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["case", "-at"], name="timeline_case_at")]


class CaseLink(BaseModel):
    from_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_out")
    to_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_in")
    reason = models.CharField("reden", max_length=200, blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["from_case", "to_case"], name="case_link_unique"),
            models.CheckConstraint(
                condition=~models.Q(from_case=models.F("to_case")), name="case_link_not_self"
            ),
        ]


class BreakTheGlass(BaseModel):
    """Emergency access by a process director to a case they are not on: reasoned, time-limited, reviewed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="emergency_accesses")
    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="emergency_accesses")
    reason = models.TextField("reden")
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_approved = models.BooleanField(null=True)
    review_note = models.TextField(blank=True)

    class Meta:
        verbose_name = "noodtoegang"
        indexes = [models.Index(fields=["user", "case", "expires_at"], name="btg_user_case_expiry")]


class Confidentiality(models.TextChoices):
    """The Zaken API's vertrouwelijkheidaanduiding of a zaak handed over (its published values)."""

    INTERNAL = "intern", "Intern"
    CASE_CONFIDENTIAL = "zaakvertrouwelijk", "Zaakvertrouwelijk"
    CONFIDENTIAL = "vertrouwelijk", "Vertrouwelijk"
    HIGHLY_CONFIDENTIAL = "confidentieel", "Confidentieel"


class ZaakTypeMapping(BaseModel):
    """Policy table (beheerder): how a case of this type becomes a zaak in the municipality's zaaksysteem — its
    zaaktype, the roltype of the coordinator and of the persons in which case roles, and the statustypen."""

    case_type = models.OneToOneField(CaseType, on_delete=models.CASCADE, related_name="zaak_mapping")
    zaaktype = models.URLField("zaaktype (URL in de Catalogi API)", max_length=1000)
    coordinator_roltype = models.URLField("roltype van de coördinator", max_length=1000, blank=True)
    person_roltype = models.URLField("roltype van de betrokken personen", max_length=1000, blank=True)
    person_roles = ArrayField(
        models.CharField(max_length=20, choices=SubjectRole.choices),
        verbose_name="personen met deze rol in de casus gaan mee",
        default=list,
        blank=True,
    )
    open_statustype = models.URLField("statustype van een lopende casus", max_length=1000, blank=True)
    closed_statustype = models.URLField("statustype van een gesloten casus", max_length=1000, blank=True)
    # The documents chosen at a hand-over become informatieobjecten of this type; without one none can go along.
    informatieobjecttype = models.URLField("informatieobjecttype van documenten", max_length=1000, blank=True)
    confidentiality = models.CharField(
        "vertrouwelijkheid",
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.CONFIDENTIAL,
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "zaaktypekoppeling"


class CaseHandOver(BaseModel):
    """The last successful hand-over of a case to the zaaksysteem: the zaak it became (one zaak per case)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="hand_over")
    zaak_url = models.URLField(max_length=1000)
    identificatie = models.CharField(max_length=40)
    statustype = models.URLField(max_length=1000, blank=True)  # the last status Regie set on the zaak
    # The roltypes Regie filled on the zaak: on the next hand-over their roles follow the case (even when the
    # mapping no longer names the roltype), roles of other roltypes are the zaaksysteem's own.
    roltypes = ArrayField(models.URLField(max_length=1000), default=list, blank=True)
    handed_over_at = models.DateTimeField()
    handed_over_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    times = models.PositiveIntegerField(default=1)
    persons = models.PositiveIntegerField(default=0)  # how many persons went along the last time

    class Meta:
        verbose_name = "overdracht aan het zaaksysteem"


class CaseHandOverDocument(BaseModel):
    """A document handed over with the case: the informatieobject it became and its link to the zaak. A document
    recorded here is not sent again on a next hand-over to the same zaak."""

    hand_over = models.ForeignKey(CaseHandOver, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    informatieobject_url = models.URLField(max_length=1000)
    zaakinformatieobject_url = models.URLField(max_length=1000)
    handed_over_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "document overgedragen aan het zaaksysteem"
        constraints = [
            models.UniqueConstraint(fields=["hand_over", "document"], name="hand_over_document_unique"),
        ]
