"""Who may do what in the admin: curators edit facts, viewers only read."""

from django.contrib.auth.models import Group
from django.urls import reverse

from factbook.claims.models import Claim
from factbook.sources.models import Source


def test_the_groups_exist_after_migrating(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"Curator", "Viewer"}


def test_a_viewer_can_read_the_admin(client, viewer, imported_seeds):
    client.force_login(viewer)
    assert client.get(reverse("admin:claims_claim_changelist")).status_code == 200


def test_a_viewer_cannot_change_a_claim(client, viewer, imported_seeds):
    client.force_login(viewer)
    claim = Claim.objects.first()
    response = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), {"status": "confirmed"})
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "unreviewed"


def test_a_viewer_gets_no_review_actions(client, viewer, imported_seeds):
    client.force_login(viewer)
    page = client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "mark_confirmed" not in page


def test_a_curator_cannot_delete_a_source(client, curator, imported_seeds):
    client.force_login(curator)
    source = Source.objects.first()
    response = client.post(reverse("admin:sources_source_delete", args=[source.pk]), {"post": "yes"})
    assert response.status_code == 403 and Source.objects.filter(pk=source.pk).exists()


def test_a_curator_gets_the_review_actions(client, curator, imported_seeds):
    client.force_login(curator)
    page = client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "mark_confirmed" in page and "mark_rejected" in page
