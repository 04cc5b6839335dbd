"""Cases in the admin: read-only, to look a case up with its mails to the citizen (the
delivery log: "sent at 10:42, delivered to the mail server").

Cases change only through ``loket.cases.services``; the back office's own pages do that.
"""

from django.contrib import admin

from loket.cases.models import Case
from loket.identity.admin_site import ReadOnlyModelAdmin
from loket.notify.admin import CaseMailInline


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
    ]
    readonly_fields = fields
    inlines = [CaseMailInline]
