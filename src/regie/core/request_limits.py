"""Limits on the size and shape of a request, and the Dutch words for refusing one (`regie.core.middleware`
answers it: problem+json under /api/, a Dutch page elsewhere, never a 500).

Three limits apply. REGIE_MAX_REQUEST_MB caps a whole body, attachments included; it is checked on the
Content-Length before anything is read (`content_length_refusal`). Django's DATA_UPLOAD_MAX_MEMORY_SIZE caps what
is read into memory (a JSON body, the form fields other than files), DATA_UPLOAD_MAX_NUMBER_FIELDS and _FILES the
number of parts; Django raises RequestDataTooBig, TooManyFieldsSent or TooManyFilesSent when a view (or the CSRF
check) first reads the body, and `refusal_for` names what was refused and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent

MB = 1024 * 1024


@dataclass(frozen=True)
class Refusal:
    status: int
    title: str
    detail: str


def megabytes(size: int | float) -> str:
    """A size in bytes as Dutch megabytes: 2621440 → '2,5 MB'."""
    return f"{size / MB:.1f}".rstrip("0").rstrip(".").replace(".", ",") + " MB"


def refusal_for(exc: BaseException | None) -> Refusal | None:
    """The answer to a request Django refused while reading its body, or None for any other error."""
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        return Refusal(
            413,
            "Verzoek te groot",
            f"Het verzoek is te groot: tekst en velden samen mogen hoogstens {megabytes(limit)} zijn "
            f"(bijlagen tellen apart, elk hoogstens {settings.REGIE_MAX_UPLOAD_MB} MB). Er is niets opgeslagen.",
        )
    if isinstance(exc, TooManyFieldsSent):
        return Refusal(
            400,
            "Te veel velden",
            f"Het verzoek bevat te veel velden (hoogstens {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}). "
            "Er is niets opgeslagen.",
        )
    if isinstance(exc, TooManyFilesSent):
        return Refusal(
            400,
            "Te veel bestanden",
            f"Het verzoek bevat te veel bestanden (hoogstens {settings.DATA_UPLOAD_MAX_NUMBER_FILES}). "
            "Er is niets opgeslagen.",
        )
    return None


def content_length_refusal(raw: str) -> Refusal | None:
    """The answer to a Content-Length that is not a number (400) or over REGIE_MAX_REQUEST_MB (413), else None."""
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit()):
        return Refusal(400, "Ongeldige invoer", "De lengte van het verzoek (Content-Length) is geen getal.")
    if len(raw) > 15 or int(raw) > settings.REGIE_MAX_REQUEST_MB * MB:
        return Refusal(
            413,
            "Verzoek te groot",
            f"Het verzoek is te groot: hoogstens {settings.REGIE_MAX_REQUEST_MB} MB in totaal, "
            f"bijlagen elk hoogstens {settings.REGIE_MAX_UPLOAD_MB} MB. Er is niets opgeslagen.",
        )
    return None
