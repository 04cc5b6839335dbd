"""Notification latency: from a status change's commit to the subscriber's 204.

    python bench/notifications.py [--rate 50] [--duration 30] [--workers 2]

On PostgreSQL (database ``loket_bench_notify``, made afresh): one subscriber on the channel
``zaken``, served by the test suite's webhook receiver process; ``--workers`` ``loket worker``
processes deliver. The script sets ``--rate`` statuses a second for ``--duration`` seconds
through the cases service, notes each commit's time, waits for every delivery and prints the
latency percentiles (also written to ``var/bench/notifications.json``).
"""

import argparse
import json
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from loket_server import REPO, in_process_loket

sys.path.insert(0, str(REPO))  # tests.webhook_receiver and tests.conftest's helpers


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="loket_bench_notify")
    parser.add_argument("--rate", type=float, default=50, help="status changes a second")
    parser.add_argument("--duration", type=float, default=30, help="seconds")
    parser.add_argument("--workers", type=int, default=2, help="loket worker processes")
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--receiver-port", type=int, default=8190)
    args = parser.parse_args()

    data = REPO / "var" / "bench"
    env = in_process_loket(args.database, data)
    from loket.cases.models import Case
    from loket.cases.services import open_case, set_status
    from loket.catalog.demo import load_demo_catalogue
    from loket.catalog.models import CaseType
    from loket.notify.models import Channel, Delivery, Subscription, SubscriptionChannel

    load_demo_catalogue()
    case_type = CaseType.objects.get(identification="LEEFBAARHEIDSBUDGET")
    steps = list(case_type.status_types.order_by("order"))[:-1]  # never the end status
    cases = [open_case(case_type, actor="bench") for _ in range(args.cases)]
    log = data / "notifications-receiver.jsonl"
    log.unlink(missing_ok=True)
    receiver = subprocess.Popen(
        [
            sys.executable,
            str(REPO / "tests" / "webhook_receiver.py"),
            str(args.receiver_port),
            str(log),
        ]
    )
    subscription = Subscription.objects.create(
        callback_url=f"http://127.0.0.1:{args.receiver_port}/callback", auth="Token bench"
    )
    SubscriptionChannel.objects.create(
        subscription=subscription, channel=Channel.objects.get(name="zaken")
    )
    Delivery.objects.all().delete()  # only the status changes below are measured
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "loket", "worker", "--interval", "0.05"],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(args.workers)
    ]
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    time.sleep(2)  # let the workers start
    total = int(args.rate * args.duration)
    lanes = 2  # processes: one Python process cannot set 50 statuses a second beside the rest

    def change_statuses(lane: int, start: float) -> None:
        """Every ``lanes``-th change, on schedule; the commit times go to a file."""
        from django.db import connection

        connection.close()  # a forked process needs its own connection
        committed = {}
        for number in range(lane, total, lanes):
            time.sleep(max(0.0, start + number / args.rate - time.monotonic()))
            change = set_status(cases[number % len(cases)], steps[number % len(steps)], actor="b")
            committed[str(change.uuid)] = time.time()
        (data / f"notifications-lane-{lane}.json").write_text(json.dumps(committed))

    try:
        start = time.monotonic() + 1
        processes = [
            multiprocessing.get_context("fork").Process(target=change_statuses, args=(lane, start))
            for lane in range(lanes)
        ]
        from django.db import connection

        connection.close()
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        achieved = total / (time.monotonic() - start)
        committed = {}
        for lane in range(lanes):
            committed |= json.loads((data / f"notifications-lane-{lane}.json").read_text())
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = Delivery.objects.filter(status=Delivery.Status.DELIVERED).count()
            if done >= total:
                break
            time.sleep(0.5)
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGTERM)
        receiver.terminate()
    latencies = []
    for line in log.read_text().splitlines():
        entry = json.loads(line)
        status_uuid = entry["body"]["resourceUrl"].rsplit("/", 1)[-1]
        if entry["status"] == 204 and status_uuid in committed:
            latencies.append(entry["at"] - committed.pop(status_uuid))
    result = {
        "status_changes": total,
        "rate_asked": args.rate,
        "rate_achieved": round(achieved, 1),
        "workers": args.workers,
        "delivered": len(latencies),
        "lost": len(committed),
        "latency_ms": {
            "p50": round(statistics.median(latencies) * 1000, 1),
            "p95": round(percentile(latencies, 0.95) * 1000, 1),
            "p99": round(percentile(latencies, 0.99) * 1000, 1),
            "max": round(max(latencies) * 1000, 1),
        },
        "cases": Case.objects.count(),
    }
    Path(data / "notifications.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
