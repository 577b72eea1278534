"""`regie check-connections` for mail: connect to the SMTP server, greet it (EHLO), STARTTLS and log in as
configured, NOOP, and leave; no mail is sent. Never raises: a server that is down is a state."""

from __future__ import annotations

import smtplib
import ssl

from django.conf import settings
from django.db import DatabaseError

from regie.integrations.connections import ConnectionState
from regie.integrations.mail import failed_mail_count

LABEL = "E-mail (SMTP)"


def _smtp_in_use() -> bool:
    return str(settings.EMAIL_BACKEND).endswith("smtp.EmailBackend") and bool(settings.EMAIL_HOST)


def mail_connection_state() -> ConnectionState:
    if not _smtp_in_use():
        return ConnectionState(
            key="mail",
            label=LABEL,
            configured=False,
            ok=False,
            detail=f"EMAIL_HOST is niet gezet; e-mail wordt niet verstuurd maar gaat naar {settings.EMAIL_BACKEND}.",
        )
    where = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    timeout = settings.EMAIL_TIMEOUT
    try:
        smtp: smtplib.SMTP
        if settings.EMAIL_USE_SSL:
            smtp = smtplib.SMTP_SSL(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=timeout)
        else:
            smtp = smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=timeout)
        with smtp:
            smtp.ehlo()
            if settings.EMAIL_USE_TLS:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if settings.EMAIL_HOST_USER:
                smtp.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
            code, _ = smtp.noop()
            if code != 250:
                raise smtplib.SMTPResponseException(code, b"NOOP")
    except smtplib.SMTPAuthenticationError as exc:
        detail = f"{where} weigert de aanmelding van EMAIL_HOST_USER (code {exc.smtp_code})."
        return ConnectionState("mail", LABEL, configured=True, ok=False, detail=detail)
    except smtplib.SMTPResponseException as exc:
        detail = f"{where} antwoordt met code {exc.smtp_code}."
        return ConnectionState("mail", LABEL, configured=True, ok=False, detail=detail)
    except (OSError, smtplib.SMTPException, ssl.SSLError) as exc:
        detail = f"{where} is niet bereikbaar ({type(exc).__name__}: {exc})."[:300]
        return ConnectionState("mail", LABEL, configured=True, ok=False, detail=detail)
    try:
        failed = f"{failed_mail_count()} bericht(en) niet verstuurd (Beheer, Uitgaande e-mail)"
    except DatabaseError:
        failed = "de database is niet bereikbaar"
    tls = "STARTTLS" if settings.EMAIL_USE_TLS else ("TLS" if settings.EMAIL_USE_SSL else "zonder TLS")
    detail = f"{where} ({tls}) antwoordt; {failed}."
    return ConnectionState("mail", LABEL, configured=True, ok=True, detail=detail)
