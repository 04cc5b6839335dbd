"""Background tasks of appointments, enqueued in the transaction of the change that needs
them: the reminder the day before, and releasing a hold when its time is up.

Delivery is at least once, so both are safe to run again.
"""

from datetime import datetime

from django_tasks import task


@task()
def send_reminder(appointment_id: int, start: str) -> None:
    """Remind the person of the appointment that started at ``start`` (ISO 8601) when it was
    enqueued; a cancelled or moved appointment gets nothing from this task."""
    from loket.appointments.services import remind  # services enqueue this task

    remind(appointment_id, datetime.fromisoformat(start))


@task()
def release_holds() -> None:
    """Mark the holds whose time is up as cancelled."""
    from loket.appointments.services import release_expired_holds

    release_expired_holds()
