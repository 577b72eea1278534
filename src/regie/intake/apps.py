from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "regie.intake"
    label = "intake"
    verbose_name = "Signalen: intake en triage"

    def ready(self) -> None:
        # What this app counts for monitoring (core.indicators), registered once the app registry is ready.
        from regie.intake import figures

        figures.register()
