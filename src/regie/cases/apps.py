from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "regie.cases"
    label = "cases"
    verbose_name = "Casussen"

    def ready(self) -> None:
        # What this app counts for monitoring (core.indicators), registered once the app registry is ready.
        from regie.cases import figures

        figures.register()
