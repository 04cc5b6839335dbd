"""The back office's work queue: staff log in, see their departments and each queue.

Logging in takes two steps when ``LOKET_STAFF_SECOND_FACTOR`` is on (the default): the
password at /werk/inloggen/, then the 6-digit code of the authenticator app at
/werk/inloggen/code/, or, without a confirmed app yet, enrolling one at
/werk/inloggen/koppelen/ (``loket.identity.second_factor``).
"""

from django import forms
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from loket.identity import second_factor
from loket.identity.second_factor import Outcome
from loket.workqueue.selectors import (
    AT_RISK_DAYS,
    departments_with_counts,
    queue_cases,
    queue_department,
    queue_rows,
)

CASES_PER_PAGE = 50
staff_login_required = second_factor.staff_required("workqueue:login", "workqueue:code")
password_step_done = login_required(login_url="workqueue:login")


class LoginView(auth_views.LoginView):
    template_name = "workqueue/login.html"
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


@never_cache
@staff_login_required
def queue(request, code):
    department = queue_department(request.user, code)
    page = Paginator(queue_cases(department), CASES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "department": department,
        "page": page,
        "rows": queue_rows(page, timezone.localdate()),
        "at_risk_days": AT_RISK_DAYS,
    }
    return render(request, "workqueue/queue.html", context)


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
