"""Celery application. Without a broker configured, tasks run inline (eager)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("shortener")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
