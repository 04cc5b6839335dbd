"""Citizens and businesses logged in to the portal: the visitor.

A visitor is not a Django user: DigiD and eHerkenning (through an OpenID Connect broker, or
the demo identity provider) tell who it is, and Loket keeps only what they said, in the
session. Staff accounts stay with ``django.contrib.auth``.
"""

import time
from dataclasses import asdict, dataclass
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from loket.identity.assurance import assurance_sufficient, check_level

VISITOR_KEY = "loket_visitor"
LAST_ACTIVITY_KEY = "loket_visitor_last_activity"
ASSISTED_KEY = "loket_assisted_intake"
# A login ends after this long without a request, so a forgotten browser does not stay in;
# the defaults of LOKET_VISITOR_IDLE_SECONDS and LOKET_VISITOR_WARNING_SECONDS.
IDLE_TIMEOUT_SECONDS = 15 * 60
WARNING_SECONDS = 2 * 60


@dataclass(frozen=True)
class Visitor:
    bsn: str = ""
    kvk: str = ""
    name: str = ""
    assurance: str = ""  # level of assurance: one of assurance.LEVELS, or "" when unknown
    method: str = ""  # "digid", "eherkenning" or "demo"
    # Acting for someone else: who really does it, and under which mandate (``mandates.py``);
    # for a business, the employee who logged in with eHerkenning and the branch.
    acting_bsn: str = ""
    acting_name: str = ""
    mandate: str = ""
    branch: str = ""

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


def start_assisted_intake(request, visitor: Visitor, *, channel: str, employee) -> None:
    """An employee fills in forms with a person (assisted digital, on the phone, at the
    counter or at the kitchen table): for the forms this browser is now that person, and the
    session remembers who helped and how. It is no login to the person's Mijn omgeving."""
    request.session.cycle_key()
    request.session[VISITOR_KEY] = asdict(visitor)
    request.session[LAST_ACTIVITY_KEY] = time.time()
    request.session[ASSISTED_KEY] = {"employee": employee.pk, "channel": channel}


def assisted_intake(request) -> dict | None:
    """``{"employee": user id, "channel": ...}`` while an employee fills in for a person."""
    data = request.session.get(ASSISTED_KEY)
    return data if isinstance(data, dict) else None


def end_assisted_intake(request) -> None:
    """The person's part of the session ends; the employee stays logged in."""
    for key in (VISITOR_KEY, LAST_ACTIVITY_KEY, ASSISTED_KEY):
        request.session.pop(key, None)


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


def idle_timeout_seconds() -> int:
    return getattr(settings, "LOKET_VISITOR_IDLE_SECONDS", IDLE_TIMEOUT_SECONDS)


def warning_seconds() -> int:
    return getattr(settings, "LOKET_VISITOR_WARNING_SECONDS", WARNING_SECONDS)


def end_idle_visitor(request) -> None:
    """Log the visitor out after ``LOKET_VISITOR_IDLE_SECONDS`` without a request; else note
    this one."""
    if VISITOR_KEY not in request.session:
        return
    now = time.time()
    last_activity = request.session.get(LAST_ACTIVITY_KEY)
    if not isinstance(last_activity, int | float) or now - last_activity > idle_timeout_seconds():
        log_out_visitor(request)
    else:
        request.session[LAST_ACTIVITY_KEY] = now


def seconds_left(request) -> float | None:
    """How long the visitor's login lasts if nothing more happens; None without a visitor."""
    last_activity = request.session.get(LAST_ACTIVITY_KEY)
    if VISITOR_KEY not in request.session or not isinstance(last_activity, int | float):
        return None
    return max(0.0, last_activity + idle_timeout_seconds() - time.time())


def visitor_required(kind: str | None = None, assurance: str | None = None):
    """Let only a logged-in visitor in: ``"person"`` (DigiD), ``"business"`` (eHerkenning) or
    either (None), and with ``assurance`` a login of that level or higher (``LEVELS`` in
    ``assurance.py``). Anyone else goes to the login page, and comes back here afterwards."""
    if kind not in (None, "person", "business"):
        raise ValueError(f"visitor_required: unknown kind {kind!r}")
    check_level(assurance)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            visitor = current_visitor(request)
            # An employee filling in a form with a person does not enter the person's pages.
            allowed = (
                visitor is not None
                and not assisted_intake(request)
                and (
                    kind is None
                    or (kind == "person" and visitor.is_person)
                    or (kind == "business" and visitor.is_business)
                )
            )
            if not allowed:
                if assurance:
                    return login_for_assurance(request, assurance)
                return redirect_to_login(request.get_full_path(), reverse("identity:login"))
            if not assurance_sufficient(visitor, assurance):
                return login_for_assurance(request, assurance)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def login_for_assurance(request, assurance: str) -> HttpResponseRedirect:
    """To the login page, which says which level this page asks for, and back here after."""
    query = urlencode({"next": request.get_full_path(), "assurance": assurance})
    return HttpResponseRedirect(f"{reverse('identity:login')}?{query}")
