"""Small plane geometry on GeoJSON (WGS84) for areas: a location's point, inside-or-not, and an SVG projection.

Areas are a few kilometres across, so treating longitude and latitude as plane coordinates is accurate enough
for "is this shed inside the rural area" and for drawing; nothing here is used for measuring distances.
"""

from __future__ import annotations

from typing import Any

Point = tuple[float, float]


def rings(geometry: Any) -> list[list[Point]]:
    """The outer rings of a Polygon or MultiPolygon; [] for anything else."""
    if not isinstance(geometry, dict):
        return []
    coords = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        polygons = [coords]
    elif geometry.get("type") == "MultiPolygon":
        polygons = coords
    else:
        return []
    return [[(float(p[0]), float(p[1])) for p in polygon[0]] for polygon in polygons if polygon]


def point_of(geometry: Any) -> Point | None:
    """A representative point: the Point itself, or the mean of a polygon's outer-ring vertices."""
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        coords = geometry.get("coordinates") or []
        return (float(coords[0]), float(coords[1])) if len(coords) >= 2 else None
    outer = rings(geometry)
    if not outer:
        return None
    points = outer[0][:-1] or outer[0]
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _inside_ring(point: Point, ring: list[Point]) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def contains(area: Any, geometry: Any) -> bool:
    """Whether the location's point lies inside the area's outline (True when either has no geometry)."""
    point = point_of(geometry)
    outer = rings(area)
    if point is None or not outer:
        return True
    return any(_inside_ring(point, ring) for ring in outer)


def svg_projection(area: Any, width: int = 640) -> tuple[int, int, Any]:
    """The (width, height, project) for drawing `area` in an SVG; project maps a GeoJSON point to x, y."""
    outer = rings(area)
    points = [p for ring in outer for p in ring] or [(0.0, 0.0), (1.0, 1.0)]
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    span_x, span_y = max(max_x - min_x, 1e-9), max(max_y - min_y, 1e-9)
    height = max(
        160, min(640, int(width * span_y / span_x * 1.6))
    )  # 1.6: a degree of longitude is shorter here

    def project(point: Point) -> tuple[float, float]:
        return (
            round(8 + (point[0] - min_x) / span_x * (width - 16), 1),
            round(8 + (max_y - point[1]) / span_y * (height - 16), 1),
        )

    return width, height, project


def svg_path(geometry: Any, project: Any) -> str:
    return " ".join(
        "M " + " L ".join(f"{x} {y}" for x, y in (project(p) for p in ring)) + " Z"
        for ring in rings(geometry)
    )
