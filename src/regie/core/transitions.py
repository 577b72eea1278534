"""Status transition tables: which status may follow which, as data that every service consults.

As Signalen does: a plain mapping from a status to the statuses it may go to, and per status a Dutch reason for
refusing what is not in it. A refused transition is a `ValidationError` whose message names both statuses by
their labels. Staying in the same status is not a transition; the services decide what that means.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models


@dataclass(frozen=True)
class TransitionTable:
    """The allowed transitions between the statuses of one `TextChoices`, with the reasons for refusing."""

    statuses: type[models.TextChoices]
    allowed: Mapping[str, frozenset[str]]
    refusals: Mapping[str, str]  # per status that may not go everywhere: why not (a Dutch clause)
    noun: str  # "casus", "signaal": the thing whose status it is, in the refusal

    def __post_init__(self) -> None:
        known = set(self.statuses.values)
        if set(self.allowed) != known:
            raise ValueError(
                f"de overgangstabel moet elke status noemen: {sorted(known ^ set(self.allowed))}"
            )
        for source, targets in self.allowed.items():
            if not targets <= known or source in targets:
                raise ValueError(f"ongeldige overgangen vanuit {source}: {sorted(targets)}")
        limited = {s for s, targets in self.allowed.items() if targets != known - {s}}
        if not limited <= set(self.refusals) <= known:
            raise ValueError("elke status die niet naar elke andere mag, heeft een reden van weigeren")

    def may(self, current: str, new: str) -> bool:
        """True when `current` may go to `new` (a different, existing status)."""
        return new in self.allowed.get(current, frozenset())

    def label(self, status: str) -> str:
        return str(self.statuses(status).label)

    def refusal(self, current: str, new: str) -> str:
        """The Dutch message for refusing `current` → `new`, naming both statuses by their labels."""
        again = "opnieuw " if new == current else ""
        reason = self.refusals.get(current)
        return (
            f"Een {self.noun} met de status ‘{self.label(current)}’ kan niet {again}de status "
            f"‘{self.label(new)}’ krijgen" + (f": {reason}" if reason else ".")
        )

    def check(self, current: str, new: str, *, field: str = "status", again: bool = True) -> None:
        """Raise a `ValidationError` on `field` unless `current` may go to `new`.

        Staying in the same status passes, unless `again` is False (a second decision on a decided signal).
        """
        if new not in self.statuses.values:
            raise ValidationError({field: "Kies een bestaande status."})
        if new == current and again:
            return
        if not self.may(current, new):
            raise ValidationError({field: self.refusal(current, new)})
