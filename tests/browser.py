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


def axe_problems(page, what: str) -> list[str]:
    """axe-core's violations on the page as it is now, one readable block each."""
    from axe_playwright_python.sync_playwright import Axe

    problems = []
    for violation in Axe().run(page).response["violations"]:
        lines = [
            f"{what} ({page.url}): {violation['id']} [{violation['impact']}] "
            f"{violation['help']} ({violation['helpUrl']})"
        ]
        for node in violation["nodes"]:
            lines.append(f"    target {node['target']}: {node['html']}")
            lines.append(f"      {node['failureSummary']}".replace("\n", "\n      "))
        problems.append("\n".join(lines))
    return problems


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, max_tabs: int = 80) -> None:
    """Press Tab until the element has the focus, as a keyboard user does."""
    locator.wait_for()
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    raise AssertionError(f"{max_tabs} times Tab never reached {locator}")
