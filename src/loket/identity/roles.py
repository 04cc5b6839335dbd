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
