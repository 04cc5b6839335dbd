import json
import mailbox
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parent.parent


def database_url_of(settings_dict: dict) -> str:
    """The LOKET_DATABASE_URL that points another process at this test database."""
    name = settings_dict["NAME"]
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(name).resolve()}"
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{name}"


@pytest.fixture
def process_env(transactional_db):
    """Environment for a child ``loket`` process that shares this test's database."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        LOKET_DATABASE_URL=database_url_of(connection.settings_dict),
        PYTHONPATH=str(REPO),
    )
    return env


def run_loket(*args: str, env: dict, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loket", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition, timeout: float = 30, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout}s waiting for {what}")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


class SmtpServer:
    """A real SMTP server (aiosmtpd) in its own process, keeping what it receives in a maildir.

    ``stop()`` and ``start()`` take it down and bring it back on the same port, so a test can
    have mail delivery fail for a while.
    """

    def __init__(self, maildir: Path):
        self.host = "127.0.0.1"
        self.port = free_port()
        self.maildir = maildir
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "aiosmtpd",
                "--nosetuid",
                "--listen",
                f"{self.host}:{self.port}",
                "--class",
                "aiosmtpd.handlers.Mailbox",
                str(self.maildir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until(self.accepts_connections, timeout=15, what=f"SMTP server on {self.port}")
        except AssertionError:
            self.stop()  # leave no server behind when it never came up
            raise

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def accepts_connections(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"SMTP server exited with code {self.process.returncode}")
        try:
            socket.create_connection((self.host, self.port), timeout=1).close()
        except OSError:
            return False
        return True

    def messages(self) -> list:
        """Every mail received so far, as ``email.message.Message`` objects."""
        return list(mailbox.Maildir(self.maildir, create=False))


@pytest.fixture
def smtp_server(tmp_path):
    server = SmtpServer(tmp_path / "maildir")
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request in English leaves English active in this thread; the next test starts in
    Dutch, the default, again."""
    from django.conf import settings
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


class WebhookReceiver:
    """A real HTTP receiver process for webhooks; ``requests()`` is what it got, in order."""

    def __init__(self, directory: Path):
        self.log = directory / "webhooks.jsonl"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/callback"
        self.process = None

    def start(self, *options: str) -> "WebhookReceiver":
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(REPO / "tests" / "webhook_receiver.py"),
                str(self.port),
                str(self.log),
                *options,
            ]
        )
        wait_until(self.accepts_connections, timeout=15, what="the webhook receiver")
        return self

    def accepts_connections(self) -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def requests(self) -> list[dict]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]


@pytest.fixture
def webhook_receiver(tmp_path):
    receiver = WebhookReceiver(tmp_path)
    yield receiver
    receiver.stop()
