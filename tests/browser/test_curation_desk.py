"""A curator at the desk, in a real browser: confirm an Urdu claim, correct its span by selecting
words, give it a verdict with evidence, and find the verdict on the public page and in valid
ClaimReview markup. And the admin's Urdu, Hindi and Latin letters never fall back to empty boxes."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from factbook.claims.models import Claim
from factbook.sources.models import Source
from tests.api.claimreview_spec import google_missing, schema_org_errors

pytestmark = pytest.mark.browser

GLYPHS = (Path(__file__).parent / "glyphs.js").read_text(encoding="utf-8")
ISPR_SENTENCE = "پاک فوج کے شعبہ تعلقات عامہ (آئی ایس پی آر) کے بیان"
PASSWORD = "desk-password-for-tests"
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
LATIN = re.compile(r"[A-Za-z]")

# Selects characters start..end of the span picker's sentence as a curator's mouse would.
SELECT = """([start, end]) => {
  const container = document.querySelector("[data-span-picker]");
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let node, seen = 0, started = false;
  while ((node = walker.nextNode())) {
    if (!started && start <= seen + node.length) { range.setStart(node, start - seen); started = true; }
    if (end <= seen + node.length) { range.setEnd(node, end - seen); break; }
    seen += node.length;
  }
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
}"""


@pytest.fixture
def desk(page):
    User.objects.create_superuser("amina", "amina@example.org", PASSWORD, first_name="Amina", last_name="Qureshi")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Log out").or_(page.get_by_role("button", name="Log out"))).to_be_visible()
    return page


def no_boxes(page, selector):
    result = page.evaluate(GLYPHS, selector)
    assert result["boxes"] == [], result
    return result


def test_a_curator_confirms_corrects_and_fact_checks_an_urdu_claim(desk, screenshot):
    page = desk
    claim = Claim.objects.select_related("sentence__source", "claimant_organisation").get(
        sentence__text__startswith=ISPR_SENTENCE)

    # 1. Confirm the extraction, after seeing the claimant and the sentence.
    page.goto(f"/admin/claims/claim/?sentence__source__id__exact={claim.sentence.source_id}")
    page.locator(f'input[name="_selected_action"][value="{claim.pk}"]').check()
    page.locator('select[name="action"]').select_option("mark_confirmed")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".review-items")).to_contain_text(claim.claimant.name)
    expect(page.locator(".review-items mark")).to_have_text(claim.text)
    screenshot(page, "admin-confirm")
    page.get_by_role("button", name="Yes, mark it confirmed").click()
    expect(page.locator(".messagelist")).to_contain_text("1 claim marked confirmed.")

    # 2. Correct the span by selecting three words in the middle of the claim.
    page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    words = claim.text.split(" ")[1:4]
    start = claim.start + len(claim.text.split(" ")[0]) + 1
    end = start + len(" ".join(words))
    page.evaluate(SELECT, [start + 1, end - 1])  # a careless selection: the picker takes whole words
    expect(page.locator("#id_text")).to_have_value(" ".join(words))
    expect(page.locator("#id_start")).to_have_value(str(start))
    expect(page.locator("#id_end")).to_have_value(str(end))
    assert page.locator("#id_text").evaluate("e => getComputedStyle(e).direction") == "rtl"
    screenshot(page, "admin-span")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    claim.refresh_from_db()
    assert (claim.text, claim.start, claim.end, claim.status) == (" ".join(words), start, end, "corrected")

    # 3. A verdict with evidence.
    page.get_by_role("link", name="Fact-check this claim").click()
    page.get_by_label("Verdict").select_option("misleading")
    page.get_by_label("Explanation").fill("The press release says more than this sentence reports.")
    page.locator("#id_evidence-0-url").fill("https://example.org/ispr-release")
    page.locator("#id_evidence-0-note").fill("The full release")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    # 4. The public page shows it, and its markup is a valid ClaimReview.
    page.goto(claim.get_absolute_url())
    fact_check = page.locator("section.fact-check")
    expect(fact_check.locator(".verdict-misleading")).to_have_text("Misleading")
    expect(fact_check).to_contain_text("The press release says more than this sentence reports.")
    expect(fact_check).to_contain_text("Checked by Amina Qureshi")
    expect(fact_check.get_by_role("link", name="https://example.org/ispr-release")).to_be_visible()
    screenshot(page, "claim-fact-checked")
    markup = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert markup["@type"] == "ClaimReview" and markup["reviewRating"]["ratingValue"] == 2
    assert markup["claimReviewed"] == claim.text
    assert schema_org_errors(markup) == [] and google_missing(markup, "required") == {}


def test_the_review_queue_moves_on_with_one_key(desk):
    page = desk
    source = Source.objects.filter(language="ur", sentences__claims__isnull=False).distinct().first()
    first, second = Claim.objects.filter(sentence__source=source).order_by("sentence__position", "start", "pk")[:2]
    page.goto(f"/admin/claims/claim/queue/{source.pk}/")
    expect(page.locator(".queue-claim h2")).to_contain_text(f"Claim #{first.pk}")
    page.keyboard.press("c")
    expect(page.locator(".queue-claim h2")).to_contain_text(f"Claim #{second.pk}")
    first.refresh_from_db()
    assert first.status == "confirmed"


def test_no_letter_of_urdu_hindi_or_latin_is_an_empty_box_in_the_admin(desk, screenshot):
    page = desk
    page.goto("/admin/claims/claim/?o=1")
    page.locator("#result_list").wait_for()
    screenshot(page, "admin-claims")
    cells = no_boxes(page, "#result_list th, #result_list td, #site-name, h1")
    assert "ہ" in cells["checked"] and "ے" in cells["checked"]
    assert DEVANAGARI.search(cells["checked"]) and LATIN.search(cells["checked"])
    assert {"Factbook Nastaliq", "Factbook Devanagari"} <= set(cells["loaded"])

    for language in ["ur", "hi"]:
        claim = Claim.objects.filter(sentence__source__language=language).first()
        page.goto(f"/admin/claims/claim/{claim.pk}/change/")
        no_boxes(page, ".claim-context, #id_text, #id_review_note, label, h1")

    page.goto("/admin/entities/person/")
    page.locator('input[name="_selected_action"]').nth(0).check()
    page.locator('input[name="_selected_action"]').nth(1).check()
    page.locator('select[name="action"]').select_option("merge_selected")
    page.get_by_role("button", name="Go").click()
    merge = no_boxes(page, ".merge-candidate span, .merge-candidate li, .merge-candidate label")
    assert merge["checked"]
