"""Loket: the complete digital service counter of a Dutch municipality."""

__version__ = "0.1.0"
