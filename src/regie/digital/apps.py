from django.apps import AppConfig

from regie.digital import log_actions  # noqa: F401


class DigitalConfig(AppConfig):
    name = "regie.digital"
    label = "digital"
    verbose_name = "Digitale veiligheid"

    def ready(self) -> None:
        # What this app counts for monitoring (core.indicators), registered once the app registry is ready.
        from regie.digital import contributions, figures

        figures.register()
        contributions.register()
