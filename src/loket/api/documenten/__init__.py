"""The Documenten API (ZGW 1.5: Documenten 1.5.0), an adapter over ``loket.cases.documents``."""
