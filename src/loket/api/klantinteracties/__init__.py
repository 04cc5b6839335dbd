"""The Klantinteracties API (Open Klant 2.18: klantinteracties 0.9.0) at ``/klantinteracties/``."""
