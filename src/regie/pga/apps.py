from django.apps import AppConfig


class PgaConfig(AppConfig):
    name = "regie.pga"
    label = "pga"
    verbose_name = "Persoonsgerichte aanpak"
