"""What a command needs of its database before it reads or writes: that it answers and is migrated.

Without this check a missing database or a forgotten `migrate` shows as a driver's traceback
("database ... does not exist", "no such table: sources_source") from deep inside the import."""

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import OperationalError


def require_ready_database(connection=None):
    """Raises CommandError, saying what to do, unless the database answers and has every migration."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    name = connection.settings_dict["NAME"]
    try:
        connection.ensure_connection()
    except OperationalError as error:
        reason = str(error).strip().splitlines()[-1]
        raise CommandError(f"The database {name} cannot be opened: {reason}. Create it, or set DATABASE_URL "
                           "to one that exists, then run `manage.py migrate`.") from None
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        raise CommandError(f"The database {name} lacks {len(pending)} of Factbook's migrations "
                           f"(the first: {pending[0][0]}): run `manage.py migrate` first.")
