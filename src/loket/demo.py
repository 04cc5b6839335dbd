"""Loading the demo municipality "Gemeente Voorbeeld" with its data.

Each app offers its own demo content through a function of its own; this module only calls
them in order and prints what a visitor needs to log in.
"""

from loket.identity.demo import (
    DEMO_ACCOUNTS,
    DEMO_API_CLIENT_ID,
    DEMO_API_SECRET,
    DEMO_PASSWORD,
    load_demo_identities,
)


def load_demo_data() -> None:
    load_demo_identities()


def demo_welcome(base_url: str, municipality_name: str) -> str:
    lines = [
        "",
        f"Loket demo for {municipality_name} is running at {base_url}/",
        "",
        f"Staff logins (password for all: {DEMO_PASSWORD}) at {base_url}/beheer/:",
    ]
    lines += [f"  {a.username:<12} {a.role.label}" for a in DEMO_ACCOUNTS]
    lines += [
        "",
        f"ZGW API client (every scope): client_id {DEMO_API_CLIENT_ID}, secret {DEMO_API_SECRET}",
        "",
        "Mail is written to files under the data folder, not sent. Stop with Ctrl+C.",
        "",
    ]
    return "\n".join(lines)
