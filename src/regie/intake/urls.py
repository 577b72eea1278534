"""Intake pages: the public report page, the staff report form, the triage queue and the routing admin."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.intake.views import policy, queue, report, triage

SIGNAL = "signalen/<str:signal_id>"

urlpatterns: list[URLPattern] = [
    path("melden", report.public_report, name="public-report"),
    path("melden/ontvangen", report.public_received, name="public-report-received"),
    path("melden/status", report.public_status_lookup, name="public-report-status"),
    path("signalen", queue.signal_queue, name="signal-queue"),
    path("signalen/nieuw", report.signal_new, name="signal-new"),
    path(SIGNAL, queue.signal_detail, name="signal-detail"),
    path(f"{SIGNAL}/oppakken", triage.signal_claim, name="signal-claim"),
    path(f"{SIGNAL}/vrijgeven", triage.signal_release, name="signal-release"),
    path(f"{SIGNAL}/besluit", triage.signal_decide, name="signal-decide"),
    path(f"{SIGNAL}/categorie", triage.signal_category, name="signal-category"),
    path(f"{SIGNAL}/eerste-actie", triage.signal_first_action, name="signal-first-action"),
    path(f"{SIGNAL}/opnieuw-verwerken", triage.signal_reprocess, name="signal-reprocess"),
    path(
        f"{SIGNAL}/betrokkenen/<str:subject_id>/bevestigen",
        triage.subject_confirm,
        name="signal-subject-confirm",
    ),
    path(f"{SIGNAL}/bijlagen/<str:attachment_id>", queue.attachment_download, name="signal-attachment"),
    path("beheer/routering", policy.routing_list, name="routing-list"),
    path("beheer/routering/nieuw", policy.routing_edit, name="routing-new"),
    path("beheer/routering/testen", policy.routing_test, name="routing-test"),
    path("beheer/routering/drempel", policy.threshold_edit, name="routing-threshold"),
    path("beheer/routering/<uuid:pk>", policy.routing_edit, name="routing-edit"),
    path("beheer/routering/<uuid:pk>/verwijderen", policy.routing_delete, name="routing-delete"),
    path("beheer/signaalcategorieen/<slug:code>", policy.category_edit, name="category-edit"),
]
