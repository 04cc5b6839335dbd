"""WSGI entry point for gunicorn (``loket serve``) and other WSGI servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.conf.settings")
application = get_wsgi_application()
