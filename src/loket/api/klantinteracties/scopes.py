"""Scopes of the Klantinteracties API, on component ``kic``.

The standard itself knows only a token (``tokenAuth``) that opens everything. Loket keeps its
own rule that a client does only what its application's authorisations allow: these two
scopes, or ``all_scopes``.
"""

KLANTINTERACTIES_READ = "klantinteracties.lezen"
"""Read every resource of the API."""

KLANTINTERACTIES_WRITE = "klantinteracties.schrijven"
"""Create, change and delete contacts, parties, their addresses, actors and internal tasks."""

READ = frozenset({KLANTINTERACTIES_READ, KLANTINTERACTIES_WRITE})
WRITE = frozenset({KLANTINTERACTIES_WRITE})

PER_ACTION = {
    "list": READ,
    "retrieve": READ,
    "create": WRITE,
    "update": WRITE,
    "partial_update": WRITE,
    "destroy": WRITE,
}
