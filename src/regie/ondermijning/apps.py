from django.apps import AppConfig

from regie.ondermijning import log_actions  # noqa: F401 — registers the processing-log actions


class OndermijningConfig(AppConfig):
    name = "regie.ondermijning"
    label = "ondermijning"
    verbose_name = "Aanpak ondermijning"
