"""A public reporter's status lookup: the reference and a secret code shown once on the confirmation.

Only a hash of the code is stored (the password hasher, so a stolen table does not reveal codes). The answer is
the state of the report in words and the dates the reporter already knows: never a person, a category, a team or
a decision text. An unknown reference and a wrong code give the same answer, and take as long.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.hashers import check_password, make_password

from regie.intake.models import Decision, Signal, Status

# No 0/O, 1/I/L: a code is read from a screen and typed over.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
_NEVER_MATCHES = make_password(None)  # an unusable hash: checking against it costs what a real check costs

DECIDED_WORDS: dict[str, str] = {
    Decision.NEW_CASE: "Uw melding is beoordeeld. De gemeente pakt het op.",
    Decision.ADD_TO_CASE: "Uw melding is beoordeeld. De gemeente pakt het op, samen met wat zij er al van wist.",
    Decision.REFER: "Uw melding is beoordeeld en doorgegeven aan de organisatie die erover gaat.",
    Decision.MERGE: "Uw melding is beoordeeld, samen met een andere melding over hetzelfde.",
    Decision.CLOSE: "Uw melding is beoordeeld. De gemeente onderneemt er nu geen verdere actie op.",
}


def new_status_code() -> str:
    """A fresh code, in groups of four for reading: `ABCD-EFGH-JKMN` (about 59 bits)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_status_code(code: str) -> str:
    return make_password(normalise_code(code)) if code else ""


def normalise_reference(reference: str) -> str:
    return "".join(reference.split()).upper()


@dataclass(frozen=True)
class PublicStatus:
    reference: str
    received_at: datetime
    words: str
    done: bool
    decided_at: datetime | None


def public_status(reference: str, code: str) -> PublicStatus | None:
    """The status of the report with this reference when the code fits; otherwise None (never which was wrong)."""
    signal = (
        Signal.objects.filter(reference=normalise_reference(reference))
        .exclude(status_code_hash="")
        .only("reference", "received_at", "status", "decision", "decided_at", "status_code_hash")
        .first()
    )
    fits = check_password(normalise_code(code), signal.status_code_hash if signal else _NEVER_MATCHES)
    if signal is None or not fits:
        return None
    if signal.status == Status.DONE:
        words = DECIDED_WORDS.get(signal.decision, "Uw melding is beoordeeld.")
    elif signal.status == Status.CLAIMED:
        words = "Een medewerker van de gemeente beoordeelt uw melding nu."
    else:
        words = "Uw melding is ontvangen en wacht op beoordeling door een medewerker."
    return PublicStatus(
        reference=signal.reference,
        received_at=signal.received_at,
        words=words,
        done=signal.status == Status.DONE,
        decided_at=signal.decided_at if signal.status == Status.DONE else None,
    )
