"""Pages of the Digitale veiligheid theme: public under /veilig-online, staff under /digitale-veiligheid."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.digital.views import public, staff

urlpatterns: list[URLPattern] = [
    path("veilig-online", public.landing, name="digital-public"),
    path("veilig-online/check/<slug:slug>", public.check, name="digital-check"),
    path("veilig-online/check/<slug:slug>/uitslag", public.check_result, name="digital-check-result"),
    path(
        "veilig-online/check/<slug:slug>/uitslag.pdf",
        public.check_result_pdf,
        name="digital-check-result-pdf",
    ),
    path("veilig-online/wat-is-er-gebeurd", public.guide, name="digital-guide"),
    path(
        "veilig-online/wat-is-er-gebeurd/<slug:code>", public.guide_situation, name="digital-guide-situation"
    ),
    path("veilig-online/terugbellen", public.follow_up, name="digital-follow-up-request"),
    path("veilig-online/terugbellen/verstuurd", public.follow_up_sent, name="digital-follow-up-sent"),
    path("veilig-online/intrekken/<str:key>", public.withdraw, name="digital-withdraw"),
    path("digitale-veiligheid", staff.overview, name="digital-overview"),
    path("digitale-veiligheid/campagnes/nieuw", staff.campaign_new, name="digital-campaign-new"),
    path("digitale-veiligheid/campagnes/<str:pk>", staff.campaign_detail, name="digital-campaign"),
    path("nazorg-online", staff.follow_up_list, name="digital-follow-ups"),
    path("nazorg-online/<str:pk>", staff.follow_up_detail, name="digital-follow-up"),
    path("beheer/digitale-veiligheid", staff.content_list, name="digital-content"),
    path("beheer/digitale-veiligheid/<slug:kind>", staff.content_edit, name="digital-content-edit"),
]
