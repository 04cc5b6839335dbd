"""Staff login lockout: after too many wrong passwords, that user name or address waits.

``LOKET_LOGIN_MAX_FAILURES`` wrong passwords for one user name, or
``LOKET_LOGIN_MAX_FAILURES_PER_IP`` from one address (trying many names), each counted until
``LOKET_LOGIN_LOCKOUT_SECONDS`` pass without a wrong one, lock logging in with that name, or
from that address, for ``LOKET_LOGIN_LOCKOUT_SECONDS``. While locked even the right password
is refused, with a message that says how long to wait. The lock ends by itself, or earlier
when a functioneel beheerder uses the action "Unblock login after wrong passwords" on the user
in the admin (``admin.py``). A limit of 0 turns that count off.

Each wrong password (INFO) and each lock (WARNING) is logged by the logger ``loket.security``
with a keyed hash of the name or address, never the name or address itself; the counters are
keyed the same way. The counters live in the shared ``security`` cache, so every web process
counts together. The second step (the
TOTP code) has its own throttle in django-otp (``identity/second_factor.py``).
"""

import logging
import math
import time

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from loket.security.clients import client_ip, pseudonym
from loket.security.counters import increment

logger = logging.getLogger("loket.security")


def subjects(request, username: str) -> list[tuple[str, int]]:
    """The counters a login attempt counts against, each with its limit."""
    found = []
    if settings.LOKET_LOGIN_MAX_FAILURES:
        found.append(
            (f"user:{pseudonym(username.strip().lower())}", settings.LOKET_LOGIN_MAX_FAILURES)
        )
    if settings.LOKET_LOGIN_MAX_FAILURES_PER_IP and request is not None:
        found.append(
            (f"ip:{pseudonym(client_ip(request))}", settings.LOKET_LOGIN_MAX_FAILURES_PER_IP)
        )
    return found


def locked_seconds(request, username: str) -> int:
    """Seconds until logging in with this name from this address is allowed again; 0: now."""
    cache = caches["security"]
    now = time.time()
    until = max(
        (
            cache.get(f"login:locked:{subject}", 0)
            for subject, _limit in subjects(request, username)
        ),
        default=0,
    )
    return max(0, math.ceil(until - now))


def record_failure(request, username: str) -> int:
    """Count a wrong password; returns the seconds of the lock it caused, else 0."""
    cache = caches["security"]
    period = settings.LOKET_LOGIN_LOCKOUT_SECONDS
    locked = 0
    logger.info(
        "Staff login failed: wrong password for user name %s",
        pseudonym(username.strip().lower()),
    )
    for subject, limit in subjects(request, username):
        key = f"login:failures:{subject}"
        failures = increment(cache, key, timeout=period)
        if failures >= limit:
            cache.set(f"login:locked:{subject}", time.time() + period, timeout=period)
            cache.delete(key)
            locked = period
            kind, reference = subject.split(":", 1)
            logger.warning(
                "Staff login locked for %s seconds after %s wrong passwords: %s %s",
                period,
                failures,
                "user name" if kind == "user" else "address",
                reference,
            )
    return locked


def record_success(request, username: str) -> None:
    """A right password clears the wrong ones counted for that user name."""
    subject = f"user:{pseudonym(username.strip().lower())}"
    caches["security"].delete(f"login:failures:{subject}")


def unlock(username: str) -> None:
    """End the lock and the count of wrong passwords of a user name (the admin's action)."""
    subject = f"user:{pseudonym(username.strip().lower())}"
    caches["security"].delete_many([f"login:failures:{subject}", f"login:locked:{subject}"])
    logger.info("Staff login unblocked by an administrator: user name %s", subject.split(":")[1])


def locked_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many wrong attempts. Logging in is blocked for %(minutes)d minute. Try again "
        "later, or ask the functional administrator to unblock your account.",
        "Too many wrong attempts. Logging in is blocked for %(minutes)d minutes. Try again "
        "later, or ask the functional administrator to unblock your account.",
        minutes,
    ) % {"minutes": minutes}


class LockoutAuthenticationForm(AuthenticationForm):
    """Django's login form, counting wrong passwords and refusing while locked."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _("Too many wrong attempts."),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return self.cleaned_data
        wait = locked_seconds(self.request, username)
        if wait:
            raise ValidationError(locked_message(wait), code="locked")
        self.user_cache = authenticate(self.request, username=username, password=password)
        if self.user_cache is None:
            wait = record_failure(self.request, username)
            if wait:
                raise ValidationError(locked_message(wait), code="locked")
            raise self.get_invalid_login_error()
        self.confirm_login_allowed(self.user_cache)
        record_success(self.request, username)
        return self.cleaned_data


class AdminLockoutAuthenticationForm(LockoutAuthenticationForm, AdminAuthenticationForm):
    """The admin's login form (staff accounts only), with the same counting."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "locked": LockoutAuthenticationForm.error_messages["locked"],
    }
