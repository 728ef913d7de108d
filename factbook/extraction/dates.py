"""Dates in a sentence, resolved against the article's publication date, with their precision."""

import datetime as dt
import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .tokens import Token, find_phrases

# How long before its publication an undated happening an article reports may have been.
RECENT = dt.timedelta(days=31)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(frozen=True)
class FoundDate:
    date: dt.date | None
    precision: str  # day, month, year, before (on or before the date) or unknown

    @classmethod
    def unknown(cls):
        return cls(None, "unknown")


def _year_token(token: Token, lexicon: Lexicon) -> int | None:
    text = token.text
    for suffix in lexicon.year_suffixes:  # "2016ء"
        text = text.removesuffix(suffix)
    text = text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९", "01234567890123456789"))
    return int(text) if _YEAR.match(text) else None


def find_date(tokens: tuple[Token, ...], lexicon: Lexicon, published_on: dt.date | None) -> FoundDate:
    """The first date expression in the tokens. Relative expressions ("منگل کے روز",
    "पिछले साल", "last year") need the publication date; without it they stay unknown."""
    for index, token in enumerate(tokens):
        year = _year_token(token, lexicon)
        if year:
            month = lexicon.months.get((tokens[index - 1].key,)) if index else None
            return FoundDate(dt.date(year, month, 1), "month") if month else FoundDate(dt.date(year, 1, 1), "year")
    if published_on is None:
        return FoundDate.unknown()
    for first, end, phrase in find_phrases(tokens, list(lexicon.relative_years)):
        return FoundDate(dt.date(published_on.year + lexicon.relative_years[phrase], 1, 1), "year")
    for first, end, phrase in find_phrases(tokens, list(lexicon.relative_days)):
        return FoundDate(published_on + dt.timedelta(days=lexicon.relative_days[phrase]), "day")
    for token in tokens:
        weekday = lexicon.weekdays.get((token.key,))
        if weekday is not None:  # the latest such weekday on or before publication
            return FoundDate(published_on - dt.timedelta(days=(published_on.weekday() - weekday) % 7), "day")
        month = lexicon.months.get((token.key,))
        if month is not None:
            year = published_on.year if month <= published_on.month else published_on.year - 1
            return FoundDate(dt.date(year, month, 1), "month")
    return FoundDate.unknown()


def dates_compatible(a: FoundDate, b: FoundDate) -> bool:
    """Whether two dates can name the same happening: equal at the coarser precision."""
    if a.date is None or b.date is None:
        return True
    if "before" in (a.precision, b.precision):  # news reports what happened lately
        bound, other = (a, b) if a.precision == "before" else (b, a)
        return bound.date - RECENT <= other.date <= bound.date
    coarser = max((a, b), key=lambda d: ["day", "month", "year"].index(d.precision))
    if coarser.precision == "year":
        return a.date.year == b.date.year
    if coarser.precision == "month":
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return abs((a.date - b.date).days) <= 1
