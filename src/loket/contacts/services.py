"""State changes of the contact centre: the only code that writes its parties, contacts,
involvements, digital addresses, subject objects, actors and internal tasks.

The KCC pages and the Klantinteracties API call the same functions. Each takes ``by``: the
staff user who acts, checked against the permissions of their role
(``loket.identity.permissions``), or ``None`` for a system calling the Klantinteracties API,
which its token authorised there. Each runs in one transaction; a refusal is a Django
``ValidationError`` keyed by the model field it concerns.
"""

import re
from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from loket.brp.bsn import is_valid_bsn
from loket.catalog.models import Department
from loket.contacts.models import (
    Actor,
    Contact,
    DigitalAddress,
    InternalTask,
    Involvement,
    Outcome,
    Party,
    SubjectObject,
)
from loket.identity.permissions import StaffPermission, has_permission, require
from loket.notify.services import queue_mail

# How a subject object names a case of Loket's Zaken API.
CASE_OBJECT_TYPE = "zaak"
CASE_REGISTER = "zaken"
CASE_ID_KIND = "uuid"

KVK_NUMBER = re.compile(r"[0-9]{8}")
# The Klantinteracties standard's phone numbers: Dutch, or international with + or 00.
PHONE_NUMBER = re.compile(r"0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13}")
# Languages of a contact (ISO 639-2/B) and the site language a mail about it is written in.
MAIL_LANGUAGE = {"dut": "nl", "nld": "nl", "eng": "en"}


def authorise(by, permission: StaffPermission) -> None:
    """Staff need the permission of their role; ``by=None`` is an API client (see above)."""
    if by is not None:
        require(by, permission)


def refuse(message: str, code: str, field: str = "__all__"):
    raise ValidationError({field: ValidationError(message, code=code)})


def create_numbered(model, number: str, **fields):
    """A new party, contact or task with the number asked for, else its id in ten digits:
    the reference people quote on the phone."""
    if number and model.objects.filter(number=number).exists():
        refuse(_("This number is already in use."), "unique", "number")
    instance = model.objects.create(number=number, **fields)
    if not number:
        instance.number = f"{instance.pk:010d}"
        instance.save(update_fields=["number"])
    return instance


def change(instance, fields: dict, check=None):
    """Set ``fields`` on ``instance``, check the result with ``check`` and save it."""
    for name, value in fields.items():
        setattr(instance, name, value)
    if check is not None:
        check(instance)
    instance.save()
    return instance


def check_number_free(instance) -> None:
    taken = type(instance).objects.filter(number=instance.number).exclude(pk=instance.pk)
    if instance.number and taken.exists():
        refuse(_("This number is already in use."), "unique", "number")


# --- Parties ----------------------------------------------------------------------------


def check_party(party: Party) -> None:
    """A BSN belongs to a person and passes the elfproef; a KvK number (eight digits) to an
    organisation; neither is registered twice."""
    if party.bsn:
        if party.kind != Party.Kind.PERSON:
            refuse(_("Only a person has a BSN."), "invalid", "bsn")
        if not is_valid_bsn(party.bsn):
            refuse(_("This is not a valid citizen service number (BSN)."), "invalid", "bsn")
        if Party.objects.filter(bsn=party.bsn).exclude(pk=party.pk).exists():
            refuse(_("A party with this BSN already exists."), "unique", "bsn")
    if party.kvk_number:
        if party.kind != Party.Kind.ORGANISATION:
            refuse(_("Only an organisation has a KvK number."), "invalid", "kvk_number")
        if not KVK_NUMBER.fullmatch(party.kvk_number):
            refuse(_("A KvK number is eight digits."), "invalid", "kvk_number")
        if Party.objects.filter(kvk_number=party.kvk_number).exclude(pk=party.pk).exists():
            refuse(_("A party with this KvK number already exists."), "unique", "kvk_number")
    check_number_free(party)


@transaction.atomic
def create_party(*, by, kind: str, number: str = "", **fields) -> Party:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    check_party(Party(kind=kind, **fields))
    return create_numbered(Party, number, kind=kind, **fields)


@transaction.atomic
def party_for(*, by, bsn: str = "", kvk_number: str = "") -> Party:
    """The party of this person (BSN) or business (KvK number), registered on first contact."""
    if not (bsn or kvk_number):
        refuse(_("Give a BSN or a KvK number."), "required", "bsn")
    found = Party.objects.filter(bsn=bsn) if bsn else Party.objects.filter(kvk_number=kvk_number)
    party = found.first()
    if party is not None:
        return party
    kind = Party.Kind.PERSON if bsn else Party.Kind.ORGANISATION
    return create_party(by=by, kind=kind, bsn=bsn, kvk_number=kvk_number)


@transaction.atomic
def update_party(party: Party, *, by, **fields) -> Party:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    preferred = fields.get("preferred_address")
    if preferred is not None and preferred.party_id != party.pk:
        refuse(
            _("The preferred address must be one of the party's own addresses."),
            "invalid",
            "preferred_address",
        )
    return change(party, fields, check_party)


@transaction.atomic
def delete_party(party: Party, *, by) -> None:
    """Remove the party and its addresses; its contacts stay, without the party."""
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    party.delete()


# --- Digital addresses ------------------------------------------------------------------


def check_digital_address(address: DigitalAddress) -> None:
    if address.kind == DigitalAddress.Kind.EMAIL:
        try:
            validate_email(address.address)
        except ValidationError:
            refuse(_("Give a valid e-mail address."), "invalid", "address")
    if address.kind == DigitalAddress.Kind.PHONE and not PHONE_NUMBER.fullmatch(address.address):
        refuse(
            _("Give a phone number of ten digits, or with + or 00 for one abroad."),
            "invalid",
            "address",
        )


def keep_one_default(address: DigitalAddress) -> None:
    """A party has at most one default address of each kind: the newest choice wins."""
    if address.is_default and address.party_id:
        DigitalAddress.objects.filter(party=address.party_id, kind=address.kind).exclude(
            pk=address.pk
        ).update(is_default=False)


@transaction.atomic
def add_digital_address(*, by, **fields) -> DigitalAddress:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    address = DigitalAddress(**fields)
    check_digital_address(address)
    address.save()
    keep_one_default(address)
    return address


@transaction.atomic
def update_digital_address(address: DigitalAddress, *, by, **fields) -> DigitalAddress:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    change(address, fields, check_digital_address)
    keep_one_default(address)
    return address


@transaction.atomic
def delete_digital_address(address: DigitalAddress, *, by) -> None:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    address.delete()


# --- Actors -----------------------------------------------------------------------------


def actor_of(target: Actor | Department | AbstractBaseUser) -> Actor:
    """The actor of a department or a staff user, made on its first contact or task."""
    if isinstance(target, Actor):
        return target
    if isinstance(target, Department):
        actor, _created = Actor.objects.get_or_create(
            department=target,
            defaults={
                "kind": Actor.Kind.DEPARTMENT,
                "name": target.name,
                "object_id": target.code,
                "object_type_code": "afdeling",
                "register_code": "loket",
                "object_id_kind_code": "code",
            },
        )
        return actor
    actor, _created = Actor.objects.get_or_create(
        user=target,
        defaults={
            "kind": Actor.Kind.EMPLOYEE,
            "name": target.get_full_name() or target.get_username(),
            "object_id": target.get_username(),
            "object_type_code": "mdw",
            "register_code": "loket",
            "object_id_kind_code": "gebruikersnaam",
            "details": {"emailadres": target.email} if target.email else {},
        },
    )
    return actor


@transaction.atomic
def create_actor(*, by, **fields) -> Actor:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    return Actor.objects.create(**fields)


@transaction.atomic
def update_actor(actor: Actor, *, by, **fields) -> Actor:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    return change(actor, fields)


@transaction.atomic
def delete_actor(actor: Actor, *, by) -> None:
    """Remove an actor without tasks; one that has tasks is made inactive instead, so its
    tasks keep who they were for."""
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    if actor.tasks.exists():
        refuse(
            _("This actor has internal tasks; make it inactive instead."),
            "actor-heeft-taken",
        )
    actor.delete()


# --- Contacts ---------------------------------------------------------------------------


def check_contact(contact: Contact) -> None:
    if contact.duration is not None and contact.duration < timedelta(0):
        refuse(_("A duration cannot be negative."), "invalid", "duration")
    check_number_free(contact)


def case_subject(case) -> dict:
    """The subject object's fields that point to one of Loket's cases."""
    return {
        "object_type_code": CASE_OBJECT_TYPE,
        "register_code": CASE_REGISTER,
        "object_id_kind_code": CASE_ID_KIND,
        "object_id": str(case.uuid),
    }


@transaction.atomic
def register_contact(
    *,
    by,
    channel: str,
    subject: str,
    party: Party | None = None,
    representative: Party | None = None,
    cases: Iterable = (),
    number: str = "",
    **fields,
) -> Contact:
    """Record a contact on any channel: who (``party``; none for an unknown caller), the
    question and answer, the product, whether it was solved, how long it took. The employee
    who records it is its employee and actor; ``cases`` are what it was about. When someone
    else made the contact for the party (a ``representative``), both are recorded: the
    representative as the one who started it."""
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    if representative is not None and (party is None or representative == party):
        refuse(
            _("Someone who acts for another person is not that person."),
            "invalid",
            "representative",
        )
    check_contact(Contact(channel=channel, subject=subject, **fields))
    contact = create_numbered(
        Contact, number, channel=channel, subject=subject, employee=by, **fields
    )
    if by is not None:
        contact.actors.add(actor_of(by))
    if party is not None:
        Involvement.objects.create(
            contact=contact,
            party=party,
            role=Involvement.Role.CUSTOMER,
            initiator=representative is None,
        )
    if representative is not None:
        Involvement.objects.create(
            contact=contact,
            party=representative,
            role=Involvement.Role.REPRESENTATIVE,
            initiator=True,
        )
    for case in cases:
        SubjectObject.objects.create(contact=contact, **case_subject(case))
    return contact


@transaction.atomic
def update_contact(contact: Contact, *, by, **fields) -> Contact:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    return change(contact, fields, check_contact)


@transaction.atomic
def delete_contact(contact: Contact, *, by) -> None:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    contact.delete()


@transaction.atomic
def add_involvement(*, by, contact: Contact, **fields) -> Involvement:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    return Involvement.objects.create(contact=contact, **fields)


@transaction.atomic
def update_involvement(involvement: Involvement, *, by, **fields) -> Involvement:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    return change(involvement, fields)


@transaction.atomic
def delete_involvement(involvement: Involvement, *, by) -> None:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    involvement.delete()


@transaction.atomic
def add_subject_object(*, by, **fields) -> SubjectObject:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    return SubjectObject.objects.create(**fields)


@transaction.atomic
def update_subject_object(subject_object: SubjectObject, *, by, **fields) -> SubjectObject:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    return change(subject_object, fields)


@transaction.atomic
def delete_subject_object(subject_object: SubjectObject, *, by) -> None:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    subject_object.delete()


# --- Internal tasks: hand-over and its answer ---------------------------------------------


def may_close_task(user, task: InternalTask) -> bool:
    """The contact centre, the employee the task was handed to, and the case workers of a
    department it was handed to may answer it."""
    if has_permission(user, StaffPermission.HANDLE_CONTACTS):
        return True
    actors = task.actors.all()
    if any(actor.user_id == user.pk for actor in actors):
        return True
    return any(
        has_permission(user, StaffPermission.WORK_CASES, actor.department)
        for actor in actors
        if actor.department_id is not None
    )


def check_task(task: InternalTask) -> None:
    check_number_free(task)


@transaction.atomic
def hand_over(
    contact: Contact,
    *,
    by,
    to: Iterable[Actor | Department | AbstractBaseUser],
    requested_action: str,
    deadline: date | None = None,
    reply_to: str = "",
    number: str = "",
    **fields,
) -> InternalTask:
    """Hand the contact's question over to departments or employees (``to``) as an internal
    task with a deadline; the contact is then not solved in the first contact. ``reply_to``:
    the e-mail address at which the citizen asked to be told the answer."""
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    actors = [actor_of(target) for target in to]
    if not actors:
        refuse(_("Hand the task to a department or an employee."), "required", "actors")
    if reply_to:
        try:
            validate_email(reply_to)
        except ValidationError:
            refuse(_("Give a valid e-mail address."), "invalid", "reply_to")
    check_task(InternalTask(number=number))
    task = create_numbered(
        InternalTask,
        number,
        contact=contact,
        requested_action=requested_action,
        deadline=deadline,
        reply_to=reply_to,
        **fields,
    )
    task.actors.set(actors)
    if contact.outcome != Outcome.HANDED_OVER:
        contact.outcome = Outcome.HANDED_OVER
        contact.save(update_fields=["outcome"])
    return task


def lock_task(task: InternalTask) -> InternalTask:
    return InternalTask.objects.select_for_update().select_related("contact").get(pk=task.pk)


@transaction.atomic
def close_task(task: InternalTask, *, by, answer: str) -> InternalTask:
    """Answer the task: the answer is added to its contact's answer and, when the citizen
    asked for it, mailed to them in this same transaction."""
    task = lock_task(task)
    if by is not None and not may_close_task(by, task):
        raise PermissionDenied(_("Your role does not allow this."))
    if not task.is_open:
        refuse(_("This task has already been answered."), "taak-afgehandeld", "status")
    task.status = InternalTask.Status.DONE
    task.closed_at = timezone.now()
    task.closed_by = by
    task.answer = answer
    if answer:
        contact = task.contact
        contact.answer = "\n\n".join(text for text in (contact.answer, answer) if text)[:4000]
        contact.save(update_fields=["answer"])
        if task.reply_to:
            task.reply_mail = mail_answer(task)
    task.save()
    return task


def mail_answer(task: InternalTask):
    contact = task.contact
    language = MAIL_LANGUAGE.get(contact.language, settings.LANGUAGE_CODE)
    with translation.override(language):
        text = "\n".join(
            [
                _("Dear Sir or Madam,"),
                "",
                _("You contacted us about: %(subject)s.") % {"subject": contact.subject},
                _("Here is our answer:"),
                "",
                task.answer,
                "",
                _("Please quote reference %(number)s if you contact us about this again.")
                % {"number": contact.number},
                "",
                _("Kind regards,"),
                settings.LOKET_MUNICIPALITY_NAME,
            ]
        )
        subject = _("The answer to your question")
    return queue_mail(to=task.reply_to, subject=subject, text_body=text, language=language)


@transaction.atomic
def update_task(
    task: InternalTask, *, by, status: str | None = None, actors=None, **fields
) -> InternalTask:
    """Change what the task asks or who has it; a new ``status`` closes it (without an
    answer: the API has none) or opens it again."""
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    task = change(lock_task(task), fields, check_task)
    if actors is not None:
        targets = [actor_of(target) for target in actors]
        if not targets:
            refuse(_("Hand the task to a department or an employee."), "required", "actors")
        task.actors.set(targets)
    if status == InternalTask.Status.DONE and task.is_open:
        return close_task(task, by=by, answer="")
    if status == InternalTask.Status.TO_DO and not task.is_open:
        task.status = InternalTask.Status.TO_DO
        task.closed_at = task.closed_by = None
        task.save(update_fields=["status", "closed_at", "closed_by"])
    return task


@transaction.atomic
def delete_task(task: InternalTask, *, by) -> None:
    authorise(by, StaffPermission.HANDLE_CONTACTS)
    task.delete()
