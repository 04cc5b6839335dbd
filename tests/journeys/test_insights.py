"""A manager's journey in a real headless browser: log in, read the figures of a month with
real requests in it, narrow them to a product, and download them; axe-core checks the page.

The requests come from the demo forms: one filled in online by the person, one by phone with
a KCC employee, so the share fully digital is exactly a half.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from loket.identity.demo_login import demo_persons
from tests.browser import axe_problems, staff_logs_in
from tests.forms.conftest import Filler
from tests.workqueue.helpers import fill_budget_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def budget_requests() -> None:
    """One request online, one assisted by phone."""
    online, by_phone = demo_persons().order_by("bsn")[:2]
    citizen = Filler(Client())
    citizen.client.post(reverse("identity:demo-digid"), {"bsn": online.bsn, "next": "/"})
    citizen.open(reverse("forms:start", args=["leefbaarheidsbudget"]))
    fill_budget_form(citizen, email="a@example.nl")
    kcc = Client()
    kcc.login(username="kcc", password="demo")
    assisted = Filler(kcc)
    assisted.response = kcc.post(
        reverse("forms:assist", args=["leefbaarheidsbudget"]),
        {"bsn": by_phone.bsn, "channel": "phone"},
        follow=True,
    )
    fill_budget_form(assisted, email="b@example.nl")


def test_a_manager_reads_narrows_and_downloads_the_figures(demo, page, live_server):
    budget_requests()
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])

    staff_logs_in(page, "/inzicht/", "manager", language="en")
    expect(page.locator("h1")).to_have_text("Insights")
    main = page.locator("main")
    expect(main.locator("svg").first).to_be_visible()
    problems = axe_problems(page, "dashboard")

    page.locator("select[name=product]").select_option(
        label="Apply for a neighbourhood improvement budget"
    )
    page.get_by_role("button", name="Show the figures").click()
    digital = main.get_by_role("table", name="Requests fully digital per month")
    expect(digital).to_contain_text("50")
    problems += axe_problems(page, "dashboard for one product")

    with page.expect_download() as csv_file:
        main.get_by_role("link", name="Download as CSV").click()
    rows = csv_file.value.path().read_text(encoding="utf-8").splitlines()
    this_month = timezone.localdate().strftime("%Y-%m")
    assert f"digital_by_month,,{this_month},digital,1" in rows
    assert f"digital_by_month,,{this_month},requests,2" in rows
    assert problems == [], "\n".join(problems)
