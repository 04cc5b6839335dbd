"""The ``loket`` command, run as a real process."""

import contextlib
import os
import re
import signal
import subprocess
import sys
import urllib.request

import pytest

from tests.conftest import REPO, free_port, run_loket, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.read().decode()


def test_demo_serves_the_demo_municipality_and_runs_the_worker(tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    output = tmp_path / "demo.log"
    with output.open("w") as log:
        demo = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "loket",
                "demo",
                "--port",
                str(port),
                "--data-dir",
                str(tmp_path / "demo"),
            ],
            env=env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        page = wait_until(
            lambda: try_fetch(f"http://127.0.0.1:{port}/"), timeout=60, what="the demo page"
        )
        assert "Gemeente Voorbeeld" in page

        printed = output.read_text()
        assert "client_id demo-client, secret demo-secret" in printed
        for username in ("kcc", "behandelaar", "beheerder", "manager"):
            assert f"  {username} " in printed

        # A task enqueued into the demo's database is run by the demo's own worker.
        marker = tmp_path / "marker.txt"
        enqueue = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup();"
                "from tests.background.tasks import write_marker;"
                f"write_marker.enqueue({str(marker)!r}, 'done by the demo worker')",
            ],
            env={
                **env,
                "DJANGO_SETTINGS_MODULE": "loket.conf.settings",
                "LOKET_MODE": "demo",
                "LOKET_DATABASE_URL": f"sqlite:///{tmp_path / 'demo' / 'demo.sqlite3'}",
            },
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        assert enqueue.returncode == 0, enqueue.stderr
        wait_until(marker.exists, timeout=30, what="the demo worker to run the task")

        # Stopped with SIGTERM (by a script or a service manager), the demo takes its worker
        # along: nothing of its process group is left.
        demo.terminate()
        demo.wait(timeout=30)
        wait_until(lambda: not group_alive(demo.pid), timeout=30, what="the demo worker to stop")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(demo.pid, signal.SIGINT)
        demo.wait(timeout=30)


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def try_fetch(url: str) -> str | None:
    try:
        return fetch(url)
    except OSError:
        return None


def test_check_reports_every_part(process_env):
    result = run_loket("check", env=process_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Loket for Gemeente Voorbeeld, demo mode" in result.stdout
    for part in ("database", "background work", "mail", "document storage", "django"):
        assert f"[ok] {part}:" in result.stdout


def test_check_fails_on_a_mail_server_that_does_not_answer(process_env):
    process_env.update(LOKET_EMAIL_HOST="127.0.0.1", LOKET_EMAIL_PORT=str(free_port()))

    result = run_loket("check", env=process_env)

    assert result.returncode == 1
    assert "[FAIL] mail: SMTP 127.0.0.1:" in result.stdout


def test_check_fails_on_pending_migrations(process_env, django_db_blocker):
    process_env["LOKET_DATABASE_URL"] = f"sqlite:///{REPO / 'var' / 'test' / 'empty.sqlite3'}"
    (REPO / "var" / "test" / "empty.sqlite3").unlink(missing_ok=True)

    result = run_loket("check", env=process_env)

    assert result.returncode == 1
    assert "migration(s) pending, run 'loket migrate'" in result.stdout


def test_other_commands_pass_through_to_django(process_env):
    result = run_loket("showmigrations", "identity", env=process_env)

    assert result.returncode == 0, result.stderr
    assert "[X] 0001_initial" in result.stdout


def test_serve_runs_gunicorn_in_production_mode(process_env, tmp_path):
    port = free_port()
    env = {
        **process_env,
        "DJANGO_SETTINGS_MODULE": "loket.conf.settings",
        "LOKET_MODE": "production",
        "LOKET_SECRET_KEY": "p" * 50,
        "LOKET_ALLOWED_HOSTS": "127.0.0.1",
        "LOKET_MUNICIPALITY_NAME": "Gemeente Oost",
        "LOKET_DATA_DIR": str(tmp_path),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "loket", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        page = wait_until(
            lambda: try_fetch(f"http://127.0.0.1:{port}/"), timeout=60, what="gunicorn"
        )
        assert "Welkom bij Gemeente Oost" in page
        stylesheet = re.search(r'href="(/static/portal/loket\.[0-9a-f]+\.css)"', page)
        assert stylesheet, "static files are collected with hashed names"
        assert ".loket-header" in fetch(f"http://127.0.0.1:{port}{stylesheet.group(1)}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
