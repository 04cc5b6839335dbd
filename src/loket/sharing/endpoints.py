"""What receivers call, without a login: the public keys (JWKS) and a statement's status.

The status URL is in the signed statement; its jti is a random uuid, so only who holds the
statement knows it. The answer holds no personal data, and every call is in the person's log.
"""

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from loket.sharing.keys import jwks
from loket.sharing.models import Consent
from loket.sharing.services import record_status_check

JWKS_MAX_AGE = 300  # seconds: a new key is published for this long before receivers miss it


@require_GET
def jwks_document(request):
    response = JsonResponse(jwks(), content_type="application/jwk-set+json")
    patch_cache_control(response, public=True, max_age=JWKS_MAX_AGE)
    return response


@require_GET
def status(request, jti):
    consent = Consent.objects.filter(uuid=jti).first()
    if consent is None:
        response = JsonResponse({"jti": str(jti), "status": "unknown"}, status=404)
    else:
        response = JsonResponse(
            {
                "jti": str(consent.uuid),
                "status": record_status_check(consent),
                "expires_at": consent.expires_at.isoformat(),
                "revoked_at": consent.revoked_at.isoformat() if consent.revoked_at else None,
            }
        )
    patch_cache_control(response, no_store=True)
    return response
