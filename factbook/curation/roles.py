"""The curation roles as Django groups, for the migrations that create and extend them."""

from django.contrib.auth.management import create_permissions

CURATOR, VIEWER = "Curator", "Viewer"


def grant(apps, app_labels, curated_models, deletable_models=()):
    """Viewers may view every model of `app_labels`; curators may view all of them and add
    and change `curated_models`, and delete `deletable_models` (aliases, decisions)."""
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label__in=app_labels)

    def codenames(actions, models):
        return [f"{action}_{model}" for action in actions for model in models]

    viewer, _ = Group.objects.get_or_create(name=VIEWER)
    viewer.permissions.add(*permissions.filter(codename__startswith="view_"))
    curator, _ = Group.objects.get_or_create(name=CURATOR)
    curator.permissions.add(*permissions.filter(codename__startswith="view_"))
    curator.permissions.add(*permissions.filter(codename__in=codenames(["add", "change"], curated_models)
                                                + codenames(["delete"], deletable_models)))
