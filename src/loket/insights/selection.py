"""What a manager (or an open-data user) asks for: a period of whole months, and optionally
one department and one product. The same GET form serves the dashboard, its exports and the
open data, so that a link to one view carries over to the others."""

from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.catalog.models import Department, Product

MONTH_FORMATS = ["%Y-%m"]
DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class Selection:
    start: date  # the first day of the first month
    end: date  # the last day of the last month
    department: Department | None = None
    product: Product | None = None

    @property
    def months(self) -> list[date]:
        """The first day of every month in the period."""
        months, month = [], self.start
        while month <= self.end:
            months.append(month)
            month = next_month(month)
        return months

    def a_year_earlier(self) -> "Selection":
        return Selection(
            self.start.replace(year=self.start.year - 1),
            next_month(self.end.replace(year=self.end.year - 1, day=1)) - timedelta(days=1),
            self.department,
            self.product,
        )


def next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def months_back(month: date, count: int) -> date:
    for _step in range(count):
        month = (month - timedelta(days=1)).replace(day=1)
    return month


class MonthField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")

    def __init__(self, **kwargs):
        super().__init__(input_formats=MONTH_FORMATS, required=False, **kwargs)


class SelectionForm(forms.Form):
    start = MonthField(label=_("From month"), help_text=_("For example 2025-01."))
    end = MonthField(label=_("Up to and including month"), help_text=_("For example 2025-12."))
    department = forms.ModelChoiceField(
        Department.objects.all(),
        to_field_name="code",
        required=False,
        label=_("Department"),
        empty_label=_("All departments"),
    )
    product = forms.ModelChoiceField(
        Product.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Product"),
        empty_label=_("All products"),
    )

    def clean(self):
        """Months left empty: up to this month, and twelve months up to the last month."""
        data = super().clean()
        end = data.get("end") or timezone.localdate().replace(day=1)
        start = data.get("start") or months_back(end, DEFAULT_MONTHS - 1)
        if start > end:
            self.add_error("end", _("Choose a month on or after the first month."))
        data["start"], data["end"] = start, end
        return data

    def selection(self) -> Selection:
        data = self.cleaned_data
        last_day = next_month(data["end"]) - timedelta(days=1)
        return Selection(data["start"], last_day, data.get("department"), data.get("product"))
