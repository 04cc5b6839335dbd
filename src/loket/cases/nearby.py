"""Open cases near a case: the distance between the points of their GeoJSON ``geometry``.

The distance is the haversine (great-circle) distance on a sphere of the earth's mean radius:
over the few hundred metres that matter here it is off by well under a metre. It is worked
out in Python over the open cases of the same case type (and the same values of the named
properties), not in the database: that is one query and one pass over those cases, fine up to
some thousands of open cases per case type and category, which a municipality's open reports
in public space stay well below. A spatial index (PostGIS) would be the step after that.
"""

import math

from loket.cases.models import Case, PropertyValue

EARTH_RADIUS_M = 6_371_008.8


def point_of(case: Case) -> tuple[float, float] | None:
    """The case's (lat, lon) if its geometry is a GeoJSON Point; None otherwise."""
    geometry = case.geometry or {}
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        return None
    try:
        lon, lat = (float(n) for n in geometry["coordinates"][:2])
    except (KeyError, TypeError, ValueError):
        return None
    return lat, lon


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The distance in metres between two (lat, lon) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(h, 1.0)))


def property_values(case: Case, names) -> dict[str, str]:
    rows = PropertyValue.objects.filter(case=case, property__name__in=names)
    return {name: value for name, value in rows.values_list("property__name", "value")}


def open_cases_near(
    case: Case, metres: float, *, same_properties: tuple[str, ...] = ()
) -> list[tuple[Case, float]]:
    """The other open cases of the same case type within ``metres`` of ``case``, each with
    its distance in metres, the nearest first. With ``same_properties``, only those whose
    values of these case properties equal the case's own (a report's category, say); a case
    without such a value, or without a point, has no neighbours."""
    here = point_of(case)
    if here is None:
        return []
    candidates = (
        Case.objects.open()
        .filter(case_type__identification=case.case_type.identification, geometry__isnull=False)
        .exclude(pk=case.pk)
    )
    wanted = property_values(case, same_properties)
    for name in same_properties:
        if name not in wanted:
            return []
        candidates = candidates.filter(
            property_values__property__name=name, property_values__value=wanted[name]
        )
    near = []
    for other in candidates.distinct().order_by("pk"):
        there = point_of(other)
        if there is not None and (distance := haversine_m(here, there)) <= metres:
            near.append((other, distance))
    return sorted(near, key=lambda pair: (pair[1], pair[0].pk))
