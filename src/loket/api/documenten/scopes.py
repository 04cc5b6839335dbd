"""The scopes of the Documenten API (documenten-1.5.0-autorisaties.md), each the standard's string.

A client's authorisation for the Documenten API names these scopes per informatieobjecttype and
up to a maximum vertrouwelijkheidaanduiding (component ``drc``).
"""

from loket.api.common.scopes import DOCUMENTEN_READ

__all__ = [
    "AUDIT",
    "AUDITTRAILS_READ",
    "CREATE",
    "DELETE",
    "DOCUMENTEN_CREATE",
    "DOCUMENTEN_DELETE",
    "DOCUMENTEN_FORCED_UNLOCK",
    "DOCUMENTEN_FORCED_UPDATE",
    "DOCUMENTEN_LOCK",
    "DOCUMENTEN_READ",
    "DOCUMENTEN_UPDATE",
    "LOCK",
    "READ",
    "UNLOCK",
    "UPDATE",
]

DOCUMENTEN_CREATE = "documenten.aanmaken"
"""Create documents, and their gebruiksrechten, verzendingen and objectinformatieobjecten."""

DOCUMENTEN_UPDATE = "documenten.bijwerken"
"""Change a (locked) document, upload its bestandsdelen, change gebruiksrechten, verzendingen."""

DOCUMENTEN_FORCED_UPDATE = "documenten.geforceerd-bijwerken"
"""Change any document's metadata; since Documenten 1.4 the same as bijwerken in practice."""

DOCUMENTEN_DELETE = "documenten.verwijderen"
"""Delete documents, gebruiksrechten, verzendingen (and try objectinformatieobjecten)."""

DOCUMENTEN_LOCK = "documenten.lock"
"""Lock a document, and unlock it with its lock id."""

DOCUMENTEN_FORCED_UNLOCK = "documenten.geforceerd-unlock"
"""Unlock a document without its lock id (drc-009: the 'administrators')."""

AUDITTRAILS_READ = "audittrails.lezen"
"""Read a document's audit trail."""

# The scopes of which an operation needs one.
READ = frozenset({DOCUMENTEN_READ})
CREATE = frozenset({DOCUMENTEN_CREATE})
UPDATE = frozenset({DOCUMENTEN_UPDATE, DOCUMENTEN_FORCED_UPDATE})
DELETE = frozenset({DOCUMENTEN_DELETE})
LOCK = frozenset({DOCUMENTEN_LOCK})
UNLOCK = frozenset({DOCUMENTEN_LOCK, DOCUMENTEN_FORCED_UNLOCK})
AUDIT = frozenset({AUDITTRAILS_READ})
