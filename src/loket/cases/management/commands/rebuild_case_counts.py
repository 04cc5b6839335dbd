"""``loket rebuild_case_counts``: count the cases per case type and confidentiality again."""

import time

from django.core.management.base import BaseCommand

from loket.cases.counts import rebuild


class Command(BaseCommand):
    help = (
        "Count the cases per case type and confidentiality again (the Zaken API's list count) "
        "and install their triggers again (after a bulk load with the triggers off or a "
        "restore)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        rebuild()
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Counted the cases per case type and confidentiality in {seconds:.1f} s."
        )
