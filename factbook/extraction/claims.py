"""The claims stage: what the article says someone said, and its own dated or numeric
assertions, sentence by sentence over the mentions already found."""

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace

from factbook.kinds import ClaimMode, ClaimPolarity, SentenceKind

from .context import ArticleContext, Sentence
from .dates import find_date
from .records import FoundClaim
from .tokens import Token, find_phrases, phrase_key, tokenize

MIN_QUOTE_WORDS = 5
# A quotation is the claim itself, not words quoted inside reported speech, when it makes up at
# least this share of what was reported.
QUOTED_SHARE = 0.75
MAX_TITLE_WORDS = 5  # "said Health Minister Dr C Vijayabaskar"
SOME_DAY = dt.date(2000, 1, 1)  # against which to tell a date expression in an undated article
# How many words after a speech verb may still be an adjunct ("..., X said in an interview").
ADJUNCT_WORDS = 6
OPENING_QUOTES = {'"': '"', "“": "”", "«": "»", "‘": "’"}
CLOSING_QUOTES = set(OPENING_QUOTES.values())
# Only double quotation marks carry a quotation over a sentence end; single ones double as
# apostrophes, and right-to-left typing often swaps the curly pair (’سائبر سکیورٹی‘).
SPANNING_QUOTES = {'"', "“", "«"}
QUESTION_MARKS = ("?", "؟")
TRIM_END = " \t\n\"'“”‘’«»"
HYPHENS = "-\u2010\u2011"  # not dashes: "pages 2–3" is a range
TRIM = " \t\n\"'“”‘’«»:,،;؛-–—.۔।!?؟"


class _Speakers:
    """Who spoke last and which body issued the last statement, carried from sentence to
    sentence, and the organisations by head word ("the commission said")."""

    def __init__(self, ctx: ArticleContext):
        self.last = self.issuer = None
        self.by_head: dict[str, tuple[list[int], list[int]]] = {}  # head word -> (sentences, ids)
        for mention_id in ctx.mentions.in_text_order():
            mention = ctx.mentions[mention_id]
            if mention.entity_type == "organisation" and phrase_key(mention.text):
                sentences, ids = self.by_head.setdefault(phrase_key(mention.text)[-1], ([], []))
                sentences.append(mention.sentence)
                ids.append(mention_id)


def find_claims(ctx: ArticleContext) -> list[FoundClaim]:
    speakers = _Speakers(ctx)
    open_quote = False  # a quotation that opened in an earlier sentence and has not closed
    quoted = []  # the claims of that quotation so far, whose speaker may be named where it closes
    previous = None  # the last sentence's reported claim, which the next may continue
    found = []
    for sentence in ctx.sentences:
        if sentence.kind != SentenceKind.BODY:
            previous = None
            continue
        if _no_proposition(ctx, sentence):  # what follows in the paragraph goes on in the source's words
            issuer = _statement_issuer(ctx, sentence)
            speakers.issuer = speakers.issuer if issuer is None else issuer
            previous = None if issuer is None else FoundClaim(sentence.index, 0, 0, "", ClaimMode.REPORTED_SPEECH, issuer)
            continue
        ends = {ctx.mentions[m].end: m for m in ctx.mentions.within(sentence.index)}
        issuer = _statement_issuer(ctx, sentence)
        speakers.issuer = speakers.issuer if issuer is None else issuer
        if open_quote:
            claims, open_quote = _quote_continues(sentence, speakers.last)
            quoted += [c for c in claims if c]
            if not open_quote:  # '... ," a senior official said.': the speaker of the whole quotation
                named, speaker = _speaker_after_quote(ctx, sentence, speakers)
                for claim in quoted if named else ():
                    claim.claimant = speaker
                quoted = []
        else:
            claims = _attributed_claims(ctx, sentence, ends, speakers)
            claims, open_quote = _with_quotes(ctx, sentence, claims, speakers.last)
            quoted = [c for c in claims[-1:] if c and c.mode == ClaimMode.DIRECT_QUOTE] if open_quote else []
        if not claims and previous and _continues(ctx, sentence):
            claims = [_claim(sentence, 0, len(sentence.text), previous.mode, previous.claimant)]
        if not claims and _has_number_or_date(ctx, sentence):
            claims = [_claim(sentence, 0, len(sentence.text), ClaimMode.ASSERTION, None)]
        claims = [_by_someone_named(ctx, _after_dateline(ctx, sentence, c)) for c in filter(None, claims)]
        unique = {(c.start, c.end): c for c in filter(None, claims) if not _a_wish(ctx, c)}
        found.extend(_with_polarity(ctx, c) for c in unique.values())
        reported = [c for c in unique.values() if c.mode != ClaimMode.ASSERTION]
        subject = _last_subject(ctx, sentence, ends)
        if subject is not None or reported:  # an unnamed speaker ("according to the railway CPRO") is nobody
            speakers.last = subject if subject is not None else reported[-1].claimant
        attributed = [c for c in unique.values() if c.mode != ClaimMode.ASSERTION and c.claimant is not None]
        previous = attributed[-1] if attributed else None
    return found


def _no_proposition(ctx: ArticleContext, sentence: Sentence) -> bool:
    """A question states nothing, and a sentence that only says where the last one was said
    ("یہ بات ... بیان میں کہی گئی", "this was said in a statement") is its source, not a claim."""
    keys = [t.key for t in sentence.tokens]
    if sentence.text.rstrip(TRIM_END).endswith(QUESTION_MARKS):
        return True
    return any(tuple(keys[: len(phrase)]) == phrase for phrase in ctx.lexicon.attribution_only)


MAX_DATELINE_WORDS = 3
DATELINES = [
    re.compile(r"([^:()]{1,40}?)\s*(?:\([^()]{1,40}\))?\s*:\s"),  # "KARACHI:", "لاہور (این این آئی):"
    re.compile(r"([^,():]{1,40}), \w{3,9}\.? \d{1,2} \([^()]{1,20}\)\s"),  # "New Delhi, Jul 30 (PTI) "
]


def _dateline_end(ctx: ArticleContext, sentence: Sentence) -> int:
    """Where the sentence's dateline ends (0 if it has none): the place the report was filed
    from, in capitals or a place the rules know, before a colon or with the date and agency."""
    for dateline in DATELINES:
        match = dateline.match(sentence.text)
        words = tokenize(match.group(1)) if match else []
        if 0 < len(words) <= MAX_DATELINE_WORDS and (
                phrase_key(match.group(1)) in ctx.rules.places or all(w.text.isupper() for w in words)):
            return match.end()
    return 0


def _after_dateline(ctx: ArticleContext, sentence: Sentence, claim: FoundClaim) -> FoundClaim | None:
    """A claim from the sentence's start without its dateline."""
    dateline_end = _dateline_end(ctx, sentence)
    if claim.start >= dateline_end:
        return claim
    return _claim(sentence, dateline_end, claim.end, claim.mode, claim.claimant)


def _by_someone_named(ctx: ArticleContext, claim: FoundClaim | None) -> FoundClaim | None:
    """A role the article gave nobody by name ("the spokesman") is an unnamed speaker."""
    if claim and claim.claimant is not None:
        speaker = ctx.mentions[claim.claimant]
        if speaker.role_reference and speaker.holder is None:
            claim.claimant = None
    return claim


def _a_wish(ctx: ArticleContext, claim: FoundClaim) -> bool:
    """A prayer or a wish ("May God give peace to the departed souls") states nothing."""
    keys = [t.key for t in tokenize(claim.text)]
    return any(tuple(keys[: len(phrase)]) == phrase for phrase in ctx.lexicon.wishes)


def _with_polarity(ctx: ArticleContext, claim: FoundClaim) -> FoundClaim:
    """A claim that says something is not so ("Pakistan was not invited") keeps it negated."""
    if any(t.key in ctx.lexicon.negations for t in tokenize(claim.text)):
        claim.polarity = ClaimPolarity.NEGATIVE
    return claim


def _continues(ctx: ArticleContext, sentence: Sentence) -> bool:
    """A sentence right after a reported statement, in the same paragraph, with no subject
    of its own, goes on reporting the same speaker (journalists attribute once)."""
    if sentence.opens_paragraph or any(t.key in ctx.lexicon.subject_markers for t in sentence.tokens):
        return False
    # Where no marker shows the subject, a sentence that opens with a person or a pronoun
    # has its own ("He however listed the challenges").
    opener = sentence.tokens[0] if sentence.tokens else None
    owner = ctx.mentions.owner(sentence.index, 0) if opener else None
    return not (opener and ((opener.key,) in ctx.lexicon.pronoun_speakers
                            or owner is not None and ctx.mentions[owner].entity_type == "person"))


def _has_number_or_date(ctx: ArticleContext, sentence: Sentence) -> bool:
    """A quantity ("17 deaths", "तीन सदस्य") or a date expression, resolvable or not ("शनिवार
    सुबह" in an undated article)."""
    return (any(_is_quantity(ctx, sentence.text, t) for t in sentence.tokens)
            or find_date(sentence.tokens, ctx.lexicon, ctx.published_on or SOME_DAY).date is not None)


def _is_quantity(ctx: ArticleContext, text: str, token: Token) -> bool:
    """A number that counts something, not a designation hyphened to a word ("Chandrayaan-3",
    "COVID-19", "F-16"): a model, a mission or a disease is no quantity."""
    if not (token.text[0].isdigit() or token.key in ctx.lexicon.number_words):
        return False
    before = text[max(token.start - 2, 0):token.start]
    designation = len(before) == 2 and before[1] in HYPHENS and unicodedata.category(before[0])[0] in "LM"
    return not designation


def _mention_before(sentence: Sentence, position: int, ends: dict) -> int | None:
    """The mention whose last word is token `position - 1`."""
    return ends.get(sentence.tokens[position - 1].end) if position > 0 else None


def _last_subject(ctx: ArticleContext, sentence: Sentence, ends) -> int | None:
    """The person last used as the subject of a clause ("X نے"; where no marker shows it, the
    person the sentence opens with: "Lyse was excited"), whom "انہوں نے", "she" then mean."""
    subjects = [_mention_before(sentence, n, ends) for n, t in enumerate(sentence.tokens)
                if t.key in ctx.lexicon.subject_markers]
    if not ctx.lexicon.subject_markers and sentence.tokens:
        subjects, tokens, lexicon = [], sentence.tokens, ctx.lexicon
        n = _after_opening_adjunct(ctx, sentence)
        while n < len(tokens):  # past a title: "Minister Sara Khan was ..."
            owner = ctx.mentions.owner(sentence.index, n)
            if owner is not None and ctx.mentions[owner].entity_type == "organisation":
                end = ctx.mentions.words_of(owner)[1]
                if end < len(tokens) and tokens[end].key in lexicon.title_words:
                    n = end  # the body a title belongs to: "Lahore Arts Council chairperson X"
                    continue
            subjects = [owner]
            key = tokens[n].key
            if owner is not None or key not in lexicon.title_words and key not in lexicon.reference_determiners \
                    and key not in ctx.rules.demonyms:  # "British High Commissioner X"
                break
            n += 1
    subjects = [s for s in subjects if s is not None and ctx.mentions[s].entity_type == "person"]
    return subjects[-1] if subjects else None


def _after_opening_adjunct(ctx: ArticleContext, sentence: Sentence) -> int:
    """The first word after a dateline and an opening phrase of time or place set off by a
    comma ("At the ceremony, ...", "After the match, ..."), else 0."""
    tokens, dateline_end = sentence.tokens, _dateline_end(ctx, sentence)
    first = next((n for n, t in enumerate(tokens) if t.start >= dateline_end), len(tokens))
    if first == len(tokens) or tokens[first].key not in ctx.lexicon.adjunct_openers:
        return first
    comma = sentence.text.find(",", tokens[first].start)
    return next((n for n, t in enumerate(tokens) if comma >= 0 and t.start > comma), first)


def _opening_subject(ctx: ArticleContext, sentence: Sentence) -> int | None:
    """The person or body the sentence opens with, past its dateline, an opening adjunct and a
    determiner: the subject of "X took a swipe at Y, saying ..."."""
    n = _after_opening_adjunct(ctx, sentence)
    while n < len(sentence.tokens) and sentence.tokens[n].key in ctx.lexicon.reference_determiners \
            and ctx.mentions.owner(sentence.index, n) is None:
        n += 1
    return ctx.mentions.owner(sentence.index, n) if n < len(sentence.tokens) else None


def _only_names(ctx: ArticleContext, sentence: Sentence, quote: FoundClaim) -> bool:
    """A quoted name ("‘इंटर-सर्विसेज पब्लिक रिलेशंस (आईएसपीआर)’") is a name, not a statement."""
    return all(ctx.mentions.owner(sentence.index, n) is not None for n, t in enumerate(sentence.tokens)
               if quote.start <= t.start and t.end <= quote.end)


def _speaker_after_quote(ctx: ArticleContext, sentence: Sentence, speakers) -> tuple[bool, int | None]:
    """Whether a speech verb after the closing quotation mark names who spoke, and who: the
    person or body before it, the last speaker for a pronoun, nobody for "a senior official"."""
    close = _closing_quote(sentence.text, CLOSING_QUOTES)
    close = len(sentence.text) if close < 0 else close
    after = [n for n, t in enumerate(sentence.tokens) if t.start > close]
    cue = next((first for first, _, _ in find_phrases(sentence.tokens, ctx.rules.speech_cues) if first in after), None)
    if cue is None or not after:
        return False, None
    named = ctx.mentions.within(sentence.index, after[0], cue)
    words = {t.key for t in sentence.tokens[after[0]:cue]}
    if words & ctx.lexicon.indefinites:  # "a senior SER official": only a name given beside it speaks
        named = [m for m in named if ctx.mentions[m].entity_type == "person" and not ctx.mentions[m].role_reference]
    if named:
        return True, named[-1]
    if any((word,) in ctx.lexicon.pronoun_speakers for word in words):
        return True, speakers.last
    return bool(words), None


def _quote_continues(sentence: Sentence, speaker):
    """A sentence inside a quotation that opened earlier: quoted up to its closing mark."""
    close = _closing_quote(sentence.text, CLOSING_QUOTES)
    close = None if close < 0 else close
    end = len(sentence.text) if close is None else close
    if sentence.text[:end].rstrip(TRIM_END).endswith(QUESTION_MARKS):  # a question asks, it states nothing
        return [], close is None
    return [_claim(sentence, 0, end, ClaimMode.DIRECT_QUOTE, speaker)], close is None


def _closing_quote(text: str, marks, start: int = 0) -> int:
    """The offset of the first of `marks` from `start` that closes a quotation, or -1: "’"
    between two letters is an apostrophe ("Pakistan’s")."""
    for position in range(start, len(text)):
        if text[position] in marks and not (0 < position < len(text) - 1 and text[position - 1].isalpha()
                                            and text[position + 1].isalpha()):
            return position
    return -1


def _claim(sentence: Sentence, start, end, mode, claimant) -> FoundClaim | None:
    text = sentence.text
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    if end < len(text) and text[end] in CLOSING_QUOTES and _left_open(text[start:end], text[end]):
        end += 1  # the closing mark of words quoted inside the claim: 'the plan was "a floor"'
    if len(tokenize(text[start:end])) < 2:
        return None
    return FoundClaim(sentence.index, start, end, text[start:end], mode, claimant)


def _left_open(text: str, closing: str) -> bool:
    """Whether the text opens more quotations than it closes with the mark `closing`."""
    opening = next(mark for mark, closes in OPENING_QUOTES.items() if closes == closing)
    return text.count(opening) % 2 == 1 if opening == closing else text.count(opening) > text.count(closing)


def _content_after(sentence: Sentence, token: int, mode=ClaimMode.REPORTED_SPEECH, claimant=None):
    """The claim from the end of token `token` to the end of the sentence."""
    return _claim(sentence, sentence.tokens[token].end, len(sentence.text), mode, claimant)


def _speaker_before(ctx: ArticleContext, sentence: Sentence, marker: int, ends, speakers) -> int | None:
    tokens, lexicon = sentence.tokens, ctx.lexicon
    mention = _mention_before(sentence, marker, ends)
    if mention is not None:
        return mention
    body = _organisation_by_head(sentence, marker, speakers, ctx)
    if body is not None:
        return body
    keys = [t.key for t in tokens[: marker + 1]]
    for pronoun in lexicon.pronoun_speakers:
        if tuple(keys[-len(pronoun):]) == pronoun or tuple(keys[-len(pronoun) - 1 : -1]) == pronoun:
            return speakers.last
    if marker > 0 and tokens[marker - 1].key in lexicon.document_words:
        # "آئی ایس پی آر کے بیان کے مطابق": the statement's author, else the last issuer;
        # but "ایک رپورٹ کے مطابق" cites some unnamed report.
        if marker > 1 and tokens[marker - 2].key in lexicon.indefinites:
            return None
        author = _mention_before(sentence, marker - 2, ends)
        return author if author is not None else speakers.issuer
    return None


def _organisation_by_head(sentence: Sentence, position: int, speakers: _Speakers, ctx: ArticleContext):
    """A body's head word used alone ("आयोग के मुताबिक", "the commission said") refers to the
    last organisation the article named with that head, up to this sentence."""
    if position == 0:
        return None
    head = sentence.tokens[position - 1].key
    if (head,) not in ctx.lexicon.organisation_heads_first and (head,) not in ctx.lexicon.organisation_heads_last:
        return None
    sentences, ids = speakers.by_head.get(head, ([], []))
    named = bisect_right(sentences, sentence.index)
    return ids[named - 1] if named else None


def _statement_issuer(ctx: ArticleContext, sentence: Sentence) -> int | None:
    """An entity named before a word for "statement" in this sentence issued it."""
    for position, token in enumerate(sentence.tokens):
        if token.key in ctx.lexicon.document_words:
            before = ctx.mentions.within(sentence.index, 0, position)
            if before:
                return before[-1]
    return None


def _attributed_claims(ctx: ArticleContext, sentence: Sentence, ends, speakers) -> list:
    """What the sentence reports someone said; two speakers cut apart at the connective
    between them ("X said A, but Y told reporters that B")."""
    cues = [first for first, _, _ in find_phrases(sentence.tokens, ctx.rules.speech_cues)]
    for cut, _, _ in find_phrases(sentence.tokens, ctx.lexicon.clause_breaks):
        if cues and cues[0] < cut < cues[-1]:
            before = replace(sentence, text=sentence.text[:sentence.tokens[cut].start], tokens=sentence.tokens[:cut])
            after = replace(sentence, text=" " * sentence.tokens[cut].end + sentence.text[sentence.tokens[cut].end:])
            return _speech(ctx, before, ends, speakers, 0) + _speech(ctx, after, ends, speakers, cut + 1)
    return _speech(ctx, sentence, ends, speakers, 0)


def _speech(ctx: ArticleContext, sentence: Sentence, ends, speakers, start: int) -> list:
    """The claim of the sentence's first speech cue from token `start` on."""
    tokens, lexicon = sentence.tokens, ctx.lexicon
    keys = [t.key for t in tokens]
    for first, end, _ in find_phrases(tokens[start:], lexicon.document_speech):
        return [_content_after(sentence, start + end - 1, claimant=speakers.issuer)]
    # The cue listed first in the lexicon wins, at its first occurrence with a speaker.
    for _, first, end, cue in sorted((order, first, end, cue) for first, end, (order, cue)
                                     in find_phrases(tokens, ctx.rules.speech_cues) if first >= start):
        if lexicon.speaker_before_verb:
            return [_subject_speech(ctx, sentence, first, end, speakers, cue)]
        marker = next((p for p in range(first - 1, -1, -1) if keys[p] in cue.speaker_markers), None)
        if marker is not None:
            return [_content_after(sentence, end - 1, claimant=_speaker_before(ctx, sentence, marker, ends, speakers))]
        if first > 0 and (keys[first - 1],) in lexicon.pronoun_speakers:  # "उन्होंने कहा": the marker is in the pronoun
            return [_content_after(sentence, end - 1, claimant=speakers.last)]
    for position in range(start, len(tokens)):
        # "X نے [any verb] کہ CONTENT": a subject marker, then the complementiser.
        if keys[position] in lexicon.complementisers:
            # The marker may be written into a pronoun: "उन्होंने दावा किया कि".
            marker = next((p for p in range(position - 1, start - 1, -1) if keys[p] in lexicon.subject_markers
                           or (keys[p],) in lexicon.pronoun_speakers), None)
            if marker is not None:
                speaker = _speaker_before(ctx, sentence, marker, ends, speakers)
                return [_content_after(sentence, position, claimant=speaker)]
            break
    for first, end, _ in find_phrases(tokens[start:], lexicon.according_to):
        first, end = start + first, start + end
        if lexicon.according_to_before_source:  # "According to (the) X, CONTENT"
            after = ctx.mentions.within(sentence.index, end)
            comma = sentence.text.find(",", tokens[end - 1].end)
            speaker = after[0] if after and (comma < 0 or ctx.mentions[after[0]].end <= comma) else None
            content_start = comma + 1 if comma > 0 else tokens[end - 1].end
            return [_claim(sentence, content_start, len(sentence.text), ClaimMode.REPORTED_SPEECH, speaker)]
        return [_content_after(sentence, end - 1, claimant=_speaker_before(ctx, sentence, first, ends, speakers))]
    return []


def _subject_speech(ctx: ArticleContext, sentence: Sentence, first: int, end: int, speakers, cue) -> FoundClaim | None:
    """"X said (that) CONTENT", "CONTENT, X said." and '"QUOTE," X told reporters'.
    The speaker is the subject: the nearest person named before the verb, or a pronoun."""
    tokens, text, lexicon = sentence.tokens, sentence.text, ctx.lexicon
    before = [m for m in ctx.mentions.within(sentence.index, 0, first) if ctx.mentions[m].entity_type == "person"]
    pronoun = first > 0 and tokens[first - 1].key in {k[0] for k in lexicon.pronoun_speakers}
    inverted, named = _inverted_speaker(ctx, sentence, first, end)
    if inverted:  # "CONTENT, said Health Minister X during ...": the content before the comma
        comma = text.rfind(",", 0, tokens[first].start)
        return _claim(sentence, 0, comma, ClaimMode.REPORTED_SPEECH, named) if comma > 0 else None
    bodies = [m for m in ctx.mentions.overlapping(sentence.index, max(0, first - 2), first)
              if ctx.mentions[m].entity_type == "organisation"]  # "Press TV initially said"
    if pronoun:
        speaker = speakers.last
    elif cue.participle and (subject := _opening_subject(ctx, sentence)) is not None:
        speaker = subject  # a participle's subject is the sentence's: "X ..., saying"
    else:
        speaker = before[-1] if before else bodies[-1] if bodies else _organisation_by_head(sentence, first, speakers, ctx)
    if speaker is not None and not pronoun and ctx.mentions[speaker].sentence == sentence.index:
        subject_start = ctx.mentions[speaker].start
    else:
        subject_start = tokens[first - 1].start if first else 0
    quotes = [span for span in quoted_spans(text)[0] if span[1] <= subject_start]
    if quotes:
        return _claim(sentence, *quotes[-1], ClaimMode.DIRECT_QUOTE, speaker)
    adjunct = len(tokens) - end <= ADJUNCT_WORDS and not any(t.key in lexicon.complementisers for t in tokens[end:])
    if adjunct and "," in text[:subject_start] and tokens[first].key not in lexicon.addressee_cues or \
            len(tokens) - end <= 1 and "," in text[:subject_start]:  # "CONTENT, X said (in an interview)."
        return _claim(sentence, 0, text.rindex(",", 0, subject_start), ClaimMode.REPORTED_SPEECH, speaker)
    complementisers = lexicon.complementisers
    if tokens[first].key in lexicon.addressee_cues:  # "told reporters (that) ...": skip the hearer
        that = next((n for n in range(end, len(tokens)) if tokens[n].key in complementisers), None)
        return _content_after(sentence, that, claimant=speaker) if that else None
    clause = end < len(tokens) and tokens[end].key in complementisers
    if cue.needs_complementiser and not clause:
        return None  # "a local court denied them bail"
    return _content_after(sentence, end if clause else end - 1, claimant=speaker)


def _inverted_speaker(ctx: ArticleContext, sentence: Sentence, first: int, end: int) -> tuple[bool, int | None]:
    """Whether the speaker is named right after the verb of a sentence that opens with what
    was said ("..., said Health Minister X"), and the person's mention if it was found: a
    title, or a person's mention after at most its title's words."""
    if first == 0 or "," not in sentence.text[sentence.tokens[first - 1].end:sentence.tokens[first].start]:
        return False, None
    titled = False
    for n in range(end, min(end + MAX_TITLE_WORDS, len(sentence.tokens))):
        owner = ctx.mentions.owner(sentence.index, n)
        if owner is not None:
            return (True, owner) if ctx.mentions[owner].entity_type == "person" else (titled, None)
        token = sentence.tokens[n]
        if token.key in ctx.lexicon.title_words:
            titled = True
        elif not token.text[0].isupper():  # a capitalised word may say of what the title is: "Health Minister"
            break
    return titled, None


def _with_quotes(ctx: ArticleContext, sentence: Sentence, claims, last_speaker):
    """Quoted words are direct quotes: they narrow an attributed claim, or stand alone and
    belong to the last speaker. Also says whether a quotation is left open at the end."""
    claims = [c for c in claims if c]
    spans, unclosed_at = quoted_spans(sentence.text)
    if unclosed_at is not None:
        spans.append((unclosed_at, len(sentence.text)))
    for start, end in spans:
        quote = _claim(sentence, start, end, ClaimMode.DIRECT_QUOTE, last_speaker)
        if quote is None or len(tokenize(quote.text)) < MIN_QUOTE_WORDS or _only_names(ctx, sentence, quote):
            continue
        if _titled(ctx, sentence, start):  # the film "...": part of what was said, no statement of its own
            continue
        if sentence.text[start:end].rstrip(TRIM_END).endswith(QUESTION_MARKS):  # a quoted question states nothing
            claims = [c for c in claims if not (quote.start <= c.start and c.end <= quote.end)]
            continue
        inside = next((c for c in claims if c.start <= quote.start and quote.end <= c.end), None)
        if inside and quote.end - quote.start < QUOTED_SHARE * (inside.end - inside.start):
            continue  # a few words quoted inside reported speech ('the plan was "a floor, not a ceiling"')
        if inside:
            quote.claimant = inside.claimant
            claims.remove(inside)
        claims.append(quote)
    return claims, unclosed_at is not None


def _titled(ctx: ArticleContext, sentence: Sentence, start: int) -> bool:
    """Whether a quotation at offset `start` is the title of a work: "the film “...”", "ڈرامہ سیریل “...”"."""
    before = [t for t in sentence.tokens if t.end <= start][-2:]
    return any(t.key in ctx.lexicon.work_nouns for t in before)


def _ends_a_word(text: str, position: int) -> bool:
    """Whether the straight quotation mark at `position` closes what came before ('the spot," he
    said'): one whose opening mark the excerpt lost opens nothing."""
    return (text[position] == '"' and 0 < position and not text[position - 1].isspace()
            and (position + 1 == len(text) or not text[position + 1].isalnum()))


def quoted_spans(sentence: str):
    """(start, end) of each text between matching quotation marks, and where a quotation
    that does not close in this sentence opens (None when all close)."""
    spans, position = [], 0
    while position < len(sentence):
        closing = OPENING_QUOTES.get(sentence[position])
        if closing and not _ends_a_word(sentence, position):
            close = _closing_quote(sentence, {closing}, position + 1)
            if close < 0:
                following = sentence[position + 1 :]
                spanning = sentence[position] in SPANNING_QUOTES and len(tokenize(following)) >= MIN_QUOTE_WORDS
                return spans, position if spanning else None
            spans.append((position, close + 1))
            position = close
        position += 1
    return spans, None
