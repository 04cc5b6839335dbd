"""The Autorisaties API (ZGW 1.5: Autorisaties 1.0.0) at ``/autorisaties/api/v1/``."""
