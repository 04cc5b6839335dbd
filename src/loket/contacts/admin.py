"""The contact centre's registry in the admin: read-only, to look a contact or task up.

Contacts change only through ``loket.contacts.services``; the KCC's own pages do that.
"""

from django.contrib import admin

from loket.contacts.models import Actor, Contact, InternalTask, Involvement, Party, SubjectObject
from loket.identity.admin_site import ReadOnlyModelAdmin


class InvolvementInline(admin.TabularInline):
    model = Involvement
    fields = ["party", "role", "initiator", "given_name", "surname", "organisation_name"]
    readonly_fields = fields
    extra = 0
    can_delete = False


class SubjectObjectInline(admin.TabularInline):
    model = SubjectObject
    fk_name = "contact"
    fields = ["object_type_code", "register_code", "object_id_kind_code", "object_id"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Contact)
class ContactAdmin(ReadOnlyModelAdmin):
    list_display = ["number", "occurred_at", "channel", "subject", "outcome", "employee"]
    list_filter = ["channel", "outcome"]
    list_select_related = ["employee"]
    search_fields = ["number", "subject", "handle"]
    show_full_result_count = False
    inlines = [InvolvementInline, SubjectObjectInline]


@admin.register(InternalTask)
class InternalTaskAdmin(ReadOnlyModelAdmin):
    list_display = ["number", "requested_action", "status", "deadline", "assigned_at"]
    list_filter = ["status"]
    search_fields = ["number", "requested_action"]


@admin.register(Party)
class PartyAdmin(ReadOnlyModelAdmin):
    list_display = ["number", "kind", "display_name", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["number", "bsn", "kvk_number", "surname", "organisation_name"]


@admin.register(Actor)
class ActorAdmin(ReadOnlyModelAdmin):
    list_display = ["name", "kind", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]
