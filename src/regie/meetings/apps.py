from django.apps import AppConfig

from regie.meetings import log_actions  # noqa: F401  (declares the case-meeting processing-log actions)


class MeetingsConfig(AppConfig):
    name = "regie.meetings"
    label = "meetings"
    verbose_name = "Casusoverleggen"
