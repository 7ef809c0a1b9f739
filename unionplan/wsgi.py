"""WSGI entry point: ``waitress-serve unionplan.wsgi:application`` or any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

from unionplan import startup

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
startup.prepare()
application = get_wsgi_application()
