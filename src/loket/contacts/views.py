"""The contact centre's pages at /kcc/: one screen for every channel.

The KCC employee searches the person on the line (``find_persons``), opens their 360° view
(``person_overview``), reads an answer from the product catalogue, registers the contact and,
when the question needs a department, hands it over as an internal task. The department's
case worker answers that task on its page, ``/kcc/taken/<uuid>/``, linked from their queue.

Persons are named in URLs by their party's uuid, never by BSN, and the person search is a
POST, so that no BSN, birth date or address ends up in a URL or an access log. Every change
goes through ``loket.contacts.services``, which checks the role again; a refused or invalid
form shows the page again with the reason next to the field and what was typed (status 400).
"""

from datetime import timedelta
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from loket.appointments.selectors import appointments_of, upcoming_and_past
from loket.brp.bsn import is_valid_bsn
from loket.brp.errors import BrpError
from loket.catalog.models import Department, Product
from loket.catalog.search import search_products
from loket.contacts import services
from loket.contacts.models import Channel, Contact, InternalTask, Outcome, Party
from loket.contacts.selectors import find_persons, person_overview, with_overdue
from loket.forms.models import FormDefinition, Login
from loket.identity.permissions import StaffPermission, has_permission, require, roles_with
from loket.workqueue.views import staff_login_required

# The day, month and year as people type them; the ISO form is what a date field sends.
DATE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d"]
DAYS_TO_ANSWER = 3
KNOWLEDGE_HITS = 10
# How the KCC helps a person fill in an online form (assisted digital).
ASSISTED_CHANNELS = [Channel.PHONE, Channel.COUNTER, Channel.HOME_VISIT]


def contact_centre(view):
    """A staff member past the second factor whose role reads contacts (the KCC)."""

    @staff_login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        require(request.user, StaffPermission.VIEW_CONTACTS)
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def show_refusal(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal next to the field it concerns, or above the form."""
    for field, errors in error.message_dict.items():
        for message in errors:
            form.add_error(field if field in form.fields else None, message)


# --- Finding the person -----------------------------------------------------------------


class PersonSearchForm(forms.Form):
    bsn = forms.CharField(label=gettext_lazy("BSN"), max_length=9, required=False)
    surname = forms.CharField(
        label=gettext_lazy("Surname"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Without a prefix such as 'van'. End with * for any ending."),
    )
    birth_date = forms.DateField(
        label=gettext_lazy("Date of birth"),
        input_formats=DATE_FORMATS,
        required=False,
        help_text=gettext_lazy("Day-month-year, like 31-12-1980."),
    )
    postcode = forms.CharField(label=gettext_lazy("Postcode"), max_length=7, required=False)
    house_number = forms.CharField(label=gettext_lazy("House number"), max_length=5, required=False)
    case_number = forms.CharField(label=gettext_lazy("Case number"), required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail address"), required=False)

    # Each way to find a person, with the fields it needs together.
    CRITERIA = (
        ("bsn",),
        ("surname", "birth_date"),
        ("postcode", "house_number"),
        ("case_number",),
        ("email",),
    )
    PAIRS = (
        ("surname", "birth_date"),
        ("birth_date", "surname"),
        ("postcode", "house_number"),
        ("house_number", "postcode"),
    )
    MISSING = {
        "surname": gettext_lazy("Fill in the surname with the date of birth."),
        "birth_date": gettext_lazy("Fill in the date of birth with the surname."),
        "postcode": gettext_lazy("Fill in the postcode with the house number."),
        "house_number": gettext_lazy("Fill in the house number with the postcode."),
    }

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"].strip()
        if bsn and not is_valid_bsn(bsn):
            raise ValidationError(_("This is not a valid citizen service number (BSN)."))
        return bsn

    def clean(self):
        data = super().clean()
        for criterion in self.CRITERIA:
            if all(data.get(name) for name in criterion):
                self.criterion = criterion
                return data
        for given, missing in self.PAIRS:
            if data.get(given) and not self.has_error(missing):
                self.add_error(missing, self.MISSING[missing])
        if not self.errors:
            raise ValidationError(
                _(
                    "Fill in a BSN, a surname with a date of birth, a postcode with a house "
                    "number, a case number or an e-mail address."
                )
            )
        return data

    def search(self, user) -> list:
        criterion = self.criterion
        try:
            return find_persons(user, **{name: self.cleaned_data[name] for name in criterion})
        except ValidationError as error:
            # The register's refusals carry the field as their code (postcode, house_number).
            code = getattr(error, "code", None)
            self.add_error(code if code in criterion else criterion[0], error)
        except BrpError:
            self.add_error(None, _("The person register does not answer. Try again later."))
        return []


# --- Knowledge answers from the catalogue ---------------------------------------------------


def knowledge(request) -> dict:
    """The catalogue search of the contact screen (``zoek``) and the answer of the product
    chosen from it (``product``): plain GET parameters, so the page works without script."""
    query = request.GET.get("zoek", "").strip()
    chosen = request.GET.get("product", "")
    answer = (
        Product.objects.published().filter(slug=chosen).prefetch_related("costs").first()
        if chosen
        else None
    )
    return {
        "query": query,
        "hits": search_products(query, limit=KNOWLEDGE_HITS) if query else [],
        "answer": answer,
    }


# --- Registering a contact -----------------------------------------------------------------


class ProductChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, product):
        return product.name


class ContactForm(forms.Form):
    """A contact on any channel with the person whose 360° view is open."""

    channel = forms.ChoiceField(
        label=gettext_lazy("Channel"), choices=Channel.choices, initial=Channel.PHONE
    )
    handle = forms.CharField(
        label=gettext_lazy("Social-media account"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("Only for social media: the account that sent the message."),
    )
    pasted_message = forms.CharField(
        label=gettext_lazy("The message as it was posted"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Only for social media: paste the message here."),
    )
    question = forms.CharField(
        label=gettext_lazy("Question"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    answer = forms.CharField(
        label=gettext_lazy("Answer given"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    product = ProductChoiceField(
        label=gettext_lazy("Product"),
        queryset=Product.objects.published(),
        required=False,
        empty_label=gettext_lazy("No product"),
    )
    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=Outcome.choices)
    duration = forms.IntegerField(
        label=gettext_lazy("Duration in minutes"), min_value=0, max_value=600, required=False
    )
    representative_bsn = forms.CharField(
        label=gettext_lazy("BSN of the caller, when someone else calls for this person"),
        max_length=11,
        required=False,
        help_text=gettext_lazy("For example a child, a partner or someone with a mandate."),
    )

    def clean_representative_bsn(self):
        bsn = self.cleaned_data["representative_bsn"].replace(" ", "")
        if bsn and not is_valid_bsn(bsn):
            raise forms.ValidationError(_("This is not a valid citizen service number (BSN)."))
        return bsn

    def clean(self):
        data = super().clean()
        if data.get("channel") == Channel.SOCIAL_MEDIA and not data.get("handle"):
            self.add_error("handle", _("Give the account that sent the message."))
        return data

    def party(self, user) -> Party | None:
        return None

    def register(self, user, party: Party | None = None) -> Contact:
        data = self.cleaned_data
        product = data["product"]
        minutes = data["duration"]
        representative_bsn = data.get("representative_bsn")
        return services.register_contact(
            by=user,
            channel=data["channel"],
            subject=product.name if product else Truncator(data["question"]).chars(200),
            party=party,
            representative=services.party_for(by=user, bsn=representative_bsn)
            if representative_bsn
            else None,
            question=data["question"],
            answer=data["answer"],
            product=product,
            outcome=data["outcome"],
            duration=timedelta(minutes=minutes) if minutes is not None else None,
            handle=data["handle"],
            pasted_message=data["pasted_message"],
        )


class OtherContactForm(ContactForm):
    """A contact with a business (by KvK number) or with someone who stays unknown."""

    BUSINESS, UNKNOWN = "business", "unknown"
    representative_bsn = None  # nobody to act for: the caller is who they are

    who = forms.ChoiceField(
        label=gettext_lazy("Who"),
        choices=[
            (UNKNOWN, gettext_lazy("Unknown: the person did not say who they are")),
            (BUSINESS, gettext_lazy("A business")),
        ],
    )
    kvk_number = forms.CharField(
        label=gettext_lazy("KvK number"),
        max_length=8,
        required=False,
        help_text=gettext_lazy("Only for a business: eight digits."),
    )
    field_order = ["who", "kvk_number"]

    def clean(self):
        data = super().clean()
        if data.get("who") == self.BUSINESS and not data.get("kvk_number"):
            self.add_error("kvk_number", _("Give the KvK number of the business."))
        return data

    def party(self, user) -> Party | None:
        if self.cleaned_data["who"] != self.BUSINESS:
            return None
        return services.party_for(by=user, kvk_number=self.cleaned_data["kvk_number"])


def registered(request, form: ContactForm, party: Party | None = None) -> Contact | None:
    """Register the form's contact; ``None`` when the form or the service refused it."""
    if not form.is_valid():
        return None
    try:
        contact = form.register(request.user, party or form.party(request.user))
    except ValidationError as error:
        show_refusal(form, error)
        return None
    if contact.outcome == Outcome.HANDED_OVER:
        messages.success(
            request,
            _("Contact %(number)s is saved. Now hand the question over below.")
            % {"number": contact.number},
        )
    else:
        messages.success(request, _("Contact %(number)s is saved.") % {"number": contact.number})
    return contact


def initial_product(context: dict) -> dict:
    """The contact form starts with the product whose answer is shown."""
    return {"product": context["answer"]} if context["answer"] else {}


# --- The contact screen and the 360° view --------------------------------------------------


def screen_page(request, *, search=None, results=None, contact_form=None, status=200):
    context = knowledge(request)
    context.update(
        search_form=search or PersonSearchForm(auto_id="search-%s"),
        results=results,
        contact_form=contact_form
        or OtherContactForm(auto_id="contact-%s", initial=initial_product(context)),
        failed=(search or contact_form) if status == 400 else None,
    )
    return render(request, "contacts/screen.html", context, status=status)


@contact_centre
def screen(request):
    """GET: the contact screen. POST: register a contact with a business or an unknown
    person."""
    if request.method != "POST":
        return screen_page(request)
    form = OtherContactForm(request.POST, auto_id="contact-%s")
    contact = registered(request, form)
    if contact is None:
        return screen_page(request, contact_form=form, status=400)
    return redirect("contacts:contact", contact.uuid)


@contact_centre
@require_POST
def search(request):
    form = PersonSearchForm(request.POST, auto_id="search-%s")
    results = form.search(request.user) if form.is_valid() else None
    if form.errors:
        return screen_page(request, search=form, status=400)
    return screen_page(request, search=form, results=results)


@contact_centre
@require_POST
def open_person(request):
    """The 360° view of a person found: their party is registered on this first contact."""
    bsn = request.POST.get("bsn", "")
    if not is_valid_bsn(bsn):
        raise BadRequest
    party = services.party_for(by=request.user, bsn=bsn)
    return redirect("contacts:person", party.uuid)


def assisted_forms() -> list[Product]:
    """The products whose online form the KCC can fill in with a person: every published
    form but those only a business may use."""
    definitions = (
        FormDefinition.objects.published()
        .exclude(login=Login.BUSINESS)
        .select_related("product")
        .order_by("product__name", "product__pk")
    )
    return list({definition.product: None for definition in definitions})


@contact_centre
def person(request, uuid):
    """GET: the 360° view of the person. POST: register a contact with them."""
    party = get_object_or_404(Party, uuid=uuid, kind=Party.Kind.PERSON)
    context = knowledge(request)
    if request.method == "POST":
        form = ContactForm(request.POST, auto_id="contact-%s")
        contact = registered(request, form, party)
        if contact is not None:
            return redirect("contacts:contact", contact.uuid)
    else:
        form = ContactForm(auto_id="contact-%s", initial=initial_product(context))
    context.update(
        party=party,
        view=person_overview(request.user, party.bsn),
        contact_form=form,
        failed=form if form.errors else None,
        assisted_forms=assisted_forms(),
        assisted_channels=ASSISTED_CHANNELS,
        appointments=upcoming_and_past(appointments_of(party.bsn)),
    )
    return render(request, "contacts/person.html", context, status=400 if form.errors else 200)


# --- Handing over -------------------------------------------------------------------------


class DepartmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, department):
        return department.name


class EmployeeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


def default_deadline() -> str:
    return (timezone.localdate() + timedelta(days=DAYS_TO_ANSWER)).strftime(DATE_FORMATS[0])


class HandOverForm(forms.Form):
    CALL_BACK, QUESTION = "call_back", "question"
    REQUESTS = {
        CALL_BACK: gettext_lazy("Call the person back"),
        QUESTION: gettext_lazy("Answer a question of the person"),
    }

    request_kind = forms.ChoiceField(
        label=gettext_lazy("What is asked"), choices=list(REQUESTS.items())
    )
    explanation = forms.CharField(
        label=gettext_lazy("Explanation"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What should they do? For a call back, give the phone number."),
    )
    department = DepartmentChoiceField(
        label=gettext_lazy("To the department"),
        queryset=Department.objects.order_by("name", "code"),
        required=False,
        empty_label=gettext_lazy("No department"),
    )
    employee = EmployeeChoiceField(
        label=gettext_lazy("Or to an employee"),
        queryset=get_user_model()
        .objects.filter(
            is_active=True,
            groups__name__in=roles_with(StaffPermission.WORK_CASES)
            + roles_with(StaffPermission.HANDLE_CONTACTS),
        )
        .distinct()
        .order_by("first_name", "last_name", "username"),
        required=False,
        empty_label=gettext_lazy("No employee"),
    )
    deadline = forms.DateField(
        label=gettext_lazy("Answer by"),
        input_formats=DATE_FORMATS,
        initial=default_deadline,
        help_text=gettext_lazy("Day-month-year, like 31-12-2025."),
    )
    reply_to = forms.EmailField(
        label=gettext_lazy("Mail the answer to"),
        required=False,
        help_text=gettext_lazy("Only when the person wants the answer by e-mail."),
    )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise ValidationError(_("The date cannot be in the past."))
        return deadline

    def clean(self):
        data = super().clean()
        if not (data.get("department") or data.get("employee")):
            self.add_error("department", _("Choose a department or an employee."))
        return data

    def hand_over(self, contact: Contact, user) -> InternalTask:
        data = self.cleaned_data
        return services.hand_over(
            contact,
            by=user,
            to=[target for target in (data["department"], data["employee"]) if target],
            requested_action=str(self.REQUESTS[data["request_kind"]]),
            explanation=data["explanation"],
            deadline=data["deadline"],
            reply_to=data["reply_to"],
        )


def contact_page(request, contact: Contact, form: HandOverForm | None = None):
    failed = form if form is not None and form.errors else None
    context = {
        "contact": contact,
        "minutes": None if contact.duration is None else contact.duration // timedelta(minutes=1),
        "involvements": contact.involvements.select_related("party"),
        "tasks": with_overdue(contact.tasks.all(), timezone.localdate())
        .prefetch_related("actors")
        .order_by("pk"),
        "form": form or HandOverForm(auto_id="handover-%s"),
        "failed": failed,
    }
    return render(request, "contacts/contact.html", context, status=400 if failed else 200)


def contact_of(uuid) -> Contact:
    return get_object_or_404(Contact.objects.select_related("product", "employee"), uuid=uuid)


@contact_centre
def contact(request, uuid):
    return contact_page(request, contact_of(uuid))


@contact_centre
@require_POST
def hand_over(request, uuid):
    contact = contact_of(uuid)
    form = HandOverForm(request.POST, auto_id="handover-%s")
    if form.is_valid():
        try:
            task = form.hand_over(contact, request.user)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("Task %(number)s is handed over. It is due on %(date)s.")
                % {"number": task.number, "date": task.deadline.strftime(DATE_FORMATS[0])},
            )
            return redirect("contacts:contact", contact.uuid)
    return contact_page(request, contact, form)


# --- Answering a task (the department) -------------------------------------------------------


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("The answer is added to the contact. When asked, it is mailed."),
    )


@staff_login_required
@never_cache
def task(request, uuid):
    """The task handed over: the contact centre, the employee it was handed to and the case
    workers of its department read and answer it; anyone else gets 404."""
    tasks = with_overdue(InternalTask.objects.filter(uuid=uuid), timezone.localdate())
    found = get_object_or_404(
        tasks.select_related("contact").prefetch_related("actors__department")
    )
    if not services.may_close_task(request.user, found):
        raise Http404
    form = AnswerForm(request.POST if request.method == "POST" else None, auto_id="answer-%s")
    if form.is_valid():
        try:
            services.close_task(found, by=request.user, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The task is answered and the contact is updated."))
            return redirect("contacts:task", found.uuid)
    context = {
        "task": found,
        "form": form,
        "failed": form if form.errors else None,
        # The queues to go back to: those of the task's departments the user works in.
        "departments": [
            actor.department
            for actor in found.actors.all()
            if actor.department_id
            and has_permission(request.user, StaffPermission.WORK_CASES, actor.department)
        ],
    }
    return render(request, "contacts/task.html", context, status=400 if form.errors else 200)
