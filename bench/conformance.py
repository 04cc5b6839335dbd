"""Conformance run: schemathesis, driven by the official specs, against a running Loket.

    pip install -e '.[bench]' && python bench/conformance.py [--max-examples 20] [API ...]

Serves Loket on PostgreSQL (production mode, gunicorn) and runs schemathesis for each chosen
API (default: all) with its official OpenAPI file: the copies in ``tests/api/specs/``, and
for the Referentielijsten API VNG's file that Loket serves its data from. Every response must
be free of server errors and match the official schema. Prints, per API, the operations and
test cases schemathesis ran and the failures it found, and exits 1 when any API fails; the
full report of each API is written to ``var/conformance/<api>.json``.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import jwt
from loket_server import BRP_KEY, CLIENT_ID, REPO, SECRET, running_loket

SPECS = REPO / "tests" / "api" / "specs"
REPORTS = REPO / "var" / "conformance"
REFERENTIELIJSTEN = REPO / "src" / "loket" / "api" / "referentielijsten" / "data"


def zgw_token() -> str:
    claims = {
        "iss": CLIENT_ID,
        "client_id": CLIENT_ID,
        "iat": int(time.time()),
        "user_id": "conformance",
        "user_representation": "conformance run",
    }
    return jwt.encode(claims, SECRET, algorithm="HS256")


def zgw() -> list[str]:
    # The CRS headers are required by the Zaken API's geo operations and ignored elsewhere.
    return [
        f"Authorization: Bearer {zgw_token()}",
        "Accept-Crs: EPSG:4326",
        "Content-Crs: EPSG:4326",
    ]


# API -> (official spec, base path on Loket, the headers that authenticate the run)
APIS = {
    "catalogi": (SPECS / "catalogi-1.3.1.yaml", "/catalogi/api/v1", zgw),
    "zaken": (SPECS / "zaken-1.5.1.yaml", "/zaken/api/v1", zgw),
    "documenten": (SPECS / "documenten-1.5.0.yaml", "/documenten/api/v1", zgw),
    "besluiten": (SPECS / "besluiten-1.0.2.yaml", "/besluiten/api/v1", zgw),
    "autorisaties": (SPECS / "autorisaties-1.0.0.yaml", "/autorisaties/api/v1", zgw),
    "notificaties": (SPECS / "notificaties-1.0.0.yaml", "/notificaties/api/v1", zgw),
    "klantinteracties": (
        SPECS / "klantinteracties-0.9.0.openklant-2.18.0.yaml",
        "/klantinteracties/api/v1",
        lambda: [f"Authorization: Token {SECRET}"],
    ),
    "referentielijsten": (
        REFERENTIELIJSTEN / "referentielijsten-openapi.yaml",
        "/referentielijsten/api/v1",
        list,
    ),
    "brp": (
        SPECS / "brp-personen-2.7.0.yaml",
        "/haalcentraal/api/brp",
        lambda: [f"X-API-KEY: {BRP_KEY}"],
    ),
}


def run(api: str, base: str, max_examples: int, seed: int) -> dict:
    spec, path, headers = APIS[api]
    report = REPORTS / f"{api}.json"
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        str(spec),
        "--url",
        base + path,
        "--checks",
        "not_a_server_error,response_schema_conformance",
        "--max-examples",
        str(max_examples),
        "--seed",
        str(seed),
        "--workers",
        "2",
        "--report",
        "json",
        "--report-json-path",
        str(report),
    ]
    for header in headers():
        command += ["--header", header]
    # Run in the reports folder: schemathesis keeps its cache of failures in the working
    # directory (.schemathesis/) and replays them on the next run.
    code = subprocess.run(command, cwd=REPORTS, check=False).returncode
    return {"code": code, **summary(report)}


def summary(report: Path) -> dict:
    """Operations tested, test cases run and failures, from schemathesis's JSON report."""
    try:
        data = json.loads(report.read_text())
    except (OSError, ValueError):
        return {}
    return {
        "operations": data["operations"]["tested"],
        "test_cases": data["test_cases"]["generated"],
        "failures": data["test_cases"]["unique_failures"],
        "kinds": [
            f"{failure['title']}: {', '.join(failure['operations'])}"
            for failure in data["failures"]
        ],
        "errors": len(data["errors"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # No default list here: argparse would check the list itself against the choices.
    parser.add_argument("apis", nargs="*", choices=list(APIS), help="default: all")
    parser.add_argument("--max-examples", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--database", default="loket_conformance")
    parser.add_argument("--port", type=int, default=8102)
    args = parser.parse_args()

    REPORTS.mkdir(parents=True, exist_ok=True)
    # Thousands of requests a minute from one address: measure the APIs, not the rate limit.
    os.environ["LOKET_RATE_LIMITS"] = "false"
    results = {}
    with running_loket(database=args.database, port=args.port, workers=2, fresh=True) as base:
        for api in args.apis or list(APIS):
            results[api] = run(api, base, args.max_examples, args.seed)
    for api, result in results.items():
        verdict = "ok" if result["code"] == 0 else "FAILED"
        print(
            f"{api:<18} {result.get('operations')} operations, {result.get('test_cases')} test"
            f" cases, {result.get('failures')} failures, {result.get('errors')} errors: {verdict}"
        )
        for kind in result.get("kinds", []):
            print(f"{'':<18} {kind}")
    sys.exit(0 if all(result["code"] == 0 for result in results.values()) else 1)


if __name__ == "__main__":
    main()
