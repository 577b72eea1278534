"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd), and Regie's mail settings pointed at it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller


class Inbox:
    """Accepts every message and keeps it (envelope recipients and the parsed message)."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((list(envelope.rcpt_tos), message_from_bytes(envelope.original_content)))
        return "250 2.0.0 Ok: queued"


class Refuser(Inbox):
    """Refuses every recipient, repeating the address as real servers do (550: permanent)."""

    def __init__(self, code: str = "550 5.1.1") -> None:
        super().__init__()
        self.code = code

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        return f"{self.code} <{address}>: Recipient address rejected"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server(port: int, handler: Inbox) -> Iterator[Inbox]:
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler
    finally:
        controller.stop()


def point_mail_at_free_port(settings: Any) -> int:
    """Regie's SMTP settings pointed at a free port on 127.0.0.1, where nothing listens until a test starts a
    server (each test module's `smtp_port` fixture calls this with pytest-django's `settings`)."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_TIMEOUT = 5
    return port
