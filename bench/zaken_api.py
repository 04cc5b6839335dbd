"""Loket under the generic ZGW load (``zgw_load.py``): PostgreSQL, gunicorn, 4 web processes.

    python bench/zaken_api.py [--cases 5000] [--seed-cases 0] [--workers 4] [--duration 55]

Migrates (or first creates) the PostgreSQL database ``loket_bench``, registers the API client
``bench-client``, optionally tops it up with ``loket seed`` to ``--seed-cases`` cases (kept for
the next run without ``--fresh``), serves Loket with ``loket serve`` in production mode and runs
``zgw_load.py`` against it. Prints the numbers of every phase and writes them to
``var/bench/zaken_api.json``.
"""

import argparse
import json
import os
import subprocess
import sys

from loket_server import CLIENT_ID, REPO, SECRET, running_loket

# A resultaat and a resultaattypeomschrijving of Loket's own Referentielijsten API.
SELECTION_CLASS = "resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f"
RESULT_DESCRIPTION = "resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="loket_bench")
    parser.add_argument("--fresh", action="store_true", help="Drop the database first.")
    parser.add_argument(
        "--seed-cases", type=int, default=0, help="Top up with loket seed to this many cases."
    )
    parser.add_argument("--cases", type=int, default=5000, help="zgw_load's --seed-total.")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=int, default=55)
    parser.add_argument("--phases", default="create,list,get,status")
    args = parser.parse_args()
    # The load generator is one client at one address, far beyond LOKET_RATE_LIMIT_API by
    # design; the comparison with Open Zaak is of the API itself, without limits.
    os.environ["LOKET_RATE_LIMITS"] = "false"

    with running_loket(
        database=args.database,
        port=args.port,
        workers=args.workers,
        fresh=args.fresh,
        seed_cases=args.seed_cases,
    ) as base:
        out = REPO / "var" / "bench" / "zaken_api.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        referentielijsten = f"{base}/referentielijsten/api/v1/"
        subprocess.run(
            [
                sys.executable,
                str(REPO / "bench" / "zgw_load.py"),
                "--base-url",
                base,
                "--client-id",
                CLIENT_ID,
                "--secret",
                SECRET,
                "--concurrency",
                str(args.concurrency),
                "--duration",
                str(args.duration),
                "--seed-total",
                str(args.cases),
                "--phases",
                args.phases,
                "--selectielijstklasse",
                referentielijsten + SELECTION_CLASS,
                "--resultaattypeomschrijving",
                referentielijsten + RESULT_DESCRIPTION,
                "--json-out",
                str(out),
            ],
            cwd=REPO,
            check=True,
        )
        print(json.dumps(json.loads(out.read_text()), indent=2))


if __name__ == "__main__":
    main()
