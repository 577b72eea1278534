from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "regie.procedures"
    label = "procedures"
    verbose_name = "Juridische procedures"

    def ready(self) -> None:
        # Contributions to the apps below are registered once the app registry is ready (decision 0010).
        from regie.procedures import contributions, figures

        contributions.register()
        figures.register()
