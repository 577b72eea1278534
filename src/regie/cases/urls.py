"""Case pages (HTML), person and address pages, emergency access and case types under beheer."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.cases.views import (
    case_create,
    case_detail,
    case_list,
    case_types,
    documents,
    emergency,
    hand_over,
    notes,
    person_edit,
    person_registers,
    tasks,
    team,
)
from regie.cases.views import persons as subject_views

CASE = "casussen/<str:case_id>"

urlpatterns: list[URLPattern] = [
    path("casussen", case_list.case_list, name="case-list"),
    path("casussen/nieuw", case_create.case_new, name="case-new"),
    path("casussen/coordinatoren", case_list.coordinator_suggestions, name="case-coordinator-suggestions"),
    path(CASE, case_detail.case_overview, name="case-detail"),
    path(f"{CASE}/wijzigen", case_detail.case_edit, name="case-edit"),
    path(f"{CASE}/sluiten", case_detail.case_close_view, name="case-close"),
    path(f"{CASE}/koppelen", case_detail.case_link, name="case-link"),
    path(f"{CASE}/tijdlijn", case_detail.case_timeline, name="case-timeline"),
    path(f"{CASE}/overdragen-zaaksysteem", hand_over.case_hand_over_view, name="case-zaak-hand-over"),
    path(f"{CASE}/team", team.team_page, name="case-team"),
    path(f"{CASE}/team/toevoegen", team.member_add, name="case-member-add"),
    path(f"{CASE}/team/coordinatie-overdragen", team.coordinator_hand_over, name="case-hand-over"),
    path(f"{CASE}/team/<str:member_id>", team.member_change, name="case-member-change"),
    path(f"{CASE}/team/<str:member_id>/verwijderen", team.member_remove, name="case-member-remove"),
    path(f"{CASE}/taken", tasks.tasks_page, name="case-tasks"),
    path(f"{CASE}/taken/toevoegen", tasks.task_add, name="case-task-add"),
    path(f"{CASE}/taken/<str:task_id>/afronden", tasks.task_done, name="case-task-done"),
    path(f"{CASE}/notities", notes.notes_page, name="case-notes"),
    path(f"{CASE}/notities/toevoegen", notes.note_add, name="case-note-add"),
    path(f"{CASE}/documenten", documents.documents_page, name="case-documents"),
    path(f"{CASE}/documenten/toevoegen", documents.document_add, name="case-document-add"),
    path(
        f"{CASE}/documenten/<str:document_id>/download",
        documents.document_download,
        name="case-document-download",
    ),
    path("noodtoegang", emergency.emergency_start, name="emergency-start"),
    path("privacy/noodtoegang", emergency.emergency_review_list, name="emergency-review-list"),
    path("privacy/noodtoegang/<str:access_id>", emergency.emergency_review, name="emergency-review"),
    path("beheer/casustypen", case_types.case_type_list, name="case-types"),
    path("beheer/casustypen/nieuw", case_types.case_type_edit, name="case-type-new"),
    path("beheer/casustypen/<uuid:pk>", case_types.case_type_edit, name="case-type"),
    path(
        "beheer/casustypen/<uuid:pk>/zaaksysteem", hand_over.zaak_mapping_edit, name="case-type-zaak-mapping"
    ),
    path("personen/<str:person_id>", subject_views.person_detail, name="person-detail"),
    path("personen/<str:person_id>/aanvullen", person_edit.person_complete, name="person-complete"),
    path("personen/<str:person_id>/samenvoegen", person_edit.person_merge_page, name="person-merge"),
    path("personen/<str:person_id>/brp", person_registers.person_brp, name="person-brp"),
    path("personen/<str:person_id>/adres", person_registers.person_address, name="person-address"),
    path("adressen/<str:address_id>/bag", person_registers.address_bag, name="address-bag"),
    path("adressen/<str:address_id>", subject_views.address_detail, name="address-detail"),
]
