"""Every URL of person A's case, documents, answer form and satisfaction question, tried as
person B, as a business and without login: all refused, and refused exactly as for a case or
document that does not exist, so that no answer tells whether it exists."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from loket.cases.models import CaseDocument
from loket.portal.models import SatisfactionAnswer
from tests.portal.conftest import (
    PDF,
    add_document,
    business_visitor,
    logged_in,
    make_case,
    person_visitor,
)

pytestmark = pytest.mark.django_db

MISSING = uuid.UUID("00000000-0000-4000-8000-000000000000")


@pytest.fixture
def a_cases(persons):
    """Person A's cases: one waiting for an answer, one closed with a visible and a hidden
    document; and person B's own case."""
    a, b = persons
    waiting = make_case(bsn=a.bsn, suspended="Stuur een kopie van uw huurcontract.")
    closed = make_case(bsn=a.bsn, closed=True)
    letter = add_document(closed, title="Besluit", file_name="besluit.pdf")
    hidden = add_document(closed, visible=False, title="Intern", file_name="intern.pdf")
    b_case = make_case(bsn=b.bsn, closed=True)
    return {"waiting": waiting, "closed": closed, "letter": letter, "hidden": hidden, "b": b_case}


def requests_of(cases) -> list[tuple[str, str, str, dict]]:
    """(name, method, URL of A's thing, the same URL with a uuid that does not exist)."""
    waiting, closed, letter = cases["waiting"], cases["closed"], cases["letter"]

    def with_case(name, case, *rest):
        return reverse(name, args=[case.uuid, *rest]), reverse(name, args=[MISSING, *rest])

    answer = {"answer": "Hier is het.", "files": []}
    rows = [
        ("case page (open)", "get", *with_case("portal:mijn-case", waiting), {}),
        ("case page (closed)", "get", *with_case("portal:mijn-case", closed), {}),
        ("answer", "post", *with_case("portal:mijn-answer", waiting), answer),
        ("satisfaction", "post", *with_case("portal:mijn-satisfaction", closed), {"score": "1"}),
        (
            "document of a missing case",
            "get",
            *with_case("portal:mijn-document", closed, letter.uuid),
            {},
        ),
        (
            "missing document of the case",
            "get",
            reverse("portal:mijn-document", args=[closed.uuid, letter.uuid]),
            reverse("portal:mijn-document", args=[closed.uuid, MISSING]),
            {},
        ),
    ]
    return rows


def send(client: Client, method: str, url: str, data: dict):
    if method == "post":
        return client.post(url, data)
    return client.get(url)


@pytest.mark.parametrize("who", ["person B", "business"])
def test_another_visitor_gets_the_same_404_as_for_what_does_not_exist(
    a_cases, persons, business, who
):
    visitor = person_visitor(persons[1]) if who == "person B" else business_visitor(business)
    client = logged_in(visitor)

    for name, method, url, missing_url, data in requests_of(a_cases):
        refused = send(client, method, url, data)
        missing = send(client, method, missing_url, data)
        assert refused.status_code == missing.status_code == 404, name
        assert refused.content == missing.content, name
        assert refused.headers.get("Content-Type") == missing.headers.get("Content-Type"), name

    waiting = a_cases["waiting"]
    waiting.refresh_from_db()
    assert waiting.is_suspended and not waiting.document_links.exists()
    assert not SatisfactionAnswer.objects.exists()


def test_a_document_of_a_is_not_reached_through_bs_own_case(a_cases, persons):
    b_client = logged_in(person_visitor(persons[1]))
    b_case, letter = a_cases["b"], a_cases["letter"]

    through_own = b_client.get(reverse("portal:mijn-document", args=[b_case.uuid, letter.uuid]))
    missing = b_client.get(reverse("portal:mijn-document", args=[b_case.uuid, MISSING]))

    assert through_own.status_code == missing.status_code == 404
    assert through_own.content == missing.content


def test_a_hidden_document_is_refused_to_a_herself_as_one_that_does_not_exist(a_cases, persons):
    client = logged_in(person_visitor(persons[0]))
    closed = a_cases["closed"]

    hidden = client.get(reverse("portal:mijn-document", args=[closed.uuid, a_cases["hidden"].uuid]))
    missing = client.get(reverse("portal:mijn-document", args=[closed.uuid, MISSING]))

    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


def test_a_reaches_all_of_it(a_cases, persons):
    """The other side of the refusals: the owner gets every one of these pages."""
    client = logged_in(person_visitor(persons[0]))
    waiting, closed, letter = a_cases["waiting"], a_cases["closed"], a_cases["letter"]

    assert client.get(reverse("portal:mijn-case", args=[waiting.uuid])).status_code == 200
    assert client.get(reverse("portal:mijn-case", args=[closed.uuid])).status_code == 200
    download = client.get(reverse("portal:mijn-document", args=[closed.uuid, letter.uuid]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    answer = client.post(reverse("portal:mijn-answer", args=[waiting.uuid]), {"answer": "Hier."})
    assert answer.status_code == 302
    rating = client.post(reverse("portal:mijn-satisfaction", args=[closed.uuid]), {"score": "5"})
    assert rating.status_code == 302
    assert SatisfactionAnswer.objects.get().case == closed


def test_without_login_every_url_redirects_to_the_login_page_whether_it_exists_or_not(a_cases):
    client = logged_in(None)
    login = reverse("identity:login")

    for name, method, url, missing_url, data in [
        ("overview", "get", reverse("portal:mijn"), reverse("portal:mijn"), {}),
        ("my data", "get", reverse("portal:mijn-data"), reverse("portal:mijn-data"), {}),
        *requests_of(a_cases),
    ]:
        refused = send(client, method, url, data)
        missing = send(client, method, missing_url, data)
        assert refused.status_code == missing.status_code == 302, name
        # The redirect depends on the URL asked for only, never on what it names.
        assert refused["Location"] == f"{login}?next={url}", name
        assert missing["Location"] == f"{login}?next={missing_url}", name
        assert refused.content == missing.content == b"", name

    assert not SatisfactionAnswer.objects.exists()
    assert not CaseDocument.objects.filter(case=a_cases["waiting"]).exists()


def test_sequential_ids_are_no_urls(a_cases, persons):
    client = logged_in(person_visitor(persons[0]))
    pk = a_cases["waiting"].pk
    assert client.get(f"/mijn/zaken/{pk}/").status_code == 404
    assert client.get(f"/mijn/zaken/{a_cases['waiting'].identification}/").status_code == 404


def test_the_forms_need_their_csrf_token(a_cases, persons):
    client = logged_in(person_visitor(persons[0]))
    client.handler.enforce_csrf_checks = True
    waiting, closed = a_cases["waiting"], a_cases["closed"]

    answer = client.post(reverse("portal:mijn-answer", args=[waiting.uuid]), {"answer": "Hier."})
    rating = client.post(reverse("portal:mijn-satisfaction", args=[closed.uuid]), {"score": "5"})

    assert answer.status_code == rating.status_code == 403
    waiting.refresh_from_db()
    assert waiting.is_suspended and not SatisfactionAnswer.objects.exists()


def test_the_answer_and_satisfaction_urls_take_only_post(a_cases, persons):
    client = logged_in(person_visitor(persons[0]))
    answer = client.get(reverse("portal:mijn-answer", args=[a_cases["waiting"].uuid]))
    rating = client.get(reverse("portal:mijn-satisfaction", args=[a_cases["closed"].uuid]))
    assert answer.status_code == rating.status_code == 405
