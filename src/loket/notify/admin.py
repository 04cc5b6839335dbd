"""The outbox in the admin: read-only, with failed mails to send again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from loket.notify.models import Mail
from loket.notify.services import resend_mail


@admin.register(Mail)
class MailAdmin(admin.ModelAdmin):
    list_display = ["to", "subject", "status", "attempts", "queued_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    actions = ["send_again"]

    # The outbox is the delivery log: mails come from services and are never edited here.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_resend_permission(self, request):
        return request.user.has_perm("notify.change_mail")

    @admin.action(description=_("Send again"), permissions=["resend"])
    def send_again(self, request, queryset):
        count = sum(resend_mail(mail) for mail in queryset.filter(status=Mail.Status.FAILED))
        self.message_user(
            request,
            ngettext(
                "%(count)d failed mail is queued again.",
                "%(count)d failed mails are queued again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
