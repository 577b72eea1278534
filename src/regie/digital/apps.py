from django.apps import AppConfig


class DigitalConfig(AppConfig):
    name = "regie.digital"
    label = "digital"
    verbose_name = "Digitale veiligheid"
