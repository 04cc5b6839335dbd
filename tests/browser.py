"""A real headless Chromium for the journey tests (Debian's, at /usr/bin/chromium)."""

import os
import shutil

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("LOKET_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        raise RuntimeError(
            "The browser tests need Chromium: install it with "
            "'apt-get install -y chromium chromium-driver' or set LOKET_CHROMIUM."
        )
    return path
