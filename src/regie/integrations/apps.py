from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "regie.integrations"
    label = "integrations"
    verbose_name = "Koppelingen"
