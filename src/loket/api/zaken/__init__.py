"""The Zaken API (ZGW 1.5: Zaken 1.5.1) at ``/zaken/api/v1/``."""
