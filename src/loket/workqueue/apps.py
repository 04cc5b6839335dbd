from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkqueueConfig(AppConfig):
    name = "loket.workqueue"
    verbose_name = _("Work queue")
