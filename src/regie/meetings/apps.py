from django.apps import AppConfig

from regie.meetings import log_actions  # noqa: F401  (declares the case-meeting processing-log actions)


class MeetingsConfig(AppConfig):
    name = "regie.meetings"
    label = "meetings"
    verbose_name = "Casusoverleggen"

    def ready(self) -> None:
        # Contributions to the apps below are registered once the app registry is ready (decision 0010).
        from regie.meetings import contributions, figures, subject_export

        contributions.register()
        figures.register()
        subject_export.register()  # what the theme holds about a data subject, for the access export (issue 18)
