from django.apps import AppConfig


class RegieConfig(AppConfig):
    """The project itself as an app: the commands that span apps (`regie import persons|lots`)."""

    name = "regie"
    label = "regie"
    verbose_name = "Regie"
