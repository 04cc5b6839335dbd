"""The Notificaties API (ZGW 1.5: Notificaties 1.0.0) at ``/notificaties/api/v1/``."""
