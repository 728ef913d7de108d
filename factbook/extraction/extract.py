"""Rule-based extraction of mentions, claims and events from a segmented article.

Works sentence by sentence on word tokens, with the rules of the article's language
(`lexicons/<language>.yaml`) and the gazetteer. It knows nothing of the database: it names
entities by their surface text, and the resolver decides who they are.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from factbook.entities.names import normalise
from factbook.sources.models import SentenceKind

from .dates import FoundDate, dates_compatible, find_date
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .segment import Segment
from .tokens import Token, find_phrases, phrase_key, tokenize

MAX_NAME_WORDS = 4
MAX_ORGANISATION_WORDS = 8
# Lower-case words inside English names: "Ministry of Natural Resources and Environment".
ENGLISH_NAME_LINKS = {"of", "on", "for", "and", "the"}
MIN_QUOTE_WORDS = 5
# Sentence kinds whose names belong to the article; credits and page chrome often name others.
MENTION_KINDS = {SentenceKind.BODY, SentenceKind.HEADLINE, SentenceKind.SUBHEADING, SentenceKind.CAPTION}
EVENT_PRIORITY = ["agreement", "military_exercise", "summit", "meeting", "visit", "trade"]
OPENING_QUOTES = {'"': '"', "“": "”", "«": "»", "‘": "’"}
CLOSING_QUOTES = set(OPENING_QUOTES.values())
# Only double quotation marks carry a quotation over a sentence end; single ones double as
# apostrophes, and right-to-left typing often swaps the curly pair (’سائبر سکیورٹی‘).
SPANNING_QUOTES = {'"', "“", "«"}
TRIM = " \t\n\"'“”‘’«»:,،;؛-–—.۔।!?؟"


@dataclass
class FoundMention:
    sentence: int  # index into the article's segments
    start: int  # offsets into the sentence text
    end: int
    text: str
    entity_type: str  # "person" or "organisation"
    role: str = ""
    organisation_kind: str = ""
    known_name: str = ""  # the gazetteer entry it names
    role_reference: bool = False  # a role standing for a person named elsewhere ("آرمی چیف")
    same_as: int | None = None  # an acronym's points to its full name's mention (its index, once sorted)
    holder: int | None = None  # a role reference's index points to the named person's mention


@dataclass
class FoundClaim:
    sentence: int
    start: int
    end: int
    text: str
    mode: str
    claimant: int | None = None  # index into mentions


@dataclass
class FoundEvent:
    kind: str
    sentences: list[int]
    participants: list[int]  # indexes into mentions
    date: FoundDate
    place: str = ""
    refers_back: bool = False  # "اس ملاقات", "this meeting": the happening reported before


@dataclass
class Extraction:
    mentions: list[FoundMention] = field(default_factory=list)
    claims: list[FoundClaim] = field(default_factory=list)
    events: list[FoundEvent] = field(default_factory=list)


class ArticleExtractor:
    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer, known_person_names=()):
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.organisation_aliases = {
            key: org for org in gazetteer.organisations for key in map(phrase_key, org.aliases) if key
        }
        self.demonyms = {key[0] for org in gazetteer.organisations for key in map(phrase_key, org.demonyms) if key}
        self.organisation_aliases.update({  # "روسی حکومت", "भारत सरकार" name the state
            (*phrase_key(demonym), word): org
            for org in gazetteer.organisations for demonym in org.demonyms
            for word in lexicon.government_words
        })
        self.place_aliases = {key: p.name for p in gazetteer.places for key in map(phrase_key, p.aliases) if key}
        self.known_person_names = list(known_person_names)

    def extract(self, text: str, segments: list[Segment], published_on: dt.date | None) -> Extraction:
        self.result = Extraction()
        self._article_text = text
        sentences = [text[s.start : s.end] for s in segments]
        for index, (segment, sentence) in enumerate(zip(segments, sentences)):
            if segment.kind in MENTION_KINDS:
                self._find_mentions(index, sentence)
        self._find_repeated_names(sentences, segments)
        self.result.mentions.sort(key=lambda m: (m.sentence, m.start))
        position = {id(m): n for n, m in enumerate(self.result.mentions)}
        for mention in self.result.mentions:
            if mention.same_as is not None:
                mention.same_as = position[id(mention.same_as)]
        self._link_role_references()
        self._find_claims(sentences, segments, published_on)
        self._find_events(sentences, segments, published_on)
        return self.result

    # Mentions

    def _free(self, index: int, start: int, end: int) -> bool:
        return not any(
            m.sentence == index and m.start < end and start < m.end for m in self.result.mentions
        )

    def _add_mention(self, index, tokens, first, end, **fields) -> int | None:
        start, stop = tokens[first].start, tokens[end - 1].end
        if not self._free(index, start, stop):
            return None
        self.result.mentions.append(FoundMention(index, start, stop, tokens_text(tokens, first, end, self._sentence), **fields))
        return len(self.result.mentions) - 1

    def _find_mentions(self, index: int, sentence: str):
        self._sentence = sentence
        tokens = tokenize(sentence)
        # A name spelled out before its acronym is the most certain, known names next.
        self._find_bracketed_acronyms(index, sentence, tokens)
        for first, end, key in find_phrases(tokens, list(self.organisation_aliases)):
            self._add_organisation(index, tokens, first, end, "")
        self._find_headed_organisations(index, tokens)
        self._find_titled_persons(index, tokens)
        if self.lexicon.language == "en":
            self._find_appositive_persons(index, sentence, tokens)

    def _add_organisation(self, index, tokens, first, end, kind, **fields):
        """An organisation mention, linked to the gazetteer entry its words name, if any."""
        known = self.organisation_aliases.get(tuple(t.key for t in tokens[first:end]))
        if known:
            fields.update(organisation_kind=known.kind, known_name=known.name)
        else:
            fields.update(organisation_kind=kind or "other")
        return self._add_mention(index, tokens, first, end, entity_type="organisation", **fields)

    def _is_capitalised_name_word(self, token) -> bool:
        return (token.text[0].isupper() and token.text[0].isalpha() and token.key not in self.lexicon.stopwords
                and token.key not in self.lexicon.title_words and (token.key,) not in self.organisation_aliases)

    def _find_appositive_persons(self, index, sentence, tokens):
        """English names set off by a comma next to a title: "Daniel Okafor, deputy executive
        secretary of ..." and "Australia's climate envoy, James Whitfield, said"."""
        title_words = self.lexicon.title_words
        for comma in (i for i, char in enumerate(sentence) if char == ","):
            before = [n for n, t in enumerate(tokens) if t.end <= comma]
            after = [n for n, t in enumerate(tokens) if t.start > comma]
            if before and after:
                run_end = before[-1] + 1
                run_start = run_end
                while run_start > 0 and run_end - run_start < 3 and self._is_capitalised_name_word(tokens[run_start - 1]):
                    run_start -= 1
                if run_end - run_start >= 2 and any(tokens[n].key in title_words for n in after[:6]):
                    self._add_mention(index, tokens, run_start, run_end, entity_type="person")
                first = after[0]
                name_end = first
                while name_end < len(tokens) and name_end - first < 3 and self._is_capitalised_name_word(tokens[name_end]):
                    name_end += 1
                if name_end - first >= 2 and any(tokens[n].key in title_words for n in before[-6:]):
                    self._add_mention(index, tokens, first, name_end, entity_type="person")

    def _name_after(self, tokens, first: int) -> int:
        """End index of the name that starts at `first`: words up to a stopword or punctuation."""
        end = first
        while end < len(tokens) and end - first < MAX_NAME_WORDS:
            token = tokens[end]
            if token.key in self.lexicon.stopwords or token.key in self.lexicon.title_words:
                break
            if not token.text[0].isalpha() or (phrase_key(token.text) in self.organisation_aliases):
                break
            if self.lexicon.language == "en" and not token.text[0].isupper():
                break
            if end > first and not self._joined(tokens[end - 1], token):
                break
            end += 1
        return end

    def _joined(self, previous: Token, token: Token) -> bool:
        """Two words belong to one name only when nothing but space (or an initial's dot) separates them."""
        gap = self._sentence[previous.end : token.start].strip()
        return gap in ("", "-", "'", "’") or (gap == "." and len(previous.text) <= 2)

    def _find_titled_persons(self, index: int, tokens):
        titles = list(find_phrases(tokens, self.lexicon.person_titles))
        for position, (first, end, _) in enumerate(titles):
            # Chained titles ("آرمی چیف جنرل") introduce one name: skip to the last of the chain.
            if position + 1 < len(titles) and titles[position + 1][0] == end:
                continue
            chain_start = first
            for prev_first, prev_end, _ in reversed(titles[:position]):
                if prev_end != chain_start:
                    break
                chain_start = prev_first
            role = tokens_text(tokens, chain_start, end, self._sentence)
            if chain_start and tokens[chain_start - 1].key in self.demonyms:
                chain_start -= 1  # "روسی وزیر خارجہ": the nationality belongs to the reference
            if chain_start and tokens[chain_start - 1].key in self.lexicon.reference_determiners:
                chain_start -= 1  # "the minister"
            before = tokens[chain_start - 1].key if chain_start else None
            name_end = self._name_after(tokens, end)
            if name_end > end:
                self._add_mention(index, tokens, end, name_end, entity_type="person", role=role)
            elif before in self.lexicon.indefinites:
                continue  # "کسی روسی وزیر خارجہ", "a minister": nobody in particular
            elif end == len(tokens) or tokens[end].key in self.lexicon.case_markers:
                self._add_mention(index, tokens, chain_start, end, entity_type="person", role=role,
                                  role_reference=True)

    def _find_bracketed_acronyms(self, index: int, sentence: str, tokens):
        """ "شنگھائی تعاون تنظیم (ایس سی او)": the words before the bracket name what it abbreviates."""
        for position, token in enumerate(tokens):
            if position == 0 or "(" not in sentence[tokens[position - 1].end : token.start]:
                continue
            close = sentence.find(")", token.start)
            if close < 0 or close - token.start > 40:
                continue
            acronym_end = position
            while acronym_end < len(tokens) and tokens[acronym_end].end <= close:
                acronym_end += 1
            name_first = self._organisation_start(tokens, position, MAX_ORGANISATION_WORDS)
            if name_first == position:
                continue
            full = self._add_organisation(index, tokens, name_first, position, self._head_kind(tokens[name_first:position]))
            if full is None:
                continue
            full = self.result.mentions[full]
            acronym = self._add_organisation(index, tokens, position, acronym_end, full.organisation_kind, same_as=full)
            acronym = self.result.mentions[acronym] if acronym is not None else None
            if acronym and acronym.known_name and not full.known_name:
                # "پاک فوج کے شعبہ تعلقات عامہ (آئی ایس پی آر)": the name spells out a known acronym.
                full.known_name, full.organisation_kind = acronym.known_name, acronym.organisation_kind

    def _organisation_start(self, tokens, end, longest) -> int:
        """Where an organisation name ending before tokens[end] starts: joined words that are
        not stopwords (a demonym may be part of it: "भारतीय जनता पार्टी"); in English,
        capitalised words and the function words between them ("Ministry of Natural Resources")."""
        english = self.lexicon.language == "en"
        first = end
        while first > 0 and end - first < longest:
            token = tokens[first - 1]
            if first < end and not self._joined(token, tokens[first]):
                break
            if english:
                if not (token.text[0].isupper() or token.key in ENGLISH_NAME_LINKS):
                    break
            elif not token.text[0].isalpha() or (token.key in self.lexicon.stopwords and token.key not in self.demonyms):
                break
            first -= 1
        while first < end and tokens[first].key in ENGLISH_NAME_LINKS:
            first += 1
        return first

    def _head_kind(self, tokens) -> str:
        keys = [t.key for t in tokens]
        for heads in (self.lexicon.organisation_heads_first, self.lexicon.organisation_heads_last):
            for head, kind in heads.items():
                if any(tuple(keys[i : i + len(head)]) == head for i in range(len(keys))):
                    return kind
        return ""

    def _find_headed_organisations(self, index: int, tokens):
        """Organisation names built on a head word: "وزارت دفاع", "مشترکہ عسکری مشاورتی کمیٹی"."""
        stop = self.lexicon.stopwords
        for first, end, head in find_phrases(tokens, list(self.lexicon.organisation_heads_first)):
            name_end = end
            if self.lexicon.language == "en":  # "Ministry of Natural Resources and Environment"
                while name_end < len(tokens) and (tokens[name_end].text[0].isupper() or tokens[name_end].key in ENGLISH_NAME_LINKS):
                    name_end += 1
                while name_end > end and tokens[name_end - 1].key in ENGLISH_NAME_LINKS:
                    name_end -= 1
            else:
                while name_end < len(tokens) and name_end - end < 2 and tokens[name_end].key not in stop:
                    name_end += 1
            if name_end > end:
                self._add_organisation(index, tokens, first, name_end, self.lexicon.organisation_heads_first[head])
        for first, end, head in find_phrases(tokens, list(self.lexicon.organisation_heads_last)):
            name_first = self._organisation_start(tokens, first, 4 if self.lexicon.language != "en" else 6)
            name_first = self._absorb_leading_organisation(index, tokens, name_first, first)
            if name_first < first:
                self._add_organisation(index, tokens, name_first, end, self.lexicon.organisation_heads_last[head])

    def _absorb_leading_organisation(self, index, tokens, name_first, head_first) -> int:
        """An organisation named at the start of a longer body's name is part of it
        ("پاکستان کرکٹ بورڈ", "UN Environment Programme"); a person in the way ends the name."""
        for number, mention in enumerate(self.result.mentions):
            start, end = tokens[name_first].start, tokens[head_first - 1].end if head_first > name_first else None
            if mention.sentence != index or end is None or not (start < mention.end and mention.start < end):
                continue
            leads = mention.entity_type == "organisation" and mention.start == start and mention.end < end
            if leads and not any(m.same_as is mention for m in self.result.mentions):
                del self.result.mentions[number]
                return name_first
            return next(n for n, t in enumerate(tokens) if t.start >= mention.end)
        return name_first

    def _find_repeated_names(self, sentences, segments):
        """Names the article (or the database) already knows, found again without a title;
        also a bare surname ("Dar said") when only one person in the article carries it, and
        organisations and acronyms the article named before ("پی سی بی")."""
        names = {m.text for m in self.result.mentions if m.entity_type == "person" and not m.role_reference}
        keys = {k: "person" for k in map(phrase_key, names | set(self.known_person_names)) if len(k) >= 2}
        surnames = Counter(k[-1] for k in map(phrase_key, names) if len(k) >= 2)
        keys.update({(s,): "person" for s, count in surnames.items()
                     if count == 1 and len(s) > 2 and s not in self.lexicon.stopwords})
        organisations = {phrase_key(m.text): m for m in self.result.mentions
                         if m.entity_type == "organisation" and not m.known_name}
        keys.update({k: "organisation" for k in organisations if k})
        for index, (segment, sentence) in enumerate(zip(segments, sentences)):
            if segment.kind not in MENTION_KINDS:
                continue
            self._sentence = sentence
            tokens = tokenize(sentence)
            for first, end, key in find_phrases(tokens, list(keys)):
                if keys[key] == "person":
                    self._add_mention(index, tokens, first, end, entity_type="person")
                else:
                    self._add_organisation(index, tokens, first, end, organisations[key].organisation_kind)

    def _link_role_references(self):
        """A role used alone names the person the article introduced with that role: the
        nearest before it, else the first after it (a headline may come before the name)."""
        named = [(n, m) for n, m in enumerate(self.result.mentions)
                 if m.entity_type == "person" and not m.role_reference and m.role]
        for number, mention in enumerate(self.result.mentions):
            if not mention.role_reference:
                continue
            role = _compact(mention.role)
            holders = [n for n, m in named if role in _compact(m.role)]
            before = [n for n in holders if n < number]
            mention.holder = before[-1] if before else (holders[0] if holders else None)

    # Claims

    def _find_claims(self, sentences, segments, published_on):
        last_speaker = issuer = None
        open_quote = False  # a quotation that opened in an earlier sentence and has not closed
        previous = None  # the last sentence's reported claim, which the next may continue
        for index, (segment, sentence) in enumerate(zip(segments, sentences)):
            if segment.kind != SentenceKind.BODY:
                previous = None
                continue
            self._sentence, self._current_sentence = sentence, index
            tokens = tokenize(sentence)
            mentions = {m.end: n for n, m in enumerate(self.result.mentions) if m.sentence == index}
            issuer = self._statement_issuer(index, tokens) or issuer
            if open_quote:
                claims, open_quote = self._quote_continues(index, sentence, last_speaker)
            else:
                claims = self._attributed_claims(index, sentence, tokens, mentions, last_speaker, issuer)
                claims, open_quote = self._with_quotes(index, sentence, claims, last_speaker)
            if not claims and previous and self._continues(segments, index, tokens):
                claims = [self._claim(index, sentence, 0, len(sentence), previous.mode, previous.claimant)]
            if not claims and self._has_number_or_date(tokens, published_on):
                claims = [self._claim(index, sentence, 0, len(sentence), "assertion", None)]
            unique = {(c.start, c.end): c for c in filter(None, claims)}
            self.result.claims.extend(unique.values())
            speakers = [c.claimant for c in unique.values() if c.claimant is not None]
            last_speaker = self._last_subject(tokens, mentions) or (speakers[-1] if speakers else last_speaker)
            attributed = [c for c in unique.values() if c.mode != "assertion" and c.claimant is not None]
            previous = attributed[-1] if attributed else None

    def _continues(self, segments, index, tokens) -> bool:
        """A sentence right after a reported statement, in the same paragraph, with no subject
        of its own, goes on reporting the same speaker (journalists attribute once)."""
        same_paragraph = "\n" not in self._article_text[segments[index - 1].end : segments[index].start]
        return same_paragraph and not any(t.key in self.lexicon.subject_markers for t in tokens)

    def _has_number_or_date(self, tokens, published_on) -> bool:
        return any(t.text[0].isdigit() for t in tokens) or find_date(tokens, self.lexicon, published_on).date is not None

    def _last_subject(self, tokens, mentions):
        """The mention last used as the subject of a clause ("X نے"), whom "انہوں نے" then means."""
        subjects = [self._mention_before(tokens, n, mentions) for n, t in enumerate(tokens)
                    if t.key in self.lexicon.subject_markers]
        subjects = [s for s in subjects if s is not None and self.result.mentions[s].entity_type == "person"]
        return subjects[-1] if subjects else None

    def _only_names(self, index, quote) -> bool:
        """A quoted name ("‘इंटर-सर्विसेज पब्लिक रिलेशंस (आईएसपीआर)’") is a name, not a statement."""
        names = [m for m in self.result.mentions if m.sentence == index]
        return all(any(m.start <= t.start + quote.start and t.end + quote.start <= m.end for m in names)
                   for t in tokenize(quote.text))

    def _quote_continues(self, index, sentence, speaker):
        """A sentence inside a quotation that opened earlier: quoted up to its closing mark."""
        close = next((i for i, char in enumerate(sentence) if char in CLOSING_QUOTES), None)
        end = len(sentence) if close is None else close
        return [self._claim(index, sentence, 0, end, "direct_quote", speaker)], close is None

    def _claim(self, index, sentence, start, end, mode, claimant) -> FoundClaim | None:
        while start < end and sentence[start] in TRIM:
            start += 1
        while end > start and sentence[end - 1] in TRIM:
            end -= 1
        if len(tokenize(sentence[start:end])) < 2:
            return None
        return FoundClaim(index, start, end, sentence[start:end], mode, claimant)

    def _mention_before(self, tokens, position, mentions) -> int | None:
        """The mention whose last word is tokens[position - 1]."""
        return mentions.get(tokens[position - 1].end) if position > 0 else None

    def _speaker_before(self, tokens, marker_position, mentions, last_speaker, issuer):
        mention = self._mention_before(tokens, marker_position, mentions)
        if mention is not None:
            return mention
        body = self._organisation_by_head(tokens, marker_position)
        if body is not None:
            return body
        keys = [t.key for t in tokens[:marker_position + 1]]
        for pronoun in self.lexicon.pronoun_speakers:
            if tuple(keys[-len(pronoun):]) == pronoun or tuple(keys[-len(pronoun) - 1:-1]) == pronoun:
                return last_speaker
        if marker_position > 0 and tokens[marker_position - 1].key in self.lexicon.document_words:
            # "آئی ایس پی آر کے بیان کے مطابق": the statement's author, else the last issuer;
            # but "ایک رپورٹ کے مطابق" cites some unnamed report.
            if marker_position > 1 and tokens[marker_position - 2].key in self.lexicon.indefinites:
                return None
            return self._mention_before(tokens, marker_position - 2, mentions) or issuer
        return None

    def _organisation_by_head(self, tokens, position):
        """A body's head word used alone ("आयोग के मुताबिक", "the commission said") refers to the
        last organisation the article named with that head."""
        if position == 0:
            return None
        head = (tokens[position - 1].key,)
        if head not in self.lexicon.organisation_heads_first and head not in self.lexicon.organisation_heads_last:
            return None
        named = [n for n, m in enumerate(self.result.mentions) if m.entity_type == "organisation"
                 and m.sentence <= self._current_sentence and phrase_key(m.text)[-1:] == head]
        return named[-1] if named else None

    def _statement_issuer(self, index, tokens):
        """An entity named before a word for "statement" in this sentence issued it."""
        for position, token in enumerate(tokens):
            if token.key in self.lexicon.document_words:
                before = [n for n, m in enumerate(self.result.mentions)
                          if m.sentence == index and m.end <= token.start]
                if before:
                    return before[-1]
        return None

    def _attributed_claims(self, index, sentence, tokens, mentions, last_speaker, issuer):
        keys = [t.key for t in tokens]
        for first, end, phrase in find_phrases(tokens, self.lexicon.document_speech):
            return [self._claim(index, sentence, tokens[end - 1].end, len(sentence), "reported_speech", issuer)]
        for cue in self.lexicon.speech_cues:
            for first, end, _ in find_phrases(tokens, [cue.cue]):
                if self.lexicon.language == "en":
                    return [self._english_speech(index, sentence, tokens, first, end, last_speaker)]
                marker = next((p for p in range(first - 1, -1, -1) if keys[p] in cue.speaker_markers), None)
                if marker is None:
                    continue
                speaker = self._speaker_before(tokens, marker, mentions, last_speaker, issuer)
                return [self._claim(index, sentence, tokens[end - 1].end, len(sentence), "reported_speech", speaker)]
        for position, token in enumerate(tokens):
            # "X نے [any verb] کہ CONTENT": a subject marker, then the complementiser.
            if token.key in self.lexicon.complementisers:
                marker = next((p for p in range(position - 1, -1, -1) if keys[p] in self.lexicon.subject_markers), None)
                if marker is not None:
                    speaker = self._speaker_before(tokens, marker, mentions, last_speaker, issuer)
                    return [self._claim(index, sentence, token.end, len(sentence), "reported_speech", speaker)]
                break
        for first, end, _ in find_phrases(tokens, self.lexicon.according_to):
            if self.lexicon.language == "en":  # "According to (the) X, CONTENT"
                after = [n for n, m in enumerate(self.result.mentions)
                         if m.sentence == index and m.start >= tokens[end - 1].end]
                comma = sentence.find(",", tokens[end - 1].end)
                speaker = after[0] if after and (comma < 0 or self.result.mentions[after[0]].end <= comma) else None
                content_start = comma + 1 if comma > 0 else tokens[end - 1].end
                return [self._claim(index, sentence, content_start, len(sentence), "reported_speech", speaker)]
            speaker = self._speaker_before(tokens, first, mentions, last_speaker, issuer)
            return [self._claim(index, sentence, tokens[end - 1].end, len(sentence), "reported_speech", speaker)]
        return []

    def _english_speech(self, index, sentence, tokens, first, end, last_speaker):
        """"X said (that) CONTENT", "CONTENT, X said." and '"QUOTE," X told reporters'.
        The speaker is the subject: the nearest person named before the verb, or a pronoun."""
        before = [n for n, m in enumerate(self.result.mentions)
                  if m.sentence == index and m.end <= tokens[first].start and m.entity_type == "person"]
        pronoun = first > 0 and tokens[first - 1].key in {k[0] for k in self.lexicon.pronoun_speakers}
        speaker = last_speaker if pronoun else (before[-1] if before else self._organisation_by_head(tokens, first))
        if speaker is not None and not pronoun and self.result.mentions[speaker].sentence == index:
            subject_start = self.result.mentions[speaker].start
        else:
            subject_start = tokens[first - 1].start if first else 0
        quotes = [span for span in quoted_spans(sentence)[0] if span[1] <= subject_start]
        if quotes:
            return self._claim(index, sentence, *quotes[-1], "direct_quote", speaker)
        if len(tokens) - end <= 1 and "," in sentence[:subject_start]:
            return self._claim(index, sentence, 0, sentence.rindex(",", 0, subject_start), "reported_speech", speaker)
        complementisers = self.lexicon.complementisers
        if tokens[first].key in self.lexicon.addressee_cues:  # "told reporters (that) ...": skip the hearer
            that = next((n for n in range(end, len(tokens)) if tokens[n].key in complementisers), None)
            return self._claim(index, sentence, tokens[that].end, len(sentence), "reported_speech", speaker) if that else None
        content_start = tokens[end].end if end < len(tokens) and tokens[end].key in complementisers else tokens[end - 1].end
        return self._claim(index, sentence, content_start, len(sentence), "reported_speech", speaker)

    def _with_quotes(self, index, sentence, claims, last_speaker):
        """Quoted words are direct quotes: they narrow an attributed claim, or stand alone and
        belong to the last speaker. Also says whether a quotation is left open at the end."""
        claims = [c for c in claims if c]
        spans, unclosed_at = quoted_spans(sentence)
        if unclosed_at is not None:
            spans.append((unclosed_at, len(sentence)))
        for start, end in spans:
            quote = self._claim(index, sentence, start, end, "direct_quote", last_speaker)
            if quote is None or len(tokenize(quote.text)) < MIN_QUOTE_WORDS or self._only_names(index, quote):
                continue
            inside = next((c for c in claims if c.start <= quote.start and quote.end <= c.end), None)
            if inside:
                quote.claimant = inside.claimant
                claims.remove(inside)
            claims.append(quote)
        return claims, unclosed_at is not None

    # Events

    def _find_events(self, sentences, segments, published_on):
        for index, (segment, sentence) in enumerate(zip(segments, sentences)):
            if segment.kind != SentenceKind.BODY:
                continue
            clauses = self._clauses(tokenize(sentence))
            for clause in clauses:
                event = self._clause_event(index, clause, published_on)
                if event is not None:
                    if event.date.date is None and len(clauses) == 1:
                        event.date = find_date(clause, self.lexicon, published_on)
                    self._merge_or_add(event)

    def _clauses(self, tokens):
        """The sentence cut at connectives that open a new clause ("جب کہ", "जबकि", "while")."""
        cuts = [first for first, _, _ in find_phrases(tokens, self.lexicon.clause_breaks)]
        bounds = [0, *cuts, len(tokens)]
        return [tokens[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]

    def _clause_event(self, index, clause, published_on) -> FoundEvent | None:
        triggers = self.lexicon.event_triggers
        found = list(find_phrases(clause, list(triggers)))
        if not found or any(self._unrealised(t) for t in clause):
            return None
        first, _, phrase = min(found, key=lambda f: EVENT_PRIORITY.index(triggers[f[2]]))
        start, end = clause[0].start, clause[-1].end
        participants = [n for n, m in enumerate(self.result.mentions)
                        if m.sentence == index and start <= m.start and m.end <= end]
        place = next((self.place_aliases[p] for _, _, p in find_phrases(clause, list(self.place_aliases))), "")
        refers_back = first > 0 and clause[first - 1].key in self.lexicon.demonstratives
        return FoundEvent(triggers[phrase], [index], participants, find_date(clause, self.lexicon, published_on),
                          place, refers_back)

    def _unrealised(self, token) -> bool:
        """Negation, future or expectation: the clause tells what did not happen."""
        return token.key in self.lexicon.unrealised or token.key.endswith(self.lexicon.unrealised_suffixes or ("\0",))

    def _merge_or_add(self, event: FoundEvent):
        """Sentences of one article about one happening give one event. A sentence joins the
        latest event of its kind when it points back to it ("اس ملاقات") or names no one and
        gives no date of its own; else when its people are among the event's, or the
        event's among its own ("X met Y" ... "X said at the meeting")."""
        people = self._people(event.participants)
        for other in reversed(self.result.events):
            if other.kind != event.kind or not dates_compatible(other.date, event.date):
                continue
            other_people = self._people(other.participants)
            follows_up = event.refers_back or (not people and event.date.date is None)
            if not follows_up and not (people and other_people and (people <= other_people or other_people <= people)):
                continue
            other.sentences += event.sentences
            other.participants += [p for p in event.participants if p not in other.participants]
            if event.date.date and (other.date.date is None or event.date.precision == "day"):
                other.date = event.date
            other.place = other.place or event.place
            return
        self.result.events.append(event)

    def _people(self, participants) -> set[str]:
        """Participants who are persons, by name (a role used alone by its holder's name)."""
        people = set()
        for p in participants:
            mention = self.result.mentions[p]
            if mention.role_reference:
                if mention.holder is None:
                    continue
                mention = self.result.mentions[mention.holder]
            if mention.entity_type == "person":
                people.add(" ".join(phrase_key(mention.text)))
        return people


def _compact(role: str) -> str:
    """A role without spaces: "रक्षा मंत्री" and "रक्षामंत्री" are one role."""
    return normalise(role).replace(" ", "")


def tokens_text(tokens, first, end, sentence) -> str:
    return sentence[tokens[first].start : tokens[end - 1].end]


def quoted_spans(sentence: str):
    """(start, end) of each text between matching quotation marks, and where a quotation
    that does not close in this sentence opens (None when all close)."""
    spans, position = [], 0
    while position < len(sentence):
        closing = OPENING_QUOTES.get(sentence[position])
        if closing:
            close = sentence.find(closing, position + 1)
            if close < 0:
                following = sentence[position + 1 :]
                spanning = sentence[position] in SPANNING_QUOTES and len(tokenize(following)) >= MIN_QUOTE_WORDS
                return spans, position if spanning else None
            spans.append((position, close + 1))
            position = close
        position += 1
    return spans, None
