"""Django's admin app with Loket's admin site (``admin_site.StaffAdminSite``) as the default.

Kept apart from ``admin_site`` because ``INSTALLED_APPS`` imports it before the models exist.
"""

from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    default_site = "loket.identity.admin_site.StaffAdminSite"
