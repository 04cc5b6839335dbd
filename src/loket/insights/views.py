"""The managers' dashboard at /inzicht/ with its CSV and XLSX exports, and the public open
data at /opendata/ (Wet hergebruik van overheidsinformatie): the figures, and the published
newsletters and publications at /opendata/publicaties/.

The dashboard needs a staff login past the second factor and the ``view_insights``
permission. The open data is the same figures without first-contact resolution (its selector
is for staff) and without anything about a person: only counts, shares, averages and sums.
"""

import csv
import io
from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control, never_cache

from loket.identity.permissions import StaffPermission, require
from loket.insights.charts import chart_of
from loket.insights.exports import as_csv, as_json, as_xlsx
from loket.insights.figures import collect
from loket.insights.models import Publication
from loket.insights.selection import SelectionForm
from loket.insights.tables import format_value, tables_of
from loket.workqueue.views import staff_login_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def managers_only(view):
    @staff_login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        require(request.user, StaffPermission.VIEW_INSIGHTS)
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def bad_selection(form) -> HttpResponse:
    errors = "; ".join(
        f"{form[name].label}: {' '.join(messages)}" for name, messages in form.errors.items()
    )
    return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")


def download(content, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def file_name(selection, extension: str) -> str:
    return f"loket-{selection.start:%Y-%m}-{selection.end:%Y-%m}.{extension}"


@managers_only
def dashboard(request):
    form = SelectionForm(request.GET)
    if not form.is_valid():
        return render(request, "insights/dashboard.html", {"form": form}, status=400)
    figures = collect(form.selection(), request.user)
    sections = [
        {
            "table": table,
            "chart": chart_of(table, f"table-{table.key}") if table.chart else None,
            "rows": [
                [
                    format_value(column.kind, value)
                    for column, value in zip(table.columns, row, strict=True)
                ]
                for row in table.rows
            ],
        }
        for table in tables_of(figures)
    ]
    return render(
        request,
        "insights/dashboard.html",
        {
            "form": form,
            "sections": sections,
            "selection": figures.selection,
            "query": request.GET.urlencode(),
        },
    )


@managers_only
def export(request, extension: str):
    form = SelectionForm(request.GET)
    if not form.is_valid():
        return bad_selection(form)
    selection = form.selection()
    tables = tables_of(collect(selection, request.user))
    if extension == "xlsx":
        return download(as_xlsx(tables), XLSX, file_name(selection, "xlsx"))
    return download(as_csv(tables), "text/csv; charset=utf-8", file_name(selection, "csv"))


@cache_control(public=True, max_age=3600)
def open_data(request, extension: str):
    form = SelectionForm(request.GET)
    if not form.is_valid():
        return bad_selection(form)
    selection = form.selection()
    tables = tables_of(collect(selection))
    if extension == "csv":
        return download(as_csv(tables), "text/csv; charset=utf-8", file_name(selection, "csv"))
    return JsonResponse(as_json(tables, selection), json_dumps_params={"ensure_ascii": False})


PUBLICATION_FIELDS = ("kind", "title", "published_on", "summary", "text")


@cache_control(public=True, max_age=3600)
def publications(request, extension: str):
    """The published newsletters and publications, newest first, as JSON or CSV."""
    rows = [
        {
            "kind": publication.kind,
            "title": publication.title,
            "published_on": publication.published_on.isoformat(),
            "summary": publication.summary,
            "text": publication.text,
        }
        for publication in Publication.objects.public(timezone.localdate())
    ]
    if extension == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=PUBLICATION_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
        return download(out.getvalue(), "text/csv; charset=utf-8", "publicaties.csv")
    return JsonResponse({"publications": rows}, json_dumps_params={"ensure_ascii": False})
