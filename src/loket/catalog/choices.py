"""Value lists fixed by the ZGW standards (the Dutch values are the standard's own)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Confidentiality(models.TextChoices):
    """Vertrouwelijkheidaanduiding, from most open to most closed."""

    PUBLIC = "openbaar", _("public")
    RESTRICTED_PUBLIC = "beperkt_openbaar", _("restricted public")
    INTERNAL = "intern", _("internal")
    CASE_CONFIDENTIAL = "zaakvertrouwelijk", _("confidential to the case")
    CONFIDENTIAL = "vertrouwelijk", _("confidential")
    HIGHLY_CONFIDENTIAL = "confidentieel", _("highly confidential")
    SECRET = "geheim", _("secret")
    TOP_SECRET = "zeer_geheim", _("top secret")


class InternalOrExternal(models.TextChoices):
    INTERNAL = "intern", _("internal")
    EXTERNAL = "extern", _("external")


class DayCount(models.TextChoices):
    """How the legal clock counts the days of a term (issue: Dutch working days)."""

    CALENDAR = "calendar", _("calendar days")
    WORKING = "working", _("working days (Monday to Friday, not on public holidays)")


class ArchiveAction(models.TextChoices):
    """Archiefnominatie."""

    KEEP = "blijvend_bewaren", _("keep permanently")
    DESTROY = "vernietigen", _("destroy")


class ArchiveDateBasis(models.TextChoices):
    """Brondatum archiefprocedure afleidingswijze."""

    CLOSED = "afgehandeld", _("date the case was closed")
    OTHER_DATE = "ander_datumkenmerk", _("another date property")
    PROPERTY = "eigenschap", _("a property of the case")
    RELATED_CASE = "gerelateerde_zaak", _("a related case")
    MAIN_CASE = "hoofdzaak", _("the main case")
    DECISION_START = "ingangsdatum_besluit", _("start date of the decision")
    TERM = "termijn", _("a term after closing")
    DECISION_EXPIRY = "vervaldatum_besluit", _("expiry date of the decision")
    CASE_OBJECT = "zaakobject", _("an object of the case")


class GenericRole(models.TextChoices):
    """Omschrijving generiek of a role type."""

    ADVISER = "adviseur", _("adviser")
    HANDLER = "behandelaar", _("case worker")
    STAKEHOLDER = "belanghebbende", _("stakeholder")
    DECIDER = "beslisser", _("decision maker")
    INITIATOR = "initiator", _("initiator")
    CUSTOMER_CONTACT = "klantcontacter", _("customer contact")
    COORDINATOR = "zaakcoordinator", _("case coordinator")
    CO_INITIATOR = "mede_initiator", _("co-initiator")


class DocumentDirection(models.TextChoices):
    INCOMING = "inkomend", _("incoming")
    INTERNAL = "intern", _("internal")
    OUTGOING = "uitgaand", _("outgoing")


class PropertyFormat(models.TextChoices):
    TEXT = "tekst", _("text")
    NUMBER = "getal", _("number")
    DATE = "datum", _("date")
    DATE_TIME = "datum_tijd", _("date and time")


class ApplyRoute(models.TextChoices):
    ONLINE = "online", _("online form")
    APPOINTMENT = "appointment", _("appointment")
    COUNTER = "counter", _("at the counter")
    PHONE = "phone", _("by phone")
    MAIL = "mail", _("by post")


class Audience(models.TextChoices):
    RESIDENT = "inwoner", _("residents")
    BUSINESS = "ondernemer", _("businesses")
