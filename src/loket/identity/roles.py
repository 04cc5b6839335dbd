"""The staff roles of DESIGN.md, as Django groups.

What a role may do is enforced in the services of each app; the group is how a user gets it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    KCC = "kcc", _("Contact centre employee (KCC)")
    CASE_WORKER = "case_worker", _("Case worker")
    FUNCTIONAL_ADMIN = "functional_admin", _("Functional administrator")
    MANAGER = "manager", _("Manager")


# What each role may read in the admin until its own pages exist ("app_label.codename").
# The KCC looks a case up with its mails to the citizen (the delivery log).
ADMIN_VIEW_PERMISSIONS = {
    Role.KCC: ("cases.view_case", "notify.view_mail"),
}
