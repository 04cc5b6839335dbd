"""Faults under load: is anything that Loket accepted lost when its processes die?

    python bench/faults.py [--duration 180] [--web-workers 4] [--workers 2]
                           [--restart-postgres-command "systemctl restart postgresql"]

Serves Loket with ``loket serve`` (gunicorn, production mode) on a fresh PostgreSQL database
(``--database``), with ``--workers`` ``loket worker`` processes, a real SMTP server (aiosmtpd,
as the tests start it) and the test suite's webhook receiver subscribed to every channel of
the Notificaties API. For ``--duration`` seconds, ``--submitters`` citizens submit the report
in public space over HTTP (photo and e-mail address included; ``citizens.fill_report``) and
``--status-changers`` clients POST statuses to the Zaken API (``/zaken/api/v1/statussen``, with
a ZGW JWT) on the cases that were accepted. Meanwhile, at random moments:

- ``kill -9`` of a gunicorn worker (its master starts a new one), of the gunicorn master (the
  script kills what is left of the group, as a service manager would, and starts
  ``loket serve`` again), and of a ``loket worker`` (started again after a second or two; a
  worker that exits on its own is restarted too, and counted);
- the SMTP server stopped for a while and started again;
- a database "restart": PostgreSQL is shared with other work on this machine, so by default
  every connection to this benchmark's own database is cut
  (``pg_terminate_backend`` on ``pg_stat_activity`` of the database), several times in a row;
  with ``--restart-postgres-command`` that command runs instead (a real restart);
- a full disk for documents: the media folder is a small tmpfs of its own (root only; else a
  read-only folder), filled up to the last byte for a while and then emptied.

Then everything is brought back up and the workers get ``--drain`` seconds to finish. Tasks
left RUNNING by a killed worker are taken back after the lease (``--lease-seconds``, the
worker's ``--lease-seconds``; 900 s in production) only by a worker that starts or runs
another task; when idle workers leave such tasks alone for 90 s, the script says so and
restarts the workers once, as the next deploy would. It prints what the citizens and clients
were told and what is there:

- submissions accepted (a 302 to the confirmation page) / with a case / missing, and the
  submissions refused or unanswered, by kind, with those among them that did become a case;
- status changes accepted (201) / recorded / missing;
- events / with all their deliveries at the receiver (by ``Idempotency-Key``) / missing, and
  mails / delivered at the SMTP server (by ``Message-ID``) / missing, duplicates counted;

writes them to ``var/bench/faults.json`` and exits 1 when anything accepted is missing.
"""

import argparse
import contextlib
import json
import mailbox
import os
import random
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
import requests
from citizens import CASE_NUMBER, LOAD_DEMO_CONTENT, Browser, Refused, fill_report
from loket_server import CLIENT_ID, REPO, SECRET, SERVER, ensure_database, environment, loket
from zgw_load import make_jwt

SUBSCRIBE = (
    "from loket.notify.models import Channel, Subscription, SubscriptionChannel; "
    "s = Subscription.objects.create(callback_url={url!r}, auth='Token bench-faults'); "
    "[SubscriptionChannel.objects.create(subscription=s, channel=c) "
    "for c in Channel.objects.all()]"
)


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"Timed out waiting for {what}")
        time.sleep(0.2)


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


class Processes:
    """The processes the faults hit, each started again the way a service manager would."""

    def __init__(self, args, env: dict, data: Path):
        self.args, self.env, self.data = args, env, data
        self.lock = threading.Lock()
        self.server = None
        self.workers: list[subprocess.Popen] = []
        self.smtp = None
        self.receiver = None
        self.unexpected_exits = Counter()
        self.stopping = False

    def spawn(self, *command: str, log_name: str) -> subprocess.Popen:
        with open(self.data / log_name, "ab") as output:
            return subprocess.Popen(
                command,
                env=self.env,
                cwd=REPO,
                stdout=output,
                stderr=output,
                start_new_session=True,
            )

    # --- web ---
    def start_server(self) -> None:
        self.server = self.spawn(
            sys.executable,
            "-m",
            "loket",
            "serve",
            "--bind",
            f"127.0.0.1:{self.args.port}",
            "--workers",
            str(self.args.web_workers),
            log_name="web.log",
        )

    def server_up(self) -> bool:
        try:
            return requests.get(self.base + "/", timeout=5).status_code == 200
        except requests.RequestException:
            return False

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.args.port}"

    def kill_web_worker(self) -> str:
        pids = children(self.server.pid) if self.server else []
        if not pids:
            return "no gunicorn worker to kill"
        pid = random.choice(pids)  # noqa: S311
        os.kill(pid, signal.SIGKILL)
        return f"kill -9 gunicorn worker {pid}"

    def kill_master(self) -> str:
        with self.lock:
            master = self.server.pid
            os.kill(master, signal.SIGKILL)
            self.server.wait()
            # Orphaned workers finish their request and notice their parent is gone; what
            # is left after a moment goes, as a service manager stops a whole unit.
            time.sleep(1)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(master, signal.SIGKILL)
            wait_until(lambda: not listening(self.args.port), 30, "the old port to close")
            self.start_server()
        return f"kill -9 gunicorn master {master}, started again"

    # --- background workers ---
    def start_worker(self) -> subprocess.Popen:
        return self.spawn(
            sys.executable,
            "-m",
            "loket",
            "worker",
            "--interval",
            "0.2",
            "--lease-seconds",
            str(self.args.lease_seconds),
            log_name="workers.log",
        )

    def kill_worker(self) -> str:
        with self.lock:
            index = random.randrange(len(self.workers))  # noqa: S311
            victim = self.workers[index]
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait()
            self.workers[index] = None  # down on purpose, for a moment
        time.sleep(random.uniform(1, 3))  # noqa: S311
        with self.lock:
            self.workers[index] = self.start_worker()
        return f"kill -9 loket worker {victim.pid}, started again"

    def restart_workers(self) -> None:
        with self.lock:
            for worker in self.workers:
                os.killpg(worker.pid, signal.SIGTERM)
                worker.wait()
            self.workers = [self.start_worker() for _ in self.workers]

    def supervise(self) -> None:
        """Restart what exited on its own (a worker after a cut connection, say)."""
        while not self.stopping:
            with self.lock:
                for index, worker in enumerate(self.workers):
                    if worker is not None and worker.poll() is not None:
                        self.unexpected_exits["loket worker"] += 1
                        log(f"loket worker {worker.pid} exited ({worker.returncode}); restarted")
                        self.workers[index] = self.start_worker()
                if self.server is not None and self.server.poll() is not None:
                    self.unexpected_exits["loket serve"] += 1
                    log(f"loket serve exited ({self.server.returncode}); restarted")
                    self.start_server()
            time.sleep(0.5)

    # --- SMTP and receiver ---
    def start_smtp(self) -> None:
        self.smtp = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "aiosmtpd",
                "--nosetuid",
                "--listen",
                f"127.0.0.1:{self.args.smtp_port}",
                "--class",
                "aiosmtpd.handlers.Mailbox",
                str(self.data / "maildir"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: listening(self.args.smtp_port), 15, "the SMTP server")

    def stop_smtp(self) -> None:
        self.smtp.kill()
        self.smtp.wait()

    def start_receiver(self) -> None:
        self.receiver = subprocess.Popen(
            [
                sys.executable,
                str(REPO / "tests" / "webhook_receiver.py"),
                str(self.args.receiver_port),
                str(self.data / "webhooks.jsonl"),
            ]
        )
        wait_until(lambda: listening(self.args.receiver_port), 15, "the webhook receiver")

    def stop_all(self) -> None:
        self.stopping = True
        with self.lock:
            ours = [p for p in [self.server, *self.workers] if p is not None]
        for process in ours:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in [*ours, self.smtp, self.receiver]:
            if process is None:
                continue
            if process.poll() is None and process in (self.smtp, self.receiver):
                process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


class FullDisk:
    """The documents' folder on a filesystem of its own that can be filled up."""

    def __init__(self, media: Path, size_mb: int):
        self.media = media
        self.filler = media / "filler.bin"
        self.mounted = False
        media.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(media)],
                check=True,
            )
            self.mounted = True

    @property
    def how(self) -> str:
        return "a full tmpfs" if self.mounted else "a read-only folder"

    def fill(self) -> None:
        if not self.mounted:
            self.media.chmod(0o555)
            return
        descriptor = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        try:
            for size in (1 << 20, 4096, 1):  # to the last byte
                with contextlib.suppress(OSError):
                    while os.write(descriptor, b"\0" * size):
                        pass
        finally:
            os.close(descriptor)

    def empty(self) -> None:
        if self.mounted:
            self.filler.unlink(missing_ok=True)
        else:
            self.media.chmod(0o755)

    def release(self) -> None:
        self.empty()
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.media)], check=False)


class Ledger:
    """What the citizens and the API clients were told."""

    def __init__(self):
        self.lock = threading.Lock()
        self.accepted = {}  # draft uuid -> case number (when the confirmation page was read)
        self.refused = Counter()  # "page: kind message"
        self.submit_failed = {}  # draft uuid -> what the citizen saw at the submit
        self.statuses_accepted = []
        self.status_refused = Counter()
        self.faults = Counter()

    def fault(self, kind: str, text: str) -> None:
        with self.lock:
            self.faults[kind] += 1
        log(text)


def submitter(number: int, base: str, ledger: Ledger, stop: float) -> None:
    rng = random.Random(number)  # noqa: S311
    while time.monotonic() < stop:
        browser = Browser(base, timeout=60)
        browser.session.headers["X-Forwarded-For"] = f"10.9.{number}.{rng.randrange(1, 250)}"
        draft = ""
        try:
            answer = fill_report(browser, photo=rng.random() < 0.7)
        except Refused as refused:
            url = browser.page.url if browser.page is not None else ""
            if refused.page == "submit" and "/overzicht/" in url:
                draft = url.split("/formulieren/", 1)[1].split("/", 1)[0]
                with ledger.lock:
                    ledger.submit_failed[draft] = f"{refused.kind} {refused.message}".strip()
            with ledger.lock:
                ledger.refused[f"{refused.page}: {refused.kind} {refused.message}".strip()] += 1
            time.sleep(0.5)
            continue
        location = answer.headers.get("Location", "")
        draft = location.split("/formulieren/", 1)[-1].split("/", 1)[0]
        if answer.status_code == 302 and location.endswith("/ontvangen/"):
            with ledger.lock:
                ledger.accepted[draft] = ""
            try:
                page = browser.get("confirmation", location)
                found = CASE_NUMBER.search(page.text)
                with ledger.lock:
                    ledger.accepted[draft] = found[1] if found else ""
            except Refused:
                pass  # the confirmation page is a later read; the submit was answered
        else:
            with ledger.lock:
                ledger.submit_failed[draft] = f"HTTP {answer.status_code} to {location}"
                ledger.refused[f"submit: HTTP {answer.status_code}"] += 1
        time.sleep(rng.uniform(0.2, 1.0))


def status_changer(base: str, database: str, steps: list[str], ledger: Ledger, stop, rate):
    session = requests.Session()
    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        while time.monotonic() < stop:
            time.sleep(random.expovariate(rate))
            with ledger.lock:
                drafts = list(ledger.accepted)
            if not drafts:
                continue
            try:
                row = connection.execute(
                    "SELECT c.uuid FROM forms_draft d JOIN forms_submission s ON s.draft_id = d.id"
                    " JOIN cases_case c ON c.id = s.case_id WHERE d.uuid = %s",
                    (random.choice(drafts),),  # noqa: S311
                ).fetchone()
            except psycopg.OperationalError:  # our own connection was cut too
                connection = psycopg.connect(f"{SERVER}/{database}", autocommit=True)
                continue
            if row is None:
                continue
            body = {
                "zaak": f"{base}/zaken/api/v1/zaken/{row[0]}",
                "statustype": f"{base}/catalogi/api/v1/statustypen/{random.choice(steps)}",  # noqa: S311
                "datumStatusGezet": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            }
            try:
                response = session.post(
                    f"{base}/zaken/api/v1/statussen",
                    json=body,
                    headers={"Authorization": "Bearer " + make_jwt(CLIENT_ID, SECRET)},
                    timeout=60,
                )
            except requests.RequestException as error:
                with ledger.lock:
                    ledger.status_refused[type(error).__name__] += 1
                continue
            with ledger.lock:
                if response.status_code == 201:
                    ledger.statuses_accepted.append(response.json()["url"].rsplit("/", 1)[-1])
                else:
                    ledger.status_refused[f"HTTP {response.status_code}"] += 1


def cut_database(args, database: str) -> str:
    if args.restart_postgres_command:
        subprocess.run(shlex.split(args.restart_postgres_command), check=False)
        return f"database restarted: {args.restart_postgres_command}"
    cut = 0
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        for _round in range(3):
            cut += len(
                connection.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = %s AND pid <> pg_backend_pid()",
                    (database,),
                ).fetchall()
            )
            time.sleep(0.5)
    return f"database 'restart': {cut} connections to {database} cut in 3 rounds"


def chaos(args, processes: Processes, disk: FullDisk, ledger: Ledger, start: float, stop: float):
    """The scheduled outages (as shares of the run) with random kills in between."""
    d = args.duration
    timeline = sorted(
        [
            (0.15 * d, "smtp down"),
            (0.30 * d, "smtp up"),
            (0.25 * d, "master"),
            (0.40 * d, "database"),
            (0.45 * d, "database"),
            (0.50 * d, "disk full"),
            (0.65 * d, "disk free"),
            (0.60 * d, "master"),
            (0.70 * d, "smtp down"),
            (0.80 * d, "smtp up"),
            (0.85 * d, "database"),
        ]
    )
    next_kill = start + random.uniform(3, 8)  # noqa: S311
    while time.monotonic() < stop:
        now = time.monotonic() - start
        while timeline and timeline[0][0] <= now:
            _at, what = timeline.pop(0)
            if what == "smtp down":
                processes.stop_smtp()
                ledger.fault("SMTP server down", "SMTP server killed")
            elif what == "smtp up":
                processes.start_smtp()
                ledger.fault("SMTP server up", "SMTP server started again")
            elif what == "master":
                ledger.fault("kill -9 gunicorn master", processes.kill_master())
            elif what == "database":
                ledger.fault("database restart", cut_database(args, args.database))
            elif what == "disk full":
                disk.fill()
                ledger.fault("documents' disk full", f"documents' disk full ({disk.how})")
            elif what == "disk free":
                disk.empty()
                ledger.fault("documents' disk emptied", "documents' disk emptied")
        if time.monotonic() >= next_kill:
            if random.random() < 0.5:  # noqa: S311
                ledger.fault("kill -9 gunicorn worker", processes.kill_web_worker())
            else:
                ledger.fault("kill -9 loket worker", processes.kill_worker())
            next_kill = time.monotonic() + random.uniform(3, 8)  # noqa: S311
        time.sleep(0.2)


def drained(connection, lease_seconds: float) -> dict:
    """What is still to do; ``abandoned``: tasks RUNNING longer than the lease, whose worker
    was killed."""
    return dict(
        zip(
            ["tasks", "abandoned", "mails", "deliveries"],
            connection.execute(
                "SELECT (SELECT count(*) FROM django_tasks_database_dbtaskresult"
                "        WHERE status IN ('READY', 'RUNNING')),"
                " (SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status ="
                "        'RUNNING' AND started_at < now() - make_interval(secs => %s)),"
                " (SELECT count(*) FROM notify_mail WHERE status = 'queued'),"
                " (SELECT count(*) FROM notify_delivery WHERE status = 'pending')",
                (lease_seconds,),
            ).fetchone(),
            strict=True,
        )
    )


def drain(connection, lease_seconds: float, seconds: float) -> dict:
    """Wait until nothing is left to do, or only abandoned tasks that no idle worker takes
    back (for 90 s), or ``seconds`` have passed; what is left."""
    deadline = time.monotonic() + seconds
    only_abandoned_since = None
    while True:
        left = drained(connection, lease_seconds)
        if not any(left.values()) or time.monotonic() > deadline:
            return left
        if left["abandoned"] and left["tasks"] == left["abandoned"]:
            only_abandoned_since = only_abandoned_since or time.monotonic()
            if time.monotonic() - only_abandoned_since > 90:
                return left
        else:
            only_abandoned_since = None
        time.sleep(2)


def count_everything(connection, ledger: Ledger, data: Path) -> dict:
    def rows(sql: str, *params) -> list:
        return connection.execute(sql, params).fetchall()

    accepted = list(ledger.accepted)
    with_case = {
        str(draft)
        for (draft,) in rows(
            "SELECT d.uuid FROM forms_draft d JOIN forms_submission s ON s.draft_id = d.id"
            " WHERE s.case_id IS NOT NULL AND d.uuid = ANY(%s::uuid[])",
            accepted,
        )
    }
    failed = list(ledger.submit_failed)
    failed_with_case = [
        str(draft)
        for (draft,) in rows(
            "SELECT d.uuid FROM forms_draft d JOIN forms_submission s ON s.draft_id = d.id"
            " WHERE s.case_id IS NOT NULL AND d.uuid = ANY(%s::uuid[])",
            failed,
        )
    ]
    half_written = rows("SELECT count(*) FROM forms_submission WHERE case_id IS NULL")[0][0]
    statuses = ledger.statuses_accepted
    recorded = {
        str(u)
        for (u,) in rows(
            "SELECT uuid FROM cases_statuschange WHERE uuid = ANY(%s::uuid[])", statuses
        )
    }
    cases_without_event = rows(
        "SELECT count(*) FROM cases_case c WHERE NOT EXISTS (SELECT 1 FROM notify_event e"
        " WHERE e.case_id = c.id AND e.kind = 'case_created')"
    )[0][0]
    changes_without_event = rows(
        "SELECT count(*) FROM cases_statuschange sc WHERE NOT EXISTS (SELECT 1 FROM notify_event"
        " e WHERE e.resource_url LIKE '%%/statussen/' || sc.uuid::text)"
    )[0][0]
    received = Counter()
    for line in (data / "webhooks.jsonl").read_text().splitlines():
        entry = json.loads(line)
        if entry["status"] == 204 and entry["idempotency_key"]:
            received[entry["idempotency_key"]] += 1
    events = rows(
        "SELECT e.uuid::text, count(d.id), count(d.id) FILTER (WHERE d.status = 'delivered')"
        " FROM notify_event e LEFT JOIN notify_delivery d ON d.event_id = e.id GROUP BY e.uuid"
    )
    events_missing = [
        uuid
        for uuid, deliveries, delivered in events
        if deliveries == 0 or delivered < deliveries or uuid not in received
    ]
    at_smtp = Counter(message["Message-ID"] for message in mailbox.Maildir(data / "maildir"))
    mails = rows("SELECT uuid::text, status FROM notify_mail")
    mails_missing = [uuid for uuid, _status in mails if f"<{uuid}@loket>" not in at_smtp]
    cases_without_mail = rows(
        "SELECT count(*) FROM cases_case c WHERE c.contact_email <> '' AND NOT EXISTS"
        " (SELECT 1 FROM notify_mail m WHERE m.case_id = c.id)"
    )[0][0]
    return {
        "submissions": {
            "accepted": len(accepted),
            "with_case": len(with_case),
            "missing": sorted(set(accepted) - with_case),
            "refused_or_unanswered": dict(ledger.refused.most_common()),
            "submit_failed_but_case_exists": failed_with_case,
            "submissions_without_case": half_written,
        },
        "status_changes": {
            "accepted": len(statuses),
            "recorded": len(recorded),
            "missing": sorted(set(statuses) - recorded),
            "refused_or_unanswered": dict(ledger.status_refused),
        },
        "events": {
            "events": len(events),
            "cases_without_created_event": cases_without_event,
            "status_changes_without_event": changes_without_event,
            "with_all_deliveries": len(events) - len(events_missing),
            "missing": len(events_missing),
            "repeated_at_receiver": sum(n - 1 for n in received.values()),
        },
        "mails": {
            "mails": len(mails),
            "delivered_at_smtp": len(mails) - len(mails_missing),
            "missing": len(mails_missing),
            "failed_for_good": sum(status == "failed" for _uuid, status in mails),
            "cases_with_address_without_mail": cases_without_mail,
            "repeated_at_smtp": sum(n - 1 for n in at_smtp.values()),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="loket_bench_faults")
    parser.add_argument("--port", type=int, default=8171)
    parser.add_argument("--smtp-port", type=int, default=8172)
    parser.add_argument("--receiver-port", type=int, default=8173)
    parser.add_argument("--duration", type=float, default=180, help="seconds of faults")
    parser.add_argument("--web-workers", type=int, default=4, help="gunicorn processes")
    parser.add_argument("--workers", type=int, default=2, help="loket worker processes")
    parser.add_argument("--submitters", type=int, default=6, help="citizens at a time")
    parser.add_argument("--status-changers", type=int, default=2)
    parser.add_argument("--status-rate", type=float, default=2, help="a second, per changer")
    parser.add_argument("--lease-seconds", type=float, default=30, help="loket worker's lease")
    parser.add_argument("--drain", type=float, default=300, help="seconds to finish at most")
    parser.add_argument("--media-mb", type=int, default=16, help="size of the documents' disk")
    parser.add_argument("--restart-postgres-command", default="")
    args = parser.parse_args()

    env = environment(args.database, args.port)
    data = Path(env["LOKET_DATA_DIR"]) / "faults"
    for old in ["maildir", "webhooks.jsonl", "web.log", "workers.log"]:
        subprocess.run(["rm", "-rf", str(data / old)], check=True)
    data.mkdir(parents=True, exist_ok=True)
    media = data / "media"
    env |= {
        "LOKET_MEDIA_ROOT": str(media),
        "LOKET_EMAIL_HOST": "127.0.0.1",
        "LOKET_EMAIL_PORT": str(args.smtp_port),
        "LOKET_EMAIL_FROM": "loket@example.nl",
        # The script is the reverse proxy: a citizen's address is the X-Forwarded-For it sends.
        "LOKET_PROXY_COUNT": "1",
    }
    ensure_database(args.database, fresh=True)
    loket(env, "migrate", "--verbosity", "0")
    loket(env, "apiclient", "add", "--client-id", CLIENT_ID, "--secret", SECRET, "--all-scopes")
    callback = f"http://127.0.0.1:{args.receiver_port}/callback"
    loket(env, "shell", "-c", LOAD_DEMO_CONTENT + "; " + SUBSCRIBE.format(url=callback))
    with psycopg.connect(f"{SERVER}/{args.database}") as connection:
        # The report's statuses between the first and the end one: a client's progress.
        steps = [
            str(uuid)
            for (uuid,) in connection.execute(
                "SELECT st.uuid FROM catalog_statustype st JOIN catalog_casetype_products cp"
                " ON cp.casetype_id = st.case_type_id JOIN catalog_product p"
                " ON p.id = cp.product_id WHERE p.slug = 'melding-openbare-ruimte'"
                ' ORDER BY st."order"'
            ).fetchall()[1:-1]
        ]
    if not steps:
        raise SystemExit("The report's case type has no status between its first and last")

    disk = FullDisk(media, args.media_mb)
    processes = Processes(args, env, data)
    ledger = Ledger()
    try:
        processes.start_smtp()
        processes.start_receiver()
        processes.start_server()
        wait_until(processes.server_up, 60, "Loket")
        processes.workers = [processes.start_worker() for _ in range(args.workers)]
        supervisor = threading.Thread(target=processes.supervise, daemon=True)
        supervisor.start()
        start = time.monotonic()
        stop = start + args.duration
        log(f"load and faults for {args.duration:.0f} s")
        threads = [
            threading.Thread(target=submitter, args=(n, processes.base, ledger, stop))
            for n in range(args.submitters)
        ] + [
            threading.Thread(
                target=status_changer,
                args=(processes.base, args.database, steps, ledger, stop, args.status_rate),
            )
            for _ in range(args.status_changers)
        ]
        for thread in threads:
            thread.start()
        chaos(args, processes, disk, ledger, start, stop)
        for thread in threads:
            thread.join()
        disk.empty()
        if processes.smtp.poll() is not None:
            processes.start_smtp()
        wait_until(processes.server_up, 60, "Loket")
        log(f"load over; draining for at most {args.drain:.0f} s")
        with psycopg.connect(f"{SERVER}/{args.database}", autocommit=True) as connection:
            left = drain(connection, args.lease_seconds, args.drain)
            log(f"left after draining: {left}")
            stuck = left["abandoned"]
            if stuck:
                # Idle workers never look for tasks of killed ones (only at their start and
                # while they run other tasks): a restart, as the next deploy would do.
                log(f"{stuck} abandoned task(s) not taken back by idle workers; restarting them")
                processes.restart_workers()
                left = drain(connection, args.lease_seconds, 120)
                log(f"left after restarting the workers: {left}")
            time.sleep(2)  # the receiver and the maildir write last lines
            result = {
                "duration_s": args.duration,
                "faults": dict(ledger.faults),
                "unexpected_exits": dict(processes.unexpected_exits),
                "abandoned_until_worker_restart": stuck,
                "left_after_draining": left,
                **count_everything(connection, ledger, data),
            }
    finally:
        processes.stop_all()
        disk.release()
    out = REPO / "var" / "bench" / "faults.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    lost = (
        result["submissions"]["missing"]
        or result["status_changes"]["missing"]
        or result["events"]["missing"]
        or result["mails"]["missing"]
        or result["events"]["cases_without_created_event"]
        or result["events"]["status_changes_without_event"]
    )
    sys.exit(1 if lost else 0)


if __name__ == "__main__":
    main()
