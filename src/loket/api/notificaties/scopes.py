"""Scopes of the Notificaties API (notificaties-1.0.0.yaml), each the standard's own string.

They hold on component ``nrc`` and have no type: a client has them or not.
"""

NOTIFICATIES_CONSUME = "notificaties.consumeren"
"""Subscribe: create, change and delete abonnementen; read kanalen and abonnementen."""

NOTIFICATIES_PUBLISH = "notificaties.publiceren"
"""Publish: register kanalen and send notificaties; read kanalen and abonnementen."""

READ = frozenset({NOTIFICATIES_CONSUME, NOTIFICATIES_PUBLISH})
CONSUME = frozenset({NOTIFICATIES_CONSUME})
PUBLISH = frozenset({NOTIFICATIES_PUBLISH})
