"""One serializer per model. Every record carries its id, `api_url` (itself in the API) and
`url` (its page on the public site); related records appear as ids, except a claim's claimant,
sentence and source, which a claim is hardly readable without."""

from urllib.parse import urlencode

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factbook.claims.models import BEST_RATING, WORST_RATING, Claim, FactCheck, FactCheckEvidence
from factbook.entities.models import EntityType, Organisation, Person
from factbook.events.models import Event
from factbook.sources.models import Sentence, Source

from factbook.public.visibility import visible


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The record's page on the public site, absolute like DRF's own hyperlinks."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        url = record.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class PublicRelatedField(serializers.PrimaryKeyRelatedField):
    """The id of a joined person, organisation or event; null when a curator rejected it."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def use_pk_only_optimization(self):
        return False  # the related row itself is needed, for its status

    def get_attribute(self, instance):
        return visible(super().get_attribute(instance))


class SourceSerializer(serializers.ModelSerializer):
    """A source as other records cite it; its detail adds the text all offsets point into."""

    api_url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")
    url = PageUrlField()
    article_url = serializers.URLField(source="url", read_only=True, help_text="Where the article was published.")

    class Meta:
        model = Source
        fields = ["id", "api_url", "url", "title", "language", "publisher", "article_url", "published_on",
                  "published_on_is_approximate"]


class SourceDetailSerializer(SourceSerializer):
    class Meta(SourceSerializer.Meta):
        fields = SourceSerializer.Meta.fields + ["summary", "sha256", "text"]


class SentenceSerializer(serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:sentence-detail")
    url = PageUrlField()

    class Meta:
        model = Sentence
        fields = ["id", "api_url", "url", "source", "position", "kind", "start", "end", "text"]
        extra_kwargs = {
            "start": {"help_text": "Offset of the sentence into its source's text (Python string index)."},
        }


@extend_schema_field(OpenApiTypes.URI)
class ClaimsUrlField(serializers.Field):
    """The claims list filtered to this record's claims (made or about it, or of this event), in pages."""

    def __init__(self, parameter, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)
        self.parameter = parameter

    def to_representation(self, record):
        url = f"{reverse('api:claim-list')}?{urlencode({self.parameter: record.pk})}"
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class AliasSerializer(serializers.Serializer):
    """A name of a person or an organisation as some article writes it."""

    name = serializers.CharField()
    language = serializers.CharField()
    script = serializers.CharField(help_text="ISO 15924 code, e.g. Arab, Deva, Latn.")


class EntitySerializer(serializers.ModelSerializer):
    """What persons and organisations share."""

    url = PageUrlField()
    aliases = AliasSerializer(many=True, read_only=True)

    class Meta:
        fields = ["id", "api_url", "url", "name", "description", "wikidata_id", "status", "reviewed_at",
                  "aliases"]


class PersonSerializer(EntitySerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:person-detail")
    claims_url = ClaimsUrlField("person")

    class Meta(EntitySerializer.Meta):
        model = Person
        fields = EntitySerializer.Meta.fields + ["claims_url"]


class OrganisationSerializer(EntitySerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:organisation-detail")
    claims_url = ClaimsUrlField("organisation")

    class Meta(EntitySerializer.Meta):
        model = Organisation
        fields = EntitySerializer.Meta.fields + ["kind", "claims_url"]


class EventSerializer(serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:event-detail")
    url = PageUrlField()
    claims_url = ClaimsUrlField("event")

    class Meta:
        model = Event
        fields = ["id", "api_url", "url", "kind", "title", "date", "date_precision", "place", "status",
                  "reviewed_at", "persons", "organisations", "sentences", "claims_url"]


class ClaimantSerializer(serializers.Serializer):
    """Who made a claim; null when it is the article's own assertion."""

    type = serializers.ChoiceField(choices=EntityType.choices, source="_meta.model_name")
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = PageUrlField()

    def get_attribute(self, instance):
        return visible(super().get_attribute(instance))


class EvidenceSerializer(serializers.ModelSerializer):
    """A claim or source in Factbook (their ids, and `url` their page) or an outside page."""

    url = serializers.SerializerMethodField(help_text="The page of the claim or source, or the outside URL.")

    class Meta:
        model = FactCheckEvidence
        fields = ["claim", "source", "url", "note"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, evidence):
        request = self.context.get("request")
        return evidence.url or (request.build_absolute_uri(evidence.href) if request else evidence.href)


class FactCheckSerializer(serializers.ModelSerializer):
    """Whether the claim is true: a verdict on the published scale, with its evidence."""

    rating_value = serializers.IntegerField(read_only=True, allow_null=True,
                                            help_text=f"{WORST_RATING} (false) to {BEST_RATING} (true); "
                                                      "null for unverifiable.")
    checked_by = serializers.CharField(source="checker_name", read_only=True, help_text="The fact-checker.")
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = FactCheck
        fields = ["verdict", "rating_value", "explanation", "checked_by", "checked_at", "evidence"]


class ClaimSerializer(serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:claim-detail")
    url = PageUrlField()
    annotation_url = serializers.HyperlinkedIdentityField(
        view_name="api:claim-annotation", help_text="The claim as a W3C Web Annotation of its source."
    )
    claimant = ClaimantSerializer(read_only=True, allow_null=True)
    sentence = SentenceSerializer(read_only=True)
    source = SourceSerializer(source="sentence.source", read_only=True)
    event = PublicRelatedField()
    fact_check = FactCheckSerializer(read_only=True, allow_null=True, help_text="Null until fact-checked.")

    class Meta:
        model = Claim
        fields = ["id", "api_url", "url", "annotation_url", "text", "mode", "status", "reviewed_at", "fact_check",
                  "claimant",
                  "sentence", "start", "end", "source", "event", "about_persons", "about_organisations"]
        extra_kwargs = {
            "start": {"help_text": "Offset of the claim into its sentence's text (Python string index)."},
        }
