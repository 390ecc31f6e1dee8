"""One headless Chromium for the session, and pages opened from rendered HTML files.

The browser is Debian's ``/usr/bin/chromium`` (or ``$TIMELINE_CHROMIUM``), driven by Playwright;
the tests skip with the reason when either is missing.  Each opened page records its console
errors, uncaught exceptions and every request that leaves the file itself.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "render"))

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY = "body[data-ready=true]"


def chromium_path() -> str | None:
    candidate = os.environ.get("TIMELINE_CHROMIUM") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else shutil.which("chromium")


@dataclass
class Opened:
    """A page with what it did while loading and being used."""

    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not executable:
        pytest.skip("no Chromium found (install Debian's chromium or set TIMELINE_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_html(browser, tmp_path):
    """Write ``html`` to a file, open it, wait until the chart is interactive."""
    contexts = []

    def open_(html: str, name: str = "page.html", width: int = 1280, height: int = 900,
              offline: bool = False, touch: bool = False) -> Opened:
        """``offline``: every request that would leave the machine fails at once; ``touch``: a
        phone's touch screen."""
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport={"width": width, "height": height},
                                      **({"has_touch": True, "is_mobile": True} if touch else {}))
        contexts.append(context)
        page = context.new_page()
        if offline:
            page.route("http*://**", lambda route: route.abort("internetdisconnected"))
        opened = Opened(page)
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("request", lambda r: r.url != path.as_uri()
                and not r.url.startswith(("data:", "blob:")) and opened.requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_selector(READY, timeout=30_000)
        return opened

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
