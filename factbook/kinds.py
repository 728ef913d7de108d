"""The kinds of things Factbook records, as plain enums with labels.

The models use them as field choices; the extraction, which imports no Django, uses the
same members. `Choices` offers what Django's `TextChoices` does for these uses: members
are strings, with a `label`, and the class has `choices` and `values`.
"""

from enum import EnumType, StrEnum, nonmember


def gettext_noop(label: str) -> str:
    """Marks a label for the translation catalogues (makemessages); factbook.choices translates it."""
    return label


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
    BODY = "body", gettext_noop("Body")
    HEADLINE = "headline", gettext_noop("Headline")
    SUBHEADING = "subheading", gettext_noop("Subheading")
    CAPTION = "caption", gettext_noop("Caption")
    CREDIT = "credit", gettext_noop("Credit")
    CHROME = "chrome", gettext_noop("Page chrome")


class EntityType(Choices):
    PERSON = "person", gettext_noop("Person")
    ORGANISATION = "organisation", gettext_noop("Organisation")


class OrganisationKind(Choices):
    GOVERNMENT_BODY = "government_body", gettext_noop("Government body")
    ARMED_FORCE = "armed_force", gettext_noop("Armed force")
    STATE = "state", gettext_noop("State")
    INTERNATIONAL = "international", gettext_noop("International organisation")
    MEDIA = "media", gettext_noop("Media")
    OTHER = "other", gettext_noop("Other")


class ClaimMode(Choices):
    DIRECT_QUOTE = "direct_quote", gettext_noop("Direct quote")
    REPORTED_SPEECH = "reported_speech", gettext_noop("Reported speech")
    ASSERTION = "assertion", gettext_noop("The article's own assertion")


class EventKind(Choices):
    MEETING = "meeting", gettext_noop("Meeting")
    VISIT = "visit", gettext_noop("Visit")
    AGREEMENT = "agreement", gettext_noop("Agreement signed")
    MILITARY_EXERCISE = "military_exercise", gettext_noop("Military exercise")
    SUMMIT = "summit", gettext_noop("Summit")
    STATEMENT = "statement", gettext_noop("Statement")
    TRADE = "trade", gettext_noop("Trade")
    ELECTION = "election", gettext_noop("Election")
    APPOINTMENT = "appointment", gettext_noop("Appointment")
    RESIGNATION = "resignation", gettext_noop("Resignation")
    ARREST = "arrest", gettext_noop("Arrest")
    COURT_RULING = "court_ruling", gettext_noop("Court ruling")
    ACCIDENT = "accident", gettext_noop("Accident")
    DISASTER = "disaster", gettext_noop("Disaster")
    MATCH = "match", gettext_noop("Match")
    LAUNCH = "launch", gettext_noop("Launch")
    AWARD = "award", gettext_noop("Award")
    OTHER = "other", gettext_noop("Other")


class Factuality(Choices):
    """Whether the article reports an event as having taken place."""

    HAPPENED = "happened", gettext_noop("Happened")
    PLANNED = "planned", gettext_noop("Planned or announced")
    PROPOSED = "proposed", gettext_noop("Proposed or discussed")
    DENIED = "denied", gettext_noop("Denied or did not happen")


class ClaimPolarity(Choices):
    POSITIVE = "positive", gettext_noop("Affirmed")
    NEGATIVE = "negative", gettext_noop("Negated")


class DatePrecision(Choices):
    DAY = "day", gettext_noop("Day")
    MONTH = "month", gettext_noop("Month")
    YEAR = "year", gettext_noop("Year")
    BEFORE = "before", gettext_noop("On or before")  # an undated happening reported in a dated article
    UNKNOWN = "unknown", gettext_noop("Unknown")
