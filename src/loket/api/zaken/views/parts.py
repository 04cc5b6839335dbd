"""The resources around a zaak, each on its own path: statussen, resultaten, rollen,
zaakobjecten, zaakinformatieobjecten, klantcontacten, zaakcontactmomenten, zaakverzoeken."""

from django.utils.translation import gettext as _
from rest_framework import exceptions

from loket.api.zaken import filters, queries
from loket.api.zaken import scopes as s
from loket.api.zaken.serializers import parts as api
from loket.api.zaken.views import base
from loket.cases import documents, services


def scopes(*, create, update=s.UPDATE, destroy=s.UPDATE) -> dict[str, frozenset[str]]:
    return {
        "list": s.READ,
        "retrieve": s.READ,
        "create": create,
        "update": update,
        "partial_update": update,
        "destroy": destroy,
    }


class ReadMixin(base.ListMixin, base.RetrieveMixin):
    pass


class StatusViewSet(ReadMixin, base.CreateMixin, base.ZakenViewSet):
    """Statussen: the end status closes the case (zrc-007), another reopens it (zrc-008)."""

    resource = "status"
    serializer_class = api.StatusSerializer
    filterset_class = filters.StatusFilter
    required_scopes = scopes(create=s.ADD_STATUS)

    def get_queryset(self):
        return queries.statuses()

    def authorise_create(self, data):
        case = data["case"]
        self.authorise(case)
        # The cheap check first: most clients may set any status.
        if (
            not self.may(case, {s.ZAKEN_ADD_STATUS, s.ZAKEN_REOPEN})
            and case.status_changes.exists()
        ):
            raise exceptions.PermissionDenied(
                _("With the scope zaken.aanmaken a client sets only a case's first status.")
            )

    def create_object(self, data):
        case = data["case"]
        return services.set_status(
            case,
            data["status_type"],
            actor=self.actor,
            at=data["set_at"],
            note=data.get("note", ""),
            set_by_role=data.get("set_by_role"),
            may_reopen=self.may(case, {s.ZAKEN_REOPEN}),
        )


class ResultaatViewSet(
    ReadMixin, base.CreateMixin, base.UpdateMixin, base.DestroyMixin, base.ZakenViewSet
):
    resource = "resultaat"
    serializer_class = api.ResultaatSerializer
    filterset_class = filters.ResultaatFilter
    required_scopes = scopes(create=s.UPDATE)

    def get_queryset(self):
        return queries.results()

    def create_object(self, data):
        case = data["case"]
        return services.record_result(
            case,
            data["result_type"],
            explanation=data.get("explanation", ""),
            force=self.force(case),
        )

    def update_object(self, result, data):
        return services.change_result(
            result,
            case=data.get("case"),
            result_type=data.get("result_type"),
            explanation=data.get("explanation"),
            force=self.force(result.case),
        )

    def delete_object(self, result):
        services.remove_result(result, force=self.force(result.case))


class RolViewSet(ReadMixin, base.CreateMixin, base.DestroyMixin, base.ZakenViewSet):
    resource = "rol"
    serializer_class = api.RolSerializer
    filterset_class = filters.RolFilter
    # zaken-1.5.1-autorisaties.md: zaken.aanmaken also adds roles.
    required_scopes = scopes(create=s.CREATE_OR_UPDATE)

    def get_queryset(self):
        return queries.roles()

    def create_object(self, data):
        case = data.pop("case")
        return services.add_role(case, data.pop("role_type"), force=self.force(case), **data)

    def delete_object(self, role):
        services.remove_role(role, force=self.force(role.case))


class ZaakObjectViewSet(
    ReadMixin, base.CreateMixin, base.UpdateMixin, base.DestroyMixin, base.ZakenViewSet
):
    resource = "zaakobject"
    serializer_class = api.ZaakObjectSerializer
    filterset_class = filters.ZaakObjectFilter
    required_scopes = scopes(create=s.CREATE_OR_UPDATE, destroy=s.UPDATE | {s.ZAKEN_DELETE})

    def get_queryset(self):
        return queries.case_objects()

    def create_object(self, data):
        case = data.pop("case")
        return services.add_case_object(case, force=self.force(case), **data)

    def update_object(self, case_object, data):
        force = self.force(case_object.case)
        return services.change_case_object(case_object, force=force, **data)

    def delete_object(self, case_object):
        services.remove_case_object(case_object, force=self.force(case_object.case))


class ZaakInformatieObjectViewSet(
    ReadMixin, base.CreateMixin, base.UpdateMixin, base.DestroyMixin, base.ZakenViewSet
):
    """Zaakinformatieobjecten: a document of the Documenten API linked to the case; the
    Documenten API shows the same link as its objectinformatieobject (zrc-005)."""

    resource = "zaakinformatieobject"
    serializer_class = api.ZaakInformatieObjectSerializer
    filterset_class = filters.ZaakInformatieObjectFilter
    pagination_class = None
    required_scopes = scopes(create=s.CREATE_OR_UPDATE, destroy=s.UPDATE | {s.ZAKEN_DELETE})

    def get_queryset(self):
        return queries.case_documents()

    def create_object(self, data):
        case, force = data["case"], self.force(data["case"])
        link = documents.attach_to_case(
            case,
            data["document"],
            title=data.get("title", ""),
            description=data.get("description", ""),
            may_change_closed=force,
        )
        details = {k: data[k] for k in ("destruction_date", "status") if data.get(k) is not None}
        if details:
            link = services.describe_case_document(link, force=force, **details)
        return link

    def update_object(self, link, data):
        return services.describe_case_document(
            link,
            case=data.pop("case", None),
            document=data.pop("document", None),
            force=self.force(link.case),
            **data,
        )

    def delete_object(self, link):
        services.detach_case_document(link, force=self.force(link.case))


class KlantContactViewSet(ReadMixin, base.CreateMixin, base.ZakenViewSet):
    resource = "klantcontact"
    serializer_class = api.KlantContactSerializer
    filterset_class = filters.CaseFilter
    required_scopes = scopes(create=s.UPDATE)

    def get_queryset(self):
        return queries.contacts()

    def create_object(self, data):
        case = data.pop("case")
        return services.add_contact(case, force=self.force(case), **data)


class ZaakContactMomentViewSet(ReadMixin, base.CreateMixin, base.DestroyMixin, base.ZakenViewSet):
    """Links to contact moments of a Contactmomenten API elsewhere (checked when linked)."""

    resource = "zaakcontactmoment"
    serializer_class = api.ZaakContactMomentSerializer
    filterset_class = filters.ZaakContactMomentFilter
    pagination_class = None
    required_scopes = scopes(
        create=frozenset({s.ZAKEN_UPDATE}), destroy=frozenset({s.ZAKEN_UPDATE})
    )

    def get_queryset(self):
        return queries.contact_moments()

    def create_object(self, data):
        return services.add_contact_moment(data["case"], data["contact_moment"])

    def delete_object(self, link):
        services.remove_contact_moment(link)


class ZaakVerzoekViewSet(ReadMixin, base.CreateMixin, base.DestroyMixin, base.ZakenViewSet):
    """Links to requests of a Verzoeken API elsewhere (checked when linked)."""

    resource = "zaakverzoek"
    serializer_class = api.ZaakVerzoekSerializer
    filterset_class = filters.ZaakVerzoekFilter
    pagination_class = None
    required_scopes = scopes(
        create=frozenset({s.ZAKEN_UPDATE}), destroy=frozenset({s.ZAKEN_UPDATE})
    )

    def get_queryset(self):
        return queries.requests()

    def create_object(self, data):
        return services.add_request(data["case"], data["request"])

    def delete_object(self, link):
        services.remove_request(link)
