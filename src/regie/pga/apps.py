from django.apps import AppConfig

from regie.pga import log_actions  # noqa: F401  (declares the PGA processing-log actions)


class PgaConfig(AppConfig):
    name = "regie.pga"
    label = "pga"
    verbose_name = "Persoonsgerichte aanpak"

    def ready(self) -> None:
        # Contributions to the apps below are registered once the app registry is ready (decision 0010).
        from regie.pga import agenda, contributions, figures, subject_export

        contributions.register()
        figures.register()
        subject_export.register()  # what the theme holds about a data subject, for the access export (issue 18)
        agenda.register()
