import pytest
from django.contrib.auth.models import Group, User


def staff_in(group_name):
    user = User.objects.create_user(f"{group_name.lower()}@example.org", password="not-used", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def curator(db):
    return staff_in("Curator")


@pytest.fixture
def viewer(db):
    return staff_in("Viewer")


@pytest.fixture
def curator_client(client, curator, imported_seeds):
    client.force_login(curator)
    return client
