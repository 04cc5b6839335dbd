"""The admin's "Unblock login" action on staff users (loket.security.lockout)."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from loket.security import lockout


@admin.action(description=_("Unblock login after wrong passwords"), permissions=["change"])
def unblock_login(model_admin, request, queryset):
    users = list(queryset)
    for user in users:
        lockout.unlock(user.get_username())
    model_admin.message_user(
        request,
        ngettext(
            "Login unblocked for %(count)d user.",
            "Login unblocked for %(count)d users.",
            len(users),
        )
        % {"count": len(users)},
        messages.SUCCESS,
    )


user_admin = admin.site._registry.get(get_user_model())
if user_admin is not None:
    user_admin.actions = [*(user_admin.actions or []), unblock_login]
