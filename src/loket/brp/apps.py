from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrpConfig(AppConfig):
    name = "loket.brp"
    verbose_name = _("Person register (BRP)")
