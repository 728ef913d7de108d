"""The kinds of things Factbook records, as plain enums with labels.

The models use them as field choices; the extraction, which imports no Django, uses the
same members. `Choices` offers what Django's `TextChoices` does for these uses: members
are strings, with a `label`, and the class has `choices` and `values`.
"""

from enum import EnumType, StrEnum, nonmember


class _ChoicesType(EnumType):
    @property
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]

    @property
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class Choices(StrEnum, metaclass=_ChoicesType):
    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    do_not_call_in_templates = nonmember(True)  # in a template, the class is a value, as in Django


class SentenceKind(Choices):
    BODY = "body", "Body"
    HEADLINE = "headline", "Headline"
    SUBHEADING = "subheading", "Subheading"
    CAPTION = "caption", "Caption"
    CREDIT = "credit", "Credit"
    CHROME = "chrome", "Page chrome"


class EntityType(Choices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"


class OrganisationKind(Choices):
    GOVERNMENT_BODY = "government_body", "Government body"
    ARMED_FORCE = "armed_force", "Armed force"
    STATE = "state", "State"
    INTERNATIONAL = "international", "International organisation"
    MEDIA = "media", "Media"
    OTHER = "other", "Other"


class ClaimMode(Choices):
    DIRECT_QUOTE = "direct_quote", "Direct quote"
    REPORTED_SPEECH = "reported_speech", "Reported speech"
    ASSERTION = "assertion", "The article's own assertion"


class EventKind(Choices):
    MEETING = "meeting", "Meeting"
    VISIT = "visit", "Visit"
    AGREEMENT = "agreement", "Agreement signed"
    MILITARY_EXERCISE = "military_exercise", "Military exercise"
    SUMMIT = "summit", "Summit"
    STATEMENT = "statement", "Statement"
    TRADE = "trade", "Trade"
    ELECTION = "election", "Election"
    APPOINTMENT = "appointment", "Appointment"
    RESIGNATION = "resignation", "Resignation"
    ARREST = "arrest", "Arrest"
    COURT_RULING = "court_ruling", "Court ruling"
    ACCIDENT = "accident", "Accident"
    DISASTER = "disaster", "Disaster"
    MATCH = "match", "Match"
    LAUNCH = "launch", "Launch"
    AWARD = "award", "Award"
    OTHER = "other", "Other"


class Factuality(Choices):
    """Whether the article reports an event as having taken place."""

    HAPPENED = "happened", "Happened"
    PLANNED = "planned", "Planned or announced"
    PROPOSED = "proposed", "Proposed or discussed"
    DENIED = "denied", "Denied or did not happen"


class ClaimPolarity(Choices):
    POSITIVE = "positive", "Affirmed"
    NEGATIVE = "negative", "Negated"


class DatePrecision(Choices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    BEFORE = "before", "On or before"  # an undated happening reported in a dated article
    UNKNOWN = "unknown", "Unknown"
