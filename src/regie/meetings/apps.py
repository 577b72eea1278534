from django.apps import AppConfig

from regie.meetings import log_actions  # noqa: F401  (declares the case-meeting processing-log actions)


class MeetingsConfig(AppConfig):
    name = "regie.meetings"
    label = "meetings"
    verbose_name = "Casusoverleggen"

    def ready(self) -> None:
        # Contributions to the apps below are registered once the app registry is ready (decision 0010).
        from regie.meetings import contributions, figures

        contributions.register()
        figures.register()
