"""My appointments in Mijn omgeving: the person logged in with DigiD sees the appointments
booked with their BSN, and moves or cancels them there.

Someone else's appointment answers 404, exactly as one that does not exist; the URL names it
by uuid, never by a number one could count up.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from loket.appointments import selectors, services
from loket.appointments.forms import DayForm, TimeForm
from loket.appointments.views import show
from loket.identity.citizens import current_visitor, visitor_required


def own_appointment(request, appointment_uuid):
    appointment = selectors.appointment_of(appointment_uuid, current_visitor(request).bsn)
    if appointment is None:
        raise Http404
    return appointment


def mijn_urls(appointment) -> dict:
    return {
        name: reverse(f"appointments:mijn-{name}", args=[appointment.uuid])
        for name in ("appointment", "cancel", "reschedule")
    }


def page(request, appointment, choose, *, form=None, status=200):
    return show(
        request,
        appointment,
        choose,
        form=form,
        status=status,
        urls=mijn_urls(appointment),
        extra={"back_url": reverse("appointments:mijn"), "back_text": _("My appointments")},
    )


@never_cache
@require_GET
@visitor_required("person")
def overview(request):
    upcoming, past = selectors.upcoming_and_past(
        selectors.appointments_of(current_visitor(request).bsn)
    )
    return render(request, "appointments/mijn.html", {"upcoming": upcoming, "past": past})


@never_cache
@require_GET
@visitor_required("person")
def appointment(request, appointment_uuid):
    appointment = own_appointment(request, appointment_uuid)
    choose = DayForm(request.GET or None)
    status = 400 if choose.is_bound and not choose.is_valid() else 200
    return page(request, appointment, choose, status=status)


@require_POST
@visitor_required("person")
def cancel(request, appointment_uuid):
    appointment = own_appointment(request, appointment_uuid)
    services.cancel(appointment)
    messages.success(request, _("Your appointment is cancelled."))
    return redirect("appointments:mijn")


@require_POST
@visitor_required("person")
def reschedule(request, appointment_uuid):
    appointment = own_appointment(request, appointment_uuid)
    form = TimeForm(request.POST)
    if form.is_valid():
        try:
            services.reschedule(appointment, form.start())
        except services.SlotUnavailable as refusal:
            form.add_error("tijd", str(refusal))
        else:
            messages.success(request, _("Your appointment is moved."))
            return redirect("appointments:mijn-appointment", appointment.uuid)
    return page(request, appointment, form, form=form, status=400)
