"""A real OpenID Connect provider for the tests: a stand-in for a DigiD / eHerkenning broker.

    python tests/oidc_provider.py --port P --client-id X --client-secret Y \\
        --redirect-uri URI [--redirect-uri URI ...] [--acr VALUE] [--audience AUD]
        [--userinfo-only] [--foreign-key]

Built on Authlib's server components (``AuthorizationServer``, the authorization code grant
with the OpenID Connect and PKCE extensions, a bearer token resource protector) and served by
werkzeug on 127.0.0.1 in a thread, in its own process. It knows one confidential client.

- ``/.well-known/openid-configuration``: the discovery document; the issuer is
  ``http://127.0.0.1:P``.
- ``/jwks``: the public half of an RS256 key generated at start.
- ``/authorize`` (GET and POST): checks the request (client, redirect URI, ``state``, a
  ``nonce`` and an S256 PKCE challenge are required) and shows a small HTML login form in
  which the test types a BSN or a KvK number and a name, and presses "Inloggen" (or
  "Annuleren", which answers ``access_denied``). Nothing is checked of what is typed, so a
  test can also hand Loket an invalid BSN.
- ``/token``: exchanges the code (client secret by HTTP Basic or in the form, PKCE verifier)
  for an access token and an RS256-signed ID token with ``bsn`` or ``kvk``, ``name`` and
  ``acr`` (``--acr``, default DigiD Midden).
- ``/userinfo``: the same claims for the access token.

Options that make it misbehave on purpose, for tests of Loket's checks: ``--audience`` issues
ID tokens for another client, ``--foreign-key`` signs them with a key it does not publish,
``--userinfo-only`` leaves the identity claims out of the ID token (they are then only at
``/userinfo``, as some brokers do).
"""

import argparse
import hashlib
import hmac
import html
import json
import logging
import signal
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from authlib.common.security import generate_token
from authlib.oauth2.rfc6749 import (
    AuthorizationCodeGrant,
    AuthorizationServer,
    ClientMixin,
    JsonPayload,
    JsonRequest,
    OAuth2Error,
    OAuth2Payload,
    OAuth2Request,
    ResourceProtector,
    TokenMixin,
    scope_to_list,
)
from authlib.oauth2.rfc6750 import BearerTokenGenerator, BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import AuthorizationCodeMixin, UserInfo
from authlib.oidc.core.grants import OpenIDCode
from joserfc.jwk import KeySet, RSAKey
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

DIGID_MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
CODE_LIFETIME = 600


# --- what the provider knows -----------------------------------------------------------------


@dataclass
class Client(ClientMixin):
    client_id: str
    client_secret: str
    redirect_uris: list[str]

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope):
        return " ".join(s for s in scope_to_list(scope) or [] if s in ("openid", "profile"))

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret):
        return hmac.compare_digest(client_secret.encode(), self.client_secret.encode())

    def check_endpoint_auth_method(self, method, endpoint):
        if endpoint == "token":
            return method in ("client_secret_basic", "client_secret_post")
        return True

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


@dataclass(frozen=True)
class User:
    """Whoever the test typed in on the login form."""

    bsn: str
    kvk: str
    name: str
    branch: str = ""  # eHerkenning: the vestigingsnummer and the employee who logs in
    employee: str = ""

    @property
    def sub(self) -> str:
        # A pairwise-looking pseudonym, as brokers give: never the number itself.
        return hashlib.sha256(f"{self.bsn}/{self.kvk}".encode()).hexdigest()[:32]


@dataclass
class AuthorizationCode(AuthorizationCodeMixin):
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: User
    nonce: str
    acr: str
    code_challenge: str
    code_challenge_method: str
    auth_time: int = field(default_factory=lambda: int(time.time()))

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return self.acr

    def get_amr(self):
        return None


@dataclass
class Token(TokenMixin):
    access_token: str
    client: Client
    user: User
    scope: str
    expires_at: float

    def check_client(self, client):
        return client.client_id == self.client.client_id

    def get_scope(self):
        return self.scope

    def get_expires_in(self):
        return int(self.expires_at - time.time())

    def is_expired(self):
        return time.time() > self.expires_at

    def is_revoked(self):
        return False

    def get_user(self):
        return self.user

    def get_client(self):
        return self.client


class Store:
    def __init__(self):
        self.lock = threading.Lock()
        self.codes: dict[str, AuthorizationCode] = {}
        self.tokens: dict[str, Token] = {}
        self.nonces: set[str] = set()


# --- werkzeug requests as Authlib sees them ------------------------------------------------


class WerkzeugPayload(OAuth2Payload):
    def __init__(self, request: Request):
        self._request = request

    @property
    def data(self):
        return self._request.values

    @cached_property
    def datalist(self):
        values = defaultdict(list)
        for key in self.data:
            values[key].extend(self.data.getlist(key))
        return values


class WerkzeugOAuth2Request(OAuth2Request):
    def __init__(self, request: Request):
        super().__init__(method=request.method, uri=request.url, headers=request.headers)
        self._request = request
        self.payload = WerkzeugPayload(request)

    @property
    def args(self):
        return self._request.args

    @property
    def form(self):
        return self._request.form


class WerkzeugJsonPayload(JsonPayload):
    def __init__(self, request: Request):
        self._request = request

    @property
    def data(self):
        return self._request.get_json(silent=True) or {}


class WerkzeugJsonRequest(JsonRequest):
    def __init__(self, request: Request):
        super().__init__(request.method, request.url, request.headers)
        self.payload = WerkzeugJsonPayload(request)


# --- the provider ----------------------------------------------------------------------------


class Provider:
    def __init__(self, options):
        self.options = options
        self.issuer = f"http://127.0.0.1:{options.port}"
        self.client = Client(options.client_id, options.client_secret, options.redirect_uri)
        self.store = Store()
        self.key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"})
        self.key.ensure_kid()
        # With --foreign-key the tokens are signed by a key that /jwks does not show, under
        # the published key's kid: a forged token, as far as any client can tell.
        self.signing_key = self.key
        if options.foreign_key:
            self.signing_key = RSAKey.generate_key(
                2048, parameters={"use": "sig", "alg": "RS256", "kid": self.key.kid}
            )
        self.server = self.authorization_server()
        self.protector = ResourceProtector()
        self.protector.register_token_validator(self.token_validator())

    def claims(self, user: User) -> dict:
        claims = {"sub": user.sub, "name": user.name}
        if user.bsn:
            claims["bsn"] = user.bsn
        if user.kvk:
            claims["kvk"] = user.kvk
        if user.branch:
            claims["vestigingsnummer"] = user.branch
        if user.employee:
            claims["acting_subject_name"] = user.employee
        claims["acr"] = self.options.acr
        return claims

    def authorization_server(self) -> AuthorizationServer:
        provider = self
        store = self.store

        class Server(AuthorizationServer):
            def query_client(self, client_id):
                return provider.client if client_id == provider.client.client_id else None

            def save_token(self, token, request):
                with store.lock:
                    store.tokens[token["access_token"]] = Token(
                        access_token=token["access_token"],
                        client=request.client,
                        user=request.user,
                        scope=token.get("scope", ""),
                        expires_at=time.time() + token["expires_in"],
                    )

            def create_oauth2_request(self, request):
                return WerkzeugOAuth2Request(request)

            def create_json_request(self, request):
                return WerkzeugJsonRequest(request)

            def handle_response(self, status_code, payload, headers):
                if isinstance(payload, dict):
                    payload = json.dumps(payload)
                return Response(payload, status=status_code, headers=headers)

            def send_signal(self, name, *args, **kwargs):
                pass

        class CodeGrant(AuthorizationCodeGrant):
            TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

            def save_authorization_code(self, code, request):
                data = request.payload.data
                with store.lock:
                    store.codes[code] = AuthorizationCode(
                        code=code,
                        client_id=request.client.client_id,
                        redirect_uri=request.payload.redirect_uri or "",
                        scope=request.scope,
                        user=request.user,
                        nonce=data.get("nonce", ""),
                        acr=provider.options.acr,
                        code_challenge=data.get("code_challenge", ""),
                        code_challenge_method=data.get("code_challenge_method", ""),
                    )
                    store.nonces.add(data.get("nonce", ""))

            def query_authorization_code(self, code, client):
                item = store.codes.get(code)
                if (
                    item
                    and item.client_id == client.client_id
                    and time.time() - item.auth_time < CODE_LIFETIME
                ):
                    return item
                return None

            def delete_authorization_code(self, authorization_code):
                with store.lock:
                    store.codes.pop(authorization_code.code, None)

            def authenticate_user(self, authorization_code):
                return authorization_code.user

        class OpenID(OpenIDCode):
            def exists_nonce(self, nonce, request):
                return nonce in store.nonces

            def resolve_client_private_key(self, client):
                return provider.signing_key

            def get_client_algorithm(self, client):
                return "RS256"

            def get_encode_header(self, client):
                return {"alg": "RS256", "kid": provider.key.kid}

            def get_client_claims(self, client):
                if provider.options.audience:
                    # For another client, yet naming this one as the authorized party: only
                    # a client that checks aud itself refuses it.
                    return {
                        "iss": provider.issuer,
                        "aud": [provider.options.audience],
                        "azp": client.client_id,
                    }
                return {"iss": provider.issuer, "aud": [client.client_id]}

            def generate_user_info(self, user, scope):
                claims = provider.claims(user)
                if provider.options.userinfo_only:
                    claims = {"sub": claims["sub"], "acr": claims["acr"]}
                return UserInfo(claims)

        server = Server()
        server.register_token_generator(
            "default",
            BearerTokenGenerator(lambda **kwargs: generate_token(42), expires_generator=3600),
        )
        server.register_grant(CodeGrant, [OpenID(require_nonce=True), CodeChallenge()])
        return server

    def token_validator(self) -> BearerTokenValidator:
        store = self.store

        class Validator(BearerTokenValidator):
            def authenticate_token(self, token_string):
                return store.tokens.get(token_string)

        return Validator()

    # --- the endpoints -----------------------------------------------------------------------

    def __call__(self, environ, start_response):
        request = Request(environ)
        routes = {
            "/.well-known/openid-configuration": self.discovery,
            "/jwks": self.jwks,
            "/authorize": self.authorize,
            "/token": self.token,
            "/userinfo": self.userinfo,
        }
        view = routes.get(request.path)
        response = view(request) if view else Response("Not found", status=404)
        return response(environ, start_response)

    def discovery(self, request):
        return json_response(
            {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "userinfo_endpoint": f"{self.issuer}/userinfo",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "scopes_supported": ["openid", "profile"],
                "token_endpoint_auth_methods_supported": [
                    "client_secret_basic",
                    "client_secret_post",
                ],
                "code_challenge_methods_supported": ["S256"],
                "claims_supported": [
                    "sub",
                    "name",
                    "bsn",
                    "kvk",
                    "vestigingsnummer",
                    "acting_subject_name",
                    "acr",
                ],
                "acr_values_supported": [self.options.acr],
            }
        )

    def jwks(self, request):
        return json_response(KeySet([self.key]).as_dict(private=False))

    def authorize(self, request):
        if request.method not in ("GET", "POST"):
            return Response(status=405)
        # A broker for DigiD has every client use PKCE with S256; so does this one.
        if request.values.get("code_challenge_method") != "S256":
            return Response("PKCE with S256 is required", status=400)
        try:
            grant = self.server.get_consent_grant(request)
        except OAuth2Error as error:
            return self.server.handle_error_response(None, error)
        if request.method == "GET":
            return login_form(request)
        if request.form.get("action") == "cancel":
            return self.server.create_authorization_response(request, None, grant)
        user = User(
            bsn=request.form.get("login_bsn", "").strip(),
            kvk=request.form.get("login_kvk", "").strip(),
            name=request.form.get("login_name", "").strip(),
            branch=request.form.get("login_branch", "").strip(),
            employee=request.form.get("login_employee", "").strip(),
        )
        if not (user.bsn or user.kvk):
            return login_form(request, error="Vul een BSN of een KvK-nummer in.")
        return self.server.create_authorization_response(request, user, grant)

    def token(self, request):
        if request.method != "POST":
            return Response(status=405)
        return self.server.create_token_response(request)

    def userinfo(self, request):
        try:
            token = self.protector.validate_request(["openid"], WerkzeugJsonRequest(request))
        except OAuth2Error as error:
            status, body, headers = error()
            return Response(json.dumps(dict(body)), status=status, headers=headers)
        return json_response(self.claims(token.get_user()))


def json_response(data) -> Response:
    return Response(json.dumps(data), content_type="application/json")


OAUTH_PARAMETERS = (
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
    "prompt",
    "acr_values",
    "ui_locales",
)


def login_form(request, error: str = "") -> Response:
    """The broker's login page: a form the test fills in, as a person would."""
    hidden = "".join(
        f'<input type="hidden" name="{name}" value="{html.escape(request.values[name])}">'
        for name in OAUTH_PARAMETERS
        if name in request.values
    )
    message = f'<p role="alert">{html.escape(error)}</p>' if error else ""
    page = f"""<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>Test-inlogdienst</title></head>
<body>
<main>
<h1>Test-inlogdienst</h1>
<p>Een testomgeving: wie u hier invult, is wie u bent.</p>
{message}
<form method="post" action="/authorize">
{hidden}
<p><label for="login_bsn">BSN</label>
<input id="login_bsn" name="login_bsn" inputmode="numeric" autocomplete="off"></p>
<p><label for="login_kvk">KvK-nummer</label>
<input id="login_kvk" name="login_kvk" inputmode="numeric" autocomplete="off"></p>
<p><label for="login_name">Naam</label>
<input id="login_name" name="login_name" autocomplete="off"></p>
<p><button type="submit" name="action" value="login">Inloggen</button>
<button type="submit" name="action" value="cancel">Annuleren</button></p>
</form>
</main>
</body>
</html>"""
    return Response(page, status=400 if error else 200, content_type="text/html; charset=utf-8")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--redirect-uri", action="append", required=True)
    parser.add_argument("--acr", default=DIGID_MIDDEN, help="the acr claim of every login")
    parser.add_argument("--audience", default="", help="aud of ID tokens instead of the client")
    parser.add_argument("--foreign-key", action="store_true", help="sign with an unknown key")
    parser.add_argument(
        "--userinfo-only", action="store_true", help="identity claims only at /userinfo"
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    options = parser.parse_args(argv)

    logging.getLogger("werkzeug").setLevel(logging.INFO if options.verbose else logging.WARNING)
    server = make_server("127.0.0.1", options.port, Provider(options), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="oidc-provider", daemon=True)
    thread.start()
    stopped = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopped.set())
    stopped.wait()
    server.shutdown()
    thread.join(timeout=5)


if __name__ == "__main__":
    main()
