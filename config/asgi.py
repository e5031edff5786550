"""The ASGI application: production runs it under uvicorn (README, Production).

Plain direct links are answered by shortener.fastpath in front of Django;
everything else goes to Django's own ASGI handler.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_application = get_asgi_application()  # sets Django up: import apps after

from shortener.fastpath import FastRedirects  # noqa: E402

application = FastRedirects(django_application)
