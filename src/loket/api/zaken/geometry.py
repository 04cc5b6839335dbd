"""``zaakgeometrie.within`` of the search, without a spatial database.

Loket stores a case's geometry as GeoJSON (EPSG:4326). A search by area reads the geometries
of the cases its other terms left (one query) and keeps those whose every point lies in the
given (multi)polygon, by the even-odd rule; the page is then read by key. Points on the
boundary may fall either way.
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions


def points(geometry: dict):
    """Every position of a GeoJSON geometry."""
    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries", []):
            yield from points(part)
        return
    yield from flatten(geometry.get("coordinates", []))


def flatten(coordinates):
    if coordinates and isinstance(coordinates[0], int | float):
        yield coordinates[0], coordinates[1]
        return
    for item in coordinates:
        yield from flatten(item)


def polygons(area: dict) -> list[list]:
    """The area as a list of polygons, each a list of rings (outer first, then holes)."""
    if area.get("type") == "Polygon":
        return [area["coordinates"]]
    if area.get("type") == "MultiPolygon":
        return area["coordinates"]
    raise exceptions.ValidationError(
        {"zaakgeometrie.within": [_("Search within a Polygon or MultiPolygon.")]}
    )


def in_ring(x: float, y: float, ring: list) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=False):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def in_area(x: float, y: float, area: list[list]) -> bool:
    return any(
        in_ring(x, y, rings[0]) and not any(in_ring(x, y, hole) for hole in rings[1:])
        for rings in area
    )


def cases_within(queryset, area: dict):
    shapes = polygons(area)
    keys = [
        pk
        for pk, geometry in queryset.filter(geometry__isnull=False).values_list("pk", "geometry")
        if geometry and all(in_area(x, y, shapes) for x, y in points(geometry))
    ]
    return queryset.filter(pk__in=keys)
