"""The Referentielijsten API's paths, without trailing slashes as in VNG's OpenAPI document."""

from django.urls import path

from loket.api.referentielijsten import store, views

app_name = "referentielijsten"
urlpatterns = [
    path("procestypen", views.procestype_list, name="procestype-list"),
    path("resultaten", views.resultaat_list, name="resultaat-list"),
    path(
        "resultaattypeomschrijvingen",
        views.resultaattypeomschrijving_list,
        name="resultaattypeomschrijving-list",
    ),
    path("communicatiekanalen", views.communicatiekanaal_list, name="communicatiekanaal-list"),
    *(
        path(
            f"{resource}/<str:uuid>", views.retrieve, {"resource": resource}, name=f"{name}-detail"
        )
        for resource, name in store.RESOURCES.items()
    ),
    path("schema/openapi.yaml", views.openapi_schema, name="schema"),
]
