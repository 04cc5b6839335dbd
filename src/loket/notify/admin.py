"""The outbox in the admin: read-only, with failed mails to send again; the mails of a case as
its delivery log (``CaseMailInline``, shown with the case); the functioneel beheerder's status
mail templates, checked when saved and previewed with the newest case of their case type."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django import forms as django_forms
from django.contrib import admin, messages
from django.utils.decorators import method_decorator
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from loket.catalog.models import CaseType, StatusType
from loket.identity.admin_site import ReadOnlyModelAdmin
from loket.notify.citizen_mail import preview as preview_of
from loket.notify.events import resend_delivery
from loket.notify.models import (
    Channel,
    Delivery,
    Mail,
    StatusMailTemplate,
    Subscription,
    SubscriptionChannel,
)
from loket.notify.services import resend_mail
from loket.notify.templates_mail import (
    error_text,
    render_mail,
    sample_context,
    syntax_problem,
)


@admin.register(Mail)
class MailAdmin(ReadOnlyModelAdmin):
    """The outbox is the delivery log: mails come from services and are never edited here."""

    list_display = ["to", "subject", "status", "delivery", "queued_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject", "case__identification"]
    actions = ["send_again"]

    @admin.display(description=_("delivery"))
    def delivery(self, mail):
        return mail.delivery_summary

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


class CaseMailInline(admin.TabularInline):
    """The mails of a case, newest first: the delivery log the KCC reads."""

    model = Mail
    fk_name = "case"
    fields = [
        "queued_at",
        "to",
        "subject",
        "delivery",
        "status",
        "attempts",
        "sent_at",
        "last_error",
    ]
    readonly_fields = fields
    ordering = ["-queued_at", "-pk"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = _("mail to the citizen")
    verbose_name_plural = _("mails to the citizen (delivery log)")

    @admin.display(description=_("delivery"))
    def delivery(self, mail):
        return mail.delivery_summary

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def case_type_choices(current: str = "") -> list[tuple[str, str]]:
    described = dict(
        CaseType.objects.order_by("identification", "valid_from").values_list(
            "identification", "description"
        )
    )
    if current and current not in described:
        described[current] = _("no longer in the catalogue")
    return [("", _("Every case type (default template)"))] + [
        (identification, f"{identification}: {description}")
        for identification, description in sorted(described.items())
    ]


class StatusMailTemplateForm(django_forms.ModelForm):
    case_type_identification = django_forms.ChoiceField(
        label=_("case type"),
        required=False,
        help_text=StatusMailTemplate._meta.get_field("case_type_identification").help_text,
    )

    class Meta:
        model = StatusMailTemplate
        fields = [
            "case_type_identification",
            "status_description",
            "language",
            "active",
            "subject",
            "text_body",
            "html_body",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_type_identification"].choices = case_type_choices(
            self.instance.case_type_identification
        )

    def clean_template(self, name: str) -> str:
        source = self.cleaned_data[name]
        problem = syntax_problem(source)
        if problem:
            raise django_forms.ValidationError(problem, code="template_syntax")
        return source

    def clean_subject(self):
        return self.clean_template("subject")

    def clean_text_body(self):
        return self.clean_template("text_body")

    def clean_html_body(self):
        return self.clean_template("html_body")

    def clean_status_description(self):
        status = self.cleaned_data["status_description"].strip()
        identification = self.cleaned_data.get("case_type_identification", "")
        if not status:
            return status
        known = StatusType.objects.all()
        if identification:
            known = known.filter(case_type__identification=identification)
        names = sorted(set(known.values_list("description", flat=True)))
        if status not in names:
            if identification:
                raise django_forms.ValidationError(
                    _(
                        "Case type %(case_type)s has no status “%(status)s”. "
                        "Its statuses are: %(names)s."
                    )
                    % {"case_type": identification, "status": status, "names": ", ".join(names)}
                )
            raise django_forms.ValidationError(
                _("No case type has a status “%(status)s”.") % {"status": status}
            )
        return status

    def clean(self):
        cleaned = super().clean()
        parts = [cleaned.get(name) for name in ("subject", "text_body", "html_body")]
        if self.errors or any(part is None for part in parts):
            return cleaned
        subject, text_body, html_body = parts
        language = cleaned.get("language") or "nl"
        try:
            render_mail(
                subject=subject,
                text_body=text_body,
                html_body=html_body,
                context=sample_context(language, cleaned.get("status_description", "")),
                language=language,
            )
        except Exception as error:  # a filter or tag that fails on real values
            raise django_forms.ValidationError(
                _(
                    "This template cannot be filled in: %(error)s. "
                    "Check the filters and tags it uses."
                )
                % {"error": error_text(error)}
            ) from error
        return cleaned


@admin.register(StatusMailTemplate)
class StatusMailTemplateAdmin(admin.ModelAdmin):
    form = StatusMailTemplateForm
    list_display = [
        "case_type_label",
        "status_label",
        "language",
        "subject",
        "active",
        "updated_at",
    ]
    list_filter = ["language", "active"]
    search_fields = ["case_type_identification", "status_description", "subject"]
    readonly_fields = ["preview"]
    fieldsets = [
        (
            None,
            {"fields": ["case_type_identification", "status_description", "language", "active"]},
        ),
        (
            _("Mail"),
            {
                "fields": ["subject", "text_body", "html_body"],
                "description": _(
                    "Write in Django template syntax. You can use: {{ case_number }}, "
                    "{{ status }}, {{ explanation }}, {{ note }} (empty when the citizen may "
                    "not read the note), {{ track_url }}, {{ municipality }}, "
                    "{{ expected_end }}, {{ legal_end }} and {{ case.description }}. "
                    "For example: {% if note %}{{ note }}{% endif %}."
                ),
            },
        ),
        (_("Preview"), {"fields": ["preview"]}),
    ]

    # The preview's sandboxed iframe shows the mail as sent, with its inline styles; a srcdoc
    # frame inherits the page's Content-Security-Policy, so this page alone allows them.
    @method_decorator(csp_update({"style-src": [UNSAFE_INLINE]}))
    def change_view(self, request, object_id, form_url="", extra_context=None):
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("case type"), ordering="case_type_identification")
    def case_type_label(self, template):
        return template.case_type_identification or _("every case type")

    @admin.display(description=_("status"), ordering="status_description")
    def status_label(self, template):
        return template.status_description or _("every status")

    @admin.display(description=_("preview"))
    def preview(self, template):
        if template is None or template.pk is None:
            return _("Save the template to see a preview.")
        try:
            rendered, source = preview_of(template)
        except Exception as error:
            return _("The preview failed: %(error)s") % {"error": error}
        html = (
            format_html(
                '<iframe sandbox srcdoc="{}" title="{}" class="loket-mail-preview"></iframe>',
                # escape(), not format_html's own escaping: the rendered HTML is marked
                # safe, and inside srcdoc it must be an attribute value.
                escape(rendered.html_body),
                _("Preview of the HTML mail"),
            )
            if rendered.html_body
            else _("No HTML part: the mail is sent as text only.")
        )
        return format_html(
            '<p>{}</p><p><strong>{}</strong> {}</p><pre class="loket-mail-text">{}</pre>{}',
            source,
            _("Subject:"),
            escape(rendered.subject),
            escape(rendered.text_body),
            html,
        )


class SubscriptionChannelInline(admin.TabularInline):
    model = SubscriptionChannel
    extra = 0


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Abonnementen; normally made by the subscribing system through the Notificaties API."""

    list_display = ["callback_url", "client_id", "created_at"]
    search_fields = ["callback_url", "client_id"]
    inlines = [SubscriptionChannelInline]


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "documentation_link"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Every delivery of an event; the dead letters (given up) are sent again from here."""

    list_display = [
        "event",
        "target_url",
        "status",
        "attempts",
        "last_status_code",
        "created_at",
        "delivered_at",
    ]
    list_filter = ["status", "event__channel"]
    search_fields = ["target_url", "event__resource_url", "event__uuid"]
    readonly_fields = [field.name for field in Delivery._meta.fields]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send the selected dead letters again"))
    def send_again(self, request, queryset):
        count = sum(
            resend_delivery(delivery) for delivery in queryset.filter(status=Delivery.Status.DEAD)
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d delivery is queued again.",
                "%(count)d deliveries are queued again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
