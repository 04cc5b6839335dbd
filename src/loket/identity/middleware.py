from loket.identity.citizens import end_idle_visitor


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
