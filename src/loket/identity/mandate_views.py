"""Mijn omgeving's mandates page (/mijn/machtigingen/): give someone a mandate, end one, and
act for someone who gave you one (``loket.identity.mandates``)."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from loket.identity import mandates
from loket.identity.citizens import current_visitor, visitor_required
from loket.identity.mandates import MandateError


class GrantForm(forms.Form):
    bsn = forms.CharField(
        label=gettext_lazy("Citizen service number (BSN) of the person who may act for you"),
        max_length=11,
    )
    until = forms.DateField(
        label=gettext_lazy("Until (day-month-year)"),
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        help_text=gettext_lazy("For example 31-12-2027. At most five years from today."),
    )


def page(request, form=None, status=200):
    visitor = current_visitor(request)
    me = mandates.own_visitor(visitor)
    today = timezone.localdate()
    context = {
        "form": form
        or GrantForm(initial={"until": (today + timedelta(days=365)).strftime("%d-%m-%Y")}),
        "given": mandates.mandates_given_by(me.bsn),
        "held": mandates.active(mandates.mandates_held_by(me.bsn)),
        "acting": bool(visitor.acting_bsn),
        "today": today,
    }
    return render(request, "identity/mandates.html", context, status=status)


@never_cache
@visitor_required("person")
def mandate_page(request):
    return page(request)


@never_cache
@require_POST
@visitor_required("person")
def grant(request):
    form = GrantForm(request.POST)
    if form.is_valid():
        try:
            mandate = mandates.grant_mandate(
                current_visitor(request), form.cleaned_data["bsn"], form.cleaned_data["until"]
            )
        except MandateError as error:
            form.add_error(error.field if error.field in form.fields else None, error.messages[0])
        else:
            messages.success(
                request,
                _("%(name)s may now act for you until %(date)s.")
                % {
                    "name": mandate.representative_name,
                    "date": mandate.valid_until.strftime("%d-%m-%Y"),
                },
            )
            return redirect("identity:mandates")
    return page(request, form, status=400)


@never_cache
@require_POST
@visitor_required("person")
def end(request, mandate_uuid):
    me = mandates.own_visitor(current_visitor(request))
    mandate = (
        (mandates.mandates_given_by(me.bsn) | mandates.mandates_held_by(me.bsn))
        .filter(uuid=mandate_uuid)
        .first()
    )
    if mandate is None:
        messages.error(request, _("This is not your mandate."))
    else:
        mandates.end_mandate(mandate, by=current_visitor(request))
        messages.success(request, _("The mandate has ended."))
    return redirect("identity:mandates")


@never_cache
@require_POST
@visitor_required("person")
def act_for(request, mandate_uuid):
    try:
        acting = mandates.act_for(request, mandate_uuid)
    except MandateError as error:
        messages.error(request, error.messages[0])
        return redirect("identity:mandates")
    messages.success(request, _("You now act for %(name)s.") % {"name": acting.name})
    return redirect("portal:mijn")


@never_cache
@require_POST
@visitor_required("person")
def stop_acting(request):
    mandates.stop_acting(request)
    messages.success(request, _("You act for yourself again."))
    return redirect("identity:mandates")
