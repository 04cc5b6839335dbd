"""The log of every call a partner organisation makes to Loket's APIs (``Application.partner``).

A hospital filing births or a funeral undertaker filing deaths acts on people's records from
outside the municipality: each of its calls is kept (client, method, path with its query,
answer, time), also the refused ones, for the functioneel beheerder to read in the admin.
The middleware reads the flag from the client DRF authenticated (``request.user.partner``,
loaded with its credentials), so the calls of other clients cost nothing extra.
"""

import time

from django.utils import timezone

from loket.identity.models import ApiCall


class PartnerCallLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if getattr(user, "partner", False):
            ApiCall.objects.create(
                client_id=user.client_id,
                method=request.method,
                path=request.get_full_path()[:2000],
                status=response.status_code,
                at=timezone.now(),
                duration_ms=int((time.monotonic() - started) * 1000),
            )
        return response
