"""The back office's work queue: staff log in, see their departments and each queue.

Logging in takes two steps when ``LOKET_STAFF_SECOND_FACTOR`` is on (the default): the
password at /werk/inloggen/, then the 6-digit code of the authenticator app at
/werk/inloggen/code/, or, without a confirmed app yet, enrolling one at
/werk/inloggen/koppelen/ (``loket.identity.second_factor``).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from loket.cases.services import CaseError
from loket.contacts.selectors import open_tasks_of_department
from loket.identity import second_factor
from loket.identity.second_factor import Outcome
from loket.security.lockout import LockoutAuthenticationForm
from loket.workqueue.selectors import (
    ASSIGNED_TO_ME,
    ASSIGNED_TO_NOBODY,
    AT_RISK_DAYS,
    Light,
    assignable_members,
    departments_with_counts,
    filter_queue,
    queue_case_types,
    queue_cases,
    queue_department,
    queue_rows,
    queue_statuses,
)
from loket.workqueue.services import assign_cases

CASES_PER_PAGE = 50
staff_login_required = second_factor.staff_required("workqueue:login", "workqueue:code")
password_step_done = login_required(login_url="workqueue:login")


class LoginView(auth_views.LoginView):
    template_name = "workqueue/login.html"
    # Wrong passwords are counted; too many lock the name or address (loket.security.lockout).
    authentication_form = LockoutAuthenticationForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("workqueue:index")

    def form_valid(self, form):
        # A staff session starts empty: nothing of a citizen's portal login in this browser
        # (a counter's shared computer) carries over into it.
        self.request.session.flush()
        return super().form_valid(form)

    def get_success_url(self):
        wanted = super().get_success_url()
        if second_factor.passed(self.request.user):
            return wanted
        return with_next("workqueue:code", wanted)


class LogoutView(auth_views.LogoutView):
    """Log out (POST only, as Django requires) and return to the login page."""

    next_page = reverse_lazy("workqueue:login")


@never_cache
@staff_login_required
def index(request):
    departments = departments_with_counts(request.user)
    return render(request, "workqueue/index.html", {"departments": departments})


def member_name(user) -> str:
    return user.get_full_name() or user.get_username()


class QueueFilterForm(forms.Form):
    """The queue's filters, a plain GET form; an unknown value is ignored, not an error."""

    case_type = forms.TypedChoiceField(label=gettext_lazy("Case type"), required=False, coerce=int)
    status = forms.TypedChoiceField(label=gettext_lazy("Status"), required=False, coerce=int)
    light = forms.ChoiceField(label=gettext_lazy("Deadline"), required=False)
    assignee = forms.ChoiceField(label=gettext_lazy("Assigned to"), required=False)

    def __init__(self, data, *, case_types, statuses, members):
        super().__init__(data)
        anything = [("", _("All"))]
        self.fields["case_type"].choices = anything + [(t.pk, t.description) for t in case_types]
        self.fields["status"].choices = anything + [
            (s.pk, s.citizen_name or s.description) for s in statuses
        ]
        self.fields["light"].choices = anything + list(Light.choices)
        self.fields["assignee"].choices = [
            *anything,
            (ASSIGNED_TO_ME, _("Me")),
            (ASSIGNED_TO_NOBODY, _("Nobody")),
            *((str(m.pk), member_name(m)) for m in members),
        ]

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


@never_cache
@staff_login_required
def queue(request, code):
    department = queue_department(request.user, code)
    today = timezone.localdate()
    members = list(assignable_members(department))
    form = QueueFilterForm(
        request.GET,
        case_types=queue_case_types(department),
        statuses=queue_statuses(department),
        members=members,
    )
    filters = form.filters()
    cases = filter_queue(queue_cases(department), filters, user=request.user, today=today)
    page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
    query = QueryDict(mutable=True)
    query.update({name: str(value) for name, value in filters.items()})
    context = {
        "department": department,
        "page": page,
        "rows": queue_rows(page, today),
        "at_risk_days": AT_RISK_DAYS,
        "form": form,
        "filtered": bool(filters),
        "query": query.urlencode(),
        "members": [(m.pk, member_name(m)) for m in members],
        "tasks": open_tasks_of_department(request.user, department, today=today),
    }
    return render(request, "workqueue/queue.html", context)


def back_to_queue(request, department):
    """The queue again, with the filters and page it was posted from."""
    url = reverse("workqueue:queue", args=[department.code])
    kept = QueryDict(request.POST.get("query", ""))
    query = QueryDict(mutable=True)
    for name in (*QueueFilterForm.base_fields, "page"):
        if kept.get(name):
            query[name] = kept[name]
    return redirect(f"{url}?{query.urlencode()}" if query else url)


def queue_case(department, uuid):
    """An open case of this queue by its uuid (``None`` for anything else)."""
    try:
        return queue_cases(department).filter(uuid=uuid).first()
    except (ValueError, ValidationError):
        return None


def chosen_member(department, value):
    """The user chosen in a select: a user (the service checks that they may handle the
    department's cases), ``None`` for "nobody", ``False`` for no or an unknown choice."""
    if value == ASSIGNED_TO_NOBODY:
        return None
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return False
    user = get_user_model().objects.filter(pk=pk).first()
    return user if user is not None else False


def assigned(request, department, cases, assignee) -> None:
    """Assign the cases in one go and say how it went."""
    try:
        count = assign_cases(cases, assignee, by=request.user)
    except CaseError as error:
        messages.error(request, error.messages[0])
        return
    if assignee is None:
        text = ngettext(
            "%(count)s case is now assigned to nobody.",
            "%(count)s cases are now assigned to nobody.",
            count,
        ) % {"count": count}
    else:
        text = ngettext(
            "%(count)s case is now assigned to %(name)s.",
            "%(count)s cases are now assigned to %(name)s.",
            count,
        ) % {"count": count, "name": member_name(assignee)}
    messages.success(request, text)


@never_cache
@require_POST
@staff_login_required
def claim(request, code):
    """Take one case of the queue: it is assigned to the user."""
    department = queue_department(request.user, code)
    case = queue_case(department, request.POST.get("claim"))
    if case is None:
        raise Http404
    assigned(request, department, [case], request.user)
    return back_to_queue(request, department)


@never_cache
@require_POST
@staff_login_required
def assign(request, code):
    """Assign or reassign one case to a member of the department (or to nobody)."""
    department = queue_department(request.user, code)
    uuid = request.POST.get("assign")
    case = queue_case(department, uuid)
    if case is None:
        raise Http404
    assignee = chosen_member(department, request.POST.get(f"assignee-{uuid}"))
    if assignee is False:
        messages.error(request, _("Choose a case worker of this department."))
    else:
        assigned(request, department, [case], assignee)
    return back_to_queue(request, department)


@never_cache
@require_POST
@staff_login_required
def bulk_assign(request, code):
    """Assign the ticked cases to one member, all in one transaction."""
    department = queue_department(request.user, code)
    uuids = request.POST.getlist("cases")
    cases = [queue_case(department, uuid) for uuid in uuids]
    assignee = chosen_member(department, request.POST.get("bulk_assignee"))
    if not uuids or None in cases:
        messages.error(request, _("Tick the open cases of this queue you want to assign."))
    elif assignee is False:
        messages.error(request, _("Choose a case worker of this department."))
    else:
        assigned(request, department, cases, assignee)
    return back_to_queue(request, department)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        min_length=6,
        max_length=6,
        validators=[RegexValidator(r"^[0-9]{6}$", gettext_lazy("Type the 6 digits of the code."))],
        error_messages={"required": gettext_lazy("Type the 6 digits of the code.")},
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip()


def with_next(url_name: str, wanted: str) -> str:
    query = QueryDict(mutable=True)
    query[REDIRECT_FIELD_NAME] = wanted
    return f"{reverse(url_name)}?{query.urlencode(safe='/')}"


def next_url(request) -> str:
    """Where to go after the code: ``next`` when it is a page of this site, else the queues."""
    wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("workqueue:index")


def check_code(request, form, device) -> bool:
    """Verify the form's code; on a refusal put the reason on the form."""
    if not form.is_valid():
        return False
    result = second_factor.verify(request, device, form.cleaned_data["code"])
    if result.outcome == Outcome.ACCEPTED:
        return True
    if result.outcome == Outcome.THROTTLED:
        message = _(
            "Too many wrong codes. Wait %(seconds)s seconds and try again with a new code."
        ) % {"seconds": result.wait_seconds}
    else:
        message = _("This code is not right. Check the code in your app and try again.")
    form.add_error("code", message)
    return False


@sensitive_post_parameters("code")
@never_cache
@password_step_done
def code(request):
    """The second step: the 6-digit code of the user's authenticator app."""
    if second_factor.passed(request.user):
        return redirect(next_url(request))
    device = second_factor.confirmed_device(request.user)
    if device is None:
        return redirect(with_next("workqueue:enrol", next_url(request)))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and check_code(request, form, device):
        return redirect(next_url(request))
    context = {"form": form, "next": next_url(request)}
    return render(request, "workqueue/code.html", context)


@sensitive_post_parameters("code")
@never_cache
@password_step_done
def enrol(request):
    """Link an authenticator app: its secret as text and QR code, and a first code."""
    if second_factor.passed(request.user):
        return redirect(next_url(request))
    if second_factor.confirmed_device(request.user) is not None:
        return redirect(with_next("workqueue:code", next_url(request)))
    device = second_factor.start_enrolment(request.user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and check_code(request, form, device):
        return redirect(next_url(request))
    uri = second_factor.otpauth_uri(device)
    context = {
        "form": form,
        "next": next_url(request),
        "secret": second_factor.secret_base32(device),
        "qr_svg": second_factor.qr_svg(uri, _("QR code to link your authenticator app")),
    }
    return render(request, "workqueue/enrol.html", context)
