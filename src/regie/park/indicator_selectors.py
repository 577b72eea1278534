"""Reads of the indicators of main residence (a versioned policy table, no personal data).

Version 1 is what Regie ships: migration park 0005 stores it, and `SHIPPED_VERSION_1` is the same list, in force
while the table is empty (a database emptied after migrating, as the tests' flush does) until the first inspection
or change stores it (park.services.indicators.indicator_policy_ensure), as letter templates fall back to the
shipped version 1.
"""

from __future__ import annotations

from django.utils import timezone

from regie.park.models import IndicatorPolicy, Inspection, ResidenceIndicator

SHIPPED_VERSION_1: tuple[tuple[str, str], ...] = (
    ("brp", "Inschrijving in de BRP op het parkadres"),
    ("post", "Post op naam van de bewoners"),
    ("autos", "Auto's en kentekens op of bij de kavel"),
    ("licht-verwarming", "Licht en verwarming aan in de winter"),
    ("was", "Was buiten of binnen te drogen"),
    ("kinderspullen", "Kinderspullen (speelgoed, fietsjes, schooltas)"),
    ("verklaring-bewoners", "Verklaring van de bewoners"),
    ("verklaring-buren", "Verklaring van buren"),
    ("geen-ander-adres", "Geen andere woning bekend"),
    ("woon-werkverkeer", "Woon-werkverkeer vanaf het park"),
    ("energieverbruik", "Energieverbruik als van een woning"),
)


def shipped_indicators() -> list[ResidenceIndicator]:
    """Version 1 as shipped, as (unsaved) rows."""
    return [
        ResidenceIndicator(code=code, label=label, order=(n + 1) * 10, active=True)
        for n, (code, label) in enumerate(SHIPPED_VERSION_1)
    ]


def indicator_policy_in_force() -> IndicatorPolicy | None:
    """The stored version of the indicators in force now (the latest that has begun); None while none is stored."""
    return IndicatorPolicy.objects.filter(valid_from__lte=timezone.now()).order_by("-version").first()


def latest_indicators() -> tuple[int, list[ResidenceIndicator]]:
    """The number of the version in force and all its indicators (also those switched off), in their order."""
    policy = indicator_policy_in_force()
    if policy is None:
        return 1, shipped_indicators()
    return policy.version, list(policy.indicators.order_by("order", "label"))


def indicators_in_force() -> list[ResidenceIndicator]:
    """The indicators the inspection form offers: the active ones of the version in force, in their order."""
    return [i for i in latest_indicators()[1] if i.active]


def indicator_policies() -> list[IndicatorPolicy]:
    """Every stored version, newest first, with its indicators and who set it (the administrator's history)."""
    return list(IndicatorPolicy.objects.select_related("created_by").prefetch_related("indicators"))


def indicator_labels(inspection: Inspection) -> list[str]:
    """The labels of an inspection's indicators as they read in the version it was recorded under.

    A code that version does not know reads as its latest label (or the shipped one), else as the code itself:
    what an inspector recorded never disappears.
    """
    codes = [str(code) for code in inspection.indicators]
    if not codes:
        return []
    labels = dict(SHIPPED_VERSION_1)
    for code, label in (
        ResidenceIndicator.objects.filter(code__in=codes)
        .order_by("policy__version")
        .values_list("code", "label")
    ):
        labels[code] = label  # the latest version's, unless the inspection's own version has the code
    if inspection.indicator_policy_id is not None:
        labels |= dict(
            ResidenceIndicator.objects.filter(
                policy_id=inspection.indicator_policy_id, code__in=codes
            ).values_list("code", "label")
        )
    return [labels.get(code, code) for code in codes]
