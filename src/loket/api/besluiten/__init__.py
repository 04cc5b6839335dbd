"""The Besluiten API (ZGW 1.5: Besluiten 1.0.2) at ``/besluiten/api/v1/``."""
