"""The staff's second factor: a time-based code (TOTP, RFC 6238) from an authenticator app.

Staff log in with their password and then a 6-digit code; only then is the session
*verified* (django-otp's ``OTPMiddleware`` sets ``request.user.is_verified()`` from the
device kept in the session by :func:`django_otp.login`). A user without a confirmed device is
led to enrol one: the secret is shown as text and as a QR code, and a first right code
confirms it. Wrong codes are throttled by django-otp (1, 2, 4, 8 … seconds after each
failure), so a code cannot be guessed.

``LOKET_STAFF_SECOND_FACTOR`` switches the requirement (the setting, else the environment
variable of that name; on by default, in production and in the demo).
"""

import base64
import math
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from urllib.parse import quote, urlencode

import segno
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator"


def required() -> bool:
    """Whether staff need the second factor (LOKET_STAFF_SECOND_FACTOR; production: always)."""
    return settings.LOKET_STAFF_SECOND_FACTOR


def is_verified(user) -> bool:
    """Whether this request's user gave a right code in this session."""
    check = getattr(user, "is_verified", None)
    return bool(user.is_authenticated and check is not None and check())


def passed(user) -> bool:
    """Whether the user is past the second step: verified, or the requirement is off."""
    return user.is_authenticated and (not required() or is_verified(user))


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def secret_base32(device: TOTPDevice) -> str:
    """The device's secret as authenticator apps take it when typed in."""
    return base64.b32encode(bytes.fromhex(device.key)).decode().rstrip("=")


def otpauth_uri(device: TOTPDevice) -> str:
    """The ``otpauth://`` URI of the QR code, with the municipality as issuer."""
    issuer = f"Loket {settings.LOKET_MUNICIPALITY_NAME}"
    label = quote(f"{issuer}:{device.user.get_username()}")
    query = urlencode(
        {
            "secret": secret_base32(device),
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": device.digits,
            "period": device.step,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"


def qr_svg(uri: str, title: str) -> str:
    """The URI as an inline SVG QR code: no script, no image request."""
    return segno.make(uri, error="m").svg_inline(scale=5, border=4, title=title)


@transaction.atomic
def start_enrolment(user) -> TOTPDevice:
    """The user's unconfirmed device to enrol, made on the first call and kept until then.

    Refused (``ValueError``) when the user has a confirmed device already: a password alone
    must not be enough to replace it. The functioneel beheerder resets it with
    :func:`reset_second_factor`.
    """
    if confirmed_device(user) is not None:
        raise ValueError("This user has a confirmed device; reset it first.")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def reset_second_factor(user) -> int:
    """Remove the user's devices: at the next login they enrol a new one. Returns how many."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted


@transaction.atomic
def set_known_device(user, key_hex: str) -> TOTPDevice:
    """Give the user one confirmed device with this secret (the demo accounts' known key)."""
    TOTPDevice.objects.filter(user=user).exclude(name="demo").delete()
    device, _ = TOTPDevice.objects.update_or_create(
        user=user,
        name="demo",
        defaults={"key": key_hex, "confirmed": True, "last_t": -1},
    )
    return device


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    THROTTLED = "throttled"


@dataclass(frozen=True)
class Verification:
    outcome: Outcome
    wait_seconds: int = 0


def verify(request, device: TOTPDevice, code: str) -> Verification:
    """Check a code of ``request.user``'s device; a right one verifies the session.

    An unconfirmed device is confirmed by its first right code (the end of enrolment). While
    the device is throttled after wrong codes, every code is refused, even a right one.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=request.user)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return Verification(Outcome.THROTTLED, wait_seconds(details))
        if not device.verify_token(code):
            return Verification(Outcome.WRONG)
        if not device.confirmed:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return Verification(Outcome.ACCEPTED)


def wait_seconds(details) -> int:
    locked_until = (details or {}).get("locked_until")
    if locked_until is None:
        return 1
    return max(1, math.ceil((locked_until - timezone.now()).total_seconds()))


def staff_required(login_url: str, code_url: str):
    """A view decorator: a logged-in staff member past the second step, else to that step.

    Not logged in goes to ``login_url``; logged in without a right code yet to ``code_url``;
    both with ``next`` pointing back. Both are URL names.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse(login_url))
            if not passed(request.user):
                return redirect_to_login(request.get_full_path(), reverse(code_url))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
