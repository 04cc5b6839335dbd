"""The demo's status mail templates, from ``demo/status_mail.json``: a default template in
Dutch and English, and the end statuses of the demo case types (and the passport's "ready for
collection") with a text of their own."""

import json
from pathlib import Path

from django.db import transaction

from loket.notify.models import StatusMailTemplate

DEMO_STATUS_MAIL = Path(__file__).parent / "demo" / "status_mail.json"


@transaction.atomic
def load_demo_status_mails(path: Path = DEMO_STATUS_MAIL) -> None:
    """Add the demo templates that are missing; a template changed in the admin stays."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for spec in data["templates"]:
        StatusMailTemplate.objects.get_or_create(
            case_type_identification=spec["case_type"],
            status_description=spec["status"],
            language=spec["language"],
            defaults={
                "subject": spec["subject"],
                "text_body": spec["text_body"],
                "html_body": spec["html_body"],
            },
        )
