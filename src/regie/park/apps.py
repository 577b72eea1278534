from django.apps import AppConfig


class ParkConfig(AppConfig):
    name = "regie.park"
    label = "park"
    verbose_name = "Aanpak vakantiepark"

    def ready(self) -> None:
        # Contributions to the apps below are registered once the app registry is ready (decision 0010).
        from regie.park import contributions, figures

        contributions.register()
        figures.register()
