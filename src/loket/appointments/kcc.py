"""The KCC books, moves and cancels appointments for the person whose 360° view is open.

The pages hang below the person's page (``/kcc/persoon/<party>/afspraken/``); the person is
named by their party's uuid, never by BSN. The services check that the employee may serve
people (``HANDLE_CONTACTS``) and record who made the change.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loket.appointments import services
from loket.appointments.forms import BookForm, DayForm, TimeForm
from loket.appointments.models import Appointment, Location
from loket.appointments.views import free_times, show
from loket.brp.errors import BrpError
from loket.brp.sources import get_brp_source
from loket.catalog.models import Product
from loket.contacts.models import Party
from loket.contacts.views import contact_centre


def person_of(party_uuid) -> Party:
    return get_object_or_404(Party, uuid=party_uuid, kind=Party.Kind.PERSON)


def appointment_for(party: Party, appointment_uuid) -> Appointment:
    """The person's appointment; 404 for one of anybody else."""
    appointment = (
        Appointment.objects.filter(uuid=appointment_uuid, bsn=party.bsn)
        .exclude(status=Appointment.Status.HELD)
        .select_related("location", "product", "officiant")
        .first()
    )
    if appointment is None or not party.bsn:
        raise Http404
    return appointment


def name_of(party: Party) -> str:
    try:
        person = get_brp_source().person(party.bsn)
    except BrpError:
        person = None
    return person.full_name if person else ""


class ProductForm(forms.Form):
    product = forms.ChoiceField(label=gettext_lazy("Product"))

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = [(p.slug, p.name) for p in products]
        self.fields["product"].error_messages["invalid_choice"] = _("Choose one of the products.")


def bookable_products():
    return Product.objects.filter(appointment_locations__isnull=False).distinct().order_by("name")


def about_the_person(form: BookForm) -> BookForm:
    form.fields["naam"].label = _("Name")
    form.fields["email"].label = _("E-mail address")
    form.fields["email"].help_text = _("The person gets the confirmation and the link there.")
    return form


@contact_centre
def book(request, party_uuid):
    """GET: choose product, location and day, see the free times. POST: book one."""
    party = person_of(party_uuid)
    data = request.POST if request.method == "POST" else request.GET
    pick = ProductForm(data or None, products=bookable_products())
    product = Product.objects.get(slug=pick.cleaned_data["product"]) if pick.is_valid() else None
    choose = form = slots = None
    status = 400 if pick.is_bound and not pick.is_valid() else 200
    if product is not None:
        locations = list(Location.objects.filter(products__product=product).order_by("name"))
        if request.method == "POST":
            form = choose = about_the_person(BookForm(request.POST, locations=locations))
            if form.is_valid():
                try:
                    services.book(
                        form.location,
                        product,
                        form.start(),
                        name=form.cleaned_data["naam"],
                        email=form.cleaned_data["email"],
                        bsn=party.bsn,
                        by=request.user,
                    )
                except services.SlotUnavailable as refusal:
                    form.add_error("tijd", str(refusal))
                else:
                    messages.success(
                        request, _("The appointment is booked. The person gets a mail.")
                    )
                    return redirect("contacts:person", party.uuid)
            status = 400
        else:
            form = about_the_person(BookForm(locations=locations, initial={"naam": name_of(party)}))
            choose = DayForm(request.GET if "dag" in request.GET else None, locations=locations)
            if choose.is_bound and not choose.is_valid():
                status = 400
        slots = free_times(choose, product) if choose.is_bound else None
    context = {
        "party": party,
        "pick": pick,
        "product": product,
        "choose": choose,
        "form": form,
        "slots": slots,
        "failed": (form if form is not None and form.errors else None)
        or (pick if pick.errors else None),
    }
    return render(request, "appointments/kcc_book.html", context, status=status)


def kcc_urls(party: Party, appointment: Appointment) -> dict:
    return {
        name: reverse(f"appointments:kcc-{name}", args=[party.uuid, appointment.uuid])
        for name in ("appointment", "cancel", "reschedule")
    }


def page(request, party, appointment, choose, *, form=None, status=200):
    return show(
        request,
        appointment,
        choose,
        form=form,
        status=status,
        urls=kcc_urls(party, appointment),
        extra={
            "base_template": "appointments/kcc_base.html",
            "heading": _("Appointment of %(name)s") % {"name": appointment.name or party.bsn},
            "back_url": reverse("contacts:person", args=[party.uuid]),
            "back_text": _("Back to the person"),
            "changes": appointment.changes.select_related("employee"),
            "failed": form if form is not None and form.errors else None,
        },
    )


@contact_centre
def appointment(request, party_uuid, appointment_uuid):
    party = person_of(party_uuid)
    appointment = appointment_for(party, appointment_uuid)
    choose = DayForm(request.GET or None)
    status = 400 if choose.is_bound and not choose.is_valid() else 200
    return page(request, party, appointment, choose, status=status)


@contact_centre
def cancel(request, party_uuid, appointment_uuid):
    if request.method != "POST":
        return redirect("appointments:kcc-appointment", party_uuid, appointment_uuid)
    party = person_of(party_uuid)
    appointment = appointment_for(party, appointment_uuid)
    services.cancel(appointment, by=request.user)
    messages.success(request, _("The appointment is cancelled. The person gets a mail."))
    return redirect("contacts:person", party.uuid)


@contact_centre
def reschedule(request, party_uuid, appointment_uuid):
    if request.method != "POST":
        return redirect("appointments:kcc-appointment", party_uuid, appointment_uuid)
    party = person_of(party_uuid)
    appointment = appointment_for(party, appointment_uuid)
    form = TimeForm(request.POST)
    if form.is_valid():
        try:
            services.reschedule(appointment, form.start(), by=request.user)
        except services.SlotUnavailable as refusal:
            form.add_error("tijd", str(refusal))
        else:
            messages.success(request, _("The appointment is moved. The person gets a mail."))
            return redirect("contacts:person", party.uuid)
    return page(request, party, appointment, form, form=form, status=400)
