"""WSGI entry point: ``waitress-serve unionplan.wsgi:application`` or any WSGI server."""

import gc
import os

from django.core.wsgi import get_wsgi_application

from unionplan import startup

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
startup.prepare()
application = get_wsgi_application()

# What is loaded now (Django, the apps, their modules: some 130,000 objects) lives as long as
# the process. Frozen, the garbage collector's full passes skip it: each of those took
# 35–110 ms and fell on a request now and then (every other iCal export of a
# 1,000-activity plan), a pause that grew with the program, not with the request.
gc.collect()
gc.freeze()
