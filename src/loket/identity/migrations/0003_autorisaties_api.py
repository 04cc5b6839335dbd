"""Applications (the Autorisaties API's applicatie) own the client ids and authorisations.

Each existing API client becomes an application of its own, with its label and "all scopes";
its flat scopes become authorisations without a type on the component the scope belongs to,
and its type authorisations move to the application.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

# Frozen here: the mapping of loket.identity.services may change after this migration.
COMPONENTS_OF_PREFIX = {
    "zaken": ["zrc"],
    "catalogi": ["ztc"],
    "documenten": ["drc"],
    "besluiten": ["brc"],
    "autorisaties": ["ac"],
    "notificaties": ["nrc"],
    "audittrails": ["zrc", "drc", "brc"],
}
ALL_COMPONENTS = ["zrc", "ztc", "drc", "brc", "ac", "nrc", "kic"]


def to_applications(apps, schema_editor):
    Application = apps.get_model("identity", "Application")
    ApiClient = apps.get_model("identity", "ApiClient")
    ApiAuthorization = apps.get_model("identity", "ApiAuthorization")
    for client in ApiClient.objects.all():
        application = Application.objects.create(
            label=client.label or client.client_id, all_scopes=client.all_scopes
        )
        client.application = application
        client.save(update_fields=["application"])
        per_component = {}
        for scope in client.scopes or []:
            prefix = scope.split(".", 1)[0]
            for component in COMPONENTS_OF_PREFIX.get(prefix, ALL_COMPONENTS):
                per_component.setdefault(component, []).append(scope)
        for component, scopes in per_component.items():
            ApiAuthorization.objects.create(
                application=application, component=component, scopes=sorted(set(scopes))
            )
    for authorization in ApiAuthorization.objects.filter(application__isnull=True):
        authorization.application_id = authorization.client.application_id
        authorization.save(update_fields=["application"])
    if schema_editor.connection.vendor == "postgresql":
        # The columns are made NOT NULL next, which PostgreSQL refuses while FK checks of
        # the rows just written are still deferred.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def to_clients(apps, schema_editor):
    ApiClient = apps.get_model("identity", "ApiClient")
    ApiAuthorization = apps.get_model("identity", "ApiAuthorization")
    for client in ApiClient.objects.select_related("application"):
        untyped = ApiAuthorization.objects.filter(
            application=client.application_id, case_type="", document_type="", decision_type=""
        )
        client.label = client.application.label
        client.all_scopes = client.application.all_scopes
        client.scopes = sorted({scope for a in untyped for scope in a.scopes})
        client.save(update_fields=["label", "all_scopes", "scopes"])
    for authorization in ApiAuthorization.objects.all():
        first_client = ApiClient.objects.filter(application=authorization.application_id).first()
        typed = (
            authorization.case_type or authorization.document_type or authorization.decision_type
        )
        if typed and first_client:
            authorization.client = first_client
            authorization.save(update_fields=["client"])
        else:
            authorization.delete()
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0002_apiauthorization"),
    ]

    operations = [
        migrations.CreateModel(
            name="Application",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("label", models.CharField(max_length=200, verbose_name="label")),
                (
                    "all_scopes",
                    models.BooleanField(
                        default=False,
                        help_text=(
                            "Every scope on every component and type. "
                            "Only for fully trusted systems."
                        ),
                        verbose_name="all authorisations",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
            ],
            options={
                "verbose_name": "API application",
                "verbose_name_plural": "API applications",
                "ordering": ["label", "pk"],
            },
        ),
        migrations.AddField(
            model_name="apiclient",
            name="application",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="clients",
                to="identity.application",
                verbose_name="application",
            ),
        ),
        migrations.AddField(
            model_name="apiauthorization",
            name="application",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="authorizations",
                to="identity.application",
                verbose_name="application",
            ),
        ),
        migrations.AlterField(
            model_name="apiauthorization",
            name="client",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="authorizations",
                to="identity.apiclient",
            ),
        ),
        migrations.RunPython(to_applications, to_clients),
        migrations.RemoveField(model_name="apiauthorization", name="client"),
        migrations.RemoveField(model_name="apiclient", name="label"),
        migrations.RemoveField(model_name="apiclient", name="all_scopes"),
        migrations.RemoveField(model_name="apiclient", name="scopes"),
        migrations.AlterField(
            model_name="apiclient",
            name="application",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="clients",
                to="identity.application",
                verbose_name="application",
            ),
        ),
        migrations.AlterField(
            model_name="apiauthorization",
            name="application",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="authorizations",
                to="identity.application",
                verbose_name="application",
            ),
        ),
        migrations.AlterField(
            model_name="apiclient",
            name="secret",
            field=models.CharField(blank=True, max_length=255, verbose_name="secret"),
        ),
        migrations.AlterField(
            model_name="apiauthorization",
            name="max_confidentiality",
            field=models.CharField(
                blank=True,
                choices=[
                    ("openbaar", "public"),
                    ("beperkt_openbaar", "restricted public"),
                    ("intern", "internal"),
                    ("zaakvertrouwelijk", "confidential to the case"),
                    ("vertrouwelijk", "confidential"),
                    ("confidentieel", "highly confidential"),
                    ("geheim", "secret"),
                    ("zeer_geheim", "top secret"),
                ],
                max_length=20,
                verbose_name="most confidential level",
            ),
        ),
        migrations.AlterModelOptions(
            name="apiauthorization",
            options={
                "ordering": ["application", "component", "pk"],
                "verbose_name": "API authorisation",
                "verbose_name_plural": "API authorisations",
            },
        ),
    ]
