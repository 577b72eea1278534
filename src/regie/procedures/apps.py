from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "regie.procedures"
    label = "procedures"
    verbose_name = "Juridische procedures"
