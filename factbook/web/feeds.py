"""Atom feeds (django.contrib.syndication): the newest public claims made by a person or an
organisation, linked from their pages, and the newest fact-checks, linked from every page."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from factbook.entities.models import Organisation, Person
from factbook.public import visibility

from .templatetags.factbook_web import claim_heading

FEED_ITEMS = 20
PUBLIC_ENTITIES = {Person: visibility.public_persons, Organisation: visibility.public_organisations}


class ClaimsMadeFeed(Feed):
    """New claims of one person or organisation (`model`), newest first."""

    feed_type = Atom1Feed
    model = None

    def get_object(self, request, pk):
        return get_object_or_404(PUBLIC_ENTITIES[self.model](), pk=pk)

    def title(self, entity):
        return _("Claims made by %(name)s · Factbook") % {"name": entity.name}

    def subtitle(self, entity):
        return _("New claims made by %(name)s in the news articles Factbook reads, each with its source.") % {
            "name": entity.name}

    def link(self, entity):
        return entity.get_absolute_url()

    def items(self, entity):
        return visibility.claim_rows().made_by(entity)[:FEED_ITEMS]

    def item_title(self, claim):
        return claim_heading(claim)

    def item_description(self, claim):
        return claim.text

    def item_link(self, claim):
        return claim.get_absolute_url()

    def item_pubdate(self, claim):
        return claim.created_at

    def item_updateddate(self, claim):
        """Atom requires it of every entry: the latest review, else when the claim was found."""
        return claim.reviewed_at or claim.created_at

    def item_author_name(self, claim):
        return claim.claimant.name

    def item_categories(self, claim):
        return [claim.get_status_display()]


class PersonClaimsFeed(ClaimsMadeFeed):
    model = Person


class OrganisationClaimsFeed(ClaimsMadeFeed):
    model = Organisation


class FactChecksFeed(Feed):
    """New fact-checks, newest first; each entry is read on the first public claim it rates."""

    feed_type = Atom1Feed
    link = reverse_lazy("web:how_we_check")

    def title(self):
        return _("New fact-checks · Factbook")

    def subtitle(self):
        return _("Verdicts of Factbook's fact-checkers on claims in the news, each with its explanation.")

    def items(self):
        return visibility.public_fact_checks()[:FEED_ITEMS]

    def item_title(self, fact_check):
        return _("%(verdict)s: %(claim)s") % {"verdict": fact_check.get_verdict_display(),
                                               "claim": claim_heading(fact_check.public_claims[0])}

    def item_description(self, fact_check):
        return fact_check.explanation

    def item_link(self, fact_check):
        return fact_check.public_claims[0].get_absolute_url()

    def item_pubdate(self, fact_check):
        return fact_check.checked_at

    def item_updateddate(self, fact_check):
        return fact_check.checked_at

    def item_author_name(self, fact_check):
        return fact_check.checker_name or _("Factbook")

    def item_categories(self, fact_check):
        return [fact_check.get_verdict_display()]
