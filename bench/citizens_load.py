"""Concurrent citizens over HTTP: product page, a whole form, track & trace, with think time.

    python bench/citizens_load.py [--citizens 200] [--duration 300] [--workers 4] [--think 5]

Serves Loket with ``loket serve`` (gunicorn, ``--workers`` processes, production mode) on a
fresh PostgreSQL database (``--database``, default ``loket_bench_citizens``) with the demo
catalogue and forms, and one ``loket worker`` for the mail the submissions queue. Then
``--citizens`` threads, each a browser without JavaScript (``citizens.Browser``, its own
cookies and CSRF token), start over the first ``--ramp`` seconds and for ``--duration``
seconds repeat what a citizen does: open the product page of the report in public space,
fill in its three steps (one with a photo), confirm, read the confirmation page and open the
track & trace page ``--track`` times; between two requests a think time of
``--think`` seconds on average (uniform between half and one and a half times). A citizen
whose request fails starts again with a new session, as a person would.

Prints per page kind: requests, throughput a second, p50 / p95 / p99 / max in ms and the
errors by kind, and writes them to ``var/bench/citizens_load.json``. Exits 1 on any error.
The script acts as the reverse proxy (``citizens.Browser``): it sets ``LOKET_PROXY_COUNT=1``
unless set, and each citizen sends an ``X-Forwarded-For`` address of its own.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict

from citizens import LOAD_DEMO_CONTENT, TRACK_LINK, Browser, Refused, fill_report
from loket_server import REPO, environment, running_loket


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Tally:
    """Every request's page kind, seconds and outcome, from all threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = defaultdict(Counter)
        self.messages = Counter()
        self.submissions = 0

    def record(self, kind: str, seconds: float, outcome: str) -> None:
        with self.lock:
            if outcome == "ok":
                self.times[kind].append(seconds)
            else:
                self.errors[kind][outcome] += 1

    def report(self, seconds: float) -> dict:
        pages = {}
        for kind in sorted(set(self.times) | set(self.errors)):
            ordered = sorted(self.times[kind])
            pages[kind] = {
                "requests": len(ordered) + sum(self.errors[kind].values()),
                "per_second": round(len(ordered) / seconds, 2),
                **(
                    {
                        "p50_ms": round(statistics.median(ordered) * 1000),
                        "p95_ms": round(percentile(ordered, 0.95) * 1000),
                        "p99_ms": round(percentile(ordered, 0.99) * 1000),
                        "max_ms": round(ordered[-1] * 1000),
                    }
                    if ordered
                    else {}
                ),
                "errors": dict(self.errors[kind]),
            }
        everything = sorted(t for times in self.times.values() for t in times)
        return {
            "requests": sum(page["requests"] for page in pages.values()),
            "per_second": round(len(everything) / seconds, 1),
            "p95_ms": round(percentile(everything, 0.95) * 1000) if everything else None,
            "errors": sum(sum(counter.values()) for counter in self.errors.values()),
            "submissions": self.submissions,
            "pages": pages,
            "error_messages": dict(self.messages.most_common(10)),
        }


def citizen(number: int, base: str, args, tally: Tally, start: float, stop: float) -> None:
    rng = random.Random(number)  # noqa: S311 - load, not security

    def think():
        time.sleep(args.think * rng.uniform(0.5, 1.5))

    time.sleep(max(0.0, start + args.ramp * number / args.citizens - time.monotonic()))
    while time.monotonic() < stop:
        browser = Browser(base, timeout=args.timeout, record=tally.record)
        # Each citizen comes from an address of their own, as through a reverse proxy.
        browser.session.headers["X-Forwarded-For"] = (
            f"10.{number // 250}.{number % 250}.{rng.randrange(1, 250)}"
        )
        try:
            answer = fill_report(browser, think=think)
            if answer.status_code != 302 or "/ontvangen/" not in answer.headers.get("Location", ""):
                raise Refused(f"HTTP {answer.status_code}", "submit", "no confirmation")
            with tally.lock:
                tally.submissions += 1
            think()
            page = browser.get("confirmation", answer.headers["Location"])
            track = TRACK_LINK.search(page.text)[1]
            for _view in range(args.track):
                if time.monotonic() >= stop:
                    break
                think()
                browser.get("track & trace", track)
        except Refused as refused:
            with tally.lock:
                tally.messages[f"{refused.page}: {refused.kind} {refused.message}".strip()] += 1
            think()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="loket_bench_citizens")
    parser.add_argument("--port", type=int, default=8161)
    parser.add_argument("--citizens", type=int, default=200)
    parser.add_argument("--duration", type=float, default=300, help="seconds")
    parser.add_argument("--ramp", type=float, default=30, help="seconds to start all citizens")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes")
    parser.add_argument("--think", type=float, default=5.0, help="mean seconds between requests")
    parser.add_argument("--track", type=int, default=3, help="track & trace views a citizen")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a request may take")
    args = parser.parse_args()
    # The script is the reverse proxy: each citizen's address is the X-Forwarded-For it sends.
    os.environ.setdefault("LOKET_PROXY_COUNT", "1")

    with running_loket(
        database=args.database,
        port=args.port,
        workers=args.workers,
        fresh=True,
        setup_code=LOAD_DEMO_CONTENT,
    ) as base:
        worker = subprocess.Popen(
            [sys.executable, "-m", "loket", "worker"],
            env=environment(args.database, args.port),
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        tally = Tally()
        start = time.monotonic() + 1
        stop = start + args.duration
        threads = [
            threading.Thread(target=citizen, args=(n, base, args, tally, start, stop), daemon=True)
            for n in range(args.citizens)
        ]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=max(1.0, stop + args.timeout + 30 - time.monotonic()))
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        seconds = time.monotonic() - start
    result = {
        "citizens": args.citizens,
        "duration_s": round(seconds),
        "web_workers": args.workers,
        "think_s": args.think,
        **tally.report(seconds),
    }
    out = REPO / "var" / "bench" / "citizens_load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    sys.exit(1 if result["errors"] else 0)


if __name__ == "__main__":
    main()
