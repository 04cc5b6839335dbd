"""Nothing is lost: the web server dies right after answering the submit, and the case, its
submission and its queued confirmation mail are all there; a worker started later sends it."""

import os
import re
import signal
import subprocess
import sys

import pytest
import requests
from django_tasks_db.models import DBTaskResult

from loket.brp.register import load_demo_register
from loket.cases.models import Case
from loket.catalog.demo import load_demo_catalogue
from loket.forms.demo import load_demo_forms
from loket.forms.models import Submission
from loket.notify.models import Mail
from tests.conftest import REPO, free_port, run_loket, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


class Browser:
    """A browser without JavaScript, over real HTTP: follows the form's pages and sends back
    the CSRF token and the page's state token as a person's browser does."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()
        self.page = None

    def get(self, path: str):
        self.page = self.session.get(self.base + path, timeout=30)
        return self.page

    def post(self, data: dict, allow_redirects: bool = True):
        html = self.page.text
        payload = {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
        }
        state = re.search(r'name="state" value="([^"]+)"', html)
        if state:
            payload["state"] = state[1]
        self.page = self.session.post(
            self.page.url, data=payload | data, timeout=30, allow_redirects=allow_redirects
        )
        return self.page


def reachable(url: str) -> bool:
    try:
        return requests.get(url, timeout=10).status_code == 200
    except requests.RequestException:  # not listening yet, or still starting up
        return False


def test_killing_the_server_right_after_the_submit_loses_nothing(process_env, smtp_server):
    load_demo_catalogue()
    load_demo_register()
    load_demo_forms()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "loket", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=process_env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: reachable(base + "/"), timeout=60, what="the web server")
        browser = Browser(base)
        browser.get("/formulieren/melding-openbare-ruimte/")
        browser.post({"action": "next", "categorie": "afval", "omschrijving": "Vol."})
        browser.post({"action": "next", "locatie-lat": "52.08", "locatie-lon": "5.1"})
        browser.post({"action": "next", "op_de_hoogte": "ja", "email": "melder@example.nl"})
        assert "Controleer uw antwoorden" in browser.page.text

        answer = browser.post({"confirm": "on"}, allow_redirects=False)
        os.killpg(server.pid, signal.SIGKILL)  # the moment the answer is in
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)

    assert answer.status_code == 302 and answer.headers["Location"].endswith("/ontvangen/")
    case = Case.objects.get()
    assert Submission.objects.get().case == case
    assert case.status_changes.count() == 1
    mail = Mail.objects.get()
    assert mail.status == Mail.Status.QUEUED and case.identification in mail.subject
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_mail").count() == 1

    env = {
        **process_env,
        "LOKET_EMAIL_HOST": smtp_server.host,
        "LOKET_EMAIL_PORT": str(smtp_server.port),
    }
    worker = run_loket("worker", "--batch", env=env)
    assert worker.returncode == 0, worker.stderr
    [delivered] = smtp_server.messages()
    assert case.identification in delivered["Subject"]
