"""What apps above `intake` contribute to a signal's page (decision 0010): further actions on the signal, e.g. the
PGA's referral straight from a triaged signal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from regie.accounts.models import User
from regie.core.extensions import ExtensionPoint
from regie.intake.models import Signal


@dataclass(frozen=True)
class SignalAction:
    """A link on the signal page to a page of the contributing app (which checks its own rights again)."""

    label: str
    url: str


# (user, signal) -> an action, or None when the app offers this user nothing on this signal.
SignalActionSource = Callable[[User, Signal], SignalAction | None]
signal_actions: ExtensionPoint[SignalActionSource] = ExtensionPoint("acties op een signaal")


def actions_for(user: User, signal: Signal) -> list[SignalAction]:
    return [action for source in signal_actions if (action := source(user, signal)) is not None]
