from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "regie.access"
    label = "access"
    verbose_name = "Toegang: het beleid en de deur"
