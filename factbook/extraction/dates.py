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


_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९", "01234567890123456789")


def number_of(token: Token, lexicon: Lexicon) -> int | None:
    text = token.text
    for suffix in lexicon.year_suffixes:  # "2016ء"
        text = text.removesuffix(suffix)
    text = text.translate(_DIGITS)
    return int(text) if text.isascii() and text.isdigit() else None


def _year_token(token: Token, lexicon: Lexicon) -> int | None:
    number = number_of(token, lexicon)
    return number if number is not None and _YEAR.match(str(number)) else None


def _day_token(token: Token, lexicon: Lexicon) -> int | None:
    number = number_of(token, lexicon)
    return number if number is not None and 1 <= number <= 31 else None


def _month_at(tokens, index: int, lexicon: Lexicon) -> int | None:
    """The month token `index` names as a date: beside a number ("24 فروری", "May 2024") or
    a cue ("in February", "فروری میں"); "may" the verb and "لانگ مارچ" name none."""
    month = lexicon.months.get((tokens[index].key,))
    if month is None:
        return None
    before = tokens[index - 1] if index else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if any(t is not None and number_of(t, lexicon) is not None for t in (before, after)):
        return month
    if (before is not None and before.key in lexicon.month_cues_before) or (after is not None and after.key in lexicon.month_cues_after):
        return month
    return None


def _dated(year: int, month: int, day: int | None) -> FoundDate:
    if day is not None:
        try:
            return FoundDate(dt.date(year, month, day), "day")
        except ValueError:  # "31 February"
            pass
    return FoundDate(dt.date(year, month, 1), "month")


def _absolute(tokens, index: int, lexicon: Lexicon, published_on: dt.date | None, ahead=False) -> FoundDate | None:
    """A date written out at token `index`: a year ("2016ء", "دو ہزار تئیس"), or a month with the
    day and year beside it ("24 فروری", "February 24, 2021", "July 2023"); a day and month
    without a year are the latest such day on or before publication (`ahead`: the first on
    or after it)."""
    year = _year_token(tokens[index], lexicon)
    if year:
        month = _month_at(tokens, index - 1, lexicon) if index else None
        if month is None:
            return FoundDate(dt.date(year, 1, 1), "year")
        day = _day_token(tokens[index - 2], lexicon) if index > 1 else None
        return _dated(year, month, day)
    month = _month_at(tokens, index, lexicon)
    if month is None:
        return None
    following = tokens[index + 1 : index + 3]
    day_after = _day_token(following[0], lexicon) if following else None
    day = _day_token(tokens[index - 1], lexicon) if index else None
    day = day if day is not None else day_after
    years = [_year_token(t, lexicon) for t in following]
    year = next((y for y in years if y), None)
    if year:
        return _dated(year, month, day)
    if published_on is None:
        return None
    found = _dated(published_on.year, month, day)
    # "will open in February" or "on 5 September", written on 20 September: next year's
    if ahead and found.date < (published_on if found.precision == "day" else published_on.replace(day=1)):
        return _dated(published_on.year + 1, month, day)
    if not ahead and found.date > published_on:  # "in December", written in March: last December
        return _dated(published_on.year - 1, month, day)
    return found


def find_date(tokens: tuple[Token, ...], lexicon: Lexicon, published_on: dt.date | None, ahead=False) -> FoundDate:
    """The first date expression in the tokens ("on Tuesday ... since June": Tuesday).
    Relative expressions ("منگل کے روز", "पिछले साल", "last year") need the publication date;
    without it they stay unknown. A weekday or a month without a year is the latest before
    publication, or with `ahead` (a planned happening) the next."""
    found = []  # (first token, date)
    for first, end, year in find_phrases(tokens, lexicon.spelled_years):
        month = lexicon.months.get((tokens[first - 1].key,)) if first else None  # "اکتوبر دو ہزار بائیس"
        beside = {tokens[n].key for n in (first - 1, end) if 0 <= n < len(tokens)}
        if month or beside & lexicon.spelled_year_cues:  # "دو ہزار افراد" is two thousand people
            found.append((first - bool(month), FoundDate(dt.date(year, month or 1, 1), "month" if month else "year")))
    absolute = ((index, _absolute(tokens, index, lexicon, published_on, ahead)) for index in range(len(tokens)))
    found += [next(((index, date) for index, date in absolute if date), (len(tokens), None))]
    if published_on is not None:
        for first, end, phrase in find_phrases(tokens, list(lexicon.relative_years)):
            found.append((first, FoundDate(dt.date(published_on.year + lexicon.relative_years[phrase], 1, 1), "year")))
        for first, end, phrase in find_phrases(tokens, list(lexicon.relative_days)):
            found.append((first, FoundDate(published_on + dt.timedelta(days=lexicon.relative_days[phrase]), "day")))
        for index, token in enumerate(tokens):
            weekday = lexicon.weekdays.get((token.key,))
            cued = not lexicon.weekday_cues_after or (index + 1 < len(tokens) and tokens[index + 1].key in lexicon.weekday_cues_after)
            if weekday is not None and cued:
                days = (weekday - published_on.weekday()) % 7 if ahead else -((published_on.weekday() - weekday) % 7)
                found.append((index, FoundDate(published_on + dt.timedelta(days=days), "day")))
                break
    dated = [(at, date) for at, date in found if date is not None]
    return min(dated, key=lambda f: f[0])[1] if dated else FoundDate.unknown()


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
