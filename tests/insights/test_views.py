"""The dashboard's permissions, its exports and the open data without personal data."""

import csv
import io
import zipfile
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.insights.models import Publication
from tests.insights.conftest import BSN, EMAIL, NAME
from tests.workqueue.helpers import PASSWORD

PERIOD = "?start=2025-01&end=2025-02"


def client_as(client, role):
    client.force_login(create_staff_account(username=role.value, password=PASSWORD, role=role))
    return client


@pytest.mark.parametrize("role", [Role.KCC, Role.CASE_WORKER])
def test_other_staff_may_not_open_the_dashboard(client, db, role):
    client_as(client, role)
    assert client.get("/inzicht/").status_code == 403
    assert client.get("/inzicht/export.csv").status_code == 403


def test_without_login_the_dashboard_asks_to_log_in(client, db):
    response = client.get("/inzicht/")
    assert response.status_code == 302
    assert "/werk/" in response["Location"]


def test_a_manager_sees_charts_and_tables(client, municipality):
    client_as(client, Role.MANAGER)
    response = client.get(f"/inzicht/{PERIOD}", headers={"accept-language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<svg") == 7
    assert "Requests fully digital per month" in html
    assert "Target 81 %" in html and "Norm 80 %" in html
    assert "66.7 %" in html  # phone, solved in the first contact: 2 of 3
    assert "€ 55.50" in html
    assert "<script" not in html


def test_a_wrong_period_is_explained(client, db):
    client_as(client, Role.MANAGER)
    response = client.get("/inzicht/?start=2025-03&end=2025-01", headers={"accept-language": "en"})
    assert response.status_code == 400
    assert "Choose a month on or after the first month." in response.content.decode()


def test_the_csv_export(client, municipality):
    client_as(client, Role.MANAGER)
    response = client.get(f"/inzicht/export.csv{PERIOD}", headers={"accept-language": "en"})
    assert response["Content-Disposition"] == 'attachment; filename="loket-2025-01-2025-02.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["figure", "group", "month", "measure", "value"]
    assert ["digital_by_month", "", "2025-01", "share", "0.5714"] in rows
    assert ["first_contact", "Phone", "", "solved", "2"] in rows
    assert ["savings", rows[-1][1], "", "saving", rows[-1][4]] == rows[-1]


def test_the_xlsx_export_is_a_workbook(client, municipality):
    client_as(client, Role.MANAGER)
    response = client.get(f"/inzicht/export.xlsx{PERIOD}", headers={"accept-language": "en"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        assert package.testzip() is None
        workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))  # noqa: S314 - ours
        sheets = [
            element.get("name") for element in workbook.iter() if element.tag.endswith("sheet")
        ]
        assert len(sheets) == 8
        assert all(len(name) <= 31 for name in sheets)
        first = package.read("xl/worksheets/sheet1.xml").decode()
        ElementTree.fromstring(first)  # noqa: S314 - our own file: it must parse
        assert "Fully digital" in first and "<v>4</v><v>7</v>" in first.replace("</c><c>", "")


def test_the_open_data_has_figures_and_no_personal_data(client, municipality):
    response = client.get(f"/opendata/{PERIOD}")
    assert response.status_code == 200
    data = response.json()
    assert data["period"] == {"start": "2025-01-01", "end": "2025-02-28"}
    assert "first_contact" not in data["figures"]
    assert {"month": "2025-01", "digital": 4, "requests": 7, "share": 0.5714} in data["figures"][
        "digital_by_month"
    ]["rows"]
    csv_text = client.get(f"/opendata/cijfers.csv{PERIOD}").content.decode()
    for body in (response.content.decode(), csv_text):
        for personal in (BSN, NAME, EMAIL, "Jansen", "@"):
            assert personal not in body


def test_published_publications_are_open_data_and_later_ones_not_yet(client, db):
    today = timezone.localdate()
    Publication.objects.create(
        kind=Publication.Kind.NEWSLETTER,
        title="Nieuwsbrief maart",
        published_on=today - timedelta(days=30),
        summary="Nieuws uit de gemeente.",
        text="De bibliotheek gaat verbouwen.",
    )
    Publication.objects.create(
        kind=Publication.Kind.NEWSLETTER,
        title="Nieuwsbrief volgende maand",
        published_on=today + timedelta(days=1),
        text="Nog geheim.",
    )

    listed = client.get(reverse("insights:publications")).json()["publications"]
    csv_text = client.get(reverse("insights:publications_csv")).content.decode()

    assert [p["title"] for p in listed] == ["Nieuwsbrief maart"]
    assert listed[0]["published_on"] == (today - timedelta(days=30)).isoformat()
    assert "De bibliotheek gaat verbouwen." in csv_text
    assert "Nog geheim." not in csv_text
