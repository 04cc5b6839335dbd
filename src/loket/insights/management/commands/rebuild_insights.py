"""``loket rebuild_insights``: count the dashboard's counters again from scratch."""

import time

from django.core.management.base import BaseCommand

from loket.insights.counting import rebuild


class Command(BaseCommand):
    help = (
        "Count the dashboard's monthly counters again from the cases, submissions, "
        "satisfaction answers and contacts, and install their triggers again (after a bulk "
        "load with the triggers off, a restore, or a change of TIME_ZONE)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        rebuild()
        seconds = time.monotonic() - started
        self.stdout.write(f"Counted the dashboard's figures again in {seconds:.1f} s.")
