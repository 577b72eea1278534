"""Pages of the Aanpak ondermijning theme (Dutch paths, no trailing slash)."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.ondermijning import (
    area_views,
    awareness_views,
    inspection_views,
    kvo_plan_views,
    kvo_views,
    policy_views,
    views,
)

urlpatterns: list[URLPattern] = [
    path("ondermijning", views.home, name="ondermijning-home"),
    path("ondermijning/gebieden/nieuw", views.area_new, name="ondermijning-area-new"),
    path("ondermijning/gebieden/<str:area_id>", views.area_detail, name="ondermijning-area"),
    path("ondermijning/gebieden/<str:area_id>/locaties/nieuw", views.site_new, name="ondermijning-site-new"),
    path(
        "ondermijning/gebieden/<str:area_id>/wijzigen",
        area_views.area_edit_page,
        name="ondermijning-area-edit",
    ),
    path(
        "ondermijning/gebieden/<str:area_id>/contacten/nieuw",
        area_views.contact_page,
        name="ondermijning-contact-new",
    ),
    path(
        "ondermijning/gebieden/<str:area_id>/contacten/<str:contact_id>",
        area_views.contact_page,
        name="ondermijning-contact",
    ),
    path(
        "ondermijning/gebieden/<str:area_id>/kvo-b/maatregelen/nieuw",
        kvo_plan_views.measure_page,
        name="ondermijning-measure-new",
    ),
    path(
        "ondermijning/gebieden/<str:area_id>/kvo-b/maatregelen/<str:measure_id>",
        kvo_plan_views.measure_page,
        name="ondermijning-measure",
    ),
    path(
        "ondermijning/gebieden/<str:area_id>/kvo-b/documenten/nieuw",
        kvo_plan_views.document_new,
        name="ondermijning-kvo-document-new",
    ),
    path(
        "ondermijning/kvo-documenten/<str:document_id>",
        kvo_plan_views.document_open,
        name="ondermijning-kvo-document",
    ),
    path(
        "ondermijning/locaties/<str:site_id>/wijzigen",
        area_views.site_edit_page,
        name="ondermijning-site-edit",
    ),
    path("ondermijning/gebieden/<str:area_id>/kvo-b", kvo_views.kvo_page, name="ondermijning-kvo"),
    path(
        "ondermijning/gebieden/<str:area_id>/controles/nieuw",
        inspection_views.inspection_new,
        name="ondermijning-inspection-new",
    ),
    path("ondermijning/locaties/<str:site_id>", views.site_detail, name="ondermijning-site"),
    path("ondermijning/risicoweging", policy_views.weighting, name="ondermijning-weighting"),
    path("ondermijning/risicoscores/herberekenen", views.risks_recompute, name="ondermijning-recompute"),
    path(
        "ondermijning/controles/<str:inspection_id>",
        inspection_views.inspection_detail,
        name="ondermijning-inspection",
    ),
    path(
        "ondermijning/controles/<str:inspection_id>/locaties/<str:site_id>",
        inspection_views.checklist,
        name="ondermijning-checklist",
    ),
    path(
        "ondermijning/bevindingen/<str:finding_id>/signaal",
        inspection_views.finding_signal,
        name="ondermijning-finding-signal",
    ),
    path("ondermijning/bewustwording", awareness_views.awareness_page, name="ondermijning-awareness"),
    path(
        "ondermijning/bewustwording/trainingen/nieuw",
        awareness_views.training_new,
        name="ondermijning-training",
    ),
    path("ondermijning/bewustwording/quiz", awareness_views.quiz, name="ondermijning-quiz"),
    path(
        "ondermijning/bewustwording/quiz/uitleg",
        awareness_views.quiz_explained,
        name="ondermijning-quiz-uitleg",
    ),
    path("ondermijning/melden", awareness_views.report, name="ondermijning-report"),
    path("ondermijning/melder-opvragen", awareness_views.reporter_reveal, name="ondermijning-reveal"),
]
