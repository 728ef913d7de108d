"""The tagger's training examples from annotated articles: each run of words the tagger will
be given (`tagger.runs_to_tag`, after the certain stages), labelled with the names in it."""

from .context import article_context
from .extract import find_certain_mentions, named_sentences
from .recognise import known_names_index
from .rules import Rules
from .segment import Segment
from .tagger import OUTSIDE, runs_to_tag


def token_labels(tokens, offset: int, spans) -> list[str]:
    """"B-type" / "I-type" / "O" for each token (offsets within a sentence that starts at
    `offset`), from (start, end, entity type) spans of the article; a span that does not
    start and end at word edges labels nothing."""
    starts = {offset + t.start: n for n, t in enumerate(tokens)}
    ends = {offset + t.end: n for n, t in enumerate(tokens)}
    labels = [OUTSIDE] * len(tokens)
    for start, end, entity_type in spans:
        if start in starts and end in ends and starts[start] <= ends[end]:
            first, last = starts[start], ends[end]
            labels[first : last + 1] = [f"B-{entity_type}"] + [f"I-{entity_type}"] * (last - first)
    return labels


def article_examples(text: str, segments: list[Segment], rules: Rules, spans) -> list[tuple[list, list[str]]]:
    """(items, labels) of each run the tagger would see in the article; `spans` are the
    (start, end, entity type) of its names."""
    ctx = article_context(text, segments, None, rules, known_names_index([]))
    named = named_sentences(ctx)
    find_certain_mentions(ctx, named)
    examples = []
    for sentence in named:
        labels = token_labels(sentence.tokens, segments[sentence.index].start, spans)
        examples += [(items, labels[first:end]) for first, end, items, _ in runs_to_tag(ctx, sentence)]
    return examples
