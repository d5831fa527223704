"""The library's SQLite store with a chosen `PRAGMA synchronous` (WVP_SQLITE_SYNCHRONOUS).

The library leaves SQLite's default, FULL: in WAL mode every commit then waits for an fsync,
which bounds a bulk load such as `wvp simulate` at one fsync per command and reaction. NORMAL
syncs only at checkpoints: still safe against a crash of the process, but the last commits can be
lost if the machine itself fails, so it is for synthetic or reproducible data only.
"""

from eventsourcing.sqlite import SQLiteConnection, SQLiteConnectionPool
from eventsourcing.sqlite import SQLiteFactory as LibraryFactory

SYNCHRONOUS = ("OFF", "NORMAL", "FULL", "EXTRA")


class _Pool(SQLiteConnectionPool):
    def __init__(self, *, synchronous: str, **kwargs):
        self.synchronous = synchronous
        super().__init__(**kwargs)

    def _create_connection(self) -> SQLiteConnection:
        connection = super()._create_connection()
        # Outside a transaction (the connection is in autocommit mode), where the pragma holds.
        connection.cursor().execute(f"PRAGMA synchronous={self.synchronous}")
        return connection


class SQLiteFactory(LibraryFactory):
    SQLITE_SYNCHRONOUS = "SQLITE_SYNCHRONOUS"

    def __init__(self, env):
        super().__init__(env)
        synchronous = (self.env.get(self.SQLITE_SYNCHRONOUS) or "FULL").upper()
        if synchronous not in SYNCHRONOUS:
            raise OSError(f"SQLITE_SYNCHRONOUS must be one of {', '.join(SYNCHRONOUS)}")
        library_pool = self.datastore.pool  # no connection is made before a recorder asks
        self.datastore.pool = _Pool(
            synchronous=synchronous,
            db_name=library_pool.db_name,
            lock_timeout=library_pool.lock_timeout,
        )
