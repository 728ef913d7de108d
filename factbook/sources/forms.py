"""The one form a source's publication details go through, in the admin and in the import, so
that the two accept exactly the same values: the model's lengths, languages, dates and URLs."""

from django import forms

from .models import Source

class SourceForm(forms.ModelForm):
    # An address without a scheme ("example.org/article") is taken as https.
    url = Source._meta.get_field("url").formfield(assume_scheme="https")

    class Meta:
        model = Source
        fields = ["title", "language", "summary", "publisher", "url", "published_on", "published_on_is_approximate"]


class SourceMetadataForm(SourceForm):
    """A metadata.yaml entry: every field optional, the import fills in what is missing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
