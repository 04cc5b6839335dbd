"""The counter's day list: a location's appointments of one day, by time, for the staff who
receive the people (``/werk/afspraken/<location>/?dag=YYYY-MM-DD``)."""

from datetime import timedelta

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from loket.appointments.forms import DAY_FORMATS
from loket.appointments.models import Location
from loket.appointments.selectors import day_list
from loket.identity.permissions import StaffPermission, require
from loket.workqueue.views import staff_login_required


class DayListForm(forms.Form):
    dag = forms.DateField(
        label=_("Day"),
        input_formats=DAY_FORMATS,
        help_text=_("For example 31-12-2026."),
        error_messages={"invalid": _("Write the day as 31-12-2026.")},
    )


@never_cache
@require_GET
@staff_login_required
def day(request, location_uuid):
    require(request.user, StaffPermission.VIEW_APPOINTMENTS)
    location = get_object_or_404(Location, uuid=location_uuid)
    form = DayListForm(request.GET if "dag" in request.GET else None)
    chosen = form.cleaned_data["dag"] if form.is_valid() else timezone.localdate()
    appointments = list(day_list(location, chosen))
    context = {
        "location": location,
        "locations": Location.objects.exclude(pk=location.pk),
        "form": form,
        "failed": form if form.errors else None,
        "day": chosen,
        "previous": chosen - timedelta(days=1),
        "next": chosen + timedelta(days=1),
        "appointments": appointments,
        "booked": sum(1 for a in appointments if a.is_active),
    }
    return render(request, "appointments/counter.html", context, status=400 if form.errors else 200)
