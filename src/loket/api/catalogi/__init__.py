"""The Catalogi API (ZGW 1.5: Catalogi 1.3.1) at ``/catalogi/api/v1/``."""
