"""Background work is durable: it lives and dies with the transaction that enqueued it."""

import threading
from datetime import timedelta

import pytest
from django.db import OperationalError, transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker
from django_tasks_db.models import DBTaskResult

from loket.background.worker import Worker, requeue_abandoned_tasks
from tests.background.tasks import always_fails, write_marker
from tests.conftest import run_loket, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def make_worker(**overrides) -> Worker:
    options = {
        "queue_names": ["*"],
        "excluded_queue_names": [],
        "interval": 0,
        "batch": True,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": "test-worker",
    }
    options.update(overrides)
    return Worker(**options)


def test_task_enqueued_in_a_rolled_back_transaction_never_runs(tmp_path, process_env):
    marker = tmp_path / "marker.txt"

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        write_marker.enqueue(str(marker), "rolled back")
        raise Abort

    assert DBTaskResult.objects.count() == 0
    worker = run_loket("worker", "--batch", env=process_env)
    assert worker.returncode == 0, worker.stderr
    assert not marker.exists()


def test_committed_task_runs_when_the_worker_starts_later(tmp_path, process_env):
    marker = tmp_path / "marker.txt"
    with transaction.atomic():
        result = write_marker.enqueue(str(marker), "committed while no worker ran")

    # No worker ran at commit time: the task waits in the database.
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.READY

    worker = run_loket("worker", "--batch", env=process_env)

    assert worker.returncode == 0, worker.stderr
    assert marker.read_text() == "committed while no worker ran\n"
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.SUCCESSFUL


def test_failing_task_is_retried_with_backoff_then_marked_failed(settings):
    settings.LOKET_TASK_RETRY = {
        "max_attempts": 3,
        "first_delay_seconds": 0.2,
        "max_delay_seconds": 5,
    }
    result = always_fails.enqueue("the mail server is down")
    row = DBTaskResult.objects.get(id=result.id)
    delays = []

    def run_ready_tasks_and_note_delay():
        before = timezone.now()
        attempts_before = len(row.worker_ids)
        make_worker().run()
        row.refresh_from_db()
        if row.status == TaskResultStatus.READY and len(row.worker_ids) > attempts_before:
            delays.append(row.run_after - before)
        return row.status == TaskResultStatus.FAILED

    wait_until(run_ready_tasks_and_note_delay, timeout=20, interval=0.05, what="failure")

    assert len(row.worker_ids) == 3, "tried max_attempts times"
    # The first retry waits about the first delay, the second about twice that.
    assert timedelta(seconds=0.2) <= delays[0] < timedelta(seconds=0.35)
    assert timedelta(seconds=0.4) <= delays[1] < timedelta(seconds=0.55)
    assert row.exception_class_path == "builtins.RuntimeError"
    assert "the mail server is down" in row.traceback
    assert always_fails.get_result(result.id).status == TaskResultStatus.FAILED


def test_task_left_running_by_a_crashed_worker_is_run_again(tmp_path):
    marker = tmp_path / "marker.txt"
    result = write_marker.enqueue(str(marker), "run again")
    DBTaskResult.objects.filter(id=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(hours=1),
        worker_ids=["killed-worker"],
    )

    assert requeue_abandoned_tasks(lease_seconds=600) == 1
    make_worker().run()

    assert marker.read_text() == "run again\n"
    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids == ["killed-worker", "test-worker"]


def test_recently_started_task_is_left_to_its_worker():
    result = write_marker.enqueue("/dev/null", "still running")
    DBTaskResult.objects.filter(id=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now()
    )

    assert requeue_abandoned_tasks(lease_seconds=600) == 0


def test_a_task_that_failed_for_good_is_listed_in_the_admin(settings, admin_client):
    settings.LOKET_TASK_RETRY = {
        "max_attempts": 1,
        "first_delay_seconds": 0,
        "max_delay_seconds": 0,
    }
    result = always_fails.enqueue("the archive is full")
    make_worker().run()

    listing = admin_client.get("/beheer/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    detail = admin_client.get(f"/beheer/django_tasks_database/dbtaskresult/{result.id}/change/")

    assert str(result.id) in listing.content.decode()
    assert "the archive is full" in detail.content.decode()


def test_an_idle_worker_takes_back_the_task_of_a_worker_killed_meanwhile(tmp_path, monkeypatch):
    monkeypatch.setattr("loket.background.worker.ABANDONED_CHECK_INTERVAL", 0.2)
    marker = tmp_path / "marker.txt"
    result = write_marker.enqueue(str(marker), "taken back while idle")
    # Claimed just now by a worker that is then killed: not yet abandoned when this one starts.
    DBTaskResult.objects.filter(id=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["killed-worker"]
    )
    worker = make_worker(batch=False, interval=0.05, lease_seconds=1)
    runner = threading.Thread(target=worker.run)
    runner.start()
    try:
        assert wait_until(lambda: marker.exists(), timeout=20)
    finally:
        worker.running = False
        runner.join(timeout=10)

    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.SUCCESSFUL


def test_a_worker_that_loses_the_database_waits_and_carries_on(monkeypatch, caplog):
    monkeypatch.setattr("loket.background.worker.RECONNECT", 0)
    outages = [OperationalError("server closed the connection unexpectedly")]

    def poll_once(self):
        if outages:
            raise outages.pop()

    monkeypatch.setattr(DatabaseWorker, "run", poll_once)
    make_worker().run()  # returns instead of exiting with the error

    assert not outages
    assert "The database cannot be reached" in caplog.text
