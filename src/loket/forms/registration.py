"""From submission to case, in one transaction (DESIGN.md: "a submission *is* the case").

The case gets the product's case type, its initiator, the first status, the attachments as
documents, its properties and location, and the department that routing chooses; the
confirmation mail is queued in the same transaction. Either all of it is there, or none.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from loket.cases.documents import attach_to_case, create_document
from loket.cases.models import Case, PaymentIndication, Role
from loket.cases.services import add_property_value, add_role, open_case, set_status
from loket.catalog.choices import GenericRole
from loket.catalog.models import CaseType, Department
from loket.catalog.references import communicatiekanaal_url
from loket.forms.fields import display
from loket.forms.models import Channel, Draft, Submission
from loket.forms.schema import field_by_key, text
from loket.notify.citizen_mail import case_letter
from loket.notify.services import queue_mail
from loket.workqueue.reports import flag_possible_duplicates
from loket.workqueue.straight_through import enqueue_straight_through

FORM_ACTOR = "Loket (formulier)"
# Each channel of a form as the Referentielijsten name it (the case's communicatiekanaal).
CHANNEL_NAMES = {
    Channel.WEB: "Website",
    Channel.PHONE: "Telefoon",
    Channel.COUNTER: "Balie",
    Channel.HOME_VISIT: "Balie",  # the list's "Balie" covers the counter and home visits
}


def case_type_for(product) -> CaseType:
    case_type = product.case_types.current().order_by("-valid_from").first()
    if case_type is None:
        raise CaseType.DoesNotExist(f"No current case type for product {product.slug}")
    return case_type


def routed_department(schema: dict, answers: dict, case_type: CaseType) -> Department:
    route = schema.get("case", {}).get("route_by")
    if route:
        code = route.get("departments", {}).get(answers.get(route["field"]))
        department = Department.objects.filter(code=code).first() if code else None
        if department is not None:
            return department
    return case_type.department


def case_description(schema: dict, answers: dict, language: str) -> str:
    template = text(schema.get("case", {}).get("description"), language)
    fields = field_by_key(schema)
    for key, field in fields.items():
        if "{" + key + "}" in template:
            template = template.replace("{" + key + "}", display(field, answers.get(key), language))
    return template[:80]


def received_note(draft: Draft) -> str:
    """The first status's note, which the citizen reads: how the request came in."""
    if draft.channel == Channel.WEB or draft.assisted_by is None:
        return _("Received through the online form.")
    employee = draft.assisted_by.get_full_name() or draft.assisted_by.get_username()
    how = {
        Channel.PHONE: _("Received by phone, filled in with %(employee)s."),
        Channel.COUNTER: _("Received at the counter, filled in with %(employee)s."),
        Channel.HOME_VISIT: _("Received on a home visit, filled in with %(employee)s."),
    }
    return how[draft.channel] % {"employee": employee}


@transaction.atomic
def register_submission(submission: Submission) -> Case:
    """Register the case of a submission; registering twice gives the same case."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.case_id:
        return submission.case
    definition = submission.definition
    schema, answers, language = definition.schema, submission.answers, submission.language
    case_settings = schema.get("case", {})
    case_type = case_type_for(definition.product)
    location = answers.get(case_settings.get("location_field", ""))
    case = open_case(
        case_type,
        actor=submission.submitted_by or FORM_ACTOR,
        description=case_description(schema, answers, language) or case_type.description,
        department=routed_department(schema, answers, case_type),
        contact_email=answers.get(case_settings.get("email_field", "")) or "",
        communication_channel=communicatiekanaal_url(CHANNEL_NAMES[submission.draft.channel]),
        payment_indication=PaymentIndication.PAID
        if submission.amount
        else PaymentIndication.NOT_APPLICABLE,
        last_payment_date=timezone.now() if submission.amount else None,
        geometry={"type": "Point", "coordinates": [location["lon"], location["lat"]]}
        if location
        else None,
    )
    add_parties(case, case_settings, answers, submission.draft, submission.submitted_by)
    first_status = case_type.status_types.order_by("order").first()
    set_status(
        case,
        first_status,
        actor=FORM_ACTOR,
        note=received_note(submission.draft),
        note_visible_to_citizen=True,
    )
    add_properties(case, case_settings.get("properties", {}), answers, schema)
    flag_possible_duplicates(case)  # a report near an open one of its category
    attach_uploads(case, submission, case_type)
    submission.case = case
    submission.status = Submission.Status.REGISTERED
    submission.registered_at = timezone.now()
    submission.save(update_fields=["case", "status", "registered_at"])
    draft = submission.draft
    draft.submitted_at = submission.registered_at
    draft.save(update_fields=["submitted_at"])
    queue_confirmation(submission, case_settings)
    enqueue_straight_through(case)  # a case type handled with no human step
    return case


def role_type(case_type: CaseType, generic: str):
    return case_type.role_types.filter(generic=generic).order_by("pk").first()


def add_parties(case, case_settings, answers, draft, visitor_name):
    """The initiator is who logged in (under a mandate: the person acted for, and the
    representative as gemachtigde; a business with its branch and the employee as contact
    person); a person named in the form (the mother on a birth notification, the deceased on
    a death notification) is recorded as stakeholder."""
    initiator = role_type(case.case_type, GenericRole.INITIATOR)
    if initiator and draft.owner_bsn:
        add_role(
            case,
            initiator,
            subject_kind=Role.SubjectKind.PERSON,
            subject_identification={"inpBsn": draft.owner_bsn},
            other_name=visitor_name,
            mandate=Role.Mandate.AUTHORISER if draft.acting_bsn else "",
        )
        if draft.acting_bsn:
            add_role(
                case,
                initiator,
                subject_kind=Role.SubjectKind.PERSON,
                subject_identification={"inpBsn": draft.acting_bsn},
                other_name=draft.acting_name,
                mandate=Role.Mandate.AUTHORISED,
                explanation=_("Acts for %(name)s under a mandate.") % {"name": visitor_name},
            )
    elif initiator and draft.owner_kvk:
        add_role(
            case,
            initiator,
            subject_kind=Role.SubjectKind.BRANCH,
            subject_identification={
                "kvkNummer": draft.owner_kvk,
                **({"vestigingsNummer": draft.branch} if draft.branch else {}),
            },
            other_name=visitor_name,
            contact_person={"naam": draft.acting_name} if draft.acting_name else None,
        )
    subject = case_settings.get("initiator")
    stakeholder = role_type(case.case_type, GenericRole.STAKEHOLDER)
    if isinstance(subject, dict) and stakeholder and answers.get(subject["bsn_field"]):
        add_role(
            case,
            stakeholder,
            subject_kind=Role.SubjectKind.PERSON,
            subject_identification={"inpBsn": answers[subject["bsn_field"]]},
        )


def add_properties(case, mapping: dict, answers: dict, schema: dict):
    fields = field_by_key(schema)
    properties = {prop.name: prop for prop in case.case_type.properties.all()}
    for name, key in mapping.items():
        value = answers.get(key)
        if name in properties and value not in (None, "", []):
            add_property_value(case, properties[name], value=property_text(fields[key], value))


def property_text(field: dict, value) -> str:
    """An answer as a case property holds it: a choice by its label, a date as YYYYMMDD."""
    if field["type"] == "choice":
        return display(field, value, "nl")
    if field["type"] == "date":
        return value.replace("-", "")
    return str(value)


def attach_uploads(case, submission: Submission, case_type: CaseType):
    links = case_type.document_type_links.select_related("document_type").order_by("order")
    default_link = links.filter(direction="inkomend").first() or links.first()
    fields = field_by_key(submission.definition.schema)
    for upload in submission.draft.uploads.order_by("pk"):
        if upload.field not in submission.answers:
            continue  # the field was hidden by a later answer
        wanted = fields.get(upload.field, {}).get("document_type")
        link = (wanted and links.filter(document_type__description=wanted).first()) or default_link
        with upload.file.open("rb") as stored:
            content = stored.read()
        document = create_document(
            document_type=link.document_type,
            title=upload.name,
            author=submission.submitted_by or FORM_ACTOR,
            source_organisation=case.source_organisation,
            content=content,
            file_name=upload.name,
            language="nld",
        )
        attach_to_case(case, document, visible_to_citizen=True)


def queue_confirmation(submission: Submission, case_settings: dict):
    to = submission.answers.get(case_settings.get("email_field", ""))
    if not to:
        return
    case = submission.case
    product = submission.definition.product
    with override(submission.language):
        subject = _("We have received your request: %(product)s (%(number)s)") % {
            "product": product.name,
            "number": case.identification,
        }
        body = confirmation_text(submission, case, product)
    queue_mail(to=to, subject=subject, text_body=body, case=case, language=submission.language)


def confirmation_text(submission, case, product) -> str:
    expected = ()
    if case.planned_end:
        date = case.planned_end.strftime("%d-%m-%Y")
        expected = (_("We expect to be done by %(date)s.") % {"date": date},)
    message = [_("We have received your request for %(product)s.") % {"product": product.name}]
    return case_letter(case, message, expected)
