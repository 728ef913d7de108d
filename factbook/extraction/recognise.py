"""Stages that find mentions of persons and organisations, one sentence at a time.

Each stage adds what it finds to the article's mention table and returns the new ids. The
table keeps each word in one mention, so the order of the stages is an order of certainty:
a name spelled out before its acronym first, known names next, then names after a title.
"""

import re
from collections import Counter

from factbook.entities.names import normalise

from factbook.kinds import OrganisationKind, SentenceKind

from .context import ArticleContext, Sentence
from .tokens import PhraseIndex, Token, find_phrases, phrase_key

MAX_NAME_WORDS = 4
MAX_ORGANISATION_WORDS = 8


def add_organisation(ctx: ArticleContext, sentence: Sentence, first: int, end: int, kind: str, **fields) -> int | None:
    """An organisation mention, linked to the gazetteer entry its words name, if any."""
    known = ctx.rules.known_organisation(tuple(t.key for t in sentence.tokens[first:end]))
    if known:
        fields.update(organisation_kind=known.kind, known_name=known.name)
    else:
        fields.update(organisation_kind=kind or "other")
    return ctx.mentions.add(sentence, first, end, entity_type="organisation", **fields)


def joined(sentence: Sentence, previous: Token, token: Token) -> bool:
    """Two words belong to one name only when nothing but space (or an initial's dot) separates them."""
    gap = sentence.text[previous.end : token.start].strip()
    initials = len(previous.text) <= 2 or all(len(letter) == 1 for letter in previous.text.split("."))
    return gap in ("", "-", "'", "’") or (gap == "." and initials)  # "A.R. Rahman"


def head_kind(ctx: ArticleContext, tokens) -> str:
    """The kind of organisation the first head word among `tokens` makes it."""
    keys = [t.key for t in tokens]
    for heads in (ctx.lexicon.organisation_heads_first, ctx.lexicon.organisation_heads_last):
        for head, kind in heads.items():
            if any(tuple(keys[i : i + len(head)]) == head for i in range(len(keys))):
                return kind
    return ""


def _name_word(ctx: ArticleContext, token: Token) -> bool:
    """A word that may continue a name in an organisation's: capitalised, or a link ("of")."""
    return token.text[0].isupper() or token.key in ctx.lexicon.name_links


def _person_name_ends(ctx: ArticleContext, tokens, position: int) -> bool:
    """Whether a name of known parts ends at tokens[position] ("شاہد آفریدی"), or the word is
    several parts written together; one known part alone may be an ordinary word ("بین")."""
    kind = name_word_kind(ctx, tokens[position])
    return kind == "joined" or kind == "part" and position > 0 and name_word_kind(ctx, tokens[position - 1]) in KNOWN_KINDS


def organisation_start(ctx: ArticleContext, sentence: Sentence, end: int, longest: int) -> int:
    """Where an organisation name ending before token `end` starts: joined words that are not
    stopwords (a demonym may be part of it: "भारतीय जनता पार्टी"); where names are capitalised,
    capitalised words and the links between them ("Ministry of Natural Resources")."""
    tokens, lexicon = sentence.tokens, ctx.lexicon
    first = end
    while first > 0 and end - first < longest:
        token = tokens[first - 1]
        if first < end and not joined(sentence, token, tokens[first]) or token.key in ctx.rules.date_words \
                or token.key in lexicon.number_words:
            break  # "December and government", "منگل حکومت", "Five army helicopters"
        if lexicon.capitalised_names:
            if not _name_word(ctx, token):
                break
        elif not token.text[0].isalpha() or token.key in lexicon.verb_forms or token.key in lexicon.indefinites \
                or (token.key in lexicon.stopwords and token.key not in ctx.rules.demonyms):
            break  # "लेकर सरकार", "کوئی بینک": a verb or "some" ends the words before the head
        elif _person_name_ends(ctx, tokens, first - 1):
            break  # a person's name before the body: "شاہد آفریدی عبوری سلیکشن کمیٹی"
        first -= 1
    while first < end and tokens[first].key in lexicon.name_links:
        first += 1
    return first


def _acronym_word(ctx: ArticleContext, word: str) -> bool:
    """A word that can be (part of) an acronym: all capitals where the script has them
    ("SCO"); elsewhere the letters spelled out ("ایس سی او", "आईएसपीआर")."""
    return word.isupper() if cased(word) else _initial(ctx, word)


def find_bracketed_acronyms(ctx: ArticleContext, sentence: Sentence) -> list[int]:
    """ "شنگھائی تعاون تنظیم (ایس سی او)": the words before the bracket name what it abbreviates."""
    tokens, text, found = sentence.tokens, sentence.text, []
    for position, token in enumerate(tokens):
        if position == 0 or "(" not in text[tokens[position - 1].end : token.start]:
            continue
        close = text.find(")", token.start)
        if close < 0 or close - token.start > 40:
            continue
        acronym_end = position
        while acronym_end < len(tokens) and tokens[acronym_end].end <= close:
            acronym_end += 1
        if not all(_acronym_word(ctx, t.text) for t in tokens[position:acronym_end]):
            continue  # "(19′)", "(Raghuram Rajan)", "(سپورٹس رپورٹر)": a number, the name again, a credit
        if tokens[position - 1].key in ctx.lexicon.term_words or \
                acronym_end < len(tokens) and tokens[acronym_end].key in ctx.lexicon.term_words:
            continue  # a term, not a body: "Cash Reserve Ratio (CRR)", "मार्जिनल स्टैंडिंग फैसलिटी (एमएसएफ) दर"
        name_first = organisation_start(ctx, sentence, position, MAX_ORGANISATION_WORDS)
        if name_first == position or _ends_with_title(ctx, tokens[name_first:position]):
            continue  # a rank spelled out: "मुख्य विकास अधिकारी (सीडीओ)", "Station House Officer (SHO)"
        if phrase_key(sentence.words(name_first, position)) in ctx.rules.places:
            # A dateline and its news agency: "کراچی(این این آئی)", "Lahore (APP)".
            found.append(add_organisation(ctx, sentence, position, acronym_end, OrganisationKind.MEDIA))
            continue
        full_id = add_organisation(ctx, sentence, name_first, position, head_kind(ctx, tokens[name_first:position]))
        if full_id is None:
            continue
        found.append(full_id)
        full = ctx.mentions[full_id]
        acronym_id = add_organisation(ctx, sentence, position, acronym_end, full.organisation_kind, same_as=full_id)
        if acronym_id is None:
            continue
        found.append(acronym_id)
        ctx.abbreviated.add(full_id)
        acronym = ctx.mentions[acronym_id]
        if acronym.known_name and not full.known_name:
            # "پاک فوج کے شعبہ تعلقات عامہ (آئی ایس پی آر)": the name spells out a known acronym.
            full.known_name, full.organisation_kind = acronym.known_name, acronym.organisation_kind
    return found


def _ends_with_title(ctx: ArticleContext, tokens) -> bool:
    return any(end == len(tokens) for _, end, _ in find_phrases(tokens, ctx.rules.person_titles))


def find_known_organisations(ctx: ArticleContext, sentence: Sentence) -> list[int]:
    """Organisations the gazetteer knows, by any of their aliases."""
    found = (add_organisation(ctx, sentence, first, end, "")
             for first, end, _ in find_phrases(sentence.tokens, ctx.rules.organisations))
    return [m for m in found if m is not None]


def find_national_teams(ctx: ArticleContext, sentence: Sentence) -> list[int]:
    """A state's national team: the state's name or demonym, a group and a sport if any, then a
    word for team ("پاکستان ویمنز کرکٹ ٹیم", "भारतीय हॉकी टीम", "Pakistan cricket team"), or
    that word before the state's name ("Team Pakistan"); one known organisation named in English
    in every script. A bare "हॉकी टीम" or "قومی ٹیم" names no team in particular."""
    found = []
    for first, end, _ in find_phrases(sentence.tokens, ctx.rules.team_words):
        if ctx.mentions.overlapping(sentence.index, first, end):
            continue  # a word of a known name: "टीम इंडिया"
        group, sport, team_first, state = _team_before(ctx, sentence, first)
        state_at, team_end = team_first, end
        if state is None:
            state_at, (team_end, state) = end, _state_after(ctx, sentence, end)
            team_first = first
        if state is None:
            continue
        owner = ctx.mentions.owner(sentence.index, state_at)
        if owner is not None:
            ctx.mentions.remove(owner)  # the state's own mention becomes part of its team's
        name = f"{state} {group + ' ' if group else ''}national {sport + ' ' if sport else ''}team"
        found.append(ctx.mentions.add(sentence, team_first, team_end, entity_type="organisation",
                                      organisation_kind="other", known_name=name))
    return [m for m in found if m is not None]


def _team_before(ctx: ArticleContext, sentence: Sentence, position: int):
    """(group, sport, first token, state's name) of the words before a word for team, each joined
    to the next; the state's name None when they name none."""
    tokens = sentence.tokens
    sport, position = _qualifier(sentence, ctx.rules.sports, position)
    group, position = _qualifier(sentence, ctx.rules.team_groups, position)
    if position > 0 and tokens[position - 1].key in ctx.lexicon.genitive_markers \
            and joined(sentence, tokens[position - 1], tokens[position]):
        position -= 1  # "दक्षिण अफ्रीका की टीम", "South Africa's team"
    if position == 0 or not joined(sentence, tokens[position - 1], tokens[position]):
        return group, sport, position, None
    owner = ctx.mentions.owner(sentence.index, position - 1)
    if owner is not None:  # a known state's name, which find_known_organisations found
        mention, (first, end) = ctx.mentions[owner], ctx.mentions.words_of(owner)
        state = mention.known_name if end == position and mention.organisation_kind == "state" else None
        return group, sport, first, state
    demonym = ctx.rules.states_by_demonym.get(tokens[position - 1].key)
    return group, sport, position - 1, demonym.name if demonym else None


def _qualifier(sentence: Sentence, index: PhraseIndex, position: int) -> tuple[str, int]:
    """The value of the longest phrase of `index` ending before token `position` and joined to
    it ("" when none), and where that phrase starts."""
    tokens = sentence.tokens
    for length in range(min(position, 3), 0, -1):
        value = index.get(tuple(t.key for t in tokens[position - length:position]))
        if value is not None and joined(sentence, tokens[position - 1], tokens[position]):
            return value, position - length
    return "", position


def _state_after(ctx: ArticleContext, sentence: Sentence, position: int):
    """(end, state's name) of a known state's name right after token `position - 1` ("Team Pakistan")."""
    tokens = sentence.tokens
    if position >= len(tokens) or not joined(sentence, tokens[position - 1], tokens[position]):
        return position, None
    match = ctx.rules.organisations.longest_at([t.key for t in tokens], position)
    if match is None or match[1].kind != "state":
        return position, None
    return match[0], match[1].name


def _absorb_leading_organisation(ctx: ArticleContext, sentence: Sentence, name_first: int, head_first: int,
                                 head_end: int) -> int:
    """An organisation named at the start of a longer body's name is part of it
    ("پاکستان کرکٹ بورڈ", "UN Environment Programme", "لاہور ہائی کورٹ بار", whose head "ہائی کورٹ
    بار" begins inside "لاہور ہائی کورٹ"); a person in the way ends the name."""
    if head_first <= name_first:
        return name_first
    in_the_way = sorted(ctx.mentions.overlapping(sentence.index, name_first, head_first))  # the first found first
    if not in_the_way:
        return name_first
    mention_id = in_the_way[0]
    first, end = ctx.mentions.words_of(mention_id)
    leads = ctx.mentions[mention_id].entity_type == "organisation" and first == name_first and end < head_end
    if leads and mention_id not in ctx.abbreviated:
        ctx.mentions.remove(mention_id)
        return name_first
    return end


def find_headed_organisations(ctx: ArticleContext, sentence: Sentence) -> list[int]:
    """Organisation names built on a head word: "وزارت دفاع", "مشترکہ عسکری مشاورتی کمیٹی"."""
    tokens, lexicon, found = sentence.tokens, ctx.lexicon, []
    for first, end, kind in find_phrases(tokens, ctx.rules.heads_first):
        name_end = end
        if lexicon.capitalised_names:  # "Ministry of Natural Resources and Environment"
            while name_end < len(tokens) and _name_word(ctx, tokens[name_end]):
                name_end += 1
            while name_end > end and tokens[name_end - 1].key in lexicon.name_links:
                name_end -= 1
        else:
            while name_end < len(tokens) and name_end - end < 2 and tokens[name_end].key not in lexicon.stopwords:
                name_end += 1
        if name_end > end:
            found.append(add_organisation(ctx, sentence, first, name_end, kind))
    heads = list(find_phrases(tokens, ctx.rules.heads_last))
    titles = list(find_phrases(tokens, ctx.rules.person_titles)) if heads else []
    for first, end, kind in heads:
        if any(title_first <= first and title_end > end for title_first, title_end, _ in titles):
            continue  # the head is a word of a title: "अतिरिक्त पुलिस अधीक्षक", "Police Commissioner"
        if first == 0 or not joined(sentence, tokens[first - 1], tokens[first]):
            continue  # "کمشنر صاحب،عدالت": a comma parts the head from the words before it
        name_first = organisation_start(ctx, sentence, first, lexicon.longest_name_before_head)
        name_first = _absorb_leading_organisation(ctx, sentence, name_first, first, end)
        if name_first < first and _leaders_government(ctx, tokens[name_first:first], tokens[first:end]):
            continue  # "संगमा सरकार", "the Modi government": the leader or party is named, no body
        if name_first < first:
            found.append(add_organisation(ctx, sentence, name_first, end, kind))
    return [m for m in found if m is not None]


def _leaders_government(ctx: ArticleContext, before, head) -> bool:
    """A government named by a word for government after other words than a place's, which
    name a province's government ("پنجاب حکومت"); a state's is one of the state's names."""
    return (len(head) == 1 and head[0].key in ctx.lexicon.government_words
            and tuple(t.key for t in before) not in ctx.rules.places)


def name_after(ctx: ArticleContext, sentence: Sentence, first: int) -> int:
    """End index of the name that starts at token `first`: words up to a stopword or punctuation."""
    tokens, lexicon = sentence.tokens, ctx.lexicon
    end = first
    while end < len(tokens) and end - first < MAX_NAME_WORDS:
        token = tokens[end]
        if token.key in ctx.rules.not_names and not _dotted_letter(ctx, sentence, end):
            break  # stopwords, titles, verbs, places: "وزیراعلیٰ پنجاب منتخب"; but "के" of "आर.के. सिंह"
        if not token.text[0].isalpha() or (phrase_key(token.text) in ctx.rules.organisations):
            break
        if lexicon.capitalised_names and not token.text[0].isupper():
            break
        if end > first and not joined(sentence, tokens[end - 1], token):
            break
        end += 1
    return end


def _dotted_letter(ctx: ArticleContext, sentence: Sentence, position: int) -> bool:
    """A letter name written between dots, as initials are ("आर.के."): then an initial, even
    where the same letters are a common word ("के")."""
    tokens, text = sentence.tokens, sentence.text
    token = tokens[position]
    return (position > 0 and token.key in ctx.lexicon.letter_names
            and text[tokens[position - 1].end : token.start] == "." and text[token.end : token.end + 1] == ".")


def _uncertain_name(ctx: ArticleContext, sentence: Sentence, first: int, end: int) -> bool:
    """One unknown word after a title, where the script has no capitals, is a name only before
    a case marker or a person's marker ("وزیر خارجہ لاوروف نے"), not "पूर्व प्रमोटर्स और"."""
    token = sentence.tokens[first]
    if end - first > 1 or cased(token.text) or name_word_kind(ctx, token) != "other":
        return False
    following = sentence.tokens[end].key if end < len(sentence.tokens) else None
    return following not in ctx.lexicon.case_markers and following not in ctx.rules.name_followers


def find_titled_persons(ctx: ArticleContext, sentence: Sentence) -> list[int]:
    """A name after a title ("وزیر خارجہ سرگئی لاوروف"), or a title standing alone for a person
    ("آرمی چیف نے"): a role reference, which `link_role_references` ties to its holder."""
    tokens, lexicon, found = sentence.tokens, ctx.lexicon, []
    titles = list(find_phrases(tokens, ctx.rules.person_titles))
    places = _title_places(ctx, sentence) if titles else {}
    for position, (first, end, title) in enumerate(titles):
        # Chained titles ("آرمی چیف جنرل") introduce one name: skip to the last of the chain.
        if position + 1 < len(titles) and titles[position + 1][0] == end:
            continue
        chain_start, previous = first, position - 1
        while previous >= 0 and titles[previous][1] == chain_start:
            chain_start, previous = titles[previous][0], previous - 1
        chain_start = places.get(("ending", chain_start), chain_start)  # "बांदा जिलाधिकारी"
        end = places.get(("starting", end), end)  # "کمشنر کراچی"
        chain_start = _qualified_title_start(ctx, sentence, chain_start)  # "the health minister"
        role = sentence.words(chain_start, end)
        if chain_start and tokens[chain_start - 1].key in ctx.rules.demonyms:
            chain_start -= 1  # "روسی وزیر خارجہ": the nationality belongs to the reference
        determined = chain_start and tokens[chain_start - 1].key in lexicon.reference_determiners
        if determined:
            chain_start -= 1  # "the minister"
        # A name follows its title directly (in "डीएम, सीडीओ और" the comma lists two titles), or
        # after the title's abbreviation: "मुख्य विकास अधिकारी (सीडीओ) आर.के. सिंह".
        name_first = _after_abbreviation(ctx, sentence, end)
        directly = name_first < len(tokens) and (name_first > end or joined(sentence, tokens[end - 1], tokens[end]))
        name_end = name_after(ctx, sentence, name_first) if directly else name_first
        if name_end > name_first and all(_initial(ctx, t.text) for t in tokens[name_first:name_end]):
            name_end = name_first  # letters alone are an abbreviation ("सीडीओ"), not a name
        if name_end > name_first and not _uncertain_name(ctx, sentence, name_first, name_end):
            found.append(ctx.mentions.add(sentence, name_first, name_end, entity_type="person", role=role))
        elif name_end > name_first or _indefinite(ctx, sentence, chain_start) or title in lexicon.professions:
            continue  # "کسی روسی وزیر خارجہ", "a senior official", "ڈاکٹر نے": nobody in particular
        elif determined or _before_case_marker(ctx, sentence, end):
            # "the minister" is someone the article named, wherever it stands in the clause
            found.append(ctx.mentions.add(sentence, chain_start, end, entity_type="person", role=role,
                                          role_reference=True))
    return [m for m in found if m is not None]


MAX_WORDS_BEFORE_MARKER = 2  # "ISRO chief had told", "the minister also said"


def _before_case_marker(ctx: ArticleContext, sentence: Sentence, end: int) -> bool:
    """Whether the words from token `end` on are a case marker, past a few function words
    (auxiliaries, "also"), or nothing: a title there stands for its holder."""
    tokens, n = sentence.tokens, end
    while n < len(tokens) and n - end < MAX_WORDS_BEFORE_MARKER and tokens[n].key in ctx.lexicon.stopwords \
            and tokens[n].key not in ctx.lexicon.case_markers:
        n += 1
    return end == len(tokens) or n < len(tokens) and tokens[n].key in ctx.lexicon.case_markers


MAX_TITLE_QUALIFIERS = 2  # "the health minister", "the state health minister"


def _qualified_title_start(ctx: ArticleContext, sentence: Sentence, title_start: int) -> int:
    """Where a title begins with the lower-case words that say of what it is, when a reference
    determiner stands before them ("the health minister"); `title_start` otherwise."""
    tokens, first = sentence.tokens, title_start
    while first > 0 and title_start - first < MAX_TITLE_QUALIFIERS and joined(sentence, tokens[first - 1], tokens[first]) \
            and tokens[first - 1].text.islower() and tokens[first - 1].key not in ctx.lexicon.stopwords:
        first -= 1
    if first < title_start and first and tokens[first - 1].key in ctx.lexicon.reference_determiners:
        return first
    return title_start


def _after_abbreviation(ctx: ArticleContext, sentence: Sentence, end: int) -> int:
    """Where the words after a title ending before token `end` begin, past the title's bracketed
    abbreviation if one follows ("(सीडीओ)", "(SHO)"); `end` when none does."""
    tokens, text = sentence.tokens, sentence.text
    if end >= len(tokens) or text[tokens[end - 1].end : tokens[end].start].strip() != "(":
        return end
    close = text.find(")", tokens[end].start)
    after = end
    while after < len(tokens) and tokens[after].end <= close:
        after += 1
    if close < 0 or after == end or after == len(tokens) or text[close + 1 : tokens[after].start].strip() \
            or not all(_acronym_word(ctx, t.text) for t in tokens[end:after]):
        return end
    return after


MAX_WORDS_AFTER_INDEFINITE = 4  # "a senior Arts Council official", "ایک اعلیٰ سرکاری افسر"


def _indefinite(ctx: ArticleContext, sentence: Sentence, title_start: int) -> bool:
    """Whether an indefinite ("a", "ایک", "एक") stands before the title, with at most a few
    words and no punctuation between."""
    tokens, first = sentence.tokens, title_start
    while first > 0 and title_start - first < MAX_WORDS_AFTER_INDEFINITE and joined(sentence, tokens[first - 1], tokens[first]):
        first -= 1
        if tokens[first].key in ctx.lexicon.indefinites:
            return True
    return False


def _title_places(ctx: ArticleContext, sentence: Sentence) -> dict:
    """The places a title may take in this language, joined to the words beside them:
    ("ending", token index) -> where the place before it starts, ("starting", index) -> where
    the place after it ends."""
    lexicon, tokens, places = ctx.lexicon, sentence.tokens, {}
    if not (lexicon.place_before_titles or lexicon.place_after_titles):
        return places
    # A place with its marker is where something happened ("in Lahore", "لاہور میں"), no title's.
    markers = {key[0] for key in (*lexicon.place_before, *lexicon.place_after) if len(key) == 1}
    for first, end, _ in find_phrases(tokens, ctx.rules.places):
        if lexicon.place_before_titles and end < len(tokens) and joined(sentence, tokens[end - 1], tokens[end]) \
                and not (first and tokens[first - 1].key in markers):
            places[("ending", end)] = first
        if lexicon.place_after_titles and first and joined(sentence, tokens[first - 1], tokens[first]) \
                and not (end < len(tokens) and tokens[end].key in markers):
            places[("starting", first)] = end
    return places


def _capitalised_name_word(ctx: ArticleContext, token: Token) -> bool:
    lexicon = ctx.lexicon
    return (token.text[0].isupper() and token.text[0].isalpha() and token.key not in lexicon.stopwords
            and token.key not in lexicon.title_words and (token.key,) not in ctx.rules.organisations)


def find_appositive_persons(ctx: ArticleContext, sentence: Sentence) -> list[int]:
    """Names set off by a comma next to a title: "Daniel Okafor, deputy executive secretary
    of ..." and "Australia's climate envoy, James Whitfield, said"."""
    if not ctx.lexicon.appositive_names:
        return []
    tokens, title_words, found = sentence.tokens, ctx.lexicon.title_words, []
    after_comma = 0  # the first token after the comma in hand
    for comma in (i for i, char in enumerate(sentence.text) if char == ","):
        while after_comma < len(tokens) and tokens[after_comma].start <= comma:
            after_comma += 1
        run_end = after_comma  # tokens before the comma end at or before it
        if run_end == 0 or after_comma == len(tokens):
            continue
        run_start = run_end
        while (run_start > 0 and run_end - run_start < 3 and _capitalised_name_word(ctx, tokens[run_start - 1])
               and (run_start == run_end or joined(sentence, tokens[run_start - 1], tokens[run_start]))):
            run_start -= 1
        if run_end - run_start >= 2 and any(t.key in title_words for t in tokens[after_comma : after_comma + 6]):
            found.append(ctx.mentions.add(sentence, run_start, run_end, entity_type="person"))
        name_end = after_comma
        while (name_end < len(tokens) and name_end - after_comma < 3 and _capitalised_name_word(ctx, tokens[name_end])
               and (name_end == after_comma or joined(sentence, tokens[name_end - 1], tokens[name_end]))):
            name_end += 1
        if name_end - after_comma >= 2 and any(t.key in title_words for t in tokens[max(0, run_end - 6) : run_end]):
            found.append(ctx.mentions.add(sentence, after_comma, name_end, entity_type="person"))
    return [m for m in found if m is not None]


def cased(word: str) -> bool:
    """Whether the word's script has capital letters (Latin does; Urdu and Devanagari do not)."""
    return word[0].isupper() or word[0].islower()


def _initial(ctx: ArticleContext, word: str) -> bool:
    """An initial of a name: capital letters in Latin ("A.R." Rahman, "S" Somanath), letter
    names elsewhere ("आर.के." सिंह, "ایس" ایم)."""
    if cased(word):
        return word.isupper() and all(len(letter) == 1 for letter in word.split("."))
    return _spelled_letters(normalise(word).lower().replace(".", ""), ctx.lexicon.letter_names)


def _spelled_letters(word: str, letter_names: frozenset[str]) -> bool:
    """Whether the word is letter names written together ("एसके" = एस + के)."""
    if not word:
        return False
    ends = {0}  # where a segmentation into letter names can have got to
    for end in range(1, len(word) + 1):
        if any(start in ends and word[start:end] in letter_names for start in range(max(0, end - 6), end)):
            ends.add(end)
    return len(word) in ends


def name_word_kind(ctx: ArticleContext, token: Token) -> str:
    """What a word says about being part of a person's name: "no" (certainly not), "part" (a
    given or family name the name-part lexicon knows), "joined" (several written as one:
    "شہبازشریف"), "particle" (Muhammad, Syed, bin), "initial", or "other" (unknown). Where the
    script has capitals, a name's words have them."""
    return ctx.rules.per_word(("name word kind", token.text, token.key), lambda: _name_word_kind(ctx, token))


def _name_word_kind(ctx: ArticleContext, token: Token) -> str:
    if not token.text[0].isalpha() or any(c.isdigit() for c in token.text) or token.key in ctx.rules.not_names:
        return "no"  # digits ("T20"), function words, titles, places
    part = ctx.rules.name_parts.lookup(token.text)
    if cased(token.text) and not token.text[0].isupper() and not (part and part.is_particle and len(token.text) > 1):
        return "no"  # lower case, but for particles ("bin", "ul"); "s" of "’s" is none
    if part:
        return "particle" if part.is_particle else "part"
    if _initial(ctx, token.text):
        return "initial"
    return "joined" if len(ctx.rules.name_parts.split_joined(token.text) or ()) >= 2 else "other"


KNOWN_KINDS = ("part", "particle", "initial", "joined")


# A few words in quotation marks: the title of a film, a song or a book ("Ayesha Returns").
QUOTED_TITLE = re.compile(r"(?<!\w)[\"“‘«]([^\"“”‘’«»]{1,60})[\"”’»](?!\w)")
MAX_TITLE_WORDS = 6


MAX_PLACE_WORDS = 3


def _named_places(ctx: ArticleContext, sentence: Sentence, kinds: list[str]) -> list[tuple[int, int]]:
    """(first, end) of the words a place noun next to them makes a place's name, whatever they
    would be alone ("Seraikela-Kharsawan district", "Bukit Jalil stadium", "ضلع جھنگ"), the words
    before a word that ends a place's name ("احمد پور"), and unknown words with a place's ending."""
    tokens, lexicon, places = sentence.tokens, ctx.lexicon, []

    def name_word(n: int, beside: int) -> bool:
        return (0 <= n < len(tokens) and kinds[n] != "no" and tokens[n].key not in lexicon.stopwords
                and joined(sentence, tokens[min(n, beside)], tokens[max(n, beside)]))

    for n, token in enumerate(tokens):
        if token.key in lexicon.place_nouns_after:
            first = n
            while n - first < MAX_PLACE_WORDS and name_word(first - 1, first):
                first -= 1
            if first < n:
                places.append((first, n))
        if token.key in lexicon.place_nouns_before:
            end = n + 1
            while end - n - 1 < MAX_PLACE_WORDS and name_word(end, end - 1):
                end += 1
            if end > n + 1:
                places.append((n + 1, end))
        if token.key in lexicon.place_name_words:
            first = n
            while n - first < MAX_PLACE_WORDS - 1 and name_word(first - 1, first):
                first -= 1
            places.append((first, n + 1))
        elif kinds[n] == "other" and any(token.key.endswith(ending) and len(token.key) >= len(ending) + 2
                                         for ending in lexicon.place_name_endings):
            places.append((n, n + 1))
    return places


def sentence_name_word_kinds(ctx: ArticleContext, sentence: Sentence) -> list[str]:
    """The name-word kind of each word of the sentence (worked out once, for the tagger and the
    rules); the words of a place and of a short quoted title are none."""
    if sentence.index not in ctx.word_kinds:
        tokens = sentence.tokens
        kinds = [name_word_kind(ctx, t) for t in tokens]
        for place_first, place_end, _ in find_phrases(tokens, ctx.rules.places):  # "اسلام آباد" is no "Islam"
            kinds[place_first:place_end] = ["no"] * (place_end - place_first)
        for first, end in _named_places(ctx, sentence, kinds):
            kinds[first:end] = ["no"] * (end - first)
        for title in QUOTED_TITLE.finditer(sentence.text):
            inside = [n for n, t in enumerate(tokens) if title.start(1) <= t.start and t.end <= title.end(1)]
            if len(inside) <= MAX_TITLE_WORDS:
                for n in inside:
                    kinds[n] = "no"
        ctx.word_kinds[sentence.index] = kinds
    return ctx.word_kinds[sentence.index]


def _listed(ctx: ArticleContext, sentence: Sentence, first: int, end: int, kinds: list[str]) -> bool:
    """Whether tokens first..end-1 stand in a list beside another name ("کرن تعبیر اور اشنا
    شاہ", "Deka and Priya Saikia"): a comma or a conjunction, then a known name part, or a
    person or known name part before them."""
    tokens, conjunctions = sentence.tokens, ctx.lexicon.conjunctions

    def separated(before: int, after: int) -> int | None:
        """The token after the separator that follows token `before`, if there is one."""
        if "," in sentence.text[tokens[before].end : tokens[after].start] or \
                "،" in sentence.text[tokens[before].end : tokens[after].start]:
            return after
        return after + 1 if tokens[after].key in conjunctions and after + 1 < len(tokens) else None

    def name_word(n: int) -> bool:
        owner = ctx.mentions.owner(sentence.index, n)
        return kinds[n] in KNOWN_KINDS or owner is not None and ctx.mentions[owner].entity_type == "person"

    if end < len(tokens):
        following = separated(end - 1, end)
        if following is not None and following < len(tokens) and kinds[following] in KNOWN_KINDS:
            return True
    if first > 0:
        separator = first - 1 if tokens[first - 1].key in conjunctions else None
        before = separator - 1 if separator else first - 1
        if before >= 0 and (separator or "," in sentence.text[tokens[before].end : tokens[first].start]
                            or "،" in sentence.text[tokens[before].end : tokens[first].start]):
            return name_word(before)
    return False


def _person_evidence(ctx: ArticleContext, sentence: Sentence, first: int, kinds: list[str], all_kinds,
                     title_case: bool) -> bool:
    """Whether words `kinds` from token `first` on are a person's name, from their evidence:
    known name parts, initials, capitals, the words right after them ("ارشد ندیم نے",
    "Babar said") and other names beside them in a list. Unknown words are family names
    only beside the evidence of known ones."""
    end = first + len(kinds)
    if opens_no_name(ctx, sentence.tokens[first]) or names_a_craft(ctx, sentence, first, end):
        return False
    follower = sentence.tokens[end].key if end < len(sentence.tokens) else None
    followed = follower in ctx.rules.name_followers or _listed(ctx, sentence, first, end, all_kinds)
    if kinds == ["joined"]:  # "عبدالرزاق", "شہبازشریف"
        return True
    if len(kinds) == 1:  # one word is a name only with an honorific ("ارشد صاحب", "अरशद जी")
        return kinds == ["part"] and follower in ctx.lexicon.honorifics_after
    if kinds[-1] == "initial" or kinds[-1] == "particle" and not _family_particle(ctx, sentence.tokens[end - 1]):
        return False  # a name ends with a given or family name
    known = sum(kind in KNOWN_KINDS for kind in kinds)
    if cased(sentence.tokens[first].text) and title_case:
        return known >= 2 and "other" not in kinds  # capitals are no evidence: "The Moment Aditya Lifted Off"
    if cased(sentence.tokens[first].text):
        # Capitals are evidence of their own, but every sentence and headline starts with one.
        inside = first > 0 and sentence.kind == SentenceKind.BODY
        return known >= 1 or inside and followed
    if known == 0 or kinds.count("other") > 1:
        return False
    if kinds[0] == "other":  # "हबीबुर रहमान ने", but not "اداکارہ ماہرہ خان"
        return len(kinds) == 2 and follower in ctx.rules.name_followers
    return kinds[-1] != "other" or followed  # "ارشد ندیم نے", not "احمد علی اکبر نبھا"


def names_a_craft(ctx: ArticleContext, sentence: Sentence, first: int, end: int) -> bool:
    """Whether the words first..end-1 end in a craft's noun ("Coromandel Express") or stand right
    before one, a designation between ("the Vikram lander", "Aditya-L1 mission"): a craft's name."""
    tokens, crafts = sentence.tokens, ctx.lexicon.craft_words
    after = end + 1 if end < len(tokens) and any(c.isdigit() for c in tokens[end].text) else end
    return tokens[end - 1].key in crafts or after < len(tokens) and tokens[after].key in crafts


def title_cased(ctx: ArticleContext, sentence: Sentence) -> bool:
    """A headline in title case, where every word has a capital: two function words inside it
    have one ("The", "For"), which running text gives them only at its start."""
    capitalised = (t for t in sentence.tokens[1:] if t.text[0].isupper() and t.key in ctx.lexicon.stopwords)
    return next(capitalised, None) is not None and next(capitalised, None) is not None


def opens_no_name(ctx: ArticleContext, token: Token) -> bool:
    """A part that only ever follows another ("اللہ" of "نصر اللہ"): "اللہ تعالیٰ" is no person."""
    part = ctx.rules.name_parts.lookup(token.text)
    return bool(part and part.follows_names)


def _family_particle(ctx: ArticleContext, token: Token) -> bool:
    """A capitalised particle that is a family name too ("Shoaib Malik"). Without capitals it
    does not end a name: the same letters are common nouns there ("ملک", country; "राजा", king)."""
    part = ctx.rules.name_parts.lookup(token.text)
    return bool(part and part.ends_names) and cased(token.text)


def find_untitled_persons(ctx: ArticleContext, sentence: Sentence) -> list[int]:
    """Names without a title: runs of joined words that may be name words ("ارشد ندیم نے",
    "Neeraj Chopra won"), the longest span of each run that the evidence supports."""
    tokens, found = sentence.tokens, []
    kinds = sentence_name_word_kinds(ctx, sentence)
    title_case = title_cased(ctx, sentence)
    first = 0
    while first < len(tokens):
        if kinds[first] == "no" or ctx.mentions.owner(sentence.index, first) is not None:
            first += 1
            continue
        end = first + 1
        while (end < len(tokens) and end - first < MAX_NAME_WORDS and kinds[end] != "no"
               and ctx.mentions.owner(sentence.index, end) is None and joined(sentence, tokens[end - 1], tokens[end])
               and cased(tokens[end].text) == cased(tokens[first].text)):
            end += 1
        span_end = next((e for e in range(end, first, -1)
                         if _person_evidence(ctx, sentence, first, kinds[first:e], kinds, title_case)), None)
        if span_end is None:
            first += 1
            continue
        found.append(ctx.mentions.add(sentence, first, span_end, entity_type="person"))
        first = span_end
    return [m for m in found if m is not None]


def known_names_index(names) -> PhraseIndex:
    """Person names of two words or more, keyed by their words: the database's known names,
    built once per run."""
    index = PhraseIndex()
    add_known_names(index, names)
    return index


def add_known_names(index: PhraseIndex, names):
    for key in map(phrase_key, names):
        if len(key) >= 2:
            index.add(key, "person")


def _inside_longer_name(ctx: ArticleContext, sentence: Sentence, position: int) -> bool:
    """Whether the word at `position` has a word joined to it on either side that may be part
    of a name: "Shah" of another "Khushdil Shah", "خان" of "کبریٰ خان"."""
    tokens = sentence.tokens
    return any(0 <= n < len(tokens) and name_word_kind(ctx, tokens[n]) != "no"
               and joined(sentence, tokens[min(n, position)], tokens[max(n, position)])
               for n in (position - 1, position + 1))


def find_repeated_names(ctx: ArticleContext, sentences: list[Sentence]) -> list[int]:
    """Names the article (or the database) already knows, found again without a title; also
    a bare surname ("Dar said") when only one person in the article carries it, and
    organisations and acronyms the article named before ("پی سی بی")."""
    mentions = [ctx.mentions[m] for m in ctx.mentions]
    person_keys = {phrase_key(m.text) for m in mentions if m.entity_type == "person" and not m.role_reference}
    article_names = {key: "person" for key in person_keys if len(key) >= 2}
    surnames = Counter(key[-1] for key in person_keys if len(key) >= 2)
    article_names.update({(s,): "person" for s, count in surnames.items()
                          if count == 1 and len(s) > 2 and s not in ctx.lexicon.stopwords})
    article_names.update({phrase_key(m.text): m for m in mentions
                          if m.entity_type == "organisation" and not m.known_name and phrase_key(m.text)})
    article_index, found = PhraseIndex(article_names), []
    for sentence in sentences:
        for first, end, named in find_phrases(sentence.tokens, article_index, ctx.known_names):
            if not all(joined(sentence, a, b) for a, b in zip(sentence.tokens[first:end - 1], sentence.tokens[first + 1:end])):
                continue  # a name never runs across punctuation: "Asif Ali, Haider"
            if end - first == 1 and _inside_longer_name(ctx, sentence, first):
                continue  # a surname of someone else
            if any(cased(t.text) and not t.text[0].isupper() for t in (sentence.tokens[first], sentence.tokens[end - 1])):
                continue  # the word, not the name: "accidents" after "Train Accidents"
            if named == "person":
                found.append(ctx.mentions.add(sentence, first, end, entity_type="person"))
            else:
                found.append(add_organisation(ctx, sentence, first, end, named.organisation_kind))
    return [m for m in found if m is not None]


def _compact(role: str) -> str:
    """A role without spaces or capitals: "रक्षा मंत्री" and "रक्षामंत्री" are one role."""
    return normalise(role).lower().replace(" ", "")


def link_role_references(ctx: ArticleContext):
    """A role used alone names the person the article introduced with that role: the nearest
    before it, else the first after it (a headline may come before the name)."""
    ids = ctx.mentions.in_text_order()
    ordered = [ctx.mentions[m] for m in ids]
    named_by_role: dict[str, list[tuple[int, int]]] = {}  # compact role -> (rank, id) in text order
    for rank, (mention_id, mention) in enumerate(zip(ids, ordered)):
        if mention.entity_type == "person" and not mention.role_reference and mention.role:
            named_by_role.setdefault(_compact(mention.role), []).append((rank, mention_id))
    for rank, mention in enumerate(ordered):
        if not mention.role_reference:
            continue
        role = _compact(mention.role)
        holders = sorted(h for named_role, named in named_by_role.items() if role in named_role for h in named)
        before = [mention_id for holder_rank, mention_id in holders if holder_rank < rank]
        mention.holder = before[-1] if before else (holders[0][1] if holders else None)
