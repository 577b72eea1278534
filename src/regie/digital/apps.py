from django.apps import AppConfig

from regie.digital import log_actions  # noqa: F401


class DigitalConfig(AppConfig):
    name = "regie.digital"
    label = "digital"
    verbose_name = "Digitale veiligheid"
