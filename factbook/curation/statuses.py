"""The one-off move from the old single review status (unreviewed, verified, disputed, rejected)
to extraction review (unreviewed, confirmed, corrected, rejected), for the data migrations of
every app with reviewable records. Reviewer, date and note stay; history rows are not rewritten.

- verified -> confirmed: curators used it for "extracted correctly", which is what confirmed says.
- disputed -> unreviewed, with a note saying so: "disputed" said neither that the extraction was
  wrong nor what the truth is, so it is neither confirmed nor a verdict; the item goes back to
  the review queue for a curator to decide both questions separately.
- rejected stays rejected.

Every row a curator had touched (reviewed, or changed by a signed-in user in its history) gets
the explicit curation marker, so the re-import keeps protecting it."""

from django.db import connections
from django.db.models import F, OuterRef, Subquery

DISPUTED_NOTE = "Marked “disputed” before extraction review and fact-checks were separated; to be reviewed again."


def split_review_statuses(app_label, model_names):
    def forwards(apps, schema_editor):
        for model_name in model_names:
            model = apps.get_model(app_label, model_name)
            _mark_curated(apps, app_label, model)
            model.objects.filter(status="verified").update(status="confirmed")
            for item in model.objects.filter(status="disputed"):
                item.status = "unreviewed"
                item.review_note = f"{DISPUTED_NOTE}\n{item.review_note}".strip()
                item.save(update_fields=["status", "review_note"])
            _check_foreign_keys_now(connections[model.objects.db])

    def backwards(apps, schema_editor):
        for model_name in model_names:
            model = apps.get_model(app_label, model_name)
            model.objects.filter(status__in=["confirmed", "corrected"]).update(status="verified")
            for item in model.objects.filter(review_note__startswith=DISPUTED_NOTE):
                item.status = "disputed"
                item.review_note = item.review_note.removeprefix(DISPUTED_NOTE).strip()
                item.save(update_fields=["status", "review_note"])

    return forwards, backwards


def mark_curated_from_history(app_label, model_names):
    """For models without review fields (mentions): curated when a signed-in user changed them."""
    def forwards(apps, schema_editor):
        for model_name in model_names:
            _mark_curated(apps, app_label, apps.get_model(app_label, model_name))

    return forwards


def _check_foreign_keys_now(connection):
    """Run PostgreSQL's deferred foreign key checks of the rows just updated: the schema editor
    creates the migration's indexes afterwards, and PostgreSQL creates no index on a table with
    pending checks ("pending trigger events"), which fails the migration of any filled database."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _mark_curated(apps, app_label, model):
    fields = {f.name for f in model._meta.get_fields()}
    if "status" in fields:  # one UPDATE: a million claims saved one by one take minutes
        model.objects.exclude(status="unreviewed").filter(curated_at__isnull=True).update(
            curated_by=F("reviewed_by"), curated_at=F("reviewed_at"),
        )
    try:
        history = apps.get_model(app_label, f"Historical{model.__name__}")
    except LookupError:
        return
    by_user = history.objects.filter(id=OuterRef("pk"), history_user__isnull=False).order_by("-history_date")
    model.objects.filter(curated_at__isnull=True, pk__in=by_user.values("id")).update(
        curated_by=Subquery(by_user.values("history_user")[:1]),
        curated_at=Subquery(by_user.values("history_date")[:1]),
    )
