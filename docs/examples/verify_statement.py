"""Check a statement that a person gave you, as a receiving organisation (docs/sharing.md).

    python verify_statement.py --issuer https://loket.voorbeeld.nl \
        --audience https://woonstichting-voorbeeld.example/ --require name --require address \
        verklaring.jwt

Prints the consented attributes as JSON and exits 0 when the statement may be used; prints
why not and exits 1 otherwise. Needs ``requests`` and ``PyJWT[crypto]``, and the module
``loket/sharing/verify.py`` (from the ``loket`` package, or copied into your own code: it
does not need Django).
"""

import argparse
import json
import sys

from loket.sharing.verify import StatementRefused, Verifier


def main() -> int:
    parser = argparse.ArgumentParser(description="Check a statement issued by Loket.")
    parser.add_argument("statement", help="the file with the statement; - reads standard input")
    parser.add_argument("--issuer", required=True, help="the municipality's Loket address")
    parser.add_argument("--audience", required=True, help="your identifier at the municipality")
    parser.add_argument(
        "--require", action="append", default=[], help="an attribute you need; may repeat"
    )
    arguments = parser.parse_args()
    if arguments.statement == "-":
        token = sys.stdin.read().strip()
    else:
        with open(arguments.statement, encoding="ascii") as file:
            token = file.read().strip()

    verifier = Verifier(arguments.issuer, arguments.audience)
    try:
        statement = verifier.verify(token, requested=arguments.require)
    except StatementRefused as refused:
        print(f"Refused ({refused.code}): {refused}", file=sys.stderr)
        return 1
    # Keep the jti with what you store: it is how you ask for the status again later.
    result = {
        "jti": statement.jti,
        "purpose": statement.purpose,
        "expires_at": statement.expires_at.isoformat(),
        "attributes": {name: statement.attribute(name) for name in arguments.require},
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
