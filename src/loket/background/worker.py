"""The Loket worker: django-tasks-db's worker with retries and crash recovery."""

import logging
import threading
import time
from traceback import format_exception

from django.conf import settings
from django.db import (
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker
from django_tasks_db.models import DBTaskResult

from loket.background.retry import RetryPolicy

logger = logging.getLogger(__name__)
ABANDONED_CHECK_INTERVAL = 60
RECONNECT = 5  # seconds between attempts to reach the database again
DATABASE_GONE = (OperationalError, InterfaceError)


def attempts_made(task_row: DBTaskResult) -> int:
    # Every claim by a worker appends its id, so the list counts the attempts, the
    # interrupted ones included.
    return len(task_row.worker_ids)


def schedule_retry(task_row: DBTaskResult, error: BaseException, policy: RetryPolicy) -> None:
    """Put a failed task back in the queue, to run after the backoff delay.

    The error of the last attempt stays on the row, so the admin shows why it is waiting.
    """
    task_row.status = TaskResultStatus.READY
    task_row.run_after = timezone.now() + policy.delay_after(attempts_made(task_row))
    task_row.exception_class_path = f"{type(error).__module__}.{type(error).__qualname__}"
    task_row.traceback = "".join(format_exception(error))
    task_row.save(update_fields=["status", "run_after", "exception_class_path", "traceback"])


def requeue_abandoned_tasks(lease_seconds: float) -> int:
    """Give tasks back to the queue whose worker stopped while running them.

    A worker killed mid-task leaves its row RUNNING forever; after the lease has passed the
    task is run again (delivery is at least once, so tasks must be safe to repeat).
    """
    cutoff = timezone.now() - timezone.timedelta(seconds=lease_seconds)
    with transaction.atomic():
        count = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=cutoff
        ).update(status=TaskResultStatus.READY)
    if count:
        logger.warning("Requeued %d task(s) abandoned by a stopped worker", count)
    return count


class Worker(DatabaseWorker):
    def __init__(self, *, lease_seconds: float | None = None, **options):
        super().__init__(**options)
        self.policy = RetryPolicy.from_settings()
        self.lease_seconds = (
            settings.LOKET_TASK_LEASE_SECONDS if lease_seconds is None else lease_seconds
        )

    def run(self) -> None:
        requeue_abandoned_tasks(self.lease_seconds)
        if not self.batch:
            # The base loop has no hook while idle: a thread of its own looks for the tasks
            # of crashed fellow workers, so a quiet night does not hold them until morning.
            threading.Thread(target=self.watch_abandoned_tasks, daemon=True).start()
        while True:
            try:
                super().run()
                return
            except DATABASE_GONE:
                # A database restart or a cut connection: wait and carry on instead of
                # exiting. A task cut off halfway stays RUNNING and is taken back later.
                logger.warning("The database cannot be reached; trying again in %d s", RECONNECT)
                close_old_connections()
                time.sleep(RECONNECT)
                if not self.running:
                    return

    def watch_abandoned_tasks(self) -> None:
        while self.running:
            time.sleep(ABANDONED_CHECK_INTERVAL)
            try:
                requeue_abandoned_tasks(self.lease_seconds)
            except DATABASE_GONE:
                logger.warning("The database cannot be reached to look for abandoned tasks")
            finally:
                connection.close()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        # The base worker records any exception as FAILED. Intercept set_failed on this one
        # row so that a failure with attempts left is scheduled again instead.
        record_failure = db_task_result.set_failed

        def fail_or_retry(error: BaseException) -> None:
            if isinstance(error, KeyboardInterrupt | SystemExit) or self.policy.gives_up_after(
                attempts_made(db_task_result)
            ):
                record_failure(error)
                logger.error(
                    "Task %s (%s) failed for good after %d attempt(s)",
                    db_task_result.id,
                    db_task_result.task_path,
                    attempts_made(db_task_result),
                )
            else:
                # The failure may be the lost connection itself: record it on a fresh one.
                close_old_connections()
                schedule_retry(db_task_result, error, self.policy)
                logger.warning(
                    "Task %s (%s) failed on attempt %d; retrying at %s",
                    db_task_result.id,
                    db_task_result.task_path,
                    attempts_made(db_task_result),
                    db_task_result.run_after.isoformat(),
                )

        db_task_result.set_failed = fail_or_retry
        super().run_task(db_task_result)
