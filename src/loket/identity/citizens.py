"""Citizens and businesses logged in to the portal: the visitor.

A visitor is not a Django user: DigiD and eHerkenning (through an OpenID Connect broker, or
the demo identity provider) tell who it is, and Loket keeps only what they said, in the
session. Staff accounts stay with ``django.contrib.auth``.
"""

import time
from dataclasses import asdict, dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

VISITOR_KEY = "loket_visitor"
LAST_ACTIVITY_KEY = "loket_visitor_last_activity"
# A login ends after this long without a request, so a forgotten browser does not stay in.
IDLE_TIMEOUT_SECONDS = 15 * 60


@dataclass(frozen=True)
class Visitor:
    bsn: str = ""
    kvk: str = ""
    name: str = ""
    assurance: str = ""  # eIDAS level as the broker gives it: "laag", "substantieel", "hoog"
    method: str = ""  # "digid", "eherkenning" or "demo"

    @property
    def is_person(self) -> bool:
        return bool(self.bsn)

    @property
    def is_business(self) -> bool:
        return bool(self.kvk)


def log_in_visitor(request, visitor: Visitor) -> None:
    # A new session key, so that a key planted before login (session fixation) is worthless.
    request.session.cycle_key()
    request.session[VISITOR_KEY] = asdict(visitor)
    request.session[LAST_ACTIVITY_KEY] = time.time()


def current_visitor(request) -> Visitor | None:
    data = request.session.get(VISITOR_KEY)
    if not isinstance(data, dict):
        return None
    try:
        return Visitor(**data)
    except TypeError:  # stored by an older Loket with other fields: log in again
        return None


def log_out_visitor(request) -> None:
    # The whole session goes: whatever a visitor left in it (drafts, choices) was theirs.
    request.session.flush()


def end_idle_visitor(request) -> None:
    """Log the visitor out after ``IDLE_TIMEOUT_SECONDS`` without a request; else note this one."""
    if VISITOR_KEY not in request.session:
        return
    now = time.time()
    last_activity = request.session.get(LAST_ACTIVITY_KEY)
    if not isinstance(last_activity, int | float) or now - last_activity > IDLE_TIMEOUT_SECONDS:
        log_out_visitor(request)
    else:
        request.session[LAST_ACTIVITY_KEY] = now


def visitor_required(kind: str | None = None):
    """Let only a logged-in visitor in: ``"person"`` (DigiD), ``"business"`` (eHerkenning) or
    either (None). Anyone else goes to the login page, and comes back here afterwards."""
    if kind not in (None, "person", "business"):
        raise ValueError(f"visitor_required: unknown kind {kind!r}")

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            visitor = current_visitor(request)
            allowed = visitor is not None and (
                kind is None
                or (kind == "person" and visitor.is_person)
                or (kind == "business" and visitor.is_business)
            )
            if not allowed:
                return redirect_to_login(request.get_full_path(), reverse("identity:login"))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
