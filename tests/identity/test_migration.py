"""0003_autorisaties_api turns each API client into an application of its own, keeping what
it was allowed to do."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("identity", "0002_apiauthorization")]
AFTER = [("identity", "0003_autorisaties_api")]
BESLUITTYPE = "http://x/catalogi/api/v1/besluittypen/1d2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_clients_become_applications_and_back():
    old = migrate(BEFORE)
    client = old.get_model("identity", "ApiClient").objects.create(
        client_id="zaaksysteem",
        secret="s" * 32,
        label="Zaaksysteem",
        scopes=["catalogi.lezen", "zaken.lezen", "audittrails.lezen"],
    )
    old.get_model("identity", "ApiAuthorization").objects.create(
        client=client, component="brc", scopes=["besluiten.lezen"], decision_type=BESLUITTYPE
    )
    old.get_model("identity", "ApiClient").objects.create(
        client_id="beheer", secret="t" * 32, all_scopes=True
    )

    new = migrate(AFTER)

    ApiClient = new.get_model("identity", "ApiClient")
    migrated = ApiClient.objects.get(client_id="zaaksysteem")
    assert migrated.secret == "s" * 32
    application = new.get_model("identity", "Application").objects.get(pk=migrated.application_id)
    assert application.label == "Zaaksysteem" and not application.all_scopes
    rows = new.get_model("identity", "ApiAuthorization").objects.filter(application=application)
    assert {(r.component, tuple(r.scopes), r.decision_type) for r in rows} == {
        ("ztc", ("catalogi.lezen",), ""),
        ("zrc", ("audittrails.lezen", "zaken.lezen"), ""),
        ("drc", ("audittrails.lezen",), ""),
        ("brc", ("audittrails.lezen",), ""),
        ("brc", ("besluiten.lezen",), BESLUITTYPE),
    }
    beheer = ApiClient.objects.get(client_id="beheer")
    all_scopes = new.get_model("identity", "Application").objects.get(pk=beheer.application_id)
    assert all_scopes.all_scopes and all_scopes.label == "beheer"

    back = migrate(BEFORE)
    restored = back.get_model("identity", "ApiClient").objects.get(client_id="zaaksysteem")
    assert sorted(restored.scopes) == ["audittrails.lezen", "catalogi.lezen", "zaken.lezen"]
    assert restored.authorizations.get().decision_type == BESLUITTYPE
    # The tests after this one need every migration, the later ones included.
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
