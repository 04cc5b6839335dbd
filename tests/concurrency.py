"""Real parallel transactions for the race tests, which need PostgreSQL."""

import threading

import pytest
from django.db import connection


def needs_postgres():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises every write transaction; the race needs PostgreSQL")


def in_thread(work):
    """Run ``work`` in its own thread with its own connection; a dict with its outcome."""
    outcome = {}

    def run():
        try:
            outcome["result"] = work()
        except Exception as error:  # reported to the test
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def at_once(works) -> list[dict]:
    """Run each of ``works`` in a thread of its own, all released at the same moment, and wait
    for them; their outcomes, in order."""
    start = threading.Barrier(len(works))

    def released(work):
        def run():
            start.wait()
            return work()

        return run

    runs = [in_thread(released(work)) for work in works]
    for thread, _ in runs:
        thread.join(timeout=60)
    return [outcome for _, outcome in runs]
