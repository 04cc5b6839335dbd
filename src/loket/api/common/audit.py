"""The audit trail of the Zaken, Documenten and Besluiten APIs (the ``audittrail`` resources).

Each write through an API records who (application and user from the JWT), what (resource,
action, old and new JSON) and on which main object (the zaak, document or besluit whose
``audittrail`` lists it). It is written in the same transaction as the change.
"""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from loket.cases.models import AuditEntry

ACTION_LABELS = {
    "create": "Object aangemaakt",
    "update": "Object bijgewerkt",
    "partial_update": "Object deels bijgewerkt",
    "destroy": "Object verwijderd",
}


def record_audit(
    request,
    *,
    component: str,
    action: str,
    resource: str,
    resource_url: str,
    resource_label: str,
    main_object_uuid,
    main_object_url: str,
    status_code: int,
    old: dict | None = None,
    new: dict | None = None,
) -> AuditEntry:
    user = request.user
    claims = getattr(user, "claims", {}) or {}
    return AuditEntry.objects.create(
        component=component,
        main_object_uuid=main_object_uuid,
        main_object_url=main_object_url,
        resource=resource,
        resource_url=resource_url,
        resource_label=resource_label[:200],
        action=action,
        result=status_code,
        application_id=getattr(user, "client_id", ""),
        application_label=getattr(user, "label", "") or getattr(user, "client_id", ""),
        user_id=str(claims.get("user_id", ""))[:255],
        user_label=str(claims.get("user_representation", ""))[:255],
        explanation=request.headers.get("X-Audit-Toelichting", "")[:1000],
        old=old,
        new=new,
    )


def audit_json(entry: AuditEntry) -> dict:
    """An entry as the standard's ``AuditTrail`` resource."""
    return {
        "uuid": str(entry.uuid),
        "bron": entry.component,
        "applicatieId": entry.application_id,
        "applicatieWeergave": entry.application_label,
        "gebruikersId": entry.user_id,
        "gebruikersWeergave": entry.user_label,
        "actie": entry.action,
        "actieWeergave": ACTION_LABELS.get(entry.action, ""),
        "resultaat": entry.result,
        "hoofdObject": entry.main_object_url,
        "resource": entry.resource,
        "resourceUrl": entry.resource_url,
        "toelichting": entry.explanation,
        "resourceWeergave": entry.resource_label,
        "aanmaakdatum": entry.created_at.isoformat(),
        "wijzigingen": {"oud": entry.old, "nieuw": entry.new},
    }


@extend_schema_serializer(component_name="AuditTrail")
class AuditTrailSerializer(serializers.Serializer):
    """An entry as the standard's ``AuditTrail``: rendered by :func:`audit_json`; the fields
    are declared for the generated OpenAPI document."""

    uuid = serializers.UUIDField()
    bron = serializers.CharField()
    applicatieId = serializers.CharField()
    applicatieWeergave = serializers.CharField()
    gebruikersId = serializers.CharField()
    gebruikersWeergave = serializers.CharField()
    actie = serializers.CharField()
    actieWeergave = serializers.CharField()
    resultaat = serializers.IntegerField()
    hoofdObject = serializers.URLField()
    resource = serializers.CharField()
    resourceUrl = serializers.URLField()
    toelichting = serializers.CharField()
    resourceWeergave = serializers.CharField()
    aanmaakdatum = serializers.DateTimeField()
    wijzigingen = serializers.DictField()

    def to_representation(self, entry):
        return audit_json(entry)
