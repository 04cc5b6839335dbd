"""Scopes per ZGW component, and the permission that checks them per viewset action.

Each scope is the standard's own string. A viewset names, per action, the scopes of which the
client needs at least one (``required_scopes``); a client registered with ``all_scopes`` has
them all. The check reads the scopes loaded with the client at authentication: no query.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.permissions import BasePermission

# --- Catalogi API (catalogi-1.3.1-autorisaties.md) -------------------------------------------

CATALOGI_READ = "catalogi.lezen"
"""Read every resource of the Catalogi API."""

CATALOGI_WRITE = "catalogi.schrijven"
"""Create, change, publish and delete draft (concept) types and their parts."""

CATALOGI_FORCED_WRITE = "catalogi.geforceerd-schrijven"
"""Correct a published type or add parts to a published case type (a *correctie*)."""

CATALOGI_FORCED_DELETE = "catalogi.geforceerd-verwijderen"
"""Delete a published type."""

# --- Scopes of other components that the Catalogi API honours for reading (ztc-014) ---------

ZAKEN_READ = "zaken.lezen"
"""Read cases; the Zaken API reads its case types with it."""

DOCUMENTEN_READ = "documenten.lezen"
"""Read documents; the Documenten API reads its document types with it."""


class ScopePermission(BasePermission):
    """Allow an action when the client has one of the scopes the viewset requires for it.

    An action that the viewset does not list is refused: a new action is closed until someone
    decides which scope opens it.
    """

    message = gettext_lazy("The client has none of the scopes this operation requires.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        if user is None or not getattr(user, "is_authenticated", False):
            return False
        action_map = getattr(view, "action_map", None)
        if action_map is not None and request.method.lower() not in action_map:
            return True  # an operation the resource does not have: 405, not 403
        required = getattr(view, "required_scopes", {}).get(getattr(view, "action", None))
        if required is None:
            return False
        if user.has_any_scope(required):
            return True
        self.message = _("This operation requires one of the scopes: %(scopes)s.") % {
            "scopes": ", ".join(sorted(required))
        }
        return False
