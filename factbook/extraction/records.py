"""What extraction returns for one article. Mentions are listed in text order; the other
records point at them by their index in that list."""

from dataclasses import dataclass, field

from .dates import FoundDate


@dataclass
class FoundMention:
    sentence: int  # index into the article's segments
    start: int  # offsets into the sentence text
    end: int
    text: str
    entity_type: str  # "person" or "organisation"
    role: str = ""
    organisation_kind: str = ""
    known_name: str = ""  # the known organisation it names: the gazetteer's, or a national team (recognise.find_national_teams)
    role_reference: bool = False  # a role standing for a person named elsewhere ("آرمی چیف")
    same_as: int | None = None  # an acronym's points to its full name's mention
    holder: int | None = None  # a role reference's points to the named person's mention


@dataclass
class FoundClaim:
    sentence: int
    start: int
    end: int
    text: str
    mode: str
    claimant: int | None = None  # a mention
    polarity: str = "positive"  # "negative": the claim says that something is not so
    event: int | None = None  # index of the event of its clause in the extraction's events


@dataclass
class FoundEvent:
    kind: str
    sentences: list[int]
    participants: list[int]  # mentions
    date: FoundDate
    place: str = ""
    refers_back: bool = False  # "اس ملاقات", "this meeting": the happening reported before
    factuality: str = "happened"  # or planned, proposed, denied
    earlier: bool = False  # "اس سے قبل", "earlier": another happening, before the one reported
    clauses: list[tuple[int, int, int]] = field(default_factory=list)  # (sentence, start, end) reporting it


@dataclass
class Extraction:
    mentions: list[FoundMention] = field(default_factory=list)
    claims: list[FoundClaim] = field(default_factory=list)
    events: list[FoundEvent] = field(default_factory=list)
