from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from loket.background.worker import Worker


class Command(BaseCommand):
    help = "Run background tasks (mail, webhooks, documents), with retries and crash recovery."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue-name", default="*", help="Queues to process, comma separated ('*': all)."
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between polls when idle."
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run what is ready now, then exit."
        )
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument(
            "--lease-seconds",
            type=float,
            default=None,
            help="Requeue tasks RUNNING longer than this (a crashed worker's).",
        )

    def handle(self, *, queue_name, interval, batch, max_tasks, lease_seconds, verbosity, **_):
        DatabaseWorkerCommand(stdout=self.stdout, stderr=self.stderr).configure_logging(verbosity)
        worker = Worker(
            queue_names=queue_name.split(","),
            excluded_queue_names=[],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=max_tasks,
            worker_id=get_random_string(32),
            lease_seconds=lease_seconds,
        )
        worker.configure_signals()
        worker.run()
