"""Sentence segmentation: an article's text -> its sentences, each with its kind.

The text is NFC-normalised, one paragraph per line. Every non-whitespace character ends up in
exactly one segment; page furniture (headlines, captions, credits, share lines) is kept but given
a kind other than BODY, so that only the article proper yields claims.

The rules key on script and punctuation, not on `language`: news mixes scripts (Hindi articles
carry English words and ASCII full stops), so every rule is safe to apply to every article.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from factbook.kinds import SentenceKind


@dataclass(frozen=True)
class Segment:
    start: int  # Python str index into `text`
    end: int
    kind: str  # a SentenceKind value


# --- Where sentences end ----------------------------------------------------------------------

# Urdu/Arabic full stop and question mark, Devanagari danda and double danda, Latin . ! ?
TERMINALS = frozenset("۔؟।॥.!?")
# Latin terminals: a lowercase letter after them means the sentence goes on ("e.g. the").
CASED_TERMINALS = frozenset(".!?")
# Punctuation right after a terminal that carries the sentence on ("etc., and", '"Why?", he asked').
CONTINUATIONS = frozenset(",;:،؛")

# Closing quote or bracket -> the mark it closes. Urdu typed right-to-left often swaps the curly
# quotes (’سائبر سکیورٹی‘), so each curly quote may close the other.
CLOSES = {
    '"': '"',
    "'": "'",
    "”": "“",
    "“": "”",
    "’": "‘",
    "‘": "’",
    "»": "«",
    "«": "»",
    "›": "‹",
    "‹": "›",
    ")": "(",
    "]": "[",
}
# Marks that can only close, so one glued to a terminal always belongs to that sentence (है.’इस).
CLOSING_ONLY = frozenset(")]”’»›")
# Marks that are apostrophes, not quotes, when they stand between two letters ("Pakistan's").
APOSTROPHES = frozenset("'’")

# Web addresses, whose "." "?" "!" are not sentence ends.
URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Punctuation that belongs to the sentence around a URL, not to the URL ("see dawn.com/news.").
URL_TRAILERS = TERMINALS | CONTINUATIONS | CLOSES.keys()

NUQTA = "\u093c"


def _without_nuqta(word: str) -> str:
    """Devanagari spelled with or without nuqta (पढ़ें / पढें) compares equal."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).replace(NUQTA, ""))


# Words written with a "." that does not end the sentence: titles, ranks, "etc." and the like.
ABBREVIATIONS = frozenset(
    map(
        _without_nuqta,
        {
            # English
            *("Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Jr", "Sr", "Hon", "Rev"),
            *("Gen", "Lt", "Col", "Maj", "Capt", "Cdr", "Cmdr", "Adm", "Brig", "Sgt"),
            *("Gov", "Govt", "Sen", "Rep", "Amb", "Dept", "Inc", "Ltd", "Co", "Corp"),
            *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
            *("vs", "etc", "approx"),
            # Hindi: Dr., Prof., Mohd., Mr., late, Lt., ed./era, km (कि.मी.)
            *("डॉ", "प्रो", "मो", "मि", "स्व", "ले", "सं", "कि"),
        },
    )
)
# Abbreviations that take a "." only before a number ("No. 5", "Rs. 500", "नं. 5", "रु. 500").
NUMBER_ABBREVIATIONS = frozenset(map(_without_nuqta, {"No", "Nos", "Vol", "Art", "Rs", "नं", "रु", "रू"}))
# Devanagari names of Latin letters, written as initials ("अलेक्जेंडर वी. फोमिन", "ए.पी.जे.").
DEVANAGARI_INITIALS = frozenset(
    map(
        _without_nuqta,
        {
            *("ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "जे", "के", "एल", "एम", "एन"),
            *("ओ", "पी", "क्यू", "आर", "एस", "टी", "यू", "वी", "डब्ल्यू", "डबल्यू", "एक्स", "वाई", "जेड"),
        },
    )
)
# Letter names that are also words often ending a sentence ("बात सामने आई." = "it came out"):
# initials only inside a run of initials ("आई. के. गुजराल", "आई.ए.एस.").
AMBIGUOUS_INITIALS = frozenset({"आई"})
# Words that open a new sentence even right after an abbreviation or initial ("in the U.S. The").
SENTENCE_STARTERS = frozenset(
    {
        *("The", "He", "She", "It", "They", "We", "This", "That", "These", "Those", "There"),
        *("His", "Her", "Their", "Its", "But", "However", "In", "On", "At", "Meanwhile"),
        *("यह", "वह", "ये", "वे", "इस", "उस", "उन्होंने", "इसके", "वहीं", "लेकिन", "हालांकि"),
    }
)

# --- What kind a line is ----------------------------------------------------------------------

# Line openings that give a whole line its kind; compared case-, nuqta- and spacing-insensitively.
LINE_LABELS = (
    (SentenceKind.CAPTION, ("کیپشن:", "कैप्शन:", "Caption:", "Photo:", "Image:")),
    (
        SentenceKind.CREDIT,
        (
            *("سورس:", "تصویر:", "فوٹو:", "फोटो:", "सोर्स:", "तस्वीर:"),
            *("Source:", "Credit:", "Photo credit:", "Image credit:"),
        ),
    ),
    (
        SentenceKind.CHROME,
        (
            *("Shares:", "Share:", "Share this", "Related:", "Read also", "Also read", "Read more"),
            *("یہ بھی پڑھیں", "یہ بھی پڑھیے", "مزید پڑھیں"),
            *("इसे भी पढ़ें", "ये भी पढ़ें", "यह भी पढ़ें"),
        ),
    ),
)
NUMBERED_LABEL = re.compile(r"^([^\d:]+?) ?\d{1,3}:")
# Arabic-keyboard letters typed for their Urdu counterparts.
ARABIC_TO_URDU = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ"})
# A line ending in these leads into the next one ("انہوں نے کہا:"), so it is no title.
LEAD_IN_ENDINGS = frozenset(":,;،؛")
HEADLINE_MAX_CHARS = 200
SUBHEADING_MAX_WORDS = 11


def segment(text: str, language: str) -> list[Segment]:
    """Split an NFC-normalised article into sentences, in order, each with its kind."""
    lines = list(_lines(text))
    sentences = [_sentences(text, start, end) for start, end in lines]
    kinds = _line_kinds(text, lines, sentences)
    return [Segment(s, e, kind) for spans, kind in zip(sentences, kinds) for s, e in spans]


def _lines(text: str):
    """(start, end) of each non-blank line, without its surrounding whitespace."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            yield start, start + len(stripped)
        pos += len(raw)


# --- Sentences within a line --------------------------------------------------------------------


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    urls = [(m.start(), _url_end(text, m.start(), m.end())) for m in URL_RE.finditer(text, start, end)]
    spans = []
    sentence_start = i = start
    while i < end:
        if text[i] not in TERMINALS or any(a <= i < b for a, b in urls):
            i += 1
            continue
        run_end = i
        while run_end < end and text[run_end] in TERMINALS:
            run_end += 1
        stop = _sentence_end(text, sentence_start, i, run_end, end)
        if stop is None:
            i = run_end
            continue
        spans.append((sentence_start, stop))
        sentence_start = i = _skip_space(text, stop, end)
    if sentence_start < end:
        spans.append((sentence_start, end))
    return _merge_punctuation_only(text, spans)


def _url_end(text: str, start: int, end: int) -> int:
    """A URL's end without the punctuation of the sentence around it."""
    while end > start and text[end - 1] in URL_TRAILERS:
        end -= 1
    return end


def _sentence_end(text: str, sentence_start: int, i: int, run_end: int, end: int) -> int | None:
    """Where the sentence whose terminal is text[i:run_end] ends, or None if it goes on."""
    terminal = text[i:run_end]
    if terminal == "." and _dot_inside_sentence(text, sentence_start, i, end):
        return None
    stop = _attach_closers(text, sentence_start, run_end, end)
    if stop < end and text[stop] in CONTINUATIONS:
        return None
    following = _skip_space(text, stop, end)
    if following < end and text[following].islower() and set(terminal) <= CASED_TERMINALS:
        return None
    return stop


def _dot_inside_sentence(text: str, start: int, i: int, end: int) -> bool:
    """Whether the "." at text[i] belongs to a number, abbreviation or initial."""
    if 0 < i - start and i + 1 < end and text[i - 1].isdigit() and text[i + 1].isdigit():  # 3.5, 29.10.2024
        return True
    word_start = i
    while word_start > start and _is_letter(text[word_start - 1]):
        word_start -= 1
    word = _without_nuqta(text[word_start:i])
    if not word or (word_start > start and text[word_start - 1].isdigit()):  # "100m." is no initial
        return False
    next_word, next_end = _next_word(text, i + 1, end)
    next_is_dotted = text[next_end : next_end + 1] == "."
    after = _skip_space(text, i + 1, end)
    abbreviated = (
        word in ABBREVIATIONS
        or _is_initial(word)
        or (word in NUMBER_ABBREVIATIONS and after < end and text[after].isdigit())
        or (word in AMBIGUOUS_INITIALS and _is_initial(_without_nuqta(next_word)) and next_is_dotted)
    )
    return abbreviated and next_word not in SENTENCE_STARTERS


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isalpha() or word in DEVANAGARI_INITIALS


def _attach_closers(text: str, sentence_start: int, pos: int, end: int) -> int:
    """Extend a sentence ending at `pos` over the quotes and brackets that close it."""
    while pos < end:
        mark = _skip_space(text, pos, end)
        if mark >= end or text[mark] not in CLOSES:
            break
        glued = mark == pos
        before_word = mark + 1 < end and _is_letter_or_digit(text[mark + 1])
        closes = _closes_open_mark(text, sentence_start, mark)
        if glued:
            # ہے۔"  and  है.’इस  close; ہے۔"ملاقات with no quote open opens the next sentence.
            attach = closes or not before_word or text[mark] in CLOSING_ONLY
        else:
            # ہے۔ " closes only an open quote; otherwise it opens the next sentence (کہا " اگر).
            attach = closes and not before_word
        if not attach:
            break
        pos = mark + 1
    return pos


def _closes_open_mark(text: str, sentence_start: int, mark: int) -> bool:
    """Whether text[mark] closes a quote or bracket opened earlier in the sentence."""
    closer, opener = text[mark], CLOSES[text[mark]]
    if closer == opener:
        return _count_marks(text, sentence_start, mark, closer) % 2 == 1
    opened = _count_marks(text, sentence_start, mark, opener)
    return opened > _count_marks(text, sentence_start, mark, closer)


def _count_marks(text: str, start: int, end: int, mark: str) -> int:
    return sum(1 for i in range(start, end) if text[i] == mark and not _is_apostrophe(text, i))


def _is_apostrophe(text: str, i: int) -> bool:
    """A ' or ’ between two letters is an apostrophe ("Pakistan's"), not a quote."""
    return text[i] in APOSTROPHES and 0 < i < len(text) - 1 and _is_letter(text[i - 1]) and _is_letter(text[i + 1])


def _merge_punctuation_only(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a piece without letters or digits (a stray quote, "۔ ۔") to its neighbour."""
    merged = []
    for start, end in spans:
        wordless = not _has_letter_or_digit(text, start, end)
        if merged and (wordless or not _has_letter_or_digit(text, *merged[-1])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _next_word(text: str, pos: int, end: int) -> tuple[str, int]:
    """The word after `pos`, past spaces and opening quotes, and where it ends."""
    while pos < end and (text[pos].isspace() or text[pos] in CLOSES):
        pos += 1
    word_end = pos
    while word_end < end and _is_letter(text[word_end]):
        word_end += 1
    return text[pos:word_end], word_end


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _is_letter(char: str) -> bool:
    """Letters and combining marks: Devanagari vowel signs are marks, part of the word."""
    return unicodedata.category(char)[0] in "LM"


def _is_letter_or_digit(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def _has_letter_or_digit(text: str, start: int, end: int) -> bool:
    return any(_is_letter_or_digit(c) for c in text[start:end])


# --- Line kinds ---------------------------------------------------------------------------------


def _line_kinds(text: str, lines: list[tuple[int, int]], sentences: list[list[tuple[int, int]]]) -> list[str]:
    kinds, short_titles = [], []
    headlines = set()
    seen_content = False
    for (start, end), spans in zip(lines, sentences):
        line = text[start:end]
        title = len(spans) == 1 and _ends_without_terminal(line)
        short_titles.append(title and len(line.split()) <= SUBHEADING_MAX_WORDS)
        kind = _labelled_kind(line) or (SentenceKind.CAPTION if _ends_with_credit(text, spans) else None)
        if kind is None:
            key = _match_key(line)
            if key in headlines:  # a headline repeated by the page
                kind = SentenceKind.HEADLINE
            elif not seen_content and title and len(line) < HEADLINE_MAX_CHARS:
                kind = SentenceKind.HEADLINE
                headlines.add(key)
            else:
                kind = SentenceKind.BODY
            seen_content = True
        kinds.append(kind)
    # A short title between body paragraphs is a subheading.
    paragraphs = [i for i, kind in enumerate(kinds) if kind == SentenceKind.BODY and not short_titles[i]]
    for i, kind in enumerate(kinds):
        between_paragraphs = bool(paragraphs) and paragraphs[0] < i < paragraphs[-1]
        if kind == SentenceKind.BODY and short_titles[i] and between_paragraphs:
            kinds[i] = SentenceKind.SUBHEADING
    return kinds


# A photo's credit after a dash closing its caption: "... at Alhamra. — White Star", "— AP".
CREDIT_AFTER_CAPTION = re.compile(r"[—–]\s*\S+(?:\s+\S+){0,3}")


def _ends_with_credit(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a line of several sentences ends with a credit alone, as a caption does."""
    return len(spans) > 1 and CREDIT_AFTER_CAPTION.fullmatch(text[spans[-1][0]:spans[-1][1]]) is not None


def _ends_without_terminal(line: str) -> bool:
    last = line.rstrip("".join(CLOSES) + " ")[-1:]
    return bool(last) and last not in TERMINALS and last not in LEAD_IN_ENDINGS


def _labelled_kind(line: str) -> str | None:
    key = _match_key(line)
    key = key[next((i for i, c in enumerate(key) if _is_letter_or_digit(c)), len(key)) :]  # "» Read more"
    key = NUMBERED_LABEL.sub(r"\1:", key, count=1)  # a gallery's "Caption 3:" is a "Caption:"
    for kind, labels in _label_keys():
        if any(_opens_with(key, label) for label in labels):
            return kind
    return None


@cache
def _label_keys():
    """LINE_LABELS in the form lines are compared in, made once rather than for every line."""
    return tuple((kind, tuple(map(_match_key, labels))) for kind, labels in LINE_LABELS)


def _opens_with(key: str, label: str) -> bool:
    """Whether `key` opens with the whole words of `label`: "read more", not "read moreover"."""
    rest = key[len(label) :]
    return key.startswith(label) and not (_is_letter_or_digit(label[-1]) and rest and _is_letter_or_digit(rest[0]))


def _match_key(line: str) -> str:
    """The form lines and labels are compared in: case, nuqta, spacing and letter variants ignored."""
    key = _without_nuqta(unicodedata.normalize("NFKC", line)).translate(ARABIC_TO_URDU).casefold()
    key = "".join(c for c in key if unicodedata.category(c) != "Cf")  # direction marks, joiners
    return re.sub(r"\s+", " ", key).replace(" :", ":").strip()
