from loket.identity.citizens import current_visitor


def visitor(request):
    """The logged-in citizen or business (or None), for the header of every page."""
    return {"visitor": current_visitor(request)}
