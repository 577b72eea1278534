from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "regie.demo"
    label = "demo"
    verbose_name = "Demogemeente"
