from loket.catalog.services import publish_case_type
from tests.catalog.factories import make_case_type


def published_case_type(**fields):
    return publish_case_type(make_case_type(**fields))
