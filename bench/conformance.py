"""Conformance run: schemathesis, driven by the official ZGW specs, against a running Loket.

    pip install -e '.[bench]' && python bench/conformance.py [--max-examples 25] [API ...]

Serves Loket on PostgreSQL (production mode, gunicorn) and runs schemathesis for each API
with the official OpenAPI file (the copies in ``tests/api/specs/``): every response must be
free of server errors and match the official schema. Prints one line per API and exits 1
when any API fails.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

import jwt
from loket_server import CLIENT_ID, REPO, SECRET, running_loket

SPECS = REPO / "tests" / "api" / "specs"
APIS = {
    "catalogi": ("catalogi-1.3.1.yaml", "/catalogi/api/v1"),
    "zaken": ("zaken-1.5.1.yaml", "/zaken/api/v1"),
    "documenten": ("documenten-1.5.0.yaml", "/documenten/api/v1"),
    "besluiten": ("besluiten-1.0.2.yaml", "/besluiten/api/v1"),
    "autorisaties": ("autorisaties-1.0.0.yaml", "/autorisaties/api/v1"),
}


def token() -> str:
    claims = {
        "iss": CLIENT_ID,
        "client_id": CLIENT_ID,
        "iat": int(time.time()),
        "user_id": "conformance",
        "user_representation": "conformance run",
    }
    return jwt.encode(claims, SECRET, algorithm="HS256")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apis", nargs="*", default=list(APIS), choices=list(APIS))
    parser.add_argument("--max-examples", type=int, default=25)
    parser.add_argument("--database", default="loket_conformance")
    parser.add_argument("--port", type=int, default=8102)
    args = parser.parse_args()

    results = {}
    with running_loket(database=args.database, port=args.port, workers=2, fresh=True) as base:
        for api in args.apis:
            spec, path = APIS[api]
            command = [
                str(Path(sys.executable).parent / "schemathesis"),
                "run",
                str(SPECS / spec),
                "--url",
                base + path,
                "--header",
                f"Authorization: Bearer {token()}",
                "--header",
                "Accept-Crs: EPSG:4326",
                "--header",
                "Content-Crs: EPSG:4326",
                "--checks",
                "not_a_server_error,response_schema_conformance",
                "--max-examples",
                str(args.max_examples),
            ]
            results[api] = subprocess.run(command, cwd=REPO, check=False).returncode
    for api, code in results.items():
        print(f"{api:<14} {'ok' if code == 0 else 'FAILED'}")
    sys.exit(0 if all(code == 0 for code in results.values()) else 1)


if __name__ == "__main__":
    main()
