"""The person-centred approach (PGA, issue 14): referral and screening, the PGA case on top of a regie.cases Case,
its plan per life domain (Zelfredzaamheid-Matrix), dated scores, evaluations and the exit.

The ZRM is versioned reference data (`ZrmVersion` with its `ZrmDomain`s): each domain carries the data category of
what its score and note say (health domains are care data, Justitie is justice data), so a team member without
that category on the case sees neither.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from regie.cases.models import DataCategory
from regie.core.models import BaseModel

STALE_AFTER_DAYS = 30  # a ZRM score describes the last 30 days; an older one is shown as stale
RE_REFERRAL_MONTHS = 12  # a new referral within a year of an exit is flagged at screening


class Urgency(models.TextChoices):
    NORMAL = "normaal", "Normaal"
    HIGH = "hoog", "Hoog"
    URGENT = "spoed", "Spoed"


class ReferralSource(models.TextChoices):
    PROFESSIONAL = "professional", "Professional of ketenpartner"
    SIGNAL = "signaal", "Getrieerd signaal"
    CASE = "casus", "Bestaande casus"


class ReferralStatus(models.TextChoices):
    AWAITING = "wacht", "Wacht op screening"
    DECIDED = "besloten", "Besloten"


class Decision(models.TextChoices):
    NOT_INCLUDED = "niet-opgenomen", "Niet opgenomen"
    LOCAL = "lokale-pga", "Opgenomen in de lokale PGA"
    ZVH = "zvh", "Opgeschaald naar het Zorg- en Veiligheidshuis"


class Level(models.TextChoices):
    LOCAL = "lokale-pga", "Lokale PGA"
    ZVH = "zvh", "Zorg- en Veiligheidshuis"


class LegalBasis(models.TextChoices):
    PUBLIC_TASK = "avg-6-1-e", "Publieke taak (AVG art. 6 lid 1 sub e, Gemeentewet art. 172)"
    WGS = "wgs", "Wet gegevensverwerking door samenwerkingsverbanden (WGS)"


class PgaStatus(models.TextChoices):
    ACTIVE = "actief", "Actief"
    STEPPED_DOWN = "afgeschaald", "Afgeschaald"
    CLOSED = "afgesloten", "Afgesloten"


class ExitReason(models.TextChoices):
    GOALS_REACHED = "doelen-bereikt", "Doelen bereikt"
    REGULAR_CARE = "reguliere-zorg", "Overgedragen aan reguliere zorg (wijkteam)"
    TO_ZVH = "naar-zvh", "Overgedragen aan het Zorg- en Veiligheidshuis"
    MOVED = "verhuisd", "Betrokkene is verhuisd"
    NO_COOPERATION = "geen-medewerking", "Geen medewerking"
    DECEASED = "overleden", "Betrokkene is overleden"


class Cooperation(models.TextChoices):
    GOOD = "goed", "Goed"
    PARTIAL = "wisselend", "Wisselend"
    NONE = "onvoldoende", "Onvoldoende"


class ZrmVersion(BaseModel):
    """One version of the Zelfredzaamheid-Matrix (adults, youth, household, the older 11-domain one)."""

    code = models.SlugField("code", max_length=40, unique=True)
    label = models.CharField("naam", max_length=120)
    active = models.BooleanField("in gebruik", default=True)
    # The version new PGA cases score on (at most one); running cases keep the version they were opened with.
    is_default = models.BooleanField("voor nieuwe casussen", default=False)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="pga_one_default_zrm"
            )
        ]
        verbose_name = "versie van de zelfredzaamheidsmatrix"

    def __str__(self) -> str:
        return self.label


class ZrmDomain(BaseModel):
    version = models.ForeignKey(ZrmVersion, on_delete=models.PROTECT, related_name="domains")
    code = models.SlugField("code", max_length=40)
    label = models.CharField("leefdomein", max_length=80)
    position = models.PositiveSmallIntegerField("volgorde")
    category = models.CharField(
        "gegevenscategorie", max_length=10, choices=DataCategory.choices, default=DataCategory.GENERAL
    )

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="pga_domain_code_per_version")
        ]
        verbose_name = "leefdomein"

    def __str__(self) -> str:
        return self.label


class ScreeningChecklist(BaseModel):
    """One version of the screening checklist: the criteria of the target group and the local target-group rules.

    `criteria` is a list of {"code", "label", "group"}: the criteria of group "samen" must all be met, a criterion of
    group "alleen" suffices on its own. `local_rules` is a list of {"code", "label"}: local conditions the beheerder
    sets that must all hold as well. A referral keeps the version it was made under (running screenings keep theirs).
    """

    number = models.PositiveIntegerField("versie", unique=True)
    code = models.SlugField("code", max_length=40, unique=True)
    label = models.CharField("naam", max_length=120)
    criteria = models.JSONField("criteria", default=list)
    local_rules = models.JSONField("lokale doelgroepregels", default=list, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = "versie van de screeningschecklist"

    def __str__(self) -> str:
        return self.label


class Referral(BaseModel):
    """An aanmelding for the PGA, and the screening decision on it (who, when, why)."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey("subjects.Person", on_delete=models.PROTECT, related_name="pga_referrals")
    reason = models.TextField("reden van aanmelding")
    goal = models.TextField("doel van de aanmelding")
    partners_involved = models.TextField("betrokken partners", blank=True)
    urgency = models.CharField("urgentie", max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    source = models.CharField(
        "herkomst", max_length=20, choices=ReferralSource.choices, default=ReferralSource.PROFESSIONAL
    )
    source_case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_signal = models.ForeignKey(
        "intake.Signal", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    referred_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        "status", max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.AWAITING
    )
    re_referral = models.BooleanField("heraanmelding binnen twaalf maanden", default=False)
    # The screening: the checklist version, the answer per criterion, and the decision with its reasons.
    checklist_version = models.CharField(max_length=40, blank=True)
    criteria = models.JSONField(default=dict, blank=True)
    decision = models.CharField("besluit", max_length=20, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField("motivering", blank=True)
    referral_advice = models.CharField("verwijsadvies", max_length=300, blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["municipality", "status", "created_at"])]
        verbose_name = "aanmelding PGA"


class PgaCase(BaseModel):
    """A case in the person-centred approach: a regie.cases Case with its level, roles, plan and exit."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="pga")
    referral = models.OneToOneField(Referral, on_delete=models.PROTECT, related_name="pga_case")
    person = models.ForeignKey("subjects.Person", on_delete=models.PROTECT, related_name="pga_cases")
    level = models.CharField("niveau", max_length=20, choices=Level.choices)
    legal_basis = models.CharField(
        "grondslag", max_length=20, choices=LegalBasis.choices, default=LegalBasis.PUBLIC_TASK
    )
    process_director = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="pga_process_cases",
        verbose_name="procesregisseur",
    )
    case_director = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pga_content_cases",
        verbose_name="casusregisseur",
    )
    zrm_version = models.ForeignKey(ZrmVersion, on_delete=models.PROTECT, related_name="+")
    status = models.CharField("status", max_length=12, choices=PgaStatus.choices, default=PgaStatus.ACTIVE)
    included_on = models.DateField("opgenomen op")
    # Informing the person, or the contra-indication with its reason and review date.
    informed_on = models.DateField("geïnformeerd op", null=True, blank=True)
    contra_indication = models.TextField("contra-indicatie", blank=True)
    contra_review_on = models.DateField("heroverweging contra-indicatie", null=True, blank=True)
    # The exit (afschaling or closure).
    exit_reason = models.CharField(
        "reden van uitstroom", max_length=20, choices=ExitReason.choices, blank=True
    )
    exit_explanation = models.TextField("toelichting uitstroom", blank=True)
    exited_on = models.DateField("uitgestroomd op", null=True, blank=True)
    follow_up_on = models.DateField("nazorgcontrole op", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    # Denormalised for the work list, kept by the score service in the same transaction as the score: the date of
    # the latest score (no score value: a list cannot hide per domain what a partner may not see).
    last_scored_on = models.DateField("laatst gescoord op", null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(status="actief"), name="pga_one_active_case_per_person"
            )
        ]
        indexes = [
            models.Index(fields=["process_director", "status"]),
            models.Index(fields=["status", "-included_on"], name="pga_case_list_idx"),
            # The procesregisseur's overdue reviews of a contra-indication: a handful of rows, found without
            # computing which cases the user sees.
            models.Index(
                fields=["contra_review_on"],
                name="pga_review_due_idx",
                condition=Q(status="actief", informed_on__isnull=True, contra_review_on__isnull=False),
            ),
        ]
        verbose_name = "PGA-casus"


class DomainPlan(BaseModel):
    """The plan of approach on one life domain: goal, agreed actions and the partner responsible."""

    pga_case = models.ForeignKey(PgaCase, on_delete=models.CASCADE, related_name="plans")
    domain = models.ForeignKey(ZrmDomain, on_delete=models.PROTECT, related_name="+")
    goal = models.TextField("doel", blank=True)
    actions = models.TextField("afgesproken acties", blank=True)
    partner = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="verantwoordelijke partner",
    )
    updated_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pga_case", "domain"], name="pga_one_plan_per_domain")]
        verbose_name = "plan per leefdomein"


class DomainScore(BaseModel):
    """A ZRM score on one domain, dated, by whom, with a short reason."""

    pga_case = models.ForeignKey(PgaCase, on_delete=models.CASCADE, related_name="scores")
    domain = models.ForeignKey(ZrmDomain, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField("score")
    scored_on = models.DateField("datum")
    scored_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField("toelichting", max_length=300)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="pga_score_between_1_and_5")
        ]
        indexes = [
            models.Index(fields=["pga_case", "domain", "scored_on"]),
            models.Index(fields=["pga_case", "-scored_on"], name="pga_score_latest_idx"),
        ]
        verbose_name = "ZRM-score"


class Evaluation(BaseModel):
    """An evaluation of the case: cooperation, progress and result at that moment."""

    pga_case = models.ForeignKey(PgaCase, on_delete=models.CASCADE, related_name="evaluations")
    held_on = models.DateField("datum evaluatie")
    cooperation = models.CharField("medewerking", max_length=12, choices=Cooperation.choices)
    progress = models.TextField("voortgang")
    result = models.TextField("resultaat")
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_on", "-created_at"]
        verbose_name = "evaluatie"
