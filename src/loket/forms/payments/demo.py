"""The demo payment provider: a page of Loket itself where one chooses how the payment ends.

The outcome travels back signed, bound to the payment's reference, so the return URL cannot be
edited into "paid".
"""

from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from loket.forms.payments import Outcome

SALT = "loket.forms.payments.demo"


class DemoProvider:
    def start(self, *, reference: str, amount: Decimal, description: str, return_url: str) -> str:
        token = signing.dumps(
            {"ref": reference, "amount": str(amount), "what": description, "back": return_url},
            salt=SALT,
        )
        return reverse("forms:demo-payment", args=[token])

    def outcome(self, request, reference: str) -> str:
        try:
            answer = signing.loads(request.GET.get("outcome", ""), salt=SALT, max_age=3600)
        except signing.BadSignature:
            return Outcome.OPEN
        if answer.get("ref") != reference:
            return Outcome.OPEN
        return answer["outcome"]


@require_http_methods(["GET", "POST"])
def demo_payment_page(request, token):
    if settings.LOKET_PAYMENT_PROVIDER != "demo":
        raise Http404
    try:
        payment = signing.loads(token, salt=SALT, max_age=3600)
    except signing.BadSignature:
        raise Http404 from None
    if request.method == "POST":
        outcome = request.POST.get("outcome")
        if outcome not in (Outcome.PAID, Outcome.CANCELLED, Outcome.FAILED):
            outcome = Outcome.CANCELLED
        signed = signing.dumps({"ref": payment["ref"], "outcome": outcome}, salt=SALT)
        return HttpResponseRedirect(f"{payment['back']}?outcome={signed}")
    return render(
        request,
        "forms/demo_payment.html",
        {"amount": Decimal(payment["amount"]), "what": payment["what"]},
    )
