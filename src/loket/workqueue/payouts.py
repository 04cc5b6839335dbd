"""A department's payouts: the granted amounts waiting for the bank, exported as one SEPA
credit-transfer file (``loket.cases.payouts``), and the files made before."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from loket.cases.payouts import export_payouts, pending_payouts, pending_total
from loket.cases.services import CaseError
from loket.forms.fields import euros
from loket.workqueue.selectors import queue_department
from loket.workqueue.views import staff_login_required


@never_cache
@staff_login_required
def payouts(request, code):
    department = queue_department(request.user, code)
    if request.method == "POST":
        try:
            batch = export_payouts(department, by=request.user)
        except CaseError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                ngettext(
                    "Payment file %(file)s is ready: %(count)s payout, %(total)s.",
                    "Payment file %(file)s is ready: %(count)s payouts, %(total)s.",
                    batch.payouts.count(),
                )
                % {
                    "file": batch.message_id,
                    "count": batch.payouts.count(),
                    "total": euros(batch.total),
                },
            )
        return redirect("workqueue:payouts", department.code)
    context = {
        "department": department,
        "pending": pending_payouts(department),
        "total": pending_total(department),
        "batches": department.payout_batches.all()[:20],
    }
    return render(request, "workqueue/payouts.html", context)


@never_cache
@staff_login_required
def batch_file(request, code, message_id):
    department = queue_department(request.user, code)
    batch = department.payout_batches.filter(message_id=message_id).first()
    if batch is None:
        raise Http404
    response = HttpResponse(batch.content, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{batch.file_name}"'
    return response
