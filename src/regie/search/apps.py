from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "regie.search"
    label = "search"
    verbose_name = "Zoeken en hit/no-hit"
