"""Durable background work on top of Django's Tasks API (database backend).

A task is a database row written in the caller's transaction: rolled back, it never existed;
committed, it waits until a worker runs it, however long the worker was down. ``loket worker``
adds what the plain database worker lacks: retries with exponential backoff, and taking back
tasks whose worker died while running them.
"""
