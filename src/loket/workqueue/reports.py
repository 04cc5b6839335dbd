"""Reports in public space (meldingen openbare ruimte) for the department they were routed to:
a list and a map of its open reports at /werk/<department>/meldingen/, and the check, when a
report is registered, for an open report of the same category close by (a possible duplicate).

The map is drawn on the server, on the same municipality drawing as the form's location field
(``forms/map.svg``): no map tiles from outside are needed. The list is its text alternative.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from loket.cases.models import Case, PropertyValue
from loket.cases.nearby import open_cases_near, point_of
from loket.catalog.models import Department
from loket.forms.rendering import MAP_HEIGHT, MAP_WIDTH, map_pixel
from loket.workqueue.models import PossibleDuplicate
from loket.workqueue.selectors import queue_department
from loket.workqueue.views import staff_login_required

REPORT_CASE_TYPE = "MELDING-OPENBARE-RUIMTE"
CATEGORY, PLACE = "categorie", "locatie"  # the case properties the melding form fills
DUPLICATE_WITHIN_M = 50


def flag_possible_duplicates(case: Case) -> list[PossibleDuplicate]:
    """Record the open reports of the same category within ``DUPLICATE_WITHIN_M`` metres of a
    newly registered report; nothing for a case of another case type."""
    if case.case_type.identification != REPORT_CASE_TYPE:
        return []
    now = timezone.now()
    return [
        PossibleDuplicate.objects.get_or_create(
            case=case, of_case=other, defaults={"distance_m": round(metres), "found_at": now}
        )[0]
        for other, metres in open_cases_near(case, DUPLICATE_WITHIN_M, same_properties=(CATEGORY,))
    ]


def open_reports(department: Department) -> QuerySet[Case]:
    """The department's open reports in public space, newest first, with their properties and
    the open reports they may duplicate: three queries, however many reports."""
    return (
        Case.objects.open()
        .filter(department=department, case_type__identification=REPORT_CASE_TYPE)
        .prefetch_related(
            Prefetch(
                "property_values",
                queryset=PropertyValue.objects.select_related("property").order_by("pk"),
            ),
            Prefetch(
                "possible_duplicates",
                queryset=PossibleDuplicate.objects.filter(of_case__closed_on__isnull=True)
                .select_related("of_case")
                .order_by("distance_m", "pk"),
            ),
        )
        .order_by("-registered_on", "-pk")
    )


@dataclass(frozen=True)
class ReportRow:
    case: Case
    category: str
    place: str
    duplicates: list = field(default_factory=list)  # (PossibleDuplicate, linkable: bool)
    pixel: tuple[float, float] | None = None  # where the dot goes on the map


def report_rows(cases) -> list[ReportRow]:
    cases = list(cases)
    listed = {case.pk for case in cases}
    rows = []
    for case in cases:
        values = {value.property.name: value.value for value in case.property_values.all()}
        point = point_of(case)
        pixel = map_pixel({"lat": point[0], "lon": point[1]}) if point else None
        if pixel and not (0 <= pixel[0] <= MAP_WIDTH and 0 <= pixel[1] <= MAP_HEIGHT):
            pixel = None  # outside the municipality's map: in the list only
        duplicates = [(d, d.of_case_id in listed) for d in case.possible_duplicates.all()]
        rows.append(
            ReportRow(case, values.get(CATEGORY, ""), values.get(PLACE, ""), duplicates, pixel)
        )
    return rows


@never_cache
@staff_login_required
def reports(request, code):
    department = queue_department(request.user, code)
    rows = report_rows(open_reports(department))
    context = {
        "department": department,
        "rows": rows,
        "dots": [row for row in rows if row.pixel],
        "width": MAP_WIDTH,
        "height": MAP_HEIGHT,
        "area": settings.LOKET_MAP_AREA,
        "duplicate_within_m": DUPLICATE_WITHIN_M,
    }
    return render(request, "workqueue/reports.html", context)
