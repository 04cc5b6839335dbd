"""Haal Centraal BRP Personen 2.x at ``/haalcentraal/api/brp/``, served from the built-in
register; see ``docs/brp.md``."""
