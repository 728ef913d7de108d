"""Choices as Django fields and filters offer them, their labels in the reader's language.

factbook.kinds and factbook.sources.languages import no Django (the extraction uses them), so
they only mark their labels for makemessages; the translation happens here, when a label is shown."""

from django.utils.translation import gettext_lazy


def translated_choices(choices):
    """`choices`, (value, label) pairs, with each label translated lazily."""
    return [(value, gettext_lazy(label)) for value, label in choices]
