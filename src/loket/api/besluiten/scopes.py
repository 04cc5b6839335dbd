"""Scopes of the Besluiten API (besluiten-1.0.2-autorisaties.md).

Each holds per besluittype: an application's authorisation for component ``brc`` names the
decision type it covers (or, set in the admin, every type).
"""

BESLUITEN_READ = "besluiten.lezen"
"""List and read besluiten and besluitinformatieobjecten."""

BESLUITEN_CREATE = "besluiten.aanmaken"
"""Create besluiten and link documents to them (besluitinformatieobjecten)."""

BESLUITEN_UPDATE = "besluiten.bijwerken"
"""Change the attributes of a besluit."""

BESLUITEN_DELETE = "besluiten.verwijderen"
"""Delete besluiten and besluitinformatieobjecten."""

AUDITTRAILS_READ = "audittrails.lezen"
"""List and read the audit trail of a besluit."""
