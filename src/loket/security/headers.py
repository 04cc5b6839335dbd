"""Response headers that Django and django-csp do not set themselves."""

from django.conf import settings
from django.utils.cache import patch_cache_control

from loket.identity.citizens import current_visitor


class PermissionsPolicyMiddleware:
    """Add ``Permissions-Policy`` (``LOKET_PERMISSIONS_POLICY``) to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "LOKET_PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


class PrivatePagesMiddleware:
    """``Cache-Control: private, no-store`` on every page served to someone logged in (a
    citizen, a business or staff): their pages hold personal data, which no shared cache
    and no browser history on a library computer may keep."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        logged_in = request.user.is_authenticated or current_visitor(request) is not None
        if logged_in and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
