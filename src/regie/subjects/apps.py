from django.apps import AppConfig


class SubjectsConfig(AppConfig):
    name = "regie.subjects"
    label = "subjects"
    verbose_name = "Personen, adressen, locaties en bedrijven"
