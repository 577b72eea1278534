"""The processing-log actions of the beheerder's outbox page that came after the registry's first ones (imported by
the accounts AppConfig): erasing a mail that could not be delivered."""

from regie.processing_log.actions import BEHEER, register

register(
    BEHEER,
    "outgoing_mail",
    ("outgoing_mail.erased", "Niet verstuurde e-mail gewist", False),
)
