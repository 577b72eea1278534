"""Digital safety (C10): versioned content, anonymous self-check results, campaigns and consented follow-ups.

Privacy by design: a self-check result is an anonymous aggregate row (check version, day, scores, an optional
postcode area of four digits, an optional campaign); nothing ties it to a person, a session or an address. Only a
follow-up the resident explicitly asked for holds personal data (a subjects `Person`, behind the door
`access.digital_access`); withdrawing consent anonymises it.
"""

from __future__ import annotations

import uuid

from django.db import models

from regie.core.models import BaseModel


class ContentKind(models.TextChoices):
    CHECK_RESIDENTS = "check-inwoners", "Check voor inwoners"
    CHECK_BUSINESSES = "check-ondernemers", "Check voor ondernemers"
    VICTIM_GUIDE = "slachtofferwijzer", "Wat is er gebeurd? (verwijstabel)"
    CONSENT = "toestemming", "Toestemmingstekst terugbelverzoek"


class ContentVersion(BaseModel):
    """One published version of a piece of content; the newest per kind is in force, older ones stay for results."""

    kind = models.CharField("soort", max_length=30, choices=ContentKind.choices)
    version = models.PositiveIntegerField("versie")
    definition = models.JSONField("inhoud")
    note = models.CharField("toelichting", max_length=300, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="digital_content_version")]
        ordering = ["kind", "-version"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} versie {self.version}"


class TargetGroup(models.TextChoices):
    RESIDENTS = "inwoners", "Inwoners"
    SENIORS = "65-plus", "Inwoners van 65 jaar en ouder"
    YOUTH = "jongeren", "Jongeren"
    BUSINESSES = "ondernemers", "Ondernemers"


class Channel(models.TextChoices):
    SOCIAL = "sociale-media", "Sociale media"
    MEETING = "bijeenkomst", "Bijeenkomst of workshop"
    LEAFLET = "folder", "Folder of poster"
    PRESS = "pers", "Krant of huis-aan-huisblad"
    WEBSITE = "website", "Website van de gemeente"


class Campaign(BaseModel):
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.PROTECT, related_name="digital_campaigns"
    )
    name = models.CharField("naam", max_length=160)
    code = models.SlugField("campagnecode", max_length=40, unique=True)
    description = models.TextField("omschrijving", blank=True)
    target_group = models.CharField("doelgroep", max_length=20, choices=TargetGroup.choices)
    channel = models.CharField("kanaal", max_length=20, choices=Channel.choices)
    starts_on = models.DateField("begindatum")
    ends_on = models.DateField("einddatum")
    attendees = models.PositiveIntegerField("deelnemers", default=0)
    leaflets = models.PositiveIntegerField("verspreide folders", default=0)
    views = models.PositiveIntegerField("weergaven online", default=0)
    checks = models.JSONField("gekoppelde checks", default=list, blank=True)
    # The version of each linked check the campaign counts ({"check-inwoners": 3}): pinned when the check is linked,
    # so results of a later edit of the check are not counted for this campaign.
    check_versions = models.JSONField("vastgezette versies van de checks", default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


class SelfCheckResult(models.Model):
    """An anonymous aggregate of one completed self-check: no person, session, time of day or address."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("check", max_length=30, choices=ContentKind.choices)
    content_version = models.PositiveIntegerField("versie van de check")
    submitted_on = models.DateField("datum")
    score = models.PositiveSmallIntegerField("totaalscore (procent)")
    topic_scores = models.JSONField("score per onderwerp", default=dict)
    risk_class = models.PositiveSmallIntegerField("risicoklasse", null=True, blank=True)
    postcode_area = models.CharField("postcodegebied (4 cijfers)", max_length=4, blank=True)
    campaign = models.ForeignKey(
        Campaign, on_delete=models.SET_NULL, null=True, blank=True, related_name="results"
    )

    class Meta:
        indexes = [models.Index(fields=["kind", "submitted_on"], name="digital_result_kind_day")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.submitted_on:%Y-%m}: {self.score}"


class FollowUpStatus(models.TextChoices):
    NEW = "nieuw", "Nieuw: nog niet gebeld"
    CONTACTED = "gebeld", "Eerste contact gehad"
    REFERRED = "doorverwezen", "Doorverwezen"
    CLOSED = "afgerond", "Afgerond"
    WITHDRAWN = "ingetrokken", "Toestemming ingetrokken"


class VictimFollowUp(BaseModel):
    """A resident's explicit request to be contacted after online crime; personal data, behind the door."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField("referentie", max_length=20, unique=True)
    person = models.ForeignKey(
        "subjects.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The signal (category digitale-criminaliteit, source slachtoffer) the request became in intake's triage.
    signal = models.ForeignKey(
        "intake.Signal", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    situation = models.CharField("wat er gebeurde", max_length=40)
    story = models.TextField("toelichting", blank=True)
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("telefoon", max_length=30, blank=True)
    consent_version = models.PositiveIntegerField("versie toestemmingstekst")
    consent_text = models.TextField("toestemmingstekst zoals getoond")
    consented_at = models.DateTimeField("toestemming gegeven op")
    withdraw_key_hash = models.CharField(max_length=64)
    status = models.CharField(
        "stand", max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.NEW
    )
    first_contact_due = models.DateField("eerste contact uiterlijk")
    first_contact_on = models.DateField("eerste contact op", null=True, blank=True)
    referral = models.CharField("doorverwezen naar", max_length=200, blank=True)
    second_contact_due = models.DateField("tweede contact rond", null=True, blank=True)
    second_contact_on = models.DateField("tweede contact op", null=True, blank=True)
    staff_note = models.TextField("notitie medewerker", blank=True)
    withdrawn_at = models.DateTimeField("ingetrokken op", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["first_contact_due", "created_at"]

    def __str__(self) -> str:
        return self.reference
