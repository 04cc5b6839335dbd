"""The back office's work queue: staff log in, see their departments and each queue."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.cache import never_cache

from loket.workqueue.selectors import (
    AT_RISK_DAYS,
    departments_with_counts,
    queue_cases,
    queue_department,
    queue_rows,
)

CASES_PER_PAGE = 50
staff_login_required = login_required(login_url="workqueue:login")


class LoginView(auth_views.LoginView):
    template_name = "workqueue/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("workqueue:index")

    def form_valid(self, form):
        # A staff session starts empty: nothing of a citizen's portal login in this browser
        # (a counter's shared computer) carries over into it.
        self.request.session.flush()
        return super().form_valid(form)


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
