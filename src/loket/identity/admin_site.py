"""The admin site at /beheer/, which asks the staff's second factor like the work queue.

Installed as the default admin site (``admin_config.StaffAdminConfig`` in ``INSTALLED_APPS``),
so every ``admin.site.register`` lands here. With ``LOKET_STAFF_SECOND_FACTOR`` on, a session is let
in only after the 6-digit code; logging in goes through the staff login at /werk/inloggen/
(password, then the code) and comes back to the admin.
"""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from loket.identity import second_factor
from loket.security.lockout import AdminLockoutAuthenticationForm


class StaffAdminSite(admin.AdminSite):
    # The admin's own login page (second factor off) counts wrong passwords as /werk/ does.
    login_form = AdminLockoutAuthenticationForm

    def has_permission(self, request):
        return super().has_permission(request) and second_factor.passed(request.user)

    def login(self, request, extra_context=None):
        user = request.user
        if not second_factor.required() or second_factor.is_verified(user):
            # Verified but not staff: the admin's own page says the account has no access.
            return super().login(request, extra_context)
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse(
            "admin:index", current_app=self.name
        )
        step = "workqueue:code" if user.is_authenticated else "workqueue:login"
        return redirect_to_login(next_url, reverse(step))


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """A record the services write and nobody edits by hand: an audit log, an outbox, answers."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
