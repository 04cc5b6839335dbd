from django.conf import settings


def municipality(request):
    return {"municipality_name": settings.LOKET_MUNICIPALITY_NAME}
