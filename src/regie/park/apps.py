from django.apps import AppConfig


class ParkConfig(AppConfig):
    name = "regie.park"
    label = "park"
    verbose_name = "Aanpak vakantiepark"
