from django.apps import AppConfig


class ProcessingLogConfig(AppConfig):
    name = "regie.processing_log"
    label = "processing_log"
    verbose_name = "Verwerkingslog"
