"""Demo digital safety: two campaigns, a year of anonymous self-check results and three call-back requests (each
also a signal; the referred one has its nazorg case).

The results show a visible rise around the two campaigns ("Doe je updates" on social media, a workshop with the
ondernemersvereniging). Idempotent: nothing happens once the first demo campaign exists.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from regie.accounts.models import Municipality, User
from regie.cases.models import Priority
from regie.digital.content import CHECK_KINDS
from regie.digital.models import Campaign, ContentKind, SelfCheckResult
from regie.digital.services.campaigns import campaign_create
from regie.digital.services.content import content_current
from regie.digital.services.follow_ups import follow_up_record, follow_up_request, follow_up_withdraw
from regie.digital.services.nazorg import nazorg_case_type
from regie.intake.services.decisions import signal_start_case

UPDATES = "doe-je-updates"
WORKSHOP = "workshop-ondernemers"
POSTCODE_AREAS = ["6851", "6852", "6681", "6691", "6686", "6687", "6988", ""]  # Lingewaard, or not given


def _month_start(today: date, back: int) -> date:
    month = today.replace(day=1)
    for _ in range(back):
        month = (month - timedelta(days=1)).replace(day=1)
    return month


def _campaigns(leader: User, today: date) -> tuple[Campaign, Campaign]:
    updates_start = _month_start(today, 5)
    workshop_day = _month_start(today, 2) + timedelta(days=12)
    updates = campaign_create(
        actor=leader,
        name="Doe je updates",
        code=UPDATES,
        description="Vier weken berichten op sociale media en in De Liemers Helder: zet automatische updates aan.",
        target_group="inwoners",
        channel="sociale-media",
        starts_on=updates_start,
        ends_on=updates_start + timedelta(days=27),
        views=18400,
        leaflets=1200,
        checks=[ContentKind.CHECK_RESIDENTS.value],
    )
    workshop = campaign_create(
        actor=leader,
        name="Workshop digitale weerbaarheid met de ondernemersvereniging",
        code=WORKSHOP,
        description="Avond in het gemeentehuis in Bemmel met de Ondernemersvereniging Lingewaard en de politie.",
        target_group="ondernemers",
        channel="bijeenkomst",
        starts_on=workshop_day,
        ends_on=workshop_day,
        attendees=46,
        leaflets=150,
        checks=[ContentKind.CHECK_BUSINESSES.value],
    )
    campaign_create(
        actor=leader,
        name="Veilig bankieren voor 65-plussers in de bibliotheek",
        code="bieb-65-plus",
        description="Inloopmiddag in de bibliotheek in Huissen met de bank en de wijkagent.",
        target_group="65-plus",
        channel="bijeenkomst",
        starts_on=today + timedelta(days=20),
        ends_on=today + timedelta(days=20),
        checks=[ContentKind.CHECK_RESIDENTS.value],
    )
    return updates, workshop


def _results(municipality: Municipality, campaigns: tuple[Campaign, Campaign], today: date) -> int:
    """Twelve months of anonymous results (no service: the service dates a result today, the demo needs a year)."""
    rng = random.Random(16)
    topics = {kind: [t["code"] for t in content_current(kind).definition["topics"]] for kind in CHECK_KINDS}
    rows: list[SelfCheckResult] = []
    for back in range(11, -1, -1):
        month = _month_start(today, back)
        days = ((month + timedelta(days=32)).replace(day=1) - month).days
        for kind in CHECK_KINDS:
            base = 22 if kind == ContentKind.CHECK_RESIDENTS else 6
            linked: Campaign | None = None
            extra = 0
            for campaign in campaigns:
                if kind in campaign.checks and campaign.starts_on.replace(day=1) == month:
                    linked, extra = campaign, (70 if kind == ContentKind.CHECK_RESIDENTS else 24)
                elif (
                    kind in campaign.checks
                    and (campaign.starts_on.replace(day=1) + timedelta(days=32)).replace(day=1) == month
                ):
                    extra = 15 if kind == ContentKind.CHECK_RESIDENTS else 8  # the month after: still up
            for index in range(base + rng.randint(-4, 4) + extra):
                day = month + timedelta(days=rng.randrange(days))
                if day > today:
                    continue
                improvement = (11 - back) * 1.5  # scores rise slowly over the year
                scores = {t: max(0, min(100, int(rng.gauss(52 + improvement, 18)))) for t in topics[kind]}
                rows.append(
                    SelfCheckResult(
                        municipality=municipality,
                        kind=kind,
                        content_version=1,
                        submitted_on=day,
                        score=round(sum(scores.values()) / len(scores)),
                        topic_scores=scores,
                        risk_class=rng.choice([1, 2, 2, 3, 3, 4])
                        if kind == ContentKind.CHECK_BUSINESSES
                        else None,
                        postcode_area=rng.choice(POSTCODE_AREAS),
                        campaign=linked if linked is not None and index < extra else None,
                    )
                )
    SelfCheckResult.objects.bulk_create(rows)
    return len(rows)


def _follow_ups(leader: User, today: date) -> None:
    follow_up_request(
        situation_code="vriend-in-nood",
        given_names="Wilma",
        surname="Gerritsen",
        email="",
        phone="0612873401",
        story="Mijn 'zoon' appte met een nieuw nummer en ik heb 1.450 euro overgemaakt. De bank is gebeld.",
        consent=True,
    )
    referred, _ = follow_up_request(
        situation_code="bankhelpdesk",
        given_names="Henk",
        surname="Willemsen",
        email="h.willemsen@example.nl",
        phone="0264712233",
        story="Iemand van 'de bank' belde en liet mij een app installeren. Ik schaam me er erg voor.",
        consent=True,
    )
    follow_up_record(
        actor=leader,
        follow_up=referred,
        version=referred.version,
        first_contact_on=today,
        referral="Slachtofferhulp Nederland (aangemeld met toestemming); aangifte bij de politie gedaan",
        second_contact_on=None,
        staff_note="Meneer heeft aangifte gedaan. Bank vergoedt mogelijk een deel.",
    )
    if referred.signal is not None:  # triage started the nazorg case; its overview shows the checklist
        signal_start_case(
            actor=leader,
            signal=referred.signal,
            case_type=nazorg_case_type(),
            title="Nazorg na bankhelpdeskfraude",
            coordinator=leader,
            priority=Priority.NORMAL,
        )
    _, key = follow_up_request(
        situation_code="sextortion",
        given_names="",
        surname="Yilmaz",
        email="s.yilmaz@example.nl",
        phone="",
        story="",
        consent=True,
    )
    follow_up_withdraw(key=key)


def seed_digital() -> list[str]:
    """Create the demo campaigns, results and call-back requests once."""
    municipality = Municipality.objects.filter(code="1705").first()
    leader = User.objects.filter(username="projectleider").first()
    if municipality is None or leader is None:
        return ["Digitale veiligheid overgeslagen: de demogemeente of de projectleider ontbreekt."]
    if Campaign.objects.filter(code=UPDATES).exists():
        return ["Digitale veiligheid bestaat al."]
    today = timezone.localdate()
    with transaction.atomic():
        for kind in ContentKind:
            content_current(kind)
        campaigns = _campaigns(leader, today)
        count = _results(municipality, campaigns, today)
        _follow_ups(leader, today)
    return [f"Digitale veiligheid: 3 campagnes, {count} anonieme checkuitslagen en 3 terugbelverzoeken."]
