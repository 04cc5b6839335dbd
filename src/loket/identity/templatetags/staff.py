"""``{% if user|may:"work_cases" %}``: whether a staff member's role allows something, for
showing the links to their own workplaces (the services check it again)."""

from django import template

from loket.identity.permissions import StaffPermission, has_permission

register = template.Library()


@register.filter
def may(user, permission: str) -> bool:
    return bool(user and user.is_authenticated) and has_permission(
        user, StaffPermission(permission)
    )
