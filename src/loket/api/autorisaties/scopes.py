"""Scopes of the Autorisaties API (autorisaties-1.0.0.yaml)."""

AUTORISATIES_READ = "autorisaties.lezen"
"""List and read applications with their authorisations, also by client id (``consumer``)."""

AUTORISATIES_WRITE = "autorisaties.bijwerken"
"""Create, change and delete applications and their authorisations."""
