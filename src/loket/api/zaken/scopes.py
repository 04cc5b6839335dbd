"""The Zaken API's scopes (zaken-1.5.1-autorisaties.md), each the standard's own string.

A client holds them per case type and up to a confidentiality level (its authorisations), or
all of them (``heeftAlleAutorisaties``).
"""

from loket.api.common.scopes import ZAKEN_READ

ZAKEN_CREATE = "zaken.aanmaken"
"""Create a case, set its first status, and add objects, roles and documents to it."""

ZAKEN_UPDATE = "zaken.bijwerken"
"""Change a case and its parts while it is open."""

ZAKEN_FORCED_UPDATE = "zaken.geforceerd-bijwerken"
"""Change a case and its parts also after it is closed (a correction)."""

ZAKEN_ADD_STATUS = "zaken.statussen.toevoegen"
"""Add statuses to a case, also after its first."""

ZAKEN_REOPEN = "zaken.heropenen"
"""Reopen a closed case by giving it a status other than the end status."""

ZAKEN_DELETE = "zaken.verwijderen"
"""Destroy a case with everything that belongs to it (zrc-023)."""

AUDITTRAILS_READ = "audittrails.lezen"
"""Read a case's audit trail."""

READ = frozenset({ZAKEN_READ})
UPDATE = frozenset({ZAKEN_UPDATE, ZAKEN_FORCED_UPDATE})
CREATE_OR_UPDATE = frozenset({ZAKEN_CREATE, ZAKEN_UPDATE, ZAKEN_FORCED_UPDATE})
ADD_STATUS = frozenset({ZAKEN_CREATE, ZAKEN_ADD_STATUS, ZAKEN_REOPEN})
