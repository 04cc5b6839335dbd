"""Reading Loket's configuration from ``LOKET_*`` environment variables.

Everything a deployment may change comes from the environment (twelve-factor), so the same
package runs the demo on a laptop and production behind a proxy. Production mode refuses to
start on settings that are only safe for a demo; the refusal lists every problem at once.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from stdnum import iban

MODES = ("production", "demo")
DEMO_SECRET_KEY = "loket-demo-secret-key-not-for-production"  # noqa: S105 - refused in production
DEMO_MUNICIPALITY = "Gemeente Voorbeeld"
# The X-API-KEY of Loket's own Haal Centraal BRP endpoint in demo mode; refused in production.
DEMO_BRP_SERVER_API_KEY = "demo-brp-key"
# The fictional Voorbeeld lies in the middle of the country.
DEMO_MAP_AREA = "52.0600,5.0600,52.1100,5.1600"
# The demo municipality's (fictional) account that grants are paid from.
DEMO_PAYOUT_IBAN = "NL12BNGH0285041234"
DEMO_PAYOUT_BIC = "BNGHNL2G"
BRP_SOURCES = ("builtin", "haalcentraal")
# The OpenID Connect brokers for DigiD and eHerkenning, each read from LOKET_OIDC_<KEY>_*.
OIDC_BROKERS = {"digid": ("DIGID", "BSN", "bsn"), "eherkenning": ("EHERKENNING", "KVK", "kvk")}

TRUE_WORDS = {"1", "true", "yes", "on", "ja"}
FALSE_WORDS = {"0", "false", "no", "off", "nee", ""}


def read_bool(env: dict, name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def read_int(env: dict, name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def read_rate(env: dict, name: str, default: str) -> tuple[int, int]:
    """A rate limit as ``requests/seconds`` (``30/60``: 30 requests a minute); 0 requests: off."""
    raw = env.get(name, default).strip()
    try:
        requests, seconds = (int(part) for part in raw.split("/"))
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be requests/seconds, e.g. 30/60, not {raw!r}."
        ) from None
    if requests < 0 or seconds < 1:
        raise ImproperlyConfigured(f"{name}: requests must be 0 or more and seconds at least 1.")
    return requests, seconds


def read_list(env: dict, name: str, default: list[str]) -> list[str]:
    raw = env.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


@dataclass(frozen=True)
class OidcBroker:
    """An OpenID Connect broker for DigiD or eHerkenning; in use when it has a client id."""

    discovery_url: str
    issuer: str
    client_id: str
    client_secret: str
    scope: str
    identifier_claim: str  # the claim with the BSN (DigiD) or the KvK number (eHerkenning)
    name_claim: str
    assurance_claim: str
    # eHerkenning: the branch (vestigingsnummer) and the name of the employee who logged in.
    branch_claim: str
    employee_claim: str

    @property
    def configured(self) -> bool:
        return bool(self.client_id)


def read_oidc_broker(env: dict, key: str, identifier: str, identifier_default: str) -> OidcBroker:
    prefix = f"LOKET_OIDC_{key}_"
    issuer = env.get(f"{prefix}ISSUER", "").strip().rstrip("/")
    discovery_url = env.get(f"{prefix}DISCOVERY_URL", "").strip()
    if not discovery_url and issuer:
        discovery_url = f"{issuer}/.well-known/openid-configuration"
    return OidcBroker(
        discovery_url=discovery_url,
        issuer=issuer,
        client_id=env.get(f"{prefix}CLIENT_ID", "").strip(),
        client_secret=env.get(f"{prefix}CLIENT_SECRET", ""),
        scope=" ".join(env.get(f"{prefix}SCOPE", "openid").split()),
        identifier_claim=env.get(f"{prefix}{identifier}_CLAIM", identifier_default).strip(),
        name_claim=env.get(f"{prefix}NAME_CLAIM", "name").strip(),
        assurance_claim=env.get(f"{prefix}ASSURANCE_CLAIM", "acr").strip(),
        branch_claim=env.get(f"{prefix}BRANCH_CLAIM", "vestigingsnummer").strip(),
        employee_claim=env.get(f"{prefix}EMPLOYEE_CLAIM", "acting_subject_name").strip(),
    )


@dataclass(frozen=True)
class Environment:
    mode: str
    debug: bool
    secret_key: str
    data_dir: Path
    database_url: str
    allowed_hosts: list[str]
    csrf_trusted_origins: list[str]
    base_url: str
    referentielijsten_api: str
    municipality_name: str
    case_number_pattern: str
    demo_login: bool
    jwt_leeway: int
    email_host: str
    email_port: int
    email_user: str
    email_password: str
    email_use_tls: bool
    email_from: str
    storage: str
    document_max_bytes: int
    media_root: Path
    s3_bucket: str
    s3_endpoint_url: str
    s3_access_key: str
    s3_secret_key: str
    log_level: str
    brp_source: str
    brp_url: str
    brp_api_key: str
    brp_server_api_key: str
    payment_provider: str
    staff_second_factor: bool
    notifications_api: str
    notifications_client_id: str
    notifications_secret: str
    map_area: tuple[float, float, float, float]
    payout_iban: str
    payout_bic: str
    oidc_digid: OidcBroker
    oidc_eherkenning: OidcBroker
    visitor_idle_seconds: int
    visitor_warning_seconds: int
    rate_limits: bool
    rate_limit_forms: tuple[int, int]
    rate_limit_lookups: tuple[int, int]
    rate_limit_api: tuple[int, int]
    proxy_count: int
    login_max_failures: int
    login_max_failures_per_ip: int
    login_lockout_seconds: int

    @property
    def is_demo(self) -> bool:
        return self.mode == "demo"

    @property
    def mail_over_smtp(self) -> bool:
        return bool(self.email_host)


def read_environment(env: dict | None = None) -> Environment:
    """Build the configuration from ``env`` (the process environment by default)."""
    env = dict(os.environ if env is None else env)
    mode = env.get("LOKET_MODE", "production").strip().lower()
    if mode not in MODES:
        raise ImproperlyConfigured(f"LOKET_MODE must be one of {', '.join(MODES)}, not {mode!r}.")
    demo = mode == "demo"
    data_dir = Path(env.get("LOKET_DATA_DIR", "var")).expanduser().resolve()
    base_url = env.get("LOKET_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    environment = Environment(
        mode=mode,
        debug=read_bool(env, "LOKET_DEBUG", False),
        secret_key=env.get("LOKET_SECRET_KEY", DEMO_SECRET_KEY if demo else ""),
        data_dir=data_dir,
        database_url=env.get("LOKET_DATABASE_URL", f"sqlite:///{data_dir / 'loket.sqlite3'}"),
        allowed_hosts=read_list(
            env, "LOKET_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if demo else []
        ),
        csrf_trusted_origins=read_list(env, "LOKET_CSRF_TRUSTED_ORIGINS", []),
        base_url=base_url,
        # The Referentielijsten / Selectielijst API; Loket serves VNG's lists itself.
        referentielijsten_api=env.get(
            "LOKET_REFERENTIELIJSTEN_API", f"{base_url}/referentielijsten/api/v1/"
        ),
        municipality_name=env.get(
            "LOKET_MUNICIPALITY_NAME", DEMO_MUNICIPALITY if demo else ""
        ).strip(),
        case_number_pattern=env.get("LOKET_CASE_NUMBER_PATTERN", "ZAAK-{year}-{number:07d}"),
        demo_login=read_bool(env, "LOKET_DEMO_LOGIN", demo),
        # Seconds of clock difference allowed on the iat/exp of a ZGW JWT.
        jwt_leeway=read_int(env, "LOKET_JWT_LEEWAY", 300),
        email_host=env.get("LOKET_EMAIL_HOST", ""),
        email_port=read_int(env, "LOKET_EMAIL_PORT", 25),
        email_user=env.get("LOKET_EMAIL_USER", ""),
        email_password=env.get("LOKET_EMAIL_PASSWORD", ""),
        email_use_tls=read_bool(env, "LOKET_EMAIL_USE_TLS", False),
        email_from=env.get("LOKET_EMAIL_FROM", "noreply@loket.invalid"),
        storage=env.get("LOKET_STORAGE", "local").strip().lower(),
        document_max_bytes=read_int(env, "LOKET_DOCUMENT_MAX_MB", 50) * 1024 * 1024,
        media_root=Path(env.get("LOKET_MEDIA_ROOT", data_dir / "media")).expanduser().resolve(),
        s3_bucket=env.get("LOKET_S3_BUCKET", ""),
        s3_endpoint_url=env.get("LOKET_S3_ENDPOINT_URL", ""),
        s3_access_key=env.get("LOKET_S3_ACCESS_KEY", ""),
        s3_secret_key=env.get("LOKET_S3_SECRET_KEY", ""),
        log_level=env.get("LOKET_LOG_LEVEL", "INFO").upper(),
        # Where person data comes from: the built-in fictional register or a Haal Centraal
        # BRP Personen API; and the key other systems send to the register Loket serves.
        brp_source=env.get("LOKET_BRP_SOURCE", "builtin").strip().lower(),
        brp_url=env.get("LOKET_BRP_URL", "").strip().rstrip("/"),
        brp_api_key=env.get("LOKET_BRP_API_KEY", ""),
        brp_server_api_key=env.get(
            "LOKET_BRP_SERVER_API_KEY", DEMO_BRP_SERVER_API_KEY if demo else ""
        ),
        # Staff log in with a password and a TOTP code (docs/operations.md, "Staff login").
        staff_second_factor=read_bool(env, "LOKET_STAFF_SECOND_FACTOR", True),
        # An external Notificaties API to publish to; empty: Loket routes to its own subscribers.
        notifications_api=env.get("LOKET_NOTIFICATIONS_API", "").strip(),
        notifications_client_id=env.get("LOKET_NOTIFICATIONS_CLIENT_ID", "loket"),
        notifications_secret=env.get("LOKET_NOTIFICATIONS_SECRET", ""),
        # "demo" lets the person choose the outcome; "none" turns online payment off.
        payment_provider=env.get("LOKET_PAYMENT_PROVIDER", "demo" if demo else "none").strip(),
        # The municipality's area on the forms' map: south, west, north, east in WGS84.
        map_area=read_map_area(env.get("LOKET_MAP_AREA", DEMO_MAP_AREA)),
        # The account grants are paid from, in the SEPA files of payouts (pain.001).
        payout_iban=env.get("LOKET_PAYOUT_IBAN", DEMO_PAYOUT_IBAN if demo else "")
        .replace(" ", "")
        .upper(),
        payout_bic=env.get("LOKET_PAYOUT_BIC", DEMO_PAYOUT_BIC if demo else "").strip().upper(),
        # Logging in to the portal: the DigiD and eHerkenning brokers, and how long a login
        # lasts without a request, with the warning that many seconds before its end.
        oidc_digid=read_oidc_broker(env, *OIDC_BROKERS["digid"]),
        oidc_eherkenning=read_oidc_broker(env, *OIDC_BROKERS["eherkenning"]),
        visitor_idle_seconds=read_int(env, "LOKET_VISITOR_IDLE_SECONDS", 15 * 60),
        visitor_warning_seconds=read_int(env, "LOKET_VISITOR_WARNING_SECONDS", 2 * 60),
        # Anti-automation (loket.security): requests per client in a window, a 429 beyond.
        rate_limits=read_bool(env, "LOKET_RATE_LIMITS", True),
        rate_limit_forms=read_rate(env, "LOKET_RATE_LIMIT_FORMS", "60/60"),
        rate_limit_lookups=read_rate(env, "LOKET_RATE_LIMIT_LOOKUPS", "60/60"),
        rate_limit_api=read_rate(env, "LOKET_RATE_LIMIT_API", "1200/60"),
        # Reverse proxies in front of Loket that append to X-Forwarded-For (0: none).
        proxy_count=read_int(env, "LOKET_PROXY_COUNT", 0),
        # Staff login lockout after wrong passwords (loket.security.lockout); 0 turns it off.
        login_max_failures=read_int(env, "LOKET_LOGIN_MAX_FAILURES", 5),
        login_max_failures_per_ip=read_int(env, "LOKET_LOGIN_MAX_FAILURES_PER_IP", 50),
        login_lockout_seconds=read_int(env, "LOKET_LOGIN_LOCKOUT_SECONDS", 15 * 60),
    )
    problems = configuration_problems(environment)
    if problems:
        raise ImproperlyConfigured(
            "Loket refuses to start in "
            f"{environment.mode} mode:\n" + "\n".join(f"  - {p}" for p in problems)
        )
    return environment


def configuration_problems(environment: Environment) -> list[str]:
    """Every reason this configuration is unsafe or incomplete, as sentences."""
    problems = []
    if environment.payout_iban and not iban.is_valid(environment.payout_iban):
        problems.append(f"LOKET_PAYOUT_IBAN is not a valid IBAN: {environment.payout_iban!r}.")
    if environment.storage not in ("local", "s3"):
        problems.append(f"LOKET_STORAGE must be local or s3, not {environment.storage!r}.")
    if environment.storage == "s3" and not environment.s3_bucket:
        problems.append("LOKET_STORAGE is s3 but LOKET_S3_BUCKET is empty.")
    if environment.brp_source not in BRP_SOURCES:
        problems.append(
            f"LOKET_BRP_SOURCE must be builtin or haalcentraal, not {environment.brp_source!r}."
        )
    try:
        environment.case_number_pattern.format(year=2026, number=1)
    except (KeyError, IndexError, ValueError):
        problems.append(
            "LOKET_CASE_NUMBER_PATTERN may use only {year} and {number}, "
            "e.g. ZAAK-{year}-{number:07d}."
        )
    problems += visitor_login_problems(environment)
    if environment.proxy_count < 0:
        problems.append("LOKET_PROXY_COUNT must be 0 or more.")
    if environment.login_lockout_seconds < 1:
        problems.append("LOKET_LOGIN_LOCKOUT_SECONDS must be at least 1.")
    if environment.is_demo:
        return problems
    problems += oidc_production_problems(environment)
    if not environment.secret_key or environment.secret_key == DEMO_SECRET_KEY:
        problems.append(
            "LOKET_SECRET_KEY is empty or the demo key; set a long random secret "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    elif len(environment.secret_key) < 32:
        problems.append("LOKET_SECRET_KEY is shorter than 32 characters.")
    if environment.demo_login:
        problems.append(
            "LOKET_DEMO_LOGIN is on; the demo login, demo staff accounts and demo API client "
            "exist only in demo mode."
        )
    if environment.debug:
        problems.append("LOKET_DEBUG is on; debug pages leak personal data.")
    if environment.brp_source == "haalcentraal" and not environment.brp_url:
        problems.append(
            "LOKET_BRP_SOURCE is haalcentraal but LOKET_BRP_URL is empty; give the API's base "
            "address, e.g. https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp."
        )
    if environment.brp_server_api_key == DEMO_BRP_SERVER_API_KEY:
        problems.append(
            "LOKET_BRP_SERVER_API_KEY is the demo key; choose another or leave it empty."
        )
    if not environment.allowed_hosts:
        problems.append("LOKET_ALLOWED_HOSTS is empty; name the host names Loket is served on.")
    if not environment.municipality_name:
        problems.append("LOKET_MUNICIPALITY_NAME is empty; name the municipality.")
    if not environment.staff_second_factor:
        problems.append(
            "LOKET_STAFF_SECOND_FACTOR is off; staff must log in with a password and a code."
        )
    if environment.notifications_api and not environment.notifications_secret:
        problems.append(
            "LOKET_NOTIFICATIONS_API is set but LOKET_NOTIFICATIONS_SECRET is empty; Loket "
            "signs its calls to that API with it."
        )
    if environment.payout_iban == DEMO_PAYOUT_IBAN:
        problems.append("LOKET_PAYOUT_IBAN is the demo's account; give the municipality's own.")
    if environment.payment_provider == "demo":
        problems.append(
            "LOKET_PAYMENT_PROVIDER is demo; the demo payment page exists only in demo mode."
        )
    return problems


def visitor_login_problems(environment: Environment) -> list[str]:
    """Problems with the portal login settings, in every mode."""
    problems = []
    if environment.visitor_idle_seconds < 60:
        problems.append("LOKET_VISITOR_IDLE_SECONDS must be at least 60.")
    if not 0 <= environment.visitor_warning_seconds < environment.visitor_idle_seconds:
        problems.append(
            "LOKET_VISITOR_WARNING_SECONDS must be 0 or more and less than "
            "LOKET_VISITOR_IDLE_SECONDS."
        )
    for name, (key, _identifier, _default) in OIDC_BROKERS.items():
        broker = getattr(environment, f"oidc_{name}")
        if broker.configured and "openid" not in broker.scope.split():
            problems.append(f"LOKET_OIDC_{key}_SCOPE must contain openid.")
    return problems


def oidc_production_problems(environment: Environment) -> list[str]:
    """A broker that is half configured, or reached without TLS, is refused in production."""
    problems = []
    for name, (key, _identifier, _default) in OIDC_BROKERS.items():
        broker = getattr(environment, f"oidc_{name}")
        prefix = f"LOKET_OIDC_{key}_"
        if not broker.configured:
            if broker.client_secret or broker.discovery_url:
                problems.append(
                    f"{prefix}CLIENT_ID is empty but the other {prefix}* settings are set; "
                    "give the client id the broker issued, or remove them."
                )
            continue
        if not broker.client_secret:
            problems.append(
                f"{prefix}CLIENT_ID is set but {prefix}CLIENT_SECRET is empty; "
                "give the client secret the broker issued with it."
            )
        if not broker.discovery_url:
            problems.append(
                f"{prefix}CLIENT_ID is set but {prefix}DISCOVERY_URL and {prefix}ISSUER are "
                "empty; give the broker's address, e.g. "
                "https://broker.example.nl/.well-known/openid-configuration."
            )
        elif not broker.discovery_url.startswith("https://"):
            problems.append(f"{prefix}DISCOVERY_URL must be an https:// address in production.")
    return problems


def read_map_area(value: str) -> tuple[float, float, float, float]:
    try:
        south, west, north, east = (float(part) for part in value.split(","))
    except ValueError:
        raise ImproperlyConfigured(
            f"LOKET_MAP_AREA must be four numbers: south,west,north,east; not {value!r}."
        ) from None
    if not (south < north and west < east):
        raise ImproperlyConfigured("LOKET_MAP_AREA: south must be below north, west below east.")
    return south, west, north, east
