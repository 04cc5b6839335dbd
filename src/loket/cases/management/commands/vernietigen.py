"""``loket vernietigen``: the cases due for destruction and the destruction lists, read only.

Making, approving and carrying out a list happen in the admin (*Destruction lists*), where
the person is logged in: four eyes mean little on a command line where anyone can type a
name.
"""

from django.core.management.base import BaseCommand

from loket.cases.models import DestructionList
from loket.cases.retention import destruction_candidates


class Command(BaseCommand):
    help = "List the cases due for destruction and the destruction lists."

    def add_arguments(self, parser):
        parser.add_argument(
            "--lists", action="store_true", help="Show the destruction lists instead."
        )

    def handle(self, *args, lists: bool = False, **options):
        if lists:
            for d in DestructionList.objects.all():
                self.stdout.write(
                    f"{d.pk}\t{d.state}\t{d.name}\tmade by {d.created_by_name}"
                    f"\tapproved by {d.approved_by_name or '-'}\t{d.items.count()} cases"
                )
            return
        count = 0
        for case in destruction_candidates():
            count += 1
            self.stdout.write(
                f"{case.identification}\t{case.case_type.identification}\t{case.archive_date}"
            )
        self.stdout.write(f"{count} case(s) due for destruction and on no list")
