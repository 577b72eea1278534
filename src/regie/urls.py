from __future__ import annotations

from django.urls import include, path

from regie.accounts.oidc import admin_views as oidc_admin_views
from regie.accounts.oidc import views as oidc_views
from regie.accounts.views import access_changes as access_change_views
from regie.accounts.views import admin as admin_views
from regie.accounts.views import auth as auth_views
from regie.accounts.views import lockout as lockout_views
from regie.accounts.views import mail_outbox as mail_outbox_views
from regie.accounts.views import tokens as token_views
from regie.search import views as search_views
from regie.web import views as web_views

urlpatterns = [
    path("", web_views.start_page, name="start"),
    path("healthz", web_views.healthz, name="healthz"),
    path("toegankelijkheid", web_views.accessibility_statement, name="accessibility"),
    path("login", auth_views.login_view, name="login"),
    path("login/tweede-factor", auth_views.second_factor_view, name="second-factor"),
    path("uitloggen", auth_views.logout_view, name="logout"),
    path("login/oidc/terug", oidc_views.oidc_callback, name="oidc-callback"),
    path("login/oidc/<slug:provider_key>", oidc_views.oidc_start, name="oidc-start"),
    path("beheer/eenmalige-aanmelding", oidc_admin_views.mapping_list, name="admin-oidc-mappings"),
    path("beheer/eenmalige-aanmelding/nieuw", oidc_admin_views.mapping_edit, name="admin-oidc-mapping-new"),
    path("beheer/eenmalige-aanmelding/<uuid:pk>", oidc_admin_views.mapping_edit, name="admin-oidc-mapping"),
    path(
        "beheer/eenmalige-aanmelding/<uuid:pk>/goedkeuren",
        oidc_admin_views.mapping_approve,
        name="admin-oidc-mapping-approve",
    ),
    path(
        "beheer/eenmalige-aanmelding/<uuid:pk>/verwijderen",
        oidc_admin_views.mapping_delete,
        name="admin-oidc-mapping-delete",
    ),
    path("account/api-tokens", token_views.token_list, name="api-tokens"),
    path("account/api-tokens/<uuid:pk>/intrekken", token_views.token_revoke, name="api-token-revoke"),
    path("beheer", admin_views.admin_home, name="admin-home"),
    path("beheer/organisaties", admin_views.organisation_list, name="admin-organisations"),
    path("beheer/organisaties/nieuw", admin_views.organisation_edit, name="admin-organisation-new"),
    path("beheer/organisaties/<uuid:pk>", admin_views.organisation_edit, name="admin-organisation"),
    path("beheer/gebruikers", admin_views.user_list, name="admin-users"),
    path("beheer/gebruikers/nieuw", admin_views.user_edit, name="admin-user-new"),
    path("beheer/gebruikers/<int:pk>", admin_views.user_edit, name="admin-user"),
    path(
        "beheer/gebruikers/<int:pk>/tweede-factor-verwijderen",
        admin_views.user_reset_second_factor,
        name="admin-user-reset-2fa",
    ),
    path("beheer/gebruikers/<int:pk>/deblokkeren", lockout_views.user_unlock, name="admin-user-unlock"),
    path("beheer/toegangswijzigingen", access_change_views.access_change_list, name="admin-access-changes"),
    path(
        "beheer/toegangswijzigingen/<uuid:pk>",
        access_change_views.access_change_decide,
        name="admin-access-change-decide",
    ),
    path("beheer/e-mail", mail_outbox_views.mail_outbox, name="admin-mail-outbox"),
    path("beheer/e-mail/<uuid:pk>/opnieuw-versturen", mail_outbox_views.mail_resend, name="admin-mail-resend"),
    path("beheer/e-mail/<uuid:pk>/wissen", mail_outbox_views.mail_erase, name="admin-mail-erase"),
    path(
        "privacy/toegangswijzigingen",
        access_change_views.access_change_overview,
        name="privacy-access-changes",
    ),
    path("zoeken", search_views.search_page, name="search"),
    path("bekend-check", search_views.hit_check_page, name="hit-check"),
    path("", include("regie.cases.urls")),
    path("", include("regie.procedures.urls")),
    path("", include("regie.intake.urls")),
    path("", include("regie.park.urls")),
    path("", include("regie.pga.urls")),
    path("", include("regie.ondermijning.urls")),
    path("", include("regie.digital.urls")),
    path("", include("regie.meetings.urls")),
    path("", include("regie.monitoring.urls")),
    path("", include("regie.privacy.urls")),
    path("api/v1/", include("regie.api_urls")),
]

handler400 = "regie.web.views.error_400"
handler403 = "regie.web.views.error_403"
handler404 = "regie.web.views.error_404"
handler500 = "regie.web.views.error_500"
