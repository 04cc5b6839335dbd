"""The satisfaction answers in the admin: read-only, to look them up until insights count them.

They change only through ``loket.portal.satisfaction.record_satisfaction``.
"""

from django.contrib import admin

from loket.identity.admin_site import ReadOnlyModelAdmin
from loket.portal.models import SatisfactionAnswer


@admin.register(SatisfactionAnswer)
class SatisfactionAnswerAdmin(ReadOnlyModelAdmin):
    list_display = ["case", "case_type", "product", "score", "channel", "answered_at"]
    list_filter = ["score", "channel"]
    list_select_related = ["case", "case_type", "product"]
    show_full_result_count = False
    fields = [
        "case",
        "case_type",
        "product",
        "score",
        "comment",
        "channel",
        "language",
        "answered_at",
    ]
    readonly_fields = fields
