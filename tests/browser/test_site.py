"""What a reader does on the public site, in a real browser: search, follow a claim to its
sentence, filter a list, read Urdu right to left in the shipped fonts, use the keyboard, a phone;
and the admin and the API docs, all under the site's Content-Security-Policy."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import expect

from factbook.claims.models import Claim
from factbook.entities.models import Person
from factbook.sources.models import Source

pytestmark = pytest.mark.browser

# .sentence:target in site.css
TARGET_BACKGROUND = "rgb(238, 245, 255)"
PHONE = {"width": 390, "height": 844}
DESKTOP_WIDTH = 1280


def in_viewport(locator):
    return locator.evaluate("e => (r => r.top >= 0 && r.bottom <= innerHeight)(e.getBoundingClientRect())")


def loaded_fonts(page):
    return page.evaluate(
        "document.fonts.ready.then(fonts => [...fonts].filter(f => f.status === 'loaded').map(f => f.family))"
    )


@pytest.mark.parametrize("query", ["Bajwa", "باجوہ", "बाजवा"])
def test_search_in_any_script_reaches_bajwa(page, screenshot, query):
    bajwa = Person.objects.get(aliases__name="قمر جاوید باجوہ")
    page.goto("/")
    page.get_by_role("searchbox", name="Search names, claims, events and sentences").fill(query)
    page.keyboard.press("Enter")
    persons = page.locator("section[aria-labelledby=results-persons]")
    expect(persons.locator("mark").first).to_be_visible()
    if query == "باجوہ":
        screenshot(page, "search")
    persons.get_by_role("link", name=re.compile("Bajwa")).click()
    expect(page).to_have_url(re.compile(f"/persons/{bajwa.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(bajwa.name)
    if query == "Bajwa":
        screenshot(page, "person")


def test_claim_leads_to_its_sentence_highlighted_and_in_view(page, screenshot):
    # A claim far down its article, so reaching it needs a scroll.
    claim = Claim.objects.public().filter(sentence__position__gte=10).order_by("sentence__position").last()
    page.goto(claim.get_absolute_url())
    expect(page.locator("#" + claim.sentence.anchor).locator("mark")).to_have_text(claim.text)
    screenshot(page, "claim")
    page.get_by_role("link", name="Open it in the source").click()
    expect(page).to_have_url(re.compile(f"{claim.source.get_absolute_url()}#{claim.sentence.anchor}$"))
    sentence = page.locator("#" + claim.sentence.anchor)
    expect(sentence).to_have_css("background-color", TARGET_BACKGROUND)
    expect(sentence.locator("mark")).to_contain_text(claim.text)
    assert in_viewport(sentence)
    screenshot(page, "source")


def test_filter_form_narrows_a_list(page):
    page.goto("/claims/")
    rows = page.locator("tbody tr")
    before = rows.count()
    page.get_by_role("combobox", name="Language").select_option(label="Hindi")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"language=hi"))
    after = rows.count()
    assert 0 < after < before
    assert set(rows.locator("th").evaluate_all("cells => cells.map(th => th.lang)")) == {"hi"}


def test_urdu_reads_right_to_left_in_the_shipped_font(page):
    source = Source.objects.filter(language="ur").first()
    page.goto(source.get_absolute_url())
    paragraph = page.locator(".article .sentence-body").first
    assert paragraph.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "Factbook Nastaliq" in loaded_fonts(page)


def test_hindi_is_set_in_the_shipped_devanagari_font(page):
    page.goto(Source.objects.get(language="hi").get_absolute_url())
    assert "Factbook Devanagari" in loaded_fonts(page)


def test_skip_link_is_the_first_stop_and_visible(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    assert in_viewport(skip)
    assert skip.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_home_and_timeline_render(page, screenshot):
    page.goto("/")
    page.get_by_role("link", name="Timeline").first.click()
    years = page.locator(".timeline-year h2")
    expect(years.last).to_have_text("Date unknown")
    numbers = [int(text) for text in years.all_inner_texts()[:-1]]
    assert numbers == sorted(numbers)
    screenshot(page, "timeline")
    page.goto("/")
    screenshot(page, "home")


def every_kind_of_page():
    """One page of every kind the site, the API and its docs serve."""
    from factbook.events.models import Event
    from factbook.entities.models import Organisation

    claim = Claim.objects.public().order_by("pk").first()
    return ["/", "/search/?q=باجوہ", "/search/?q=Bajwa", "/sources/", Source.objects.first().get_absolute_url(),
            "/persons/", Person.objects.get(aliases__name="قمر جاوید باجوہ").get_absolute_url(),
            "/organisations/", Organisation.objects.first().get_absolute_url(), "/events/", "/events/timeline/",
            Event.objects.first().get_absolute_url(), "/claims/", "/claims/?language=hi", claim.get_absolute_url(),
            "/about/", "/api/", "/api/claims/", "/api/docs/"]


def test_every_page_fits_a_phone_screen_in_every_language(page, screenshot):
    page.set_viewport_size(PHONE)
    for language in ["en", "ur", "hi"]:  # each switched to with the switcher at the end of the last
        for path in every_kind_of_page():
            page.goto(path)
            if language != "en" and not path.startswith("/api/"):
                expect(page.locator("html")).to_have_attribute("lang", language)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{path} in {language} is {width} px wide"
        if language == "en":
            screenshot(page, "home-phone")
        page.goto("/")
        page.get_by_role("button", name={"en": "اردو", "ur": "हिंदी", "hi": "English"}[language]).click()


def test_a_phone_shows_the_claims_first_as_cards_with_their_status(page, screenshot):
    page.set_viewport_size(PHONE)
    page.goto("/claims/")
    form = page.locator("form.filters")
    expect(form).to_be_hidden()
    first = page.locator("tbody tr").first
    claim, status = first.locator("th"), first.locator(".cell-status")
    assert claim.bounding_box()["y"] < status.bounding_box()["y"] < first.locator("td").first.bounding_box()["y"]
    assert in_viewport(claim)
    screenshot(page, "claims-phone")
    page.get_by_text("Filters", exact=True).click()
    expect(form).to_be_visible()


def test_the_site_switches_to_urdu_right_to_left_and_to_hindi(page, screenshot):
    page.goto("/")
    page.get_by_role("button", name="اردو").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", name="تازہ ترین دعوے")).to_be_visible()
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > DESKTOP_WIDTH / 2  # the header starts on the right
    screenshot(page, "home-urdu")
    page.get_by_role("button", name="हिंदी").click()
    expect(page.locator("html")).to_have_attribute("lang", "hi")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", name="नवीनतम दावे")).to_be_visible()


@pytest.mark.parametrize("query", ["Bajwa", "باجوہ", "बाजवा"])
def test_a_name_in_any_script_lists_the_claims_bajwa_made(page, query):
    bajwa = Person.objects.get(aliases__name="قمر جاوید باجوہ")
    made = list(Claim.objects.public().filter(claimant_person=bajwa))
    page.goto(f"/search/?q={query}")
    claims = page.locator("section[aria-labelledby=results-claims] .results > li")
    expect(claims.filter(has_text="made by").first).to_be_visible()
    assert claims.filter(has_text=f"made by {bajwa.name}").count() == len(made) > 0


def test_an_english_query_finds_the_urdu_claim_by_meaning(page, screenshot):
    from factbook.corroboration.embeddings import embed_missing

    embed_missing()
    page.goto("/search/?q=Pakistan has no aggressive designs against any country")
    found = page.locator("section[aria-labelledby=results-claims] .results > li").first
    expect(found.locator("blockquote")).to_contain_text("جارحانہ عزائم نہیں")
    expect(found.locator(".reason-meaning")).to_be_visible()
    screenshot(page, "search-by-meaning")


def test_a_persons_feed_is_valid_atom_and_linked_from_their_page(page):
    import xml.etree.ElementTree as ElementTree

    bajwa = Person.objects.get(aliases__name="قمر جاوید باجوہ")
    page.goto(bajwa.get_absolute_url())
    # The page's own feed, beside the site-wide feed of fact-checks.
    href = page.locator("link[rel=alternate][type='application/atom+xml'][href*='/persons/']").get_attribute("href")
    response = page.request.get(href)
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.body())
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == Claim.objects.public().filter(claimant_person=bajwa).count() > 0
    assert all(entry.find(f"{atom}updated") is not None and entry.find(f"{atom}id") is not None for entry in entries)


def test_the_api_root_describes_its_endpoints(page):
    page.goto("/api/")
    expect(page.locator(".response-info")).to_contain_text("W3C Web Annotation")
    expect(page.locator(".response-info")).to_contain_text('"description"')


def test_the_admin_works_under_the_content_security_policy(page):
    User.objects.create_superuser("amina", password="a long test password")
    page.goto("/admin/")
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill("a long test password")
    page.get_by_role("button", name="Log in").click()
    page.goto(reverse("admin:claims_claim_change", args=[Claim.objects.first().pk]))
    expect(page.locator(".select2-container").first).to_be_visible()  # autocomplete: the admin's scripts ran
    page.goto(reverse("admin:entities_person_changelist"))
    page.locator("#action-toggle").check()
    expect(page.locator(".action-counter")).to_contain_text("selected")


def test_the_api_docs_render_under_the_content_security_policy(page):
    page.goto("/api/docs/")
    expect(page.locator(".opblock").first).to_be_visible()


def test_the_browsable_api_renders_under_the_content_security_policy(page):
    page.goto("/api/claims/")
    expect(page.get_by_role("heading", name="Claim List")).to_be_visible()
