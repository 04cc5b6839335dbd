"""Straight-through uittreksel BRP: from the submission's commit to the downloadable PDF.

    python bench/straight_through.py [--submissions 100] [--rate 5] [--workers 2]

On PostgreSQL (database ``loket_stp``, made afresh) with the demo catalogue, register, forms
and status mail templates. ``--workers`` ``loket worker --interval 0.05`` processes run the
tasks. The script fills in and pays the uittreksel form through Django's test client for
``--submissions`` demo residents, about ``--rate`` a second, while it watches for each case's
document; the latency is from the submission's registration (``registered_at``, written in the
committing transaction) to the moment the document is seen committed. Prints p50/p95/max and
writes ``var/bench/straight_through.json``.
"""

import argparse
import json
import subprocess
import sys
import threading
import time

from loket_server import REPO, in_process_loket

sys.path.insert(0, str(REPO))  # tests.forms.conftest's Filler


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="loket_stp")
    parser.add_argument("--submissions", type=int, default=100)
    parser.add_argument("--rate", type=float, default=5, help="submissions a second at most")
    parser.add_argument("--workers", type=int, default=2, help="loket worker processes")
    args = parser.parse_args()

    data = REPO / "var" / "bench-stp"
    env = in_process_loket(args.database, data)
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from tests.forms.conftest import Filler

    from loket.brp.register import load_demo_register
    from loket.cases.models import CaseDocument
    from loket.catalog.demo import load_demo_catalogue
    from loket.forms.demo import load_demo_forms
    from loket.forms.models import Submission
    from loket.identity.demo_login import demo_persons
    from loket.notify.demo import load_demo_status_mails

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    load_demo_catalogue()
    load_demo_register()
    load_demo_forms()
    load_demo_status_mails()
    residents = list(demo_persons().filter(birth_date__year__lt=2000).order_by("bsn"))
    if not residents:
        raise SystemExit("No demo residents")

    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "loket", "worker", "--interval", "0.05"],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(args.workers)
    ]
    seen: dict[int, float] = {}  # case id -> time its document was first seen
    done = threading.Event()

    def watch():
        from django.db import connection as watcher_connection

        while not done.is_set():
            for case_id in CaseDocument.objects.exclude(case_id__in=list(seen)).values_list(
                "case_id", flat=True
            ):
                seen.setdefault(case_id, time.time())
            time.sleep(0.01)
        watcher_connection.close()

    try:
        time.sleep(2)  # let the workers start
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        kinds = ["standaard", "met_adreshistorie", "internationaal"]
        for number in range(args.submissions):
            started = time.monotonic()
            resident = residents[number % len(residents)]
            filler = Filler(Client(headers={"accept-language": "nl"}))
            filler.client.post(reverse("identity:demo-digid"), {"bsn": resident.bsn, "next": "/"})
            filler.open(reverse("forms:start", args=["uittreksel-brp"]))
            filler.post({})
            filler.post({"soort_uittreksel": kinds[number % 3], "doel": "werk", "per_post": "nee"})
            filler.post({"email": "bench@example.nl"})
            filler.confirm()
            filler.response = filler.client.post(filler.url, {"outcome": "paid"}, follow=True)
            time.sleep(max(0, 1 / args.rate - (time.monotonic() - started)))
        submissions = list(
            Submission.objects.filter(case__isnull=False).values_list("case_id", "registered_at")
        )
        deadline = time.monotonic() + 120
        while len(seen) < len(submissions) and time.monotonic() < deadline:
            time.sleep(0.05)
        done.set()
        watcher.join()
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        connection.close()

    latencies = [seen[case_id] - at.timestamp() for case_id, at in submissions if case_id in seen]
    result = {
        "database": "postgresql",
        "workers": args.workers,
        "submissions": len(submissions),
        "documents": len(latencies),
        "p50_seconds": round(percentile(latencies, 0.50), 3),
        "p95_seconds": round(percentile(latencies, 0.95), 3),
        "max_seconds": round(max(latencies), 3),
    }
    print(json.dumps(result, indent=2))
    out = REPO / "var" / "bench" / "straight_through.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    if len(latencies) < len(submissions):
        sys.exit(1)


if __name__ == "__main__":
    main()
