"""The secret track & trace link of a case, for following it without logging in.

The token is the case's uuid signed with the secret key, so nothing needs to be stored and a
token cannot be guessed or changed into another case's; changing the secret key ends all links.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from loket.cases.models import Case

SALT = "loket.cases.track"


def track_token(case: Case) -> str:
    return signing.dumps(str(case.uuid), salt=SALT)


def case_for_track_token(token: str) -> Case | None:
    try:
        uuid = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return Case.objects.filter(uuid=uuid).select_related("case_type").first()


def track_url(case: Case) -> str:
    return settings.LOKET_BASE_URL + reverse("portal:track", args=[track_token(case)])
