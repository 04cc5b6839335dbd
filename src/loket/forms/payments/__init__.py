"""Payment providers: the form starts a payment and learns its outcome through one interface.

``LOKET_PAYMENT_PROVIDER`` names the provider. ``demo`` lets the person choose the outcome
(paid, cancelled or failed) and exists only in demo mode; a real provider (an iDEAL or card
acquirer) plugs in as another class with the same two methods.
"""

from decimal import Decimal
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class Outcome:
    PAID = "paid"
    CANCELLED = "cancelled"
    FAILED = "failed"
    OPEN = "open"


class PaymentProvider(Protocol):
    def start(self, *, reference: str, amount: Decimal, description: str, return_url: str) -> str:
        """Register the payment with the provider; the URL to send the person to."""

    def outcome(self, request, reference: str) -> str:
        """The payment's outcome as the provider reports it on the return to Loket."""


def payment_available() -> bool:
    return settings.LOKET_PAYMENT_PROVIDER != "none"


def get_payment_provider() -> PaymentProvider:
    from loket.forms.payments.demo import DemoProvider

    if settings.LOKET_PAYMENT_PROVIDER == "demo":
        return DemoProvider()
    raise ImproperlyConfigured(
        f"No payment provider {settings.LOKET_PAYMENT_PROVIDER!r}; online payment is not set up."
    )
