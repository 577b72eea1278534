"""Routes of the park pages (Dutch paths, no trailing slash)."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.park import inspection_views, views

urlpatterns: list[URLPattern] = [
    path("vakantiepark", views.park_home, name="park-home"),
    path("vakantiepark/<str:park_id>", views.park_overview, name="park-overview"),
    path("vakantiepark/<str:park_id>/kaart", views.park_map, name="park-map"),
    path("vakantiepark/<str:park_id>/kaart.geojson", views.park_map_geojson, name="park-map-geojson"),
    path("vakantiepark/<str:park_id>/voortgang", views.progress, name="park-progress"),
    path("vakantiepark/<str:park_id>/voortgang.csv", views.progress_csv, name="park-progress-csv"),
    path("vakantiepark/<str:park_id>/rondes", inspection_views.round_list, name="park-rounds"),
    path("vakantiepark/<str:park_id>/import", views.lot_import, name="park-import"),
    path("vakantiepark/kavels/<str:lot_id>", views.lot_detail, name="park-lot"),
    path("vakantiepark/kavels/<str:lot_id>/<str:what>", views.lot_register, name="park-lot-register"),
    path("vakantiepark/rondes/<str:round_id>", inspection_views.round_detail, name="park-round"),
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
