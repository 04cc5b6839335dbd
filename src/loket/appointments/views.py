"""The appointment pages: choose a location, day and time and book; the secret link of an
appointment to see, cancel or move it and to download it as a calendar file."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from loket.appointments import services
from loket.appointments.calendar_file import ics
from loket.appointments.forms import BookForm, DayForm, TimeForm
from loket.appointments.models import Appointment, Location
from loket.catalog.models import Product
from loket.identity.citizens import assisted_intake, current_visitor


def person_bsn(request) -> str:
    """The BSN of the person logged in with DigiD, recorded with what they book; none for a
    business, an anonymous visitor or an employee filling in a form with someone."""
    visitor = current_visitor(request)
    if visitor is None or not visitor.is_person or assisted_intake(request):
        return ""
    return visitor.bsn


def free_times(form: DayForm, product, location=None):
    """The free slots of the checked form's day, or None while location or day is not valid."""
    location = location or form.location
    day = form.cleaned_data.get("dag")
    if location is None or day is None:
        return None
    return services.free_slots(location, product, day)


@require_http_methods(["GET", "POST"])
def book(request, slug):
    product = get_object_or_404(Product, slug=slug)
    locations = list(Location.objects.filter(products__product=product).order_by("name"))
    if not locations:
        raise Http404
    if request.method == "POST":
        form = BookForm(request.POST, locations=locations)
        if form.is_valid():
            try:
                appointment = services.book(
                    form.location,
                    product,
                    form.start(),
                    name=form.cleaned_data["naam"],
                    email=form.cleaned_data["email"],
                    bsn=person_bsn(request),
                )
            except services.SlotUnavailable as refusal:
                form.add_error("tijd", str(refusal))
            else:
                return redirect("appointments:appointment", appointment.token)
        choose, status = form, 400
    else:
        visitor = current_visitor(request) if person_bsn(request) else None
        form = BookForm(locations=locations, initial={"naam": visitor.name} if visitor else None)
        choose = DayForm(request.GET or None, locations=locations)
        status = 400 if choose.is_bound and not choose.is_valid() else 200
    slots = free_times(choose, product) if choose.is_bound else None
    return render(
        request,
        "appointments/book.html",
        {"product": product, "choose": choose, "form": form, "slots": slots},
        status=status,
    )


def appointment_of(token: str) -> Appointment:
    return get_object_or_404(
        Appointment.objects.select_related("location", "product", "officiant"), token=token
    )


@never_cache
@require_http_methods(["GET"])
def appointment(request, token):
    appointment = appointment_of(token)
    choose = DayForm(request.GET or None)
    status = 400 if choose.is_bound and not choose.is_valid() else 200
    return show(request, appointment, choose, form=None, status=status)


def secret_urls(appointment: Appointment) -> dict:
    """Where the page of the secret link sends its forms."""
    return {
        name: reverse(f"appointments:{name}", args=[appointment.token])
        for name in ("appointment", "cancel", "reschedule")
    }


def show(request, appointment, choose, *, form, status, urls=None, extra=None):
    """The appointment with its forms to move and cancel it; ``urls`` say where they go (the
    secret link's by default, Mijn omgeving's and the KCC's pass their own)."""
    slots = None
    can_change = appointment.status == Appointment.Status.BOOKED and not appointment.has_started
    if can_change and choose.is_bound:
        slots = free_times(choose, appointment.product, appointment.location)
    context = {
        "appointment": appointment,
        "can_change": can_change,
        "choose": choose,
        "slots": slots,
        "form": form,
        "urls": urls or secret_urls(appointment),
        **(extra or {}),
    }
    return render(request, "appointments/appointment.html", context, status=status)


@require_POST
def cancel(request, token):
    appointment = appointment_of(token)
    services.cancel(appointment)
    return redirect("appointments:appointment", appointment.token)


@require_POST
def reschedule(request, token):
    appointment = appointment_of(token)
    form = TimeForm(request.POST)
    if form.is_valid():
        try:
            services.reschedule(appointment, form.start())
        except services.SlotUnavailable as refusal:
            form.add_error("tijd", str(refusal))
        else:
            return redirect("appointments:appointment", appointment.token)
    return show(request, appointment, form, form=form, status=400)


@never_cache
def calendar(request, token):
    appointment = appointment_of(token)
    response = HttpResponse(ics(appointment), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="afspraak.ics"'
    return response
