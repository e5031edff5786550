"""Settings for every environment.

The defaults *are* the embedded setup (SQLite, local-memory cache, Celery tasks run
inline, files on local disk, e-mail to the console), so `make run` needs no
environment variable. Production changes environment variables only:
DATABASE_URL, REDIS_URL, SECRET_KEY, DEBUG, ALLOWED_HOSTS, SITE_URL, EMAIL_URL and
the AWS_* storage settings. A malformed value stops startup.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DEV_SECRET_KEY = "dev-only-insecure-secret-key-change-me-in-production"


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean; anything but a clear yes/no stops startup."""
    value = env.str(name, default="").strip().lower()
    if value == "":
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    """Read an integer of at least `minimum`; anything else stops startup."""
    value = env.str(name, default="").strip()
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}")
    return number


DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured(
        "Set SECRET_KEY: DEBUG is off and the key is the dev key"
    )

# The public address of the site: short URLs, e-mails and SSO links are built on it.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
_site = urlsplit(SITE_URL)
if _site.scheme not in {"http", "https"} or not _site.hostname:
    raise ImproperlyConfigured("SITE_URL must be an absolute http(s) URL")
SITE_NAME = env.str("SITE_NAME", default="Shortener")

# The site's own hosts. Branded domains can be any host, so Django's own check lets
# every host by and shortener.middleware.KnownHostMiddleware answers 400 for a host
# that is neither one of these nor a branded domain.
SITE_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[_site.hostname, "localhost", "127.0.0.1", "[::1]", "testserver"],
)
ALLOWED_HOSTS = ["*"]
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", default=[f"{_site.scheme}://{_site.netloc}"]
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_ratelimit",
    "drf_spectacular_sidecar",  # Swagger UI's files for the API explorer
    "core",
    "api",
    "accounts",
    "billing",
    "shortener",
    "analytics",
    "files",
    "qrcodes",
    "overlays",
    "pixels",
    "splash",
    "payments",
    "bio",
    "campaigns",
    "channels",
]

MIDDLEWARE = [
    # Under the ASGI server, streaming responses (static and uploaded files, the
    # clicks CSV) are sent a part at a time instead of read whole first.
    "core.middleware.AsyncStreamingMiddleware",
    "shortener.middleware.KnownHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite beside the code unless DATABASE_URL names another server.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", default=0)
# PostgreSQL: each process keeps a pool of up to DATABASE_POOL_SIZE connections
# (psycopg_pool), shared by the threads that run requests and tasks, so a
# request does not open a connection of its own. 0 turns it off; it cannot be
# combined with persistent connections (CONN_MAX_AGE).
DATABASE_POOL_SIZE = env_int("DATABASE_POOL_SIZE", default=10)
if (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and DATABASE_POOL_SIZE
    and not DATABASES["default"]["CONN_MAX_AGE"]
):
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(2, DATABASE_POOL_SIZE),
        "max_size": DATABASE_POOL_SIZE,
        "timeout": 10,  # seconds a request waits for a free connection
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when configured, carries the cache (and with it the API rate-limit
# counters, shared by every web process) and the Celery broker.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",  # Django's, one client per pool
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "shortener",
        }
    }

RATELIMIT_USE_CACHE = "default"
SILENCED_SYSTEM_CHECKS = [
    # django-ratelimit does not list Django's own RedisCache, which is shared and
    # increments atomically.
    "django_ratelimit.W001",
]
if not REDIS_URL:
    # One process on the embedded default: a local-memory counter is exact there.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL  # no broker: run tasks inline
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "UTC"
# Periodic tasks, run by `celery -A config beat` next to the worker.
# How often the click buffer is drained: small batches often spread the work
# (and the statistics are fresher) where large ones rarely come in bursts.
CLICKS_DRAIN_SECONDS = env.float("CLICKS_DRAIN_SECONDS", default=5.0)
CELERY_BEAT_SCHEDULE = {
    "billing-expire-subscriptions": {
        "task": "billing.tasks.expire_subscriptions",
        "schedule": 15 * 60,  # seconds
    },
    "analytics-aggregate-clicks": {
        "task": "analytics.tasks.aggregate_clicks",  # drains the click buffer
        "schedule": CLICKS_DRAIN_SECONDS,
        # a backlog of these is one too many
        "options": {"expires": CLICKS_DRAIN_SECONDS},
    },
    "analytics-prune-clicks": {
        "task": "analytics.tasks.prune_clicks",  # the plans' retention
        "schedule": 60 * 60,
    },
}

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    # The API contract's rule ("at least 5 characters") holds everywhere, so a
    # password set in the dashboard also works through the API and back.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 5},
    },
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("it", _("Italian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# S3-compatible object storage for uploads, when a bucket is named.
if AWS_STORAGE_BUCKET_NAME := env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_S3_FILE_OVERWRITE = False

# Uploads: avatars are small images.
AVATAR_MAX_BYTES = env_int("AVATAR_MAX_BYTES", default=1024 * 1024, minimum=1)
# Shared files (api-spec §11, D22): uploads larger than this are refused with 413.
FILES_MAX_BYTES = env_int("FILES_MAX_BYTES", default=25 * 1024 * 1024, minimum=1)
# Bodies of JSON API requests larger than this are refused with 413.
API_MAX_BODY_BYTES = env_int("API_MAX_BODY_BYTES", default=1024 * 1024, minimum=1)

# E-mail: printed to the console unless EMAIL_URL names an SMTP server,
# e.g. smtp+tls://user:password@smtp.example.com:587
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"noreply@{_site.hostname}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The public API.
API_ENABLED = env_bool("API_ENABLED", default=True)
API_RATE_LIMIT = env_int("API_RATE_LIMIT", default=30, minimum=1)  # per minute

# Plans (issue 5). While off, no plan gate or quota applies to anyone and the
# API rate is the site default (D38).
PAID_PLANS = env_bool("PAID_PLANS", default=False)
# How long an SSO login link (GET /api/user/login/:id) stays valid (D24).
SSO_TOKEN_MINUTES = 60

# Online payments (Stripe Checkout). Without both keys the pricing page offers no
# buy buttons: an administrator assigns plans. STRIPE_PUBLISHABLE_KEY is optional
# and not needed by the hosted (redirect) Checkout used here.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
if bool(STRIPE_SECRET_KEY) != bool(STRIPE_WEBHOOK_SECRET):
    # Taking payments without hearing back from Stripe would charge people for
    # plans they never get.
    raise ImproperlyConfigured(
        "Set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or neither"
    )
# ISO 4217 code of the plans' prices.
PAYMENTS_CURRENCY = env.str("PAYMENTS_CURRENCY", default="usd").strip().lower()
if len(PAYMENTS_CURRENCY) != 3 or not PAYMENTS_CURRENCY.isalpha():
    raise ImproperlyConfigured("PAYMENTS_CURRENCY must be a 3-letter currency code")

# Links.
ALIAS_LENGTH = env_int("ALIAS_LENGTH", default=5, minimum=3)  # random codes
DEDUPLICATE_LINKS = env_bool("DEDUPLICATE_LINKS", default=True)  # D13
# Other hosts that serve this platform's links (self-links to them are refused).
EXTRA_SHORT_HOSTS = env.list("EXTRA_SHORT_HOSTS", default=[])
BLACKLISTED_DOMAINS = [d.lower() for d in env.list("BLACKLISTED_DOMAINS", default=[])]
BLACKLISTED_KEYWORDS = [
    k.lower() for k in env.list("BLACKLISTED_KEYWORDS", default=[]) if k
]
# App schemes deep links may use besides http(s).
DEEPLINK_SCHEMES = env.list(
    "DEEPLINK_SCHEMES", default=["itms-apps", "market", "intent", "fb", "twitter"]
)
# 302 + no-store by default; 301 + max-age=90 when REDIRECT_PERMANENT (D33).
REDIRECT_PERMANENT = env_bool("REDIRECT_PERMANENT", default=False)
# Destination titles/descriptions are read after a link is saved (D39): inline with
# a short timeout on the embedded default, in a worker otherwise.
FETCH_LINK_METADATA = env_bool("FETCH_LINK_METADATA", default=True)
METADATA_TIMEOUT = 2.0 if CELERY_TASK_ALWAYS_EAGER else 8.0
# Server-side fetches never reach private or loopback addresses, unless allowed.
FETCH_ALLOW_PRIVATE = env_bool("FETCH_ALLOW_PRIVATE", default=False)
# Seconds before the site's splash page (links of type `splash`) enables Continue.
SPLASH_SECONDS = env_int("SPLASH_SECONDS", default=5)

# Clicks (D34). Raw IP addresses are kept only when asked for (abuse handling).
CLICKS_STORE_IP = env_bool("CLICKS_STORE_IP", default=False)
# The Redis list clicks are buffered in (analytics.buffer); "" stores each click
# as it happens. A Celery worker and beat drain it (analytics-aggregate-clicks).
CLICKS_BUFFER_URL = env.str("CLICKS_BUFFER_URL", default=REDIS_URL)
# Proxies in front of the app that append to X-Forwarded-For; 0: trust REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", default=0)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "api.gates.PlanGate",  # the plan's `api` and the family's feature (§1.2)
    ],
    "DEFAULT_RENDERER_CLASSES": ["api.renderers.ContractRenderer"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.ContractJSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.AlwaysJSON",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.ContractPagination",
    "DEFAULT_METADATA_CLASS": None,
    "DEFAULT_THROTTLE_CLASSES": [],
    "EXCEPTION_HANDLER": "api.exceptions.contract_exception_handler",
    "UNAUTHENTICATED_USER": None,
    "URL_FORMAT_OVERRIDE": None,
}

# Security headers; the HTTPS-only ones follow SITE_URL's scheme.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if _site.scheme == "https" and not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Django's own loggers write through the root handler once, not twice.
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        # Hosts that are neither ours nor a branded domain get a 400; scanners send
        # them all day, and an ERROR line each is noise, not news.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}
