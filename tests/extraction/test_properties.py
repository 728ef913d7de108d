"""Properties that hold for any input, checked on random text (Hypothesis): in Urdu, Hindi and
English letters with their sentence marks, quotes, digits, spaces, line breaks and invisible
characters, the segmenter and the spans keep `text[start:end] == span` and never raise; the
article and metadata readers either accept their input or refuse it with a reason."""

import unicodedata

import pytest
import yaml
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factbook.claims.models import Claim
from factbook.extraction.pipeline import ImportRefused, MetadataLoader, check_metadata_entry, read_article
from factbook.extraction.segment import segment
from factbook.sources.models import Sentence, Source, normalise_text

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

URDU = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیے" + "َُِّ"
HINDI = "अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह" + "ािीुूेैोौंः़्"
ENGLISH = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
MARKS = "۔؟،।॥.!?,:;\"'“”‘’«»()-–—/%"
DIGITS = "0123456789۰۱۲۳٤٥६७८९"
SPACES = "  \n\n\t\u200c\u200d\u200b\u200f\u202e\u2066\u2069\ufeff"


def words(alphabet):
    return st.text(alphabet, min_size=1, max_size=12)


# Words of one script, or mixed, joined by marks, digits and spaces: article-like, not uniform noise.
pieces = st.one_of(words(URDU), words(HINDI), words(ENGLISH), st.text(MARKS + DIGITS, min_size=1, max_size=3),
                   st.text(SPACES, min_size=1, max_size=2))
articles = st.lists(pieces, max_size=60).map("".join).map(normalise_text)
languages = st.sampled_from(["ur", "hi", "en", "und"])


@FAST
@given(articles, languages)
def test_segments_are_the_text_at_their_offsets_in_order(text, language):
    segments = segment(text, language)
    for before, after in zip(segments, segments[1:]):
        assert before.end <= after.start
    for s in segments:
        assert 0 <= s.start < s.end <= len(text)
        piece = text[s.start : s.end]
        assert piece.strip() and piece == piece.strip()


@FAST
@given(articles, languages)
def test_segments_cover_every_visible_character(text, language):
    covered = set()
    for s in segment(text, language):
        covered.update(range(s.start, s.end))
    assert not [i for i, char in enumerate(text) if unicodedata.category(char)[0] in "LN" and i not in covered]


@FAST
@given(articles.filter(str.strip), st.data())
def test_a_span_validates_exactly_when_its_text_is_the_text_at_its_offsets(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    sentence = Sentence(id=1, source=Source(id=1, text=text), start=0, end=len(text), text=text)
    sentence.clean()
    Claim(sentence=sentence, start=start, end=end, text=text[start:end]).clean()
    wrong = data.draw(st.text(URDU + HINDI + ENGLISH, min_size=1, max_size=end - start)
                      .filter(lambda t: t != text[start : start + len(t)]))
    with pytest.raises(ValidationError, match="must equal characters"):
        Claim(sentence=sentence, start=start, end=start + len(wrong), text=wrong).clean()


@FAST
@given(st.one_of(articles.map(lambda t: t.encode("utf-8")), articles.map(lambda t: t.encode("utf-16-le")),
                 st.binary(max_size=200)))
def test_reading_any_bytes_gives_nfc_text_or_a_reason(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("article") / "a.txt"
    path.write_bytes(data)
    try:
        text = read_article(path)
    except ImportRefused as refusal:
        assert str(refusal)
    else:
        assert text == normalise_text(text) and text.strip()


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), articles,
                         st.dates().map(str),
                         st.sampled_from(["ur", "hi", "en", "zz", "javascript:x", "https://a.b/c"]))
yaml_values = st.one_of(yaml_scalars, st.lists(yaml_scalars, max_size=3),
                        st.dictionaries(articles, yaml_scalars, max_size=3), st.binary(max_size=5))
entries = st.one_of(yaml_values, st.dictionaries(
    st.sampled_from(["title", "language", "published_on", "date_is_approximate", "publisher", "url", "summary",
                     "author"]), yaml_values, max_size=7))


@pytest.mark.django_db
@FAST
@given(entries)
def test_a_metadata_entry_gives_source_fields_or_a_reason(entry):
    try:
        fields = check_metadata_entry(entry)
    except ImportRefused as refusal:
        assert str(refusal)
    else:
        Source(text="Text.", **{"title": "t", "language": "en", **fields}).full_clean(exclude=["sha256"])


@FAST
@given(st.one_of(articles, st.text(max_size=200)))
def test_the_metadata_loader_parses_or_raises_a_yaml_error(document):
    try:
        yaml.load(document, Loader=MetadataLoader)
    except (yaml.YAMLError, ValueError):
        pass
