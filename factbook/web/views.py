"""The public, read-only site: a home page, search, a timeline, and a filtered list and a detail
page per kind of record, an "about the data" page. Every record comes from
factbook.public.visibility, the one place that says what readers may see."""

from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from factbook.claims.models import BEST_RATING, RATING_VALUES, VERDICT_MEANINGS, WORST_RATING, Claim, Verdict
from factbook.corroboration.related import also_reported_by
from factbook.curation.models import REVIEW_MEANINGS, EntityMerge, ReviewStatus
from factbook.entities.models import Mention, Organisation, Person
from factbook.public import visibility
from factbook.public.filters import ClaimFilter, EventFilter, OrganisationFilter, PersonFilter, SourceFilter
from factbook.public.pagination import EstimatingPaginator, bounded_count, cursor, cursor_keys
from factbook.public.search import AUTOCOMPLETE_RESULTS, autocomplete_choices, clean_query, search_all
from factbook.queries import Among

LATEST_CLAIMS_ON_HOME = 10
CO_MENTIONS_SHOWN = 10
# Counted over this many of an entity's latest sentences: a person named in 20,000 would
# otherwise cost a scan of every mention beside theirs on each view of their page.
CO_MENTION_SENTENCES = 1000
TIMELINE_PAGE_SIZE = 100
# An entity's events, sources and roles shown on its page; its lists hold the rest.
LINKS_SHOWN = 10
# The home page's counts are recomputed at most this often (seconds): nobody needs them exact
# to the second, and even bounded counts are five queries.
HOME_COUNTS_TIMEOUT = 60


def page_of(request, queryset, per_page=None, page_key="page", rows=None):
    after, before = (cursor(request.GET.get(key)) for key in cursor_keys(page_key))
    paginator = EstimatingPaginator(queryset, per_page or settings.FACTBOOK_PAGE_SIZE, after=after, before=before,
                                    rows=rows)
    page = paginator.get_page(request.GET.get(page_key))
    page.key = page_key  # the query parameter its links change
    return page


def filtered_page(request, filterset_class, queryset, per_page=None):
    """The filter form bound to the query string, and one page of what it lets through."""
    filterset = filterset_class(request.GET, queryset=queryset)
    return {"filter": filterset, "page": page_of(request, filterset.qs, per_page, rows=queryset)}


def filtered_list(request, template_name, filterset_class, queryset):
    """Render one page of `queryset` as narrowed by the filter form in the query string."""
    if not queryset.query.order_by:  # pages need a total order
        queryset = queryset.order_by(*queryset.model._meta.ordering, "pk")
    return render(request, template_name, filtered_page(request, filterset_class, queryset))


def first_few(queryset):
    """Up to LINKS_SHOWN rows, and whether there are more."""
    rows = list(queryset[:LINKS_SHOWN + 1])
    return rows[:LINKS_SHOWN], len(rows) > LINKS_SHOWN


def article_sentences(source, marked_claims, with_mentions=False):
    """Every sentence of `source` in order, each with `.marks`: its claims among `marked_claims`,
    and `.names`: when `with_mentions`, the first mention of each public entity in its paragraph
    (a link on every "Pakistan" of a paragraph is noise)."""
    sentences = source.sentences.prefetch_related(Prefetch("claims", queryset=marked_claims, to_attr="marks"))
    if not with_mentions:
        return sentences
    sentences = list(sentences.prefetch_related(Prefetch(
        "mentions", to_attr="names", queryset=visibility.public_mentions().select_related("person", "organisation"),
    )))
    for paragraph in source.paragraphs(sentences):
        named = set()
        for sentence in paragraph:
            sentence.names = [m for m in sentence.names if m.entity not in named and not named.add(m.entity)]
    return sentences


def home_counts():
    """(count, exact) of each kind of record readers may see."""
    return {
        "source_count": bounded_count(visibility.current_sources()),
        "person_count": bounded_count(visibility.public_persons()),
        "organisation_count": bounded_count(visibility.public_organisations()),
        "event_count": bounded_count(visibility.public_events()),
        "claim_count": bounded_count(visibility.public_claims()),
    }


def home(request):
    context = {
        **cache.get_or_set("web:home_counts", home_counts, HOME_COUNTS_TIMEOUT),
        "latest_claims": visibility.claim_rows()[:LATEST_CLAIMS_ON_HOME],
    }
    return render(request, "web/home.html", context)


def search(request):
    query = clean_query(request.GET.get("q", ""))
    groups = search_all(query)
    context = {"query": query, "groups": groups, "found": any(group.items for group in groups)}
    return render(request, "web/search.html", context)


def source_list(request):
    sources = visibility.current_sources().with_counts()  # older versions stay reachable by address
    return filtered_list(request, "web/source_list.html", SourceFilter, sources)


def source_detail(request, pk):
    source = get_object_or_404(visibility.any_source(), pk=pk)
    context = {
        "source": source,
        "newer_version": visibility.any_source().filter(previous_version=source).first(),
        "sentences": article_sentences(source, visibility.reachable_claims(), with_mentions=True),
        "persons": visibility.public_persons().filter(mentions__sentence__source=source).distinct().prefetch_related("aliases"),
        "organisations": visibility.public_organisations().filter(mentions__sentence__source=source).distinct().prefetch_related("aliases"),
        "events": visibility.reachable_events().for_source(source),
    }
    return render(request, "web/source_detail.html", context)


def person_list(request):
    persons = visibility.public_persons().with_counts().prefetch_related("aliases")
    return filtered_list(request, "web/person_list.html", PersonFilter, persons)


def organisation_list(request):
    organisations = visibility.public_organisations().with_counts().prefetch_related("aliases")
    return filtered_list(request, "web/organisation_list.html", OrganisationFilter, organisations)


def co_mentioned(entity):
    """The persons and organisations most often named in the same sentences as `entity`, among
    its latest CO_MENTION_SENTENCES sentences, with `.together`: in how many. Two queries (the
    sentences, then the names in them, so the planner knows how few sentences they are); the
    records are built from the rows. Each name is a subquery by primary key: joined, or tested
    for being public with `IN (public persons)`, the planner hashed all 50,000 persons (60 ms)."""
    kind = entity._meta.model_name  # "person" or "organisation", as the Mention fields are named
    latest = Mention.objects.filter(**{kind: entity}).order_by("-sentence").values_list("sentence", flat=True)
    rows = (
        Mention.objects.filter(Among("sentence", latest[:CO_MENTION_SENTENCES])).exclude(**{kind: entity})
        .annotate(person_name=public_name(visibility.public_persons(), "person"),
                  organisation_name=public_name(visibility.public_organisations(), "organisation"))
        .filter(Q(person_name__isnull=False) | Q(organisation_name__isnull=False))
        .values("person", "person_name", "organisation", "organisation_name")
        .annotate(together=Count("sentence", distinct=True))
        .order_by("-together", "person_name", "organisation_name")[:CO_MENTIONS_SHOWN]
    )
    others = []
    for row in rows:
        other = (Person(pk=row["person"], name=row["person_name"]) if row["person"]
                 else Organisation(pk=row["organisation"], name=row["organisation_name"]))
        other.together = row["together"]
        others.append(other)
    return others


def public_name(entities, field):
    """The name of the entity a mention's `field` links, if it is among `entities`; else NULL."""
    return Subquery(entities.filter(pk=OuterRef(field)).order_by().values("name")[:1])


def merged_into(model, pk):
    """A permanent redirect to the entity that `pk` was merged into: its address keeps working."""
    survivor = EntityMerge.objects.survivor_id(model._meta.model_name, pk)
    if survivor is None:
        raise Http404(f"No {model._meta.verbose_name} {pk}.")
    return redirect(model(pk=survivor), permanent=True)


def entity_detail(request, model, pk):
    """The page of a person or an organisation: both are shown the same way, their claims in
    pages, their events and sources the latest few with a link to the filtered list."""
    entity = PUBLIC_ENTITIES[model]().prefetch_related("aliases").filter(pk=pk).first()
    if entity is None:
        return merged_into(model, pk)
    kind = model._meta.model_name  # "person" or "organisation", as the filters and Mention name it
    named = Mention.objects.filter(sentence__source=OuterRef("pk"), **{kind: entity})
    events, more_events = first_few(visibility.public_events(entity.events))
    sources, more_sources = first_few(visibility.current_sources().filter(Exists(named)))
    context = {
        "entity": entity,
        "entity_label": ENTITY_LABELS[model],
        # Newest first by the index of a person's roles (the model's order is by the person's name: a join).
        "roles": (entity.roles.current().select_related("source").defer("source__text").order_by("-as_of", "-pk")
                  [:LINKS_SHOWN] if model is Person else []),
        "claims_made": page_of(request, visibility.claim_rows().made_by(entity), page_key="made"),
        "claims_about": page_of(request, visibility.claim_rows().about(entity), page_key="about"),
        "events": events,
        "more_events_url": more_events and f"{reverse('web:event_list')}?{urlencode({kind: entity.pk})}",
        "sources": sources,
        "more_sources_url": more_sources and f"{reverse('web:source_list')}?{urlencode({kind: entity.pk})}",
        "co_mentioned": co_mentioned(entity),
        "feed_url": reverse(f"web:{kind}_feed", args=[entity.pk]),
    }
    return render(request, "web/entity_detail.html", context)


PUBLIC_ENTITIES = {Person: visibility.public_persons, Organisation: visibility.public_organisations}
ENTITY_LABELS = {Person: _("Person"), Organisation: _("Organisation")}


def person_detail(request, pk):
    return entity_detail(request, Person, pk)


def organisation_detail(request, pk):
    return entity_detail(request, Organisation, pk)


def event_list(request):
    return filtered_list(request, "web/event_list.html", EventFilter, visibility.public_events().with_counts())


def event_year(event):
    return event.date.year if event.date else None


def event_timeline(request):
    """Public events that happened, oldest first, grouped by year; events of unknown date last.
    Planned, proposed and denied events are listed apart, each labelled, on pages of their own."""
    events = visibility.public_events().order_by(F("date").asc(nulls_last=True), "title", "pk")
    context = filtered_page(request, EventFilter, events.happened(), per_page=TIMELINE_PAGE_SIZE)
    context["years"] = [(year, list(in_year)) for year, in_year in groupby(context["page"], key=event_year)]
    context["not_happened"] = EstimatingPaginator(events.not_happened(), TIMELINE_PAGE_SIZE).get_page(request.GET.get("apart"))
    return render(request, "web/event_timeline.html", context)


def event_detail(request, pk):
    event = get_object_or_404(visibility.reachable_events(), pk=pk)
    context = {
        "event": event,
        "persons": visibility.public_persons(event.persons).prefetch_related("aliases"),
        "organisations": visibility.public_organisations(event.organisations).prefetch_related("aliases"),
        "sentences": visibility.current_sentences(event.sentences).select_related("source").order_by("source", "position"),
        "claims": page_of(request, visibility.claim_rows().filter(event=event)),
    }
    return render(request, "web/event_detail.html", context)


def claim_list(request):
    return filtered_list(request, "web/claim_list.html", ClaimFilter, visibility.claim_rows())


def claim_detail(request, pk):
    claim = get_object_or_404(
        visibility.reachable_claims().with_provenance().select_related("reviewed_by")
        .prefetch_related("claimant_person__aliases", "claimant_organisation__aliases"), pk=pk)
    event = visibility.reachable_events().filter(pk=claim.event_id).first()
    context = {
        "claim": claim,
        "evidence": claim.fact_check.public_evidence() if claim.fact_check else [],
        "checked_with": visibility.claim_rows().filter(fact_check=claim.fact_check_id).exclude(pk=claim.pk)
        if claim.fact_check else [],
        "event": event,
        "about_persons": visibility.public_persons(claim.about_persons).prefetch_related("aliases"),
        "about_organisations": visibility.public_organisations(claim.about_organisations).prefetch_related("aliases"),
        "sentences": article_sentences(claim.source, Claim.objects.filter(pk=claim.pk)),
        "also_reported": also_reported_by(claim),
    }
    return render(request, "web/claim_detail.html", context)


AUTOCOMPLETE_KINDS = {"persons", "organisations", "sources"}


def autocomplete(request, kind):
    """JSON for the filter forms' record fields: the public records whose name or title matches `q`."""
    if kind not in AUTOCOMPLETE_KINDS:
        raise Http404(f"There is no autocomplete for {kind}.")
    records = autocomplete_choices(kind, clean_query(request.GET.get("q", "")), AUTOCOMPLETE_RESULTS)
    return JsonResponse({"results": [{"id": record.pk, "text": str(record)} for record in records]})


def about(request):
    """How Factbook works: what is extracted automatically, how well, and what a status means."""
    return render(request, "web/about.html", {"statuses": [(status, REVIEW_MEANINGS[status]) for status in ReviewStatus]})


def how_we_check(request):
    """What the extraction review statuses and the verdicts mean, and how a verdict is rated."""
    context = {
        "statuses": [(status, REVIEW_MEANINGS[status]) for status in ReviewStatus],
        "verdicts": [(verdict, VERDICT_MEANINGS[verdict], RATING_VALUES.get(verdict)) for verdict in Verdict],
        "best_rating": BEST_RATING,
        "worst_rating": WORST_RATING,
    }
    return render(request, "web/how_we_check.html", context)
