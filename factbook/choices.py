"""The kinds of factbook.kinds as Django field choices, their labels in the reader's language.

factbook.kinds imports no Django (the extraction uses it), so it only marks its labels for
makemessages; the translation happens here, when a label is shown."""

from django.utils.translation import gettext_lazy


def translated_choices(kind):
    """`kind.choices` with each label translated lazily."""
    return [(value, gettext_lazy(label)) for value, label in kind.choices]
