"""Rate limits: beyond a number of requests in a window a client gets 429 and Retry-After.

Three groups, each ``requests/seconds`` from a ``LOKET_RATE_LIMIT_*`` setting, counted per
client IP address (and for the APIs also per API client) in fixed windows in the shared
``security`` cache:

- ``forms``: submitting the public forms (every POST under /formulieren/) and booking, moving
  or cancelling an appointment;
- ``lookups``: the anonymous look-ups by a secret or a code: track & trace (/volgen/…), an
  appointment's secret link, checking a document's verification code (/controleren/) and a
  sharing statement's status (/delen/status/<jti>/);
- ``api``: every request to a standard API, per IP address and per API client.

Staff logged in with a password are not counted: the limits are against anonymous
automation, not against a contact centre working behind one address. A page gets a page
that says when to try again; an API the ZGW error body (``application/problem+json``).
``LOKET_RATE_LIMITS`` off turns all of it off.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import JsonResponse
from django.shortcuts import render
from rest_framework.exceptions import Throttled

from loket.api.common.errors import PROBLEM_JSON, problem
from loket.security.clients import api_client, client_ip, pseudonym
from loket.security.counters import increment

API_NAMESPACES = {
    "catalogi",
    "zaken",
    "documenten",
    "besluiten",
    "autorisaties",
    "notificaties",
    "klantinteracties",
    "referentielijsten",
    "brp",
}
FORM_POSTS = {"appointments:book", "appointments:cancel", "appointments:reschedule"}
LOOKUPS = {
    "portal:track",
    "portal:track-satisfaction",
    "portal:verify",
    "appointments:appointment",
    "appointments:calendar",
    "sharing:status",
}


@dataclass(frozen=True)
class Limit:
    group: str
    requests: int
    seconds: int


def group_of(request, match) -> str | None:
    """Which group's limit applies to this request, if any."""
    if match is None:
        return None
    namespace = match.namespaces[0] if match.namespaces else ""
    if namespace in API_NAMESPACES:
        return "api"
    if match.view_name in LOOKUPS:
        return "lookups"
    if request.method == "POST" and (namespace == "forms" or match.view_name in FORM_POSTS):
        return "forms"
    return None


def limit_of(group: str) -> Limit:
    requests, seconds = getattr(settings, f"LOKET_RATE_LIMIT_{group.upper()}")
    return Limit(group, requests, seconds)


def count(key: str, limit: Limit) -> int:
    """Count one request against ``key``; the seconds to wait when over the limit, else 0."""
    cache = caches["security"]
    now = time.time()
    window_key = f"rate:{limit.group}:{key}:{int(now // limit.seconds)}"
    used = increment(cache, window_key, timeout=limit.seconds + 1)
    if used <= limit.requests:
        return 0
    return max(1, math.ceil(limit.seconds - now % limit.seconds))


def wait_seconds(request, group: str) -> int:
    limit = limit_of(group)
    if limit.requests == 0:
        return 0
    # Keyed by a hash: the cache table holds no addresses.
    keys = [f"ip:{pseudonym(client_ip(request))}"]
    if group == "api":
        client = api_client(request)
        if client:
            keys.append(client)
    return max(count(key, limit) for key in keys)


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.LOKET_RATE_LIMITS:
            return None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        group = group_of(request, request.resolver_match)
        if group is None:
            return None
        wait = wait_seconds(request, group)
        if not wait:
            return None
        response = api_response(request, wait) if group == "api" else page(request, wait)
        response["Retry-After"] = str(wait)
        return response


def api_response(request, wait: int) -> JsonResponse:
    body = problem(request, Throttled(wait=wait), code="throttled")
    return JsonResponse(body, status=429, content_type=PROBLEM_JSON)


def page(request, wait: int):
    minutes = max(1, math.ceil(wait / 60))
    return render(request, "security/too_many_requests.html", {"minutes": minutes}, status=429)
