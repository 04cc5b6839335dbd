"""A precompiled lookup answers as its queryset does, in one query, with its SQL built once."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.identity.models import ApiAuthorization, ApiClient
from loket.identity.services import register_api_client
from loket.precompiled import Precompiled

pytestmark = pytest.mark.django_db


def clients_with_scopes(client_id):
    return (
        ApiClient.objects.filter(client_id=client_id)
        .order_by("application__authorizations__component")
        .values_list(
            "client_id", "revoked_at", "application__authorizations__scopes", "application__label"
        )
    )


def registered(client_id: str, *scopes_per_component) -> None:
    register_api_client(client_id=client_id, secret="s" * 32, scopes=())
    application = ApiClient.objects.get(client_id=client_id).application
    for component, scopes in scopes_per_component:
        ApiAuthorization.objects.create(application=application, component=component, scopes=scopes)


def test_the_rows_are_the_querysets_converted_values_for_each_argument():
    registered("one", ("zrc", ["zaken.lezen", "zaken.aanmaken"]), ("drc", ["documenten.lezen"]))
    registered("two")
    ApiClient.objects.filter(client_id="two").update(revoked_at=datetime(2026, 1, 2, tzinfo=UTC))
    lookup = Precompiled(clients_with_scopes)

    for client_id in ("one", "two", "nobody", "one"):
        assert lookup.rows(client_id) == list(clients_with_scopes(client_id))

    assert lookup.rows("one")[0][2] == ["documenten.lezen"]  # JSON, as the field gives it
    assert lookup.rows("two")[0][1] == datetime(2026, 1, 2, tzinfo=UTC)


def test_a_lookup_costs_one_query_and_compiles_once():
    registered("one")
    lookup = Precompiled(clients_with_scopes)
    lookup.rows("one")
    compiled = lookup.compiled

    with CaptureQueriesContext(connection) as context:
        lookup.rows("two")

    assert len(context.captured_queries) == 1
    assert lookup.compiled is compiled


def test_an_argument_that_is_not_a_parameter_as_given_is_refused():
    changed = Precompiled(lambda text: ApiClient.objects.filter(client_id__contains=text))

    with pytest.raises(ValueError, match="parameter"):
        changed.rows("one")
