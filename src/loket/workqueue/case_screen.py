"""The case screen of the back office: everything about one case, and what a case worker does
with it.

GET shows the case; each action is a POST to ``/werk/zaak/<uuid>/<action>/`` with its own
small form. A valid form calls its service in ``loket.cases.services`` (which checks the
role and department again, and brings the mail, events and audit with it) and returns to the
screen with a message; a refused or invalid one shows the screen again with the reason next
to the field and everything typed kept (status 400).
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from loket.cases import services
from loket.cases.selectors import applicant_of, citizen_document_of, citizen_documents
from loket.cases.services import CaseError
from loket.forms.fields import parse_amount
from loket.forms.rendering import summary_rows
from loket.forms.uploads import checked_content_type
from loket.workqueue.selectors import case_history, deadline_light, staff_case
from loket.workqueue.views import staff_login_required

# Files a case worker adds: what letters, scans and photos are.
DOCUMENT_FIELD = {"accept": ["pdf", "jpg", "jpeg", "png", "docx", "odt"], "max_size_mb": 20}


class NoteForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Note"), widget=forms.Textarea(attrs={"rows": 3}))
    visible_to_citizen = forms.BooleanField(
        label=gettext_lazy("The applicant may read this note in My account"), required=False
    )

    def run(self, case, user):
        data = self.cleaned_data
        services.add_note(
            case, data["text"], visible_to_citizen=data["visible_to_citizen"], by=user
        )
        return _("The note has been saved.")


class CompleteForm(forms.Form):
    def run(self, case, user):
        services.confirm_complete(case, by=user)
        return _("The request is marked complete.")


class InformationForm(forms.Form):
    question = forms.CharField(
        label=gettext_lazy("What do you need from the applicant?"),
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "The applicant gets this by mail and answers in My account. The clock stops "
            "until the answer comes."
        ),
    )

    def run(self, case, user):
        services.request_information(case, self.cleaned_data["question"], by=user)
        return _("The applicant has been asked. The clock stops until the answer comes.")


class StopWaitingForm(forms.Form):
    def run(self, case, user):
        services.stop_waiting(case, by=user)
        return _("The clock runs again.")


class StepChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, status_type):
        return status_type.description


class StatusForm(forms.Form):
    status_type = StepChoiceField(label=gettext_lazy("Next step"), queryset=None)
    note = forms.CharField(
        label=gettext_lazy("Message with this step"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note_visible = forms.BooleanField(
        label=gettext_lazy("Send the message to the applicant"), required=False
    )
    error_fields = {"statustype": "status_type"}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        steps = services.next_statuses(case)
        self.fields["status_type"].queryset = case.case_type.status_types.filter(
            pk__in=[step.pk for step in steps]
        ).order_by("order")
        if steps:
            self.fields["status_type"].initial = steps[0].pk

    def run(self, case, user):
        data = self.cleaned_data
        services.advance_status(
            case, data["status_type"], note=data["note"], note_visible=data["note_visible"], by=user
        )
        return _("The case is at its next step.")


class EuroField(forms.CharField):
    """An amount in euros as people type it (12,50 / 1.250,00 / 1250.5), as the forms read it."""

    def to_python(self, value):
        value = super().to_python(value)
        return parse_amount(value) if value else None


class DecisionForm(forms.Form):
    decision_type = forms.ModelChoiceField(label=gettext_lazy("Kind of decision"), queryset=None)
    text = forms.CharField(
        label=gettext_lazy("Text of the decision letter"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Write what you decided and why, in plain language. The letter adds the greeting, "
            "the amount, how to object and the signature."
        ),
    )
    amount = EuroField(
        label=gettext_lazy("Amount granted in euros"),
        required=False,
        help_text=gettext_lazy(
            "Only when the decision grants money: it is paid to the IBAN of the application."
        ),
    )
    status_type = StepChoiceField(
        label=gettext_lazy("Step after the decision"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Stay at the current step (a mail tells the applicant)"),
    )
    error_fields = {"statustype": "status_type"}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_type"].queryset = case.case_type.decision_types.order_by("pk")
        self.fields["decision_type"].initial = self.fields["decision_type"].queryset.first()
        steps = services.next_statuses(case)
        self.fields["status_type"].queryset = case.case_type.status_types.filter(
            pk__in=[step.pk for step in steps]
        ).order_by("order")

    def run(self, case, user):
        data = self.cleaned_data
        decision = services.decide(
            case,
            data["decision_type"],
            text=data["text"],
            amount=data["amount"],
            status_type=data["status_type"],
            by=user,
        )
        return _("Decision %(number)s has been recorded with its letter.") % {
            "number": decision.identification
        }


class DocumentForm(forms.Form):
    document_type = forms.ModelChoiceField(label=gettext_lazy("Kind of document"), queryset=None)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200, required=False)
    file = forms.FileField(label=gettext_lazy("File"))
    visible_to_citizen = forms.BooleanField(
        label=gettext_lazy("The applicant may see this document in My account"), required=False
    )
    error_fields = {"informatieobject": "document_type"}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_type"].queryset = case.case_type.document_types.order_by("pk")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > DOCUMENT_FIELD["max_size_mb"] * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": DOCUMENT_FIELD["max_size_mb"]}
            )
        content = upload.read()
        checked_content_type(DOCUMENT_FIELD, upload.name, content)
        self.content = content
        return upload

    def run(self, case, user):
        data = self.cleaned_data
        services.add_case_document(
            case,
            document_type=data["document_type"],
            title=data["title"],
            file_name=data["file"].name.replace("/", "_").replace("\\", "_")[-200:],
            content=self.content,
            visible_to_citizen=data["visible_to_citizen"],
            by=user,
        )
        return _("The document has been added.")


class CloseForm(forms.Form):
    result_type = forms.ModelChoiceField(label=gettext_lazy("Result"), queryset=None)
    note = forms.CharField(
        label=gettext_lazy("Message with the closing"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note_visible = forms.BooleanField(
        label=gettext_lazy("Send the message to the applicant"), required=False
    )
    error_fields = {"resultaattype": "result_type"}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result_type"].queryset = case.case_type.result_types.order_by("pk")

    def run(self, case, user):
        data = self.cleaned_data
        services.close_case(
            case, data["result_type"], note=data["note"], note_visible=data["note_visible"], by=user
        )
        return _("The case is closed.")


# The forms that need the case to build their choices.
CASE_FORMS = {StatusForm, DecisionForm, DocumentForm, CloseForm}
ACTIONS = {
    "notitie": NoteForm,
    "compleet": CompleteForm,
    "informatie": InformationForm,
    "hervatten": StopWaitingForm,
    "status": StatusForm,
    "besluit": DecisionForm,
    "document": DocumentForm,
    "sluiten": CloseForm,
}


def action_form(name: str, case, data=None, files=None) -> forms.Form:
    form_class = ACTIONS[name]
    kwargs = {"case": case} if form_class in CASE_FORMS else {}
    return form_class(data, files, prefix=name, auto_id="%s", **kwargs)


@dataclass(frozen=True)
class Screen:
    """What the screen offers for the case in its state."""

    case: object

    @property
    def is_open(self) -> bool:
        return not self.case.is_closed

    @property
    def can_confirm_complete(self) -> bool:
        return self.is_open and not self.case.complete_on and not self.case.is_suspended

    @property
    def can_request(self) -> bool:
        return (
            self.is_open and not self.case.is_suspended and self.case.case_type.suspension_allowed
        )

    @property
    def waiting(self) -> bool:
        return self.is_open and self.case.is_suspended


def screen_context(request, case, bound: dict | None = None) -> dict:
    """The screen's context; ``bound`` holds the posted form of a failed action."""
    forms_by_action = {name: action_form(name, case) for name in ACTIONS}
    forms_by_action.update(bound or {})
    submission = getattr(case, "submission", None)
    sections = (
        summary_rows(submission.definition.schema, submission.answers, request.LANGUAGE_CODE)
        if submission
        else []
    )
    return {
        "case": case,
        "applicant": applicant_of(case),
        "screen": Screen(case),
        "light": deadline_light(case, timezone.localdate()),
        "submission": submission,
        "sections": sections,
        "documents": citizen_documents(case, for_citizen=False),
        "history": case_history(case),
        "decisions": case.decisions.select_related("decision_type").order_by("-date", "-pk"),
        "payouts": case.payouts.select_related("batch"),
        "forms": forms_by_action,
    }


@never_cache
@staff_login_required
def case_screen(request, uuid):
    case = staff_case(request.user, uuid)
    return render(request, "workqueue/case.html", screen_context(request, case))


def show_refusal(form: forms.Form, error: CaseError) -> None:
    field = getattr(form, "error_fields", {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.messages[0])


@never_cache
@require_POST
@staff_login_required
def case_action(request, uuid, action):
    if action not in ACTIONS:
        raise Http404
    case = staff_case(request.user, uuid)
    form = action_form(action, case, request.POST, request.FILES)
    if form.is_valid():
        try:
            message = form.run(case, request.user)
        except CaseError as error:
            show_refusal(form, error)
        else:
            messages.success(request, message)
            return redirect("workqueue:case", case.uuid)
    context = screen_context(request, case, {action: form})
    context["failed"] = form
    return render(request, "workqueue/case.html", context, status=400)


@never_cache
@staff_login_required
def case_document(request, uuid, document_uuid):
    """A document of the case, for the staff: every one, also those the citizen does not see."""
    case = staff_case(request.user, uuid)
    document = citizen_document_of(case, document_uuid, for_citizen=False)
    if document is None:
        raise Http404
    return document.download()
