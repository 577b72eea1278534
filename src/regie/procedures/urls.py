"""Pages of the procedures app: procedures, the deadline overview and calculator, and procedure policy."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.procedures.views import admin, calculator, mandates, overview, procedures

PROCEDURE = "procedures/<str:procedure_id>"

urlpatterns: list[URLPattern] = [
    path("termijncalculator", calculator.calculator_page, name="deadline-calculator"),
    path("termijnen", overview.deadline_overview, name="deadline-overview"),
    path("procedures", procedures.procedure_list_page, name="procedure-list"),
    path("procedures/starten", procedures.procedure_start_page, name="procedure-start"),
    path(PROCEDURE, procedures.procedure_page, name="procedure-detail"),
    path(f"{PROCEDURE}/stap", procedures.procedure_move_page, name="procedure-move"),
    path(f"{PROCEDURE}/geadresseerden", procedures.addressee_add_page, name="procedure-addressee-add"),
    path(f"{PROCEDURE}/brieven", procedures.letter_regenerate_page, name="procedure-letters"),
    path(f"{PROCEDURE}/brieven/<str:letter_id>", procedures.letter_download, name="procedure-letter"),
    path("procedurebeheer", admin.admin_home, name="procedure-admin"),
    path("beheer/mandaten", mandates.mandate_page, name="mandates"),
    path("procedurebeheer/brieven/<slug:code>", admin.letter_template_page, name="letter-template"),
    path(
        "procedurebeheer/brieven/<slug:code>/sjabloon",
        admin.letter_template_download,
        name="letter-template-file",
    ),
    path("procedurebeheer/damocles", admin.damocles_page, name="damocles"),
    path("procedurebeheer/damocles/nieuw", admin.damocles_new_page, name="damocles-new"),
]
