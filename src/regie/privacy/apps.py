from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

from regie.privacy import log_actions  # noqa: F401


class PrivacyConfig(AppConfig):
    name = "regie.privacy"
    label = "privacy"
    verbose_name = "Privacy: de werkplek van de functionaris gegevensbescherming"

    def ready(self) -> None:
        from regie.privacy import contributions
        from regie.privacy.register import processing_register_ensure  # needs the app registry

        contributions.register()

        def complete_register(sender: Any, **kwargs: Any) -> None:
            """Every migrate (and every flush) leaves the register of processing activities complete."""
            processing_register_ensure()

        post_migrate.connect(complete_register, sender=self, weak=False, dispatch_uid="privacy-register")
