from django.apps import AppConfig

from regie.ondermijning import log_actions  # noqa: F401 — registers the processing-log actions


class OndermijningConfig(AppConfig):
    name = "regie.ondermijning"
    label = "ondermijning"
    verbose_name = "Aanpak ondermijning"

    def ready(self) -> None:
        # What this app counts for monitoring (core.indicators), registered once the app registry is ready.
        from regie.ondermijning import figures

        figures.register()
