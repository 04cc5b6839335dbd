"""Cases in the admin: read-only, to look a case up with its mails to the citizen (the
delivery log: "sent at 10:42, delivered to the mail server"), and the destruction lists.

Cases change only through ``loket.cases.services``; the back office's own pages do that. The
destruction lists change only through ``loket.cases.retention``, called by the actions here.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.cases import retention
from loket.cases.models import Case, DestructionList, DestructionListItem
from loket.identity.admin_site import ReadOnlyModelAdmin
from loket.notify.admin import CaseMailInline


class DueForDestructionFilter(admin.SimpleListFilter):
    title = _("destruction")
    parameter_name = "destruction"

    def lookups(self, request, model_admin):
        return [("due", _("due for destruction, on no list"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.filter(pk__in=retention.destruction_candidates().values("pk"))
        return queryset


@admin.register(Case)
class CaseAdmin(ReadOnlyModelAdmin):
    list_display = [
        "identification",
        "description",
        "case_type",
        "current_status",
        "registered_on",
        "closed_on",
    ]
    list_select_related = ["case_type", "current_status"]
    list_filter = [DueForDestructionFilter]
    search_fields = ["identification", "contact_email"]
    show_full_result_count = False
    fields = [
        "identification",
        "description",
        "case_type",
        "current_status",
        "department",
        "contact_email",
        "registered_on",
        "planned_end",
        "legal_end",
        "closed_on",
        "archive_action",
        "archive_date",
    ]
    readonly_fields = fields
    inlines = [CaseMailInline]
    actions = ["put_on_destruction_list"]

    def has_propose_permission(self, request):
        return request.user.has_perm("cases.add_destructionlist")

    @admin.action(
        description=_("Put the selected cases on a new destruction list"), permissions=["propose"]
    )
    def put_on_destruction_list(self, request, queryset):
        name = _("Destruction list %(date)s") % {"date": timezone.localdate()}
        act(
            self,
            request,
            lambda: retention.propose_destruction(queryset, name=name, by=request.user),
        )


class DestructionListItemInline(admin.TabularInline):
    model = DestructionListItem
    fields = [
        "case_identification",
        "case_type",
        "archive_date",
        "result",
        "destroyed_at",
        "outcome",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("cases.view_destructionlist")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DestructionList)
class DestructionListAdmin(ReadOnlyModelAdmin):
    list_display = ["name", "state", "created_by_name", "approved_by_name", "destroyed_at"]
    list_filter = ["state"]
    fields = [
        "name",
        "state",
        "created_at",
        "created_by_name",
        "approved_at",
        "approved_by_name",
        "destroyed_at",
        "destroyed_by_name",
    ]
    readonly_fields = fields
    inlines = [DestructionListItemInline]
    actions = ["approve", "destroy"]

    def has_approve_permission(self, request):
        return request.user.has_perm("cases.approve_destructionlist")

    def has_destroy_permission(self, request):
        return request.user.has_perm("cases.destroy_destructionlist")

    @admin.action(description=_("Approve the selected lists"), permissions=["approve"])
    def approve(self, request, queryset):
        for destruction_list in queryset:
            act(
                self,
                request,
                lambda d=destruction_list: retention.approve_destruction(d, by=request.user),
            )

    @admin.action(
        description=_("Destroy the cases of the selected approved lists"), permissions=["destroy"]
    )
    def destroy(self, request, queryset):
        for destruction_list in queryset:
            act(
                self,
                request,
                lambda d=destruction_list: retention.destroy_listed_cases(d, by=request.user),
            )


def act(model_admin, request, change) -> None:
    """Run a retention service; say what came of it."""
    try:
        destruction_list = change()
    except (ValidationError, PermissionDenied) as error:
        text = " ".join(getattr(error, "messages", [str(error)]))
        model_admin.message_user(request, text, messages.ERROR)
    else:
        model_admin.message_user(
            request,
            _("%(list)s: %(state)s.")
            % {"list": destruction_list, "state": destruction_list.get_state_display()},
            messages.SUCCESS,
        )
