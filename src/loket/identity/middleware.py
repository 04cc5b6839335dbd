from django.contrib import messages
from django.utils.translation import gettext as _

from loket.identity.citizens import end_idle_visitor
from loket.identity.mandates import check_acting


class VisitorIdleTimeoutMiddleware:
    """Ends a visitor's login after 15 minutes without a request (``citizens.py``).

    Placed after the session middleware; the check runs before the view, so an idle visitor's
    next page is already shown logged out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        end_idle_visitor(request)
        return self.get_response(request)


class MandateMiddleware:
    """A representative whose mandate ended (or ran out) acts for themself again from their
    next request on, and is told so (``mandates.check_acting``). After the messages
    middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if check_acting(request):
            messages.warning(
                request, _("The mandate you acted under has ended. You act for yourself again.")
            )
        return self.get_response(request)
