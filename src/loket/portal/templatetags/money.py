"""``{{ amount|euros }}``: an amount as the site shows money, € 1.250,00 (in English € 1,250.00)."""

from django import template

from loket.forms.fields import euros as format_euros

register = template.Library()


@register.filter
def euros(amount) -> str:
    return format_euros(amount) if amount is not None else ""
