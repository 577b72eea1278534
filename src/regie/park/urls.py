"""Routes of the park pages (Dutch paths, no trailing slash)."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.park import (
    brp_views,
    import_views,
    inspection_views,
    policy_views,
    register_views,
    round_views,
    views,
)

urlpatterns: list[URLPattern] = [
    path("beheer/indicatoren-hoofdverblijf", policy_views.indicator_policy_page, name="park-indicators"),
    path("vakantiepark", views.park_home, name="park-home"),
    # Before "vakantiepark/<park_id>", which would otherwise take these words for a park id.
    path("vakantiepark/parken", register_views.park_list, name="park-list"),
    path("vakantiepark/nieuw", register_views.park_new, name="park-new"),
    path("vakantiepark/<str:park_id>", views.park_overview, name="park-overview"),
    path("vakantiepark/<str:park_id>/kaart", views.park_map, name="park-map"),
    path("vakantiepark/<str:park_id>/kaart.geojson", views.park_map_geojson, name="park-map-geojson"),
    path("vakantiepark/<str:park_id>/achtergrond.geojson", views.park_base_map_geojson, name="park-base-map"),
    path("vakantiepark/<str:park_id>/voortgang", views.progress, name="park-progress"),
    path("vakantiepark/<str:park_id>/voortgang.csv", views.progress_csv, name="park-progress-csv"),
    path("vakantiepark/<str:park_id>/rondes", inspection_views.round_list, name="park-rounds"),
    path("vakantiepark/<str:park_id>/bewerken", register_views.park_edit, name="park-edit"),
    path("vakantiepark/<str:park_id>/import", import_views.lot_import, name="park-import"),
    path(
        "vakantiepark/<str:park_id>/import/<str:run_id>", import_views.lot_import_run, name="park-import-run"
    ),
    path("vakantiepark/kavels/<str:lot_id>", views.lot_detail, name="park-lot"),
    path("vakantiepark/kavels/<str:lot_id>/brp", brp_views.lot_brp, name="park-lot-brp"),  # before <what>
    path("vakantiepark/kavels/<str:lot_id>/<str:what>", views.lot_register, name="park-lot-register"),
    path(
        "vakantiepark/kavels/<str:lot_id>/bewoners/<str:occupancy_id>/beeindigen",
        register_views.occupancy_end,
        name="park-occupancy-end",
    ),
    path("vakantiepark/rondes/<str:round_id>", inspection_views.round_detail, name="park-round"),
    path("vakantiepark/rondes/<str:round_id>/wijzigen", round_views.round_edit, name="park-round-edit"),
    path("vakantiepark/rondes/<str:round_id>/annuleren", round_views.round_cancel, name="park-round-cancel"),
    path(
        "vakantiepark/rondes/<str:round_id>/kavels/<str:lot_id>",
        inspection_views.inspection_form,
        name="park-inspect",
    ),
    path(
        "vakantiepark/inspecties/<str:inspection_id>",
        inspection_views.inspection_detail,
        name="park-inspection",
    ),
    path(
        "vakantiepark/inspecties/<str:inspection_id>/vervolg/<str:kind>",
        inspection_views.follow_up,
        name="park-follow-up",
    ),
    path(
        "vakantiepark/doorverwijzingen/<str:follow_up_id>/oppakken",
        inspection_views.brp_take_up,
        name="park-brp-take-up",
    ),
]
