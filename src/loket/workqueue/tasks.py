"""Background tasks of the work queue."""

from django_tasks import task


@task()
def process_straight_through(case_id: int) -> None:
    """Handle a case without a human step (``straight_through.STRAIGHT_THROUGH``).

    Delivery is at least once: running it again for a case that is done changes nothing.
    """
    from loket.workqueue.straight_through import process  # the module enqueues this task

    process(case_id)
