"""Headless Debian Chromium against pytest-django's live server, filled with the seed articles.

One browser per module; every test gets a fresh browser context (no shared cookies or cache) and
fails if a page asks for anything outside the live server: the site must work offline."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread, which makes Django
    # refuse the database calls of the tests themselves; they are plain sync code all the same.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's base URL, with the seeds imported (committed, so its thread sees them)."""
    call_command("import_articles", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def page(browser, site):
    """A fresh page that fails the test if anything asked for another host, or if the
    Content-Security-Policy blocked a script, style, font or image the page wanted."""
    context = browser.new_context(viewport=DESKTOP, base_url=site)
    outside, blocked = [], []
    context.on("request", lambda request: None if request.url.startswith(site) else outside.append(request.url))
    page = context.new_page()
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    yield page
    context.close()
    assert not outside, f"pages asked for resources outside the site: {outside}"
    assert not blocked, f"the Content-Security-Policy blocked: {blocked}"


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as test-artifacts/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name):
        page.evaluate("document.fonts.ready.then(() => true)")
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return save
