"""Pages of the Persoonsgerichte aanpak theme (Dutch paths, no trailing slash)."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.pga import case_views, reference_views, views

urlpatterns: list[URLPattern] = [
    path("pga", views.pga_home, name="pga-home"),
    path("pga/cijfers", views.pga_counts, name="pga-counts"),
    path("pga/beheer", reference_views.reference_home, name="pga-reference"),
    path("pga/beheer/screeningschecklist", reference_views.checklist_edit, name="pga-checklist"),
    path("pga/beheer/matrix", reference_views.matrix_new, name="pga-matrix"),
    path("pga/aanmelden", views.referral_new, name="pga-referral-new"),
    path(
        "pga/aanmelden/signaal/<str:signal_id>", views.referral_from_signal_page, name="pga-referral-signal"
    ),
    path("pga/aanmeldingen/<str:referral_id>", views.referral_detail, name="pga-referral"),
    path("pga/casussen/<str:pga_case_id>", case_views.pga_case_detail, name="pga-case"),
    path("pga/casussen/<str:pga_case_id>/scores", case_views.score_add, name="pga-score-add"),
    path("pga/casussen/<str:pga_case_id>/evaluaties", case_views.evaluation_add, name="pga-evaluation-add"),
    path("pga/casussen/<str:pga_case_id>/plan/<str:domain_code>", case_views.plan_edit, name="pga-plan"),
    path("pga/casussen/<str:pga_case_id>/informeren", case_views.inform, name="pga-inform"),
    path("pga/casussen/<str:pga_case_id>/brief", case_views.letter, name="pga-letter"),
    path("pga/casussen/<str:pga_case_id>/regie", case_views.roles, name="pga-roles"),
    path("pga/casussen/<str:pga_case_id>/uitstroom", case_views.exit_case, name="pga-exit"),
]
