from django.apps import AppConfig

from regie.monitoring import log_actions  # noqa: F401 — declares the processing-log actions of monitoring


class MonitoringConfig(AppConfig):
    name = "regie.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring en verantwoording"
