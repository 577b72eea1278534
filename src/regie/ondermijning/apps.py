from django.apps import AppConfig


class OndermijningConfig(AppConfig):
    name = "regie.ondermijning"
    label = "ondermijning"
    verbose_name = "Aanpak ondermijning"
