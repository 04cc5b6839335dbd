"""``{% visitor_session as session %}``: when the visitor's login ends if nothing happens."""

import math
from datetime import timedelta

from django import template
from django.utils import timezone

from loket.identity.citizens import seconds_left, warning_seconds

register = template.Library()


@register.simple_tag(takes_context=True)
def visitor_session(context) -> dict | None:
    request = context.get("request")
    left = seconds_left(request) if request is not None and hasattr(request, "session") else None
    if left is None:
        return None
    return {
        "ends_at": timezone.now() + timedelta(seconds=left),
        "seconds_left": math.ceil(left),
        "warning_seconds": warning_seconds(),
    }
