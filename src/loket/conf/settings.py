"""Django settings for Loket, all taken from ``LOKET_*`` environment variables.

See ``loket.conf.environment`` for the variables and the production refusals, and the README
for the list that operators set.
"""

from dataclasses import asdict
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from loket.conf.environment import read_environment

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOKET = read_environment()

SECRET_KEY = LOKET.secret_key
DEBUG = LOKET.debug
ALLOWED_HOSTS = LOKET.allowed_hosts
CSRF_TRUSTED_ORIGINS = LOKET.csrf_trusted_origins
LOKET_BASE_URL = LOKET.base_url
LOKET_REFERENTIELIJSTEN_API = LOKET.referentielijsten_api
LOKET_MUNICIPALITY_NAME = LOKET.municipality_name
LOKET_DEMO_LOGIN = LOKET.demo_login
LOKET_JWT_LEEWAY = LOKET.jwt_leeway
LOKET_CASE_NUMBER_PATTERN = LOKET.case_number_pattern
LOKET_BRP_SOURCE = LOKET.brp_source
LOKET_BRP_URL = LOKET.brp_url
LOKET_BRP_API_KEY = LOKET.brp_api_key
LOKET_BRP_SERVER_API_KEY = LOKET.brp_server_api_key
# Portal login through OpenID Connect brokers (loket.identity.oidc): a dict per broker, with
# an empty client_id when it is not in use.
LOKET_OIDC_DIGID = asdict(LOKET.oidc_digid)
LOKET_OIDC_EHERKENNING = asdict(LOKET.oidc_eherkenning)
# A visitor's login ends after this many seconds without a request; the page warns before.
LOKET_VISITOR_IDLE_SECONDS = LOKET.visitor_idle_seconds
LOKET_VISITOR_WARNING_SECONDS = LOKET.visitor_warning_seconds

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, so translated fields show there
    # The admin site that asks the staff's second factor (loket.identity.admin_site).
    "loket.identity.admin_config.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "loket.background",
    "loket.identity",
    "loket.catalog",
    "loket.brp",
    "loket.cases",
    "loket.notify",
    "loket.forms",
    "loket.portal",
    "loket.workqueue",
    "loket.contacts",
    "loket.sharing",
    "loket.insights",
    "loket.appointments",
    "loket.security",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response (loket.security).
    "csp.middleware.CSPMiddleware",
    "loket.security.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # No cache keeps a page of someone logged in (loket.security.headers).
    "loket.security.headers.PrivatePagesMiddleware",
    # 429 beyond LOKET_RATE_LIMIT_* on the public forms, lookups and APIs.
    "loket.security.ratelimit.RateLimitMiddleware",
    "loket.identity.middleware.VisitorIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "loket.identity.middleware.MandateMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "loket.identity.api_calls.PartnerCallLogMiddleware",
]

ROOT_URLCONF = "loket.conf.urls"
WSGI_APPLICATION = "loket.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Project-wide overrides of other apps' templates (the admin's base).
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "loket.portal.context_processors.municipality",
                "loket.identity.context_processors.visitor",
            ],
        },
    },
]


def database_settings(url: str) -> dict:
    database = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # The web and worker processes share one SQLite file: WAL lets readers go on while
        # one writes, and IMMEDIATE transactions take the write lock up front instead of
        # failing halfway with "database is locked".
        database["CONN_MAX_AGE"] = 0
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        LOKET.data_dir.mkdir(parents=True, exist_ok=True)
        database["OPTIONS"] = {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        database["TEST"] = {"NAME": str(LOKET.data_dir / "test.sqlite3")}
    return database


DATABASES = {"default": database_settings(LOKET.database_url)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work: Django's Tasks API with the database backend, so a task is a row written
# in the same transaction as the change that caused it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LOKET_TASK_RETRY = {
    "max_attempts": 6,
    "first_delay_seconds": 10,
    "max_delay_seconds": 3600,
}
# A task that has been RUNNING this long is taken to belong to a crashed worker and is run again.
LOKET_TASK_LEASE_SECONDS = 900

# The standard REST APIs (loket.api): ZGW JWT auth, ZGW error bodies, pages of 100.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["loket.api.common.auth.ZgwJwtAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["loket.api.common.scopes.ScopePermission"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "loket.api.common.pagination.ZgwPagination",
    "DEFAULT_SCHEMA_CLASS": "loket.api.common.schema.ZgwAutoSchema",
    "EXCEPTION_HANDLER": "loket.api.common.errors.zgw_exception_handler",
}
# Each API's schema view names its own title and version (loket.api.<standard>.urls).
SPECTACULAR_SETTINGS = {"TITLE": "Loket", "SERVE_INCLUDE_SCHEMA": False}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = LOKET.data_dir / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = LOKET.media_root
LOKET_DOCUMENT_MAX_BYTES = LOKET.document_max_bytes
LOKET_PAYMENT_PROVIDER = LOKET.payment_provider
LOKET_STAFF_SECOND_FACTOR = LOKET.staff_second_factor
LOKET_NOTIFICATIONS_API = LOKET.notifications_api
LOKET_NOTIFICATIONS_CLIENT_ID = LOKET.notifications_client_id
LOKET_NOTIFICATIONS_SECRET = LOKET.notifications_secret
LOKET_MAP_AREA = LOKET.map_area
LOKET_PAYOUT_IBAN = LOKET.payout_iban
LOKET_PAYOUT_BIC = LOKET.payout_bic

if LOKET.storage == "s3":
    default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": LOKET.s3_bucket,
            "endpoint_url": LOKET.s3_endpoint_url or None,
            "access_key": LOKET.s3_access_key or None,
            "secret_key": LOKET.s3_secret_key or None,
        },
    }
else:
    default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(LOKET.media_root)},
    }
STORAGES = {
    "default": default_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or LOKET.is_demo
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = LOKET.is_demo
if LOKET.is_demo:
    # The demo serves static files from the apps directly; an empty root keeps WhiteNoise quiet.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

DEFAULT_FROM_EMAIL = LOKET.email_from
SERVER_EMAIL = LOKET.email_from
if LOKET.mail_over_smtp:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = LOKET.email_host
    EMAIL_PORT = LOKET.email_port
    EMAIL_HOST_USER = LOKET.email_user
    EMAIL_HOST_PASSWORD = LOKET.email_password
    EMAIL_USE_TLS = LOKET.email_use_tls
    EMAIL_TIMEOUT = 30
elif LOKET.is_demo:
    # The demo has no mail server: every mail is written to a file to read back.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = LOKET.data_dir / "mail"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The throttling counters (rate limits, login lockout) must be shared by every web process and
# machine: a cache table in the database, made by the migration of loket.security.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "security": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "loket_security_cache",
        # Many addresses count at once; culling must not drop a running lock or count.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}
LOKET_RATE_LIMITS = LOKET.rate_limits
LOKET_RATE_LIMIT_FORMS = LOKET.rate_limit_forms
LOKET_RATE_LIMIT_LOOKUPS = LOKET.rate_limit_lookups
LOKET_RATE_LIMIT_API = LOKET.rate_limit_api
LOKET_PROXY_COUNT = LOKET.proxy_count
LOKET_LOGIN_MAX_FAILURES = LOKET.login_max_failures
LOKET_LOGIN_MAX_FAILURES_PER_IP = LOKET.login_max_failures_per_ip
LOKET_LOGIN_LOCKOUT_SECONDS = LOKET.login_lockout_seconds

# A strict Content-Security-Policy (django-csp): nothing inline, nothing from elsewhere. The
# pages' one script and their styles are static files; charts and QR codes are inline SVG
# without style attributes. form-action is left open: the DigiD / eHerkenning login posts to
# a page that redirects to the broker.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features no page of Loket uses, switched off (loket.security.headers).
LOKET_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: every form carries its token (the session dialog too).
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not LOKET.is_demo:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Defence in depth: a BSN-like number that reaches a log line is masked (loket.security).
    "filters": {"mask_bsn": {"()": "loket.security.log_filters.MaskBsnFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["mask_bsn"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "loket": {"level": LOKET.log_level},
        "django_tasks_db": {"level": LOKET.log_level},
    },
}
