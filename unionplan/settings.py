"""Django settings, read from the environment.

DATABASE_URL            default sqlite:///var/unionplan.sqlite3 (WAL mode)
UNIONPLAN_SECRET_KEY    default: generated once and kept in var/secret_key

Reading these settings creates nothing: the folders and the secret key are made by the one
start-up step, unionplan/startup.py's prepare(), which every entry point calls first.
UNIONPLAN_DEBUG         "1" to turn debug on (off by default)
UNIONPLAN_ALLOWED_HOSTS comma-separated, default 127.0.0.1,localhost
UNIONPLAN_VAR_DIR       where the SQLite file, the secret key and uploads live (default ./var)
UNIONPLAN_PUBLIC_URL    the address people type, e.g. https://gh.example.org: its host is allowed,
                        its origin trusted for forms; https turns on secure cookies and HSTS
UNIONPLAN_BEHIND_PROXY  "1" when a reverse proxy in front sets X-Forwarded-Proto/-For; without it
                        those headers are ignored (anyone could send them)
UNIONPLAN_HSTS_SECONDS  HSTS max-age when the public address is https (default one year)
UNIONPLAN_STATIC_ROOT   where collectstatic puts the static files (default var/static)
UNIONPLAN_DB_CONN_MAX_AGE  seconds a database connection is kept for reuse (default 600)
UNIONPLAN_EMAIL_BACKEND / _HOST / _PORT / _USER / _PASSWORD / _TLS / UNIONPLAN_FROM_EMAIL
                        mail for `unionplan remind` (printed on the console by default)
UNIONPLAN_TASKS         where background work is queued: "database" (default: the database
                        above, run by `unionplan worker`), "rq" (Redis, for several hosts)
                        or "immediate" (inside the request; no worker)
UNIONPLAN_REDIS_URL     the Redis server of the "rq" queue (default redis://127.0.0.1:6379/0)
UNIONPLAN_REMIND_AT     HH:MM: the worker sends the week's reminders every day at that time
                        (default: never; `unionplan remind` from cron does the same)
"""

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from unionplan import startup

BASE_DIR = startup.BASE_DIR
PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = startup.var_dir()

# A process that skipped the start-up step (a test, a script that sets Django up itself)
# gets a key of its own for its lifetime; every real entry point has prepared var/secret_key.
SECRET_KEY = startup.stored_secret_key() or secrets.token_urlsafe(50)


def _flag(name: str) -> bool:
    return os.environ.get(name, "") in {"1", "true", "True", "yes"}


DEBUG = _flag("UNIONPLAN_DEBUG")
PUBLIC_URL = os.environ.get("UNIONPLAN_PUBLIC_URL", "").strip().rstrip("/")
_public = urlsplit(PUBLIC_URL)
if PUBLIC_URL and (_public.scheme not in {"http", "https"} or not _public.hostname):
    sys.stderr.write(
        f"错误：UNIONPLAN_PUBLIC_URL“{PUBLIC_URL}”不是网址，应形如 https://gh.example.org\n"
    )
    sys.exit(2)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("UNIONPLAN_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
if _public.hostname and _public.hostname not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.insert(0, _public.hostname)
CSRF_TRUSTED_ORIGINS = [f"{_public.scheme}://{_public.netloc}"] if PUBLIC_URL else []

# Behind a reverse proxy the connection Django sees is the proxy's; the proxy's headers say
# what the browser used. Trusted only when the operator says a proxy is there.
BEHIND_PROXY = _flag("UNIONPLAN_BEHIND_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

if _public.scheme == "https":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("UNIONPLAN_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Redirecting http to https needs to know the scheme the browser used: only behind a
    # proxy that says so (else every request would look like http and redirect forever).
    SECURE_SSL_REDIRECT = BEHIND_PROXY
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

INSTALLED_APPS = [
    "unionplan.ops.apps.OperatorAdminConfig",  # django.contrib.admin, for operators only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "unionplan.ops.staticfiles.CollectedStaticConfig",  # django.contrib.staticfiles
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "unionplan.core",
    "unionplan.ops",
    "unionplan.orgs",
    "unionplan.plans",
    "unionplan.audit",
    "unionplan.review",
    "unionplan.agenda",
    "unionplan.members",
    "unionplan.records",
    "unionplan.imports",
    "unionplan.dashboard",
    "unionplan.demo",
    "unionplan.jobs",
    "unionplan.funds",
    "unionplan.welfare",
    "unionplan.api",
]

MIDDLEWARE = [
    "unionplan.ops.middleware.ForwardedForMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "unionplan.ops.method_not_allowed.MethodNotAllowedPage",
    # Last, as django-axes asks: it turns a lockout into the cool-down page.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy: scripts, styles, images and fonts only from our own static files;
# no inline script or style attribute runs, so injected markup cannot act. Charts are drawn
# by ECharts on a canvas (images as data: URLs when saved).
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
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

ROOT_URLCONF = "unionplan.urls"
WSGI_APPLICATION = "unionplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]


def _database() -> dict:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'unionplan.sqlite3'}"
    # Connections are kept and reused by each worker thread (a new PostgreSQL connection
    # costs a few milliseconds per request); health checks drop one the server closed.
    max_age = int(os.environ.get("UNIONPLAN_DB_CONN_MAX_AGE", "600"))
    config = dj_database_url.parse(url, conn_max_age=max_age, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers and one writer work at once; IMMEDIATE avoids "database is locked"
        # when two requests upgrade read transactions to writes.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compiling: our queries are short, but a few (a federation's targets, with a
        # correlated subquery per target) are estimated costly enough to pass jit_above_cost,
        # and compiling them took 0.9 s of the dashboard's 1 s at 1,000 unions.
        options = config.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Counts failed logins per user name and per address and refuses while cooling down.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "unionplan.ops.lockout.locked_out"
AXES_VERBOSE = False  # our own log line says who was locked out (core/lockout.py)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# The container collects static files into its image, outside the data volume.
STATIC_ROOT = startup.static_root()
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# collectstatic (make run, serve, the container) gives files hashed names, compresses them
# (gzip, brotli) and lets browsers cache them for a year. A file not collected yet (a fresh
# checkout, a file added since) is served from the package under its plain name.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "unionplan.ops.staticfiles.HashedStaticStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
# Uploaded files are never served from a public URL: views check the viewer's role first.
MEDIA_URL = "/media-not-public/"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "UNIONPLAN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("UNIONPLAN_FROM_EMAIL", "unionplan@localhost")
EMAIL_HOST = os.environ.get("UNIONPLAN_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("UNIONPLAN_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("UNIONPLAN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("UNIONPLAN_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _flag("UNIONPLAN_EMAIL_TLS")

REDIS_URL = os.environ.get("UNIONPLAN_REDIS_URL", "redis://127.0.0.1:6379/0")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS_KIND = os.environ.get("UNIONPLAN_TASKS", "database").strip().lower() or "database"
if TASKS_KIND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"UNIONPLAN_TASKS 应为 database、rq 或 immediate，而不是“{TASKS_KIND}”"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_KIND], "QUEUES": ["default"]}}
# django-rq's queue of the "rq" backend; a job may run up to an hour (a 1M-member export).
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
# Roster imports and sign-in sheets of more rows than this run as background jobs, and
# so does the check of an uploaded roster larger than this many bytes (about 10,000 rows).
BACKGROUND_ROWS = 2000
BACKGROUND_CHECK_BYTES = 512 * 1024
REMIND_AT = os.environ.get("UNIONPLAN_REMIND_AT", "").strip()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The REST API (unionplan.api): personal tokens or the browser's session, JSON only, pages
# of 100; a user's mistake is a 400 with the page's Chinese sentence (api.exceptions).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "unionplan.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "unionplan.api.exceptions.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "unionplan 接口",
    "DESCRIPTION": "工会年度工作计划系统的 REST 接口：组织、计划、审批流程与审批看板。"
    "以个人接口令牌认证（Authorization: Bearer up_…），可见范围与网页相同。",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI from drf-spectacular-sidecar's files under static/: no CDN, works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # A plan's and an activity's "status" are different lists: each gets its own name.
    "ENUM_NAME_OVERRIDES": {
        "PlanStatusEnum": "unionplan.vocab.PLAN_STATUSES",
        "ItemStatusEnum": "unionplan.vocab.ITEM_STATUSES",
    },
}
