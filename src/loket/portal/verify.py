"""The public verify page (``/controleren/``): is a document with this code real?

Anyone with the code printed on a document that Loket made (an extract from the BRP) sees
whether the code is known, when the document was issued, its title and the SHA-256 of its
bytes; never personal data. An uploaded PDF is compared by its SHA-256, in memory: the file is
not stored.
"""

import hashlib

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from loket.cases.documents import latest_version
from loket.workqueue.models import VerifiedDocument
from loket.workqueue.straight_through import normalise_code

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Verification code"), max_length=40)
    file = forms.FileField(
        label=_("The PDF file (optional)"),
        required=False,
        help_text=_("We compare the file with the document we made. We do not keep the file."),
    )


def file_sha256(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


@require_http_methods(["GET", "POST"])
def verify(request):
    data = request.POST if request.method == "POST" else request.GET
    form = VerifyForm(data, request.FILES) if "code" in data else VerifyForm()
    context = {"form": form, "checked": False}
    if form.is_bound and form.is_valid():
        code = normalise_code(form.cleaned_data["code"])
        verified = (
            VerifiedDocument.objects.select_related("document").filter(code=code).first()
            if code
            else None
        )
        context.update(checked=True, verified=verified)
        if verified is not None:
            context["title"] = latest_version(verified.document).title
            upload = form.cleaned_data.get("file")
            if upload is not None:
                too_big = upload.size > MAX_UPLOAD_BYTES
                context["file_checked"] = True
                context["file_matches"] = not too_big and file_sha256(upload) == verified.sha256
    return render(request, "workqueue/verify.html", context)
