"""A case worker logs in with password and code and finds a case in the department's queue,
in a real browser."""

import pytest

from tests.workqueue.helpers import (
    PASSWORD,
    authenticator,
    case_type_of,
    case_worker,
    code_of,
    department,
    open_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_case_worker_logs_in_and_sees_the_case_in_the_queue(page, live_server, settings):
    settings.LOKET_STAFF_SECOND_FACTOR = True
    civil = department("burgerzaken", "Burgerzaken", "Civil affairs")
    device = authenticator(case_worker("bram", civil))
    case = open_in(case_type_of(civil), legal_in=-1)
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])

    page.goto("/werk/burgerzaken/")
    assert page.locator("h1").inner_text() == "Log in for staff"
    page.get_by_label("User name").fill("bram")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    assert page.locator("h1").inner_text() == "Enter your code"
    page.get_by_label("Code from your app").fill(code_of(device))
    page.get_by_role("button", name="Confirm", exact=True).click()

    assert page.locator("h1").inner_text() == "Civil affairs"
    table = page.get_by_role("table", name="Open cases of Civil affairs")
    row = table.get_by_role("row").filter(has_text=case.identification)
    assert row.get_by_role("rowheader").inner_text() == case.identification
    assert "Overdue" in row.inner_text()

    page.get_by_role("link", name="Work queues").click()
    assert page.get_by_role("row", name="Civil affairs 1").is_visible()
    page.get_by_role("button", name="Log out").click()
    assert page.locator("h1").inner_text() == "Log in for staff"
