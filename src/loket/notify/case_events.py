"""The events of a case's life, as the Zaken and Besluiten APIs notify them.

Each function is called by the cases service that makes the change, inside its transaction.
The URLs are those of Loket's own ZGW APIs, so a subscriber can fetch what changed.
"""

from django.conf import settings

from loket.notify.events import record_event


def api_url(api: str, resource: str, uuid) -> str:
    return f"{settings.LOKET_BASE_URL}/{api}/api/v1/{resource}/{uuid}"


def case_url(case) -> str:
    return api_url("zaken", "zaken", case.uuid)


def case_features(case) -> dict:
    return {
        "bronorganisatie": case.source_organisation,
        "zaaktype": api_url("catalogi", "zaaktypen", case.case_type.uuid),
        "vertrouwelijkheidaanduiding": case.confidentiality,
    }


def case_event(case, *, kind: str, resource: str, resource_url: str, action: str):
    return record_event(
        kind=kind,
        channel="zaken",
        main_object=case_url(case),
        resource=resource,
        resource_url=resource_url,
        action=action,
        features=case_features(case),
        case=case,
    )


def case_created(case):
    return case_event(
        case, kind="case_created", resource="zaak", resource_url=case_url(case), action="create"
    )


def case_changed(case, kind: str = "case_updated"):
    """A change of the case itself: updated, suspended, resumed, extended."""
    return case_event(
        case, kind=kind, resource="zaak", resource_url=case_url(case), action="update"
    )


def case_destroyed(case):
    return case_event(
        case, kind="case_destroyed", resource="zaak", resource_url=case_url(case), action="destroy"
    )


def status_set(change, *, closes: bool):
    from loket.notify.citizen_mail import mail_status_change

    case = change.case
    event = case_event(
        case,
        kind="case_closed" if closes else "status_set",
        resource="status",
        resource_url=api_url("zaken", "statussen", change.uuid),
        action="create",
    )
    mail_status_change(change)
    return event


def result_recorded(result):
    return case_event(
        result.case,
        kind="result_recorded",
        resource="resultaat",
        resource_url=api_url("zaken", "resultaten", result.uuid),
        action="create",
    )


def document_added(link):
    return case_event(
        link.case,
        kind="document_added",
        resource="zaakinformatieobject",
        resource_url=api_url("zaken", "zaakinformatieobjecten", link.uuid),
        action="create",
    )


def decision_made(decision):
    url = api_url("besluiten", "besluiten", decision.uuid)
    return record_event(
        kind="decision_made",
        channel="besluiten",
        main_object=url,
        resource="besluit",
        resource_url=url,
        action="create",
        features={
            "verantwoordelijkeOrganisatie": decision.responsible_organisation,
            "besluittype": api_url("catalogi", "besluittypen", decision.decision_type.uuid),
        },
        case=decision.case,
    )
