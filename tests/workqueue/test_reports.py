"""Reports in public space for their department: the list and the map of the open reports,
and the possible duplicate flagged when a report comes in near an open one of its category.

Reports are made by filling in the demo melding form, as a visitor does. User-visible text is
asserted in English (Accept-Language: en); Dutch comes with the .po file.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from loket.brp.register import load_demo_register
from loket.cases.models import Case
from loket.cases.nearby import haversine_m
from loket.catalog.demo import load_demo_catalogue
from loket.catalog.models import Department
from loket.forms.demo import load_demo_forms
from loket.workqueue.models import PossibleDuplicate
from tests.forms.conftest import Filler
from tests.workqueue.helpers import case_worker, close, department

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}
HERE = (52.085, 5.11)  # the middle of the demo map
METRES_PER_DEGREE_LAT = 111_195  # on a sphere of the earth's mean radius


@pytest.fixture
def demo_forms(db):
    load_demo_catalogue()
    load_demo_register()
    load_demo_forms()


@pytest.fixture
def worker(client, demo_forms):
    user = case_worker("bram", Department.objects.get(code="openbare-ruimte"))
    client.force_login(user)
    return user


def north_of(point, metres):
    return (round(point[0] + metres / METRES_PER_DEGREE_LAT, 6), point[1])


def report(categorie, point=HERE, place="") -> Case:
    """Fill in the melding form and submit it; the case it became."""
    filler = Filler(Client(headers={"accept-language": "nl"}))
    filler.open(reverse("forms:start", args=["melding-openbare-ruimte"]))
    filler.post({"categorie": categorie, "omschrijving": "Graag opruimen."})
    filler.post(
        {"locatie-lat": str(point[0]), "locatie-lon": str(point[1]), "locatie_omschrijving": place}
    )
    filler.post({"op_de_hoogte": "nee"})
    filler.confirm()
    return Case.objects.latest("pk")


def page(client, code="openbare-ruimte") -> str:
    response = client.get(f"/werk/{code}/meldingen/", headers=EN)
    assert response.status_code == 200
    return response.content.decode()


def test_a_report_is_routed_to_the_department_of_its_category(demo_forms):
    assert report("verkeersbord").department.code == "parkeren"
    assert report("stoeptegel").department.code == "openbare-ruimte"


def test_the_list_and_the_map_show_the_open_reports_and_not_closed_ones(client, worker):
    tile = report("stoeptegel", place="Voor nummer 12")
    rubbish = report("afval", north_of(HERE, 1000))
    done = close(report("groen", north_of(HERE, -1000)))
    elsewhere = report("verkeersbord")  # routed to parking

    html = page(client)

    rows = re.findall(r'<th class="utrecht-table__header-cell" scope="row">([^<]+)</th>', html)
    assert set(rows) == {tile.identification, rubbish.identification}
    assert "Voor nummer 12" in html and "Losliggende stoeptegel of kapotte stoep" in html
    assert f'datetime="{tile.registered_on:%Y-%m-%d}"' in html
    dots = re.findall(r'<circle class="loket-report-dot"[^>]*data-case="([^"]+)"', html)
    assert sorted(dots) == sorted([tile.identification, rubbish.identification])
    assert f'aria-label="{tile.identification}: Losliggende stoeptegel of kapotte stoep"' in html
    assert done.identification not in html and elsewhere.identification not in html


def test_the_map_is_drawn_on_the_forms_map_and_is_accessible(client, worker):
    report("stoeptegel")

    html = page(client)

    svg = html[html.index("<svg") : html.rindex("</svg>")]
    assert 'role="img" aria-labelledby="report-map-title"' in svg
    assert '<title id="report-map-title">Map of the open reports' in svg
    assert "Centrum" in svg and "Park" in svg  # the drawing of forms/map.svg, included
    assert "<image" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert "<script" not in html
    # The dot of the middle of the map area lies in the middle of the map.
    assert 'cx="300.0" cy="200.0"' in svg


def test_a_report_20_m_from_an_open_one_of_its_category_is_a_possible_duplicate(client, worker):
    first = report("stoeptegel")
    second = report("stoeptegel", north_of(HERE, 20))

    flagged = PossibleDuplicate.objects.get()
    assert (flagged.case, flagged.of_case) == (second, first)
    assert 19 <= flagged.distance_m <= 21
    html = page(client)
    assert f'data-duplicate-of="{first.identification}"' in html
    assert f'href="#melding-{first.pk}">{first.identification}</a>' in html
    assert f'id="melding-{first.pk}"' in html


def test_far_away_another_category_or_a_closed_one_is_no_duplicate(demo_forms):
    first = report("stoeptegel")
    report("stoeptegel", north_of(HERE, 200))
    report("afval", north_of(HERE, 20))
    close(report("groen", (52.07, 5.07)))
    report("groen", (52.07, 5.0702))  # 14 m from a closed report

    assert not PossibleDuplicate.objects.exists()
    report("stoeptegel", north_of(HERE, -30))
    assert PossibleDuplicate.objects.get().of_case == first


def test_haversine_is_right_over_a_known_distance():
    # One degree of latitude on a sphere of the earth's mean radius.
    assert haversine_m((52.0, 5.0), (53.0, 5.0)) == pytest.approx(111_195, abs=1)
    assert haversine_m(HERE, north_of(HERE, 50)) == pytest.approx(50, abs=0.1)


def test_access_is_limited_like_the_queue(client, demo_forms):
    assert client.get("/werk/openbare-ruimte/meldingen/").status_code == 302  # to the login
    client.force_login(case_worker("bram", department("burgerzaken", "Burgerzaken")))
    assert client.get("/werk/openbare-ruimte/meldingen/").status_code == 404
    assert client.get("/werk/does-not-exist/meldingen/").status_code == 404
    assert client.get("/werk/burgerzaken/meldingen/").status_code == 200


def test_the_page_costs_the_same_queries_for_1_or_4_reports(client, worker):
    report("stoeptegel")
    with CaptureQueriesContext(connection) as one:
        page(client)
    for metres in (10, 500, 900):
        report("stoeptegel", north_of(HERE, metres))
    with CaptureQueriesContext(connection) as four:
        html = page(client)
    assert html.count('class="loket-report-dot"') == 4
    assert len(four) == len(one)
