"""Case meetings (issue 15): a series (the weekly PGA triage, the park's partner meeting …) with its legal basis,
chair, secretary and covenant partners; meetings of a series with their attendees and an agenda of cases and free
items; need-to-know per agenda item (the case's door, or a grant for this item and meeting only); minutes per item
(stored on the case as a note) and agreements that become case tasks.

A *partner* organisation signed the series' covenant; a *deelnemer* is an attendee from outside those organisations,
invited for one meeting with a reason, who confirms the confidentiality statement before seeing anything.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models

from regie.cases.models import DataCategory
from regie.core.models import BaseModel

CONFIDENTIALITY_VERSION = "2026-1"
CONFIDENTIALITY_STATEMENT = (
    "Ik verklaar dat ik wat ik in dit overleg hoor en lees geheim houd, het alleen gebruik voor de afspraken in "
    "dit overleg en het niet deel met anderen, ook niet binnen mijn eigen organisatie, tenzij de wet mij daartoe "
    "verplicht."
)


class Cadence(models.TextChoices):
    WEEKLY = "wekelijks", "Wekelijks"
    FORTNIGHTLY = "tweewekelijks", "Elke twee weken"
    MONTHLY = "maandelijks", "Maandelijks"
    ON_DEMAND = "op-afroep", "Op afroep"


class MeetingSeries(BaseModel):
    """A standing meeting: what it is for, on which legal basis, who chairs it and which organisations signed."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("naam", max_length=120)
    purpose = models.TextField("doel")
    legal_basis = models.TextField("grondslag")
    covenant = models.TextField("convenant", blank=True)
    cadence = models.CharField("frequentie", max_length=20, choices=Cadence.choices)
    chair = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name="voorzitter"
    )
    secretary = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="secretaris",
    )
    organisations = models.ManyToManyField(
        "accounts.Organisation", related_name="+", blank=True, verbose_name="convenantpartners"
    )
    active = models.BooleanField("actief", default=True)
    # Where the agenda's proposals come from besides the cases flagged for discussion: the keys of the sources
    # the apps above cases contribute (cases.extensions.agenda_proposals), e.g. the PGA referrals awaiting triage.
    agenda_sources = ArrayField(
        models.CharField(max_length=40), default=list, blank=True, verbose_name="voorstellen voor de agenda"
    )
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        verbose_name = "overlegreeks"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="meetings_series_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Meeting(BaseModel):
    """One meeting of a series."""

    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("aanvang", db_index=True)
    place = models.CharField("plaats", max_length=200, blank=True)
    online_link = models.URLField("link voor online deelname", blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    # The chair approves the minutes; from then on they are frozen and a correction is an addendum.
    minutes_approved_at = models.DateTimeField("verslag vastgesteld op", null=True, blank=True)
    minutes_approved_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["starts_at"]
        verbose_name = "overleg"

    def __str__(self) -> str:
        return f"{self.series.name}, {self.starts_at:%d-%m-%Y}"


class MeetingAttendee(BaseModel):
    """An attendee of one meeting; one from outside the covenant partners comes with a reason (a deelnemer)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField("reden van uitnodiging", blank=True)
    confirmed_at = models.DateTimeField("geheimhouding bevestigd op", null=True, blank=True)
    confirmed_version = models.CharField("versie geheimhoudingsverklaring", max_length=20, blank=True)
    added_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "deelnemer aan een overleg"
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="meetings_attendee_once")]

    @property
    def incidental(self) -> bool:
        """A deelnemer: invited for this meeting from outside the series' partners."""
        return bool(self.reason)


class AgendaItem(BaseModel):
    """A case to discuss (with the question for the meeting) or a free item without personal data."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField("volgorde")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="casus"
    )
    title = models.CharField("onderwerp", max_length=200, blank=True)
    question = models.TextField("vraag aan het overleg", blank=True)
    # An item proposed by another app (a PGA referral awaiting triage): the source's key, its own reference and
    # where who may see it reads it; the title carries no personal data.
    source = models.CharField(max_length=40, blank=True)
    source_ref = models.CharField(max_length=64, blank=True)
    source_url = models.CharField(max_length=200, blank=True)
    added_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = "agendapunt"
        indexes = [models.Index(fields=["meeting", "case"], name="meetings_item_case")]


class ItemGrant(BaseModel):
    """The chair lets one attendee who is not on the case's team see one agenda item, in this meeting only, for
    these data categories, until the end given."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField("reden")
    categories = ArrayField(models.CharField(max_length=10), verbose_name="gegevenscategorieën")
    ends_at = models.DateTimeField("geldig tot")
    granted_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "toegang tot een agendapunt"
        constraints = [models.UniqueConstraint(fields=["item", "user"], name="meetings_grant_once")]
        indexes = [models.Index(fields=["user", "item"], name="meetings_grant_user")]


class MinutesEntry(BaseModel):
    """The minutes of an agenda item, and later corrections as addenda; on a case item each is also a note on the
    case in its data category. Entries are never edited: the history is the list."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField("verslag")
    category = models.CharField("gegevenscategorie", max_length=10, choices=DataCategory.choices)
    note = models.ForeignKey("cases.Note", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    addendum = models.BooleanField("aanvulling", default=False)
    after_approval = models.BooleanField("na vaststelling", default=False)
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["item", "created_at"]
        verbose_name = "verslag van een agendapunt"


class AgreedAction(BaseModel):
    """An agreement made at an agenda item: it lives on as a task of the case (owner, due date, done)."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions")
    task = models.OneToOneField("cases.Task", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]
        verbose_name = "afspraak uit een overleg"


class RequestStatus(models.TextChoices):
    OPEN = "open", "Aangemeld"
    ON_AGENDA = "geagendeerd", "Geagendeerd"
    WITHDRAWN = "ingetrokken", "Ingetrokken"


class DiscussionRequest(BaseModel):
    """The case's coordinator flags the case "bespreken" in a series, with the question for the meeting; the chair
    puts it on the agenda of a meeting (or the coordinator withdraws it)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+", verbose_name="casus")
    series = models.ForeignKey(
        MeetingSeries, on_delete=models.CASCADE, related_name="requests", verbose_name="overleg"
    )
    question = models.TextField("vraag aan het overleg")
    status = models.CharField(max_length=12, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]
        verbose_name = "verzoek om bespreking"
        constraints = [
            models.UniqueConstraint(
                fields=["case", "series"],
                condition=models.Q(status="open"),
                name="meetings_request_open_once",
            ),
        ]


class CalendarFeed(BaseModel):
    """A user's personal iCalendar feed: the address holds a secret, of which only the hash is stored; revoking
    ends the feed (a new secret gives a new address)."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    secret_hash = models.CharField(max_length=64, unique=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "agendafeed"
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(revoked_at__isnull=True), name="meetings_feed_one_active"
            ),
        ]
