"""The settings module: embedded defaults, production variables, refusals."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], "
    "'cache': s.CACHES['default']['BACKEND'], 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'broker': s.CELERY_BROKER_URL, 'storage': s.STORAGES['default']['BACKEND'], "
    "'email': s.EMAIL_BACKEND, 'debug': s.DEBUG}))"
)
CLEAN = {
    key: value
    for key, value in os.environ.items()
    if key
    not in {
        "DATABASE_URL",
        "REDIS_URL",
        "CELERY_BROKER_URL",
        "DEBUG",
        "SECRET_KEY",
        "AWS_STORAGE_BUCKET_NAME",
        "EMAIL_URL",
    }
}


def probe(code: str = PROBE, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_defaults_are_the_embedded_setup():
    result = probe()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        '{"db": "django.db.backends.sqlite3", '
        '"cache": "django.core.cache.backends.locmem.LocMemCache", '
        '"eager": true, "broker": "", '
        '"storage": "django.core.files.storage.FileSystemStorage", '
        '"email": "django.core.mail.backends.console.EmailBackend", "debug": true}'
    )


def test_production_is_environment_variables_only():
    result = probe(
        DEBUG="false",
        SECRET_KEY="a-real-secret-key-for-this-test-only",
        DATABASE_URL="postgres://u:p@db.internal:5432/shortener",
        REDIS_URL="redis://cache.internal:6379/0",
        AWS_STORAGE_BUCKET_NAME="uploads",
        EMAIL_URL="smtp+tls://user:pass@smtp.example.com:587",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        '{"db": "django.db.backends.postgresql", '
        '"cache": "core.cache.RedisCache", '
        '"eager": false, "broker": "redis://cache.internal:6379/0", '
        '"storage": "storages.backends.s3.S3Storage", '
        '"email": "django.core.mail.backends.smtp.EmailBackend", "debug": false}'
    )


def test_debug_off_with_the_dev_secret_key_refuses_to_start():
    result = probe(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_malformed_value_refuses_to_start():
    result = probe(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr
    result = probe(API_RATE_LIMIT="fast")
    assert result.returncode != 0
    assert "API_RATE_LIMIT must be a whole number" in result.stderr


POOL_PROBE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default'].get('OPTIONS', {}).get('pool'))"
)
POSTGRES = "postgres://u:p@db.internal:5432/shortener"


def test_postgresql_connections_come_from_a_pool_per_process():
    result = probe(POOL_PROBE, DATABASE_URL=POSTGRES)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{'min_size': 2, 'max_size': 10, 'timeout': 10}"

    result = probe(POOL_PROBE, DATABASE_URL=POSTGRES, DATABASE_POOL_SIZE="25")
    assert "'max_size': 25" in result.stdout


def test_no_pool_when_turned_off_with_persistent_connections_or_on_sqlite():
    for env in (
        {"DATABASE_URL": POSTGRES, "DATABASE_POOL_SIZE": "0"},
        {"DATABASE_URL": POSTGRES, "CONN_MAX_AGE": "60"},
        {},
    ):
        result = probe(POOL_PROBE, **env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "None", env
