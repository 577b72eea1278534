"""Municipalities, organisations (departments and partners), users with one role, and personal API tokens."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower

from regie.core.models import BaseModel


class Role(models.TextChoices):
    PROCESS_DIRECTOR = "procesregisseur", "Procesregisseur"
    PROJECT_LEADER = "projectleider", "Projectleider"
    INSPECTOR = "handhaver", "Handhaver"
    LAWYER = "jurist", "Jurist"
    BRP = "brp", "Medewerker burgerzaken (BRP)"
    PARTNER = "partner", "Ketenpartner"
    ANALYST = "analist", "Analist"
    ADMINISTRATOR = "beheerder", "Functioneel beheerder"
    PRIVACY = "privacy", "Privacyfunctionaris"
    ARCHIVIST = "archivaris", "Archivaris"


class OrganisationKind(models.TextChoices):
    DEPARTMENT = "afdeling", "Afdeling van de gemeente"
    PARTNER = "partner", "Externe partner"


class PartnerType(models.TextChoices):
    NONE = "", "—"
    POLICE = "politie", "Politie"
    PROSECUTOR = "openbaar-ministerie", "Openbaar Ministerie"
    PROBATION = "reclassering", "Reclassering"
    MENTAL_HEALTH = "ggz", "Geestelijke gezondheidszorg (GGZ)"
    YOUTH_PROTECTION = "jeugdbescherming", "Jeugdbescherming"
    VEILIG_THUIS = "veilig-thuis", "Veilig Thuis"
    HOUSING = "woningcorporatie", "Woningcorporatie"
    PROVINCE = "provincie", "Provincie"
    NEIGHBOURHOOD_TEAM = "wijkteam", "Wijkteam"
    VICTIM_SUPPORT = "slachtofferhulp", "Slachtofferhulp"
    FIRE_SERVICE = "brandweer", "Brandweer"
    ENVIRONMENT_AGENCY = "omgevingsdienst", "Omgevingsdienst"
    OTHER = "overig", "Overige partner"


class Municipality(BaseModel):
    """A municipality served by this deployment (one deployment may serve a region)."""

    name = models.CharField("naam", max_length=120, unique=True)
    code = models.CharField("CBS-gemeentecode", max_length=4, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "gemeente"

    def __str__(self) -> str:
        return self.name


class Organisation(BaseModel):
    """An internal department or an external partner; every user belongs to exactly one."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="organisations")
    name = models.CharField("naam", max_length=160)
    kind = models.CharField("soort", max_length=20, choices=OrganisationKind.choices)
    partner_type = models.CharField("type partner", max_length=30, choices=PartnerType.choices, blank=True)
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("telefoon", max_length=30, blank=True)
    active = models.BooleanField("actief", default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        verbose_name = "organisatie"
        constraints = [
            models.UniqueConstraint(Lower("name"), "municipality", name="organisation_name_unique_ci"),
            models.CheckConstraint(
                condition=models.Q(kind="afdeling", partner_type="")
                | models.Q(kind="partner") & ~models.Q(partner_type=""),
                name="organisation_partner_type_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_partner(self) -> bool:
        return self.kind == OrganisationKind.PARTNER


class RegieUserManager(UserManager["User"]):
    pass


class User(AbstractUser):
    """A staff or partner user with one role in one organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="users", null=True, blank=True
    )
    role = models.CharField("rol", max_length=20, choices=Role.choices)
    phone = models.CharField("telefoon", max_length=30, blank=True)
    job_title = models.CharField("functie", max_length=120, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[RegieUserManager] = RegieUserManager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = "gebruiker"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""


class ApiToken(BaseModel):
    """A personal API token: only a SHA-256 hash is stored; the token itself is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("naam", max_length=80)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API-token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class AccountChangeStatus(models.TextChoices):
    PENDING = "wacht", "Wacht op goedkeuring"
    APPROVED = "goedgekeurd", "Goedgekeurd"
    REJECTED = "afgewezen", "Afgewezen"


class AccountChange(BaseModel):
    """A change of role or organisation that would give an account access to cases (four eyes): stored with the
    old and new values until a second administrator approves it; only then does the account change."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="access_changes")
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    old_role = models.CharField("huidige rol", max_length=20, choices=Role.choices)
    old_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    new_role = models.CharField("nieuwe rol", max_length=20, choices=Role.choices)
    new_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        "status", max_length=12, choices=AccountChangeStatus.choices, default=AccountChangeStatus.PENDING
    )
    decided_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField("toelichting", max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "wijziging van rol of organisatie"
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status="wacht"), name="one_pending_access_change_per_user"
            ),
            models.CheckConstraint(
                condition=models.Q(status="wacht", decided_by__isnull=True, decided_at__isnull=True)
                | ~models.Q(status="wacht") & models.Q(decided_by__isnull=False, decided_at__isnull=False),
                name="access_change_decided_when_not_pending",
            ),
            # Four eyes in the database too: nobody asks for their own change or decides on one they asked for
            # or that is about them.
            models.CheckConstraint(
                condition=~models.Q(requested_by=models.F("user")), name="access_change_not_asked_by_its_user"
            ),
            models.CheckConstraint(
                condition=~models.Q(decided_by=models.F("requested_by"))
                & ~models.Q(decided_by=models.F("user")),
                name="access_change_decided_by_another",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.old_role} → {self.new_role} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == AccountChangeStatus.PENDING


class ExternalIdentity(BaseModel):
    """A staff member's account at an identity provider (single sign-on): matched by the provider's stable claim
    (`sub`, or e.g. Entra ID's `oid`), never by name or e-mail address."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="external_identities")
    provider = models.CharField("aanbieder", max_length=30)
    subject = models.CharField("kenmerk bij de aanbieder", max_length=255)
    last_login_at = models.DateTimeField("laatst ingelogd", null=True, blank=True)

    class Meta:
        verbose_name = "account bij de inlogdienst"
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="external_identity_unique_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.user}"


class OidcRoleMapping(BaseModel):
    """The beheerder's table: a value of the provider's role claim (a group) gives a role in an organisation.

    The first row (by `position`) whose value the user's claim holds decides; no row: no access."""

    provider = models.CharField("aanbieder", max_length=30, blank=True, help_text="Leeg: elke aanbieder.")
    claim_value = models.CharField("waarde in de claim", max_length=200)
    role = models.CharField("rol", max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField("volgorde", default=100)
    version = models.PositiveIntegerField(default=1)
    # Four eyes, as for a role change on the user pages: a row that gives a role working on cases takes effect only
    # once another beheerder approved it (`approved_at`); other rows take effect at once (approved_by stays empty).
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    approved_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    approved_at = models.DateTimeField("geldt sinds", null=True, blank=True)

    class Meta:
        ordering = ["position", "claim_value"]
        verbose_name = "rolkoppeling voor eenmalige aanmelding"
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "claim_value"], name="oidc_role_mapping_unique_value"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_value} → {self.role_label}"

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role in Role.values else self.role

    @property
    def in_effect(self) -> bool:
        return self.approved_at is not None
