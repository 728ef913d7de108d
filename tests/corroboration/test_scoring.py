"""Deciding whether two claims state the same fact: the margin and evidence beside it."""

import datetime as dt

import numpy as np

from factbook.corroboration.scoring import CONTRADICTS, SAME_FACT, ClaimFacts, Weights, decide, evidence, margins

WEIGHTS = Weights(claimant=0.05, event=0.05, names=0.1, numbers=0.1, date=0.02, threshold=1.05, contradiction=0.98)
MONDAY = dt.date(2025, 3, 3)


def test_numbers_agree_across_scripts_and_separators():
    a, b = ClaimFacts("1,033 people died"), ClaimFacts("۱۰۳۳ افراد ہلاک ہوئے")
    assert evidence(a, b)["numbers"] == 1


def test_numbers_that_differ_disagree():
    assert evidence(ClaimFacts("288 died"), ClaimFacts("233 died"))["numbers"] == -1


def test_a_claim_without_numbers_says_nothing_about_them():
    assert evidence(ClaimFacts("many died"), ClaimFacts("233 died"))["numbers"] == 0


def test_a_shared_claimant_and_event_count_for_the_pair():
    a = ClaimFacts("x", claimant="person:1", event=7)
    facts = evidence(a, ClaimFacts("y", claimant="person:1", event=7))
    assert (facts["claimant"], facts["event"]) == (1, 1)


def test_evidence_lifts_a_pair_the_margin_alone_leaves_out():
    a = ClaimFacts("1,033 died", about=frozenset({"organisation:3"}), published_on=MONDAY)
    b = ClaimFacts("1033 died", about=frozenset({"organisation:3"}), published_on=MONDAY)
    assert decide(1.0, ClaimFacts("a"), ClaimFacts("b"), WEIGHTS) is None
    assert decide(1.0, a, b, WEIGHTS) == SAME_FACT


def test_disagreeing_numbers_make_a_close_pair_a_contradiction_not_a_corroboration():
    assert decide(1.1, ClaimFacts("288 died"), ClaimFacts("50 died"), WEIGHTS) == CONTRADICTS


def test_opposite_polarity_is_a_contradiction():
    assert decide(1.1, ClaimFacts("invited"), ClaimFacts("not invited", negated=True), WEIGHTS) == CONTRADICTS


def test_the_margin_divides_by_each_claims_other_neighbours():
    matrix = np.array([[1, 0], [0.9, 0.436], [0, 1], [0.6, 0.8]], dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    (close, far) = margins(matrix, np.array([1, 2, 3, 4]), [(0, 1), (0, 2)], neighbours=1)
    assert close > 1 > far


def test_a_clock_time_agrees_in_any_notation():
    assert evidence(ClaimFacts("launched at 11:50"), ClaimFacts("صبح 11.50 بجے روانہ ہوا"))["numbers"] == 1


def test_a_phone_number_agrees_with_or_without_its_hyphens_and_leading_zero():
    assert evidence(ClaimFacts("helpline 06782-262286"), ClaimFacts("नंबर 6782262286 जारी"))["numbers"] == 1


def test_a_range_is_two_numbers():
    assert ClaimFacts("10-12 coaches derailed").numbers == {"10", "12"}
    assert ClaimFacts("the 2023-2024 season").numbers == {"2023", "2024"}


def test_an_amount_written_after_its_currency_is_a_quantity():
    assert ClaimFacts("tickets cost Rs.500").numbers == {"500"}


def test_digits_that_belong_to_a_name_are_no_quantity():
    assert ClaimFacts("Aditya-L1 rode PSLV-C57 into orbit").numbers == frozenset()
