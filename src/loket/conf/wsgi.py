"""WSGI entry point for gunicorn (``loket serve``) and other WSGI servers."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.conf.settings")
application = get_wsgi_application()
# Everything loaded so far lives as long as the process: leave it out of the full garbage
# collections, which otherwise walk all of Django and Loket again every few dozen requests
# (docs/performance.md, "With volume data": the list page's p99).
gc.freeze()
