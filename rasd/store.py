"""Storage: the only module that speaks SQL.

DuckDB, one file, a versioned schema applied by ordered, named migrations. Each article and its
records are written in one transaction: a failure midway leaves the database exactly as before.
Idempotency is by document id + content hash + extractor version: storing the same article twice
with the same extractor changes nothing.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .document import content_hash
from .errors import StoreError

__all__ = ["Store", "MIGRATIONS", "record_columns"]

# Named, ordered migrations. Never edit one that has shipped: append a new one.
MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", """
        CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            source TEXT,
            title TEXT,
            outlet TEXT,
            url TEXT,
            published DATE,
            published_source TEXT,
            language TEXT,
            text TEXT NOT NULL,
            extractor_version TEXT NOT NULL
        );
        CREATE TABLE records (
            record_id TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            type TEXT,
            sub_type TEXT,
            status TEXT,
            country TEXT,
            date_value TEXT,
            date_precision TEXT,
            lat DOUBLE,
            lon DOUBLE,
            fatalities INTEGER,
            injuries INTEGER,
            actor1 TEXT,
            actor2 TEXT,
            actors TEXT,
            extractor_version TEXT NOT NULL,
            record_json TEXT NOT NULL,
            PRIMARY KEY (doc_id, record_id)
        );
        CREATE TABLE errors (
            source TEXT NOT NULL,
            error_type TEXT NOT NULL,
            message TEXT NOT NULL,
            PRIMARY KEY (source, message)
        );
    """),
]

_RECORD_COLUMNS = ("record_id", "doc_id", "seq", "kind", "type", "sub_type", "status", "country", "date_value",
                   "date_precision", "lat", "lon", "fatalities", "injuries", "actor1", "actor2", "actors",
                   "extractor_version", "record_json")
_DOC_COLUMNS = ("doc_id", "content_hash", "source", "title", "outlet", "url", "published", "published_source",
                "language", "text", "extractor_version")
_TYPE_FIELD = {"event": "event_type", "statement": "statement_type", "relation": "relation_type"}


def _name(ref: Any) -> str | None:
    if isinstance(ref, dict):
        return ref.get("name") or ref.get("text")
    return None


def record_columns(record: dict[str, Any], seq: int, version: str) -> tuple:
    """The flat query columns of one record, beside its full JSON."""
    kind = record.get("kind")
    loc = record.get("location") or {}
    date = record.get("date") or {}
    actor_names = [_name(record.get(k)) for k in ("actor1", "actor2", "claimed_by", "speaker", "subject", "object")]
    actor_names += [_name(a) for key in ("assoc_actor_1", "assoc_actor_2", "about_actors") for a in record.get(key) or []]
    actors = " | ".join(dict.fromkeys(n for n in actor_names if n))
    sub = record.get("sub_event_type")
    return (
        record["id"], record["doc_id"], seq, kind, record.get(_TYPE_FIELD.get(kind, "")), sub, record.get("status"),
        loc.get("country"), date.get("value"), date.get("precision"), loc.get("lat"), loc.get("lon"),
        (record.get("fatalities") or {}).get("best"), (record.get("injuries") or {}).get("best"),
        _name(record.get("actor1")) or _name(record.get("speaker")) or _name(record.get("subject")),
        _name(record.get("actor2")) or _name(record.get("object")),
        actors or None, version, json.dumps(record, ensure_ascii=False, sort_keys=True),
    )


class Store:
    """A rasd database. Open with `Store(path)`; use as a context manager to close it."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        import duckdb  # imported here: commands that do not touch the database start faster

        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path} (run `rasd ingest` first, or pass --db)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:  # locked by another process, not a DuckDB file, no permission …
            raise StoreError(f"cannot open database {self.path}: {_first_line(exc)}") from exc
        if not read_only:
            self._migrate()
        else:
            self._check_schema()

    # ------------------------------------------------------------ schema
    def _migrate(self) -> None:
        con = self.con
        con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)")
        done = {row[0] for row in con.execute("SELECT name FROM schema_migrations").fetchall()}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.transaction():
                con.execute(sql)
                con.execute("INSERT INTO schema_migrations VALUES (?)", [name])

    def _check_schema(self) -> None:
        try:
            done = {row[0] for row in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        except Exception as exc:  # noqa: BLE001 - any failure here means "not a rasd database"
            raise StoreError(f"{self.path} is not a rasd database ({_first_line(exc)})") from exc
        missing = [name for name, _ in MIGRATIONS if name not in done]
        if missing:
            raise StoreError(f"{self.path} needs schema upgrade {missing[0]}: open it once with `rasd ingest`")

    @property
    def schema_version(self) -> str:
        return self.con.execute("SELECT max(name) FROM schema_migrations").fetchone()[0]

    # ------------------------------------------------------------ writing
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: any exception rolls back every write made inside."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def stored_version(self, doc_id: str) -> tuple[str, str] | None:
        """(content_hash, extractor_version) of a stored document, or None."""
        row = self.con.execute("SELECT content_hash, extractor_version FROM documents WHERE doc_id = ?",
                               [doc_id]).fetchone()
        return (row[0], row[1]) if row else None

    def is_current(self, doc_id: str, text: str, version: str) -> bool:
        return self.stored_version(doc_id) == (content_hash(text), version)

    def save_document(self, doc: dict[str, Any], version: str, *, force: bool = False) -> bool:
        """Store one document object and its records in one transaction. False when already current."""
        if not force and self.is_current(doc["doc_id"], doc["text"], version):
            return False
        values = [doc.get(c) for c in _DOC_COLUMNS]
        values[1] = content_hash(doc["text"])
        values[-1] = version
        rows = [record_columns(r, i, version) for i, r in enumerate(doc.get("records") or [])]
        try:
            with self.transaction():
                self.con.execute("DELETE FROM records WHERE doc_id = ?", [doc["doc_id"]])
                self.con.execute("DELETE FROM documents WHERE doc_id = ?", [doc["doc_id"]])
                self.con.execute(f"INSERT INTO documents VALUES ({', '.join('?' * len(_DOC_COLUMNS))})", values)
                if rows:
                    self.con.executemany(
                        f"INSERT INTO records VALUES ({', '.join('?' * len(_RECORD_COLUMNS))})", rows)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - a write failed: nothing was kept (rolled back)
            raise StoreError(f"could not store document {doc['doc_id']}: {_first_line(exc)}") from exc
        return True

    def save_error(self, source: str, error_type: str, message: str) -> None:
        """Remember an input that could not be processed (once per source and message)."""
        with self.transaction():
            self.con.execute("INSERT INTO errors VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                             [source, error_type, message])

    # ------------------------------------------------------------ reading
    def documents(self) -> Iterator[dict[str, Any]]:
        cur = self.con.execute(f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents ORDER BY doc_id")
        for row in cur.fetchall():
            doc = dict(zip(_DOC_COLUMNS, row, strict=True))
            if doc["published"] is not None:
                doc["published"] = doc["published"].isoformat()
            yield doc

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored document object (spec form), with its records, or None."""
        row = self.con.execute(f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE doc_id = ?",
                               [doc_id]).fetchone()
        if row is None:
            return None
        doc = dict(zip(_DOC_COLUMNS, row, strict=True))
        if doc["published"] is not None:
            doc["published"] = doc["published"].isoformat()
        doc["records"] = [json.loads(r[0]) for r in self.con.execute(
            "SELECT record_json FROM records WHERE doc_id = ? ORDER BY seq", [doc_id]).fetchall()]
        return doc

    def find_doc_ids(self, prefix: str) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) ORDER BY doc_id", [prefix]).fetchall()]

    def events(self, *, country: str | None = None, since: str | None = None, until: str | None = None,
               event_type: str | None = None, actor: str | None = None, kind: str = "event") -> list[dict[str, Any]]:
        """Stored records of one kind, filtered; newest first. Dates compare on their ISO prefix."""
        where, args = ["kind = ?"], [kind]
        if country:
            where.append("country = ?")
            args.append(country.upper())
        if since:
            where.append("date_value IS NOT NULL AND date_value >= ?")
            args.append(since)
        if until:
            where.append("date_value IS NOT NULL AND left(date_value, ?) <= ?")
            args += [len(until), until]
        if event_type:
            where.append("(lower(type) = lower(?) OR lower(sub_type) = lower(?))")
            args += [event_type, event_type]
        if actor:
            where.append("contains(lower(coalesce(actors, '')), lower(?))")
            args.append(actor)
        sql = ("SELECT record_json FROM records WHERE " + " AND ".join(where) +
               " ORDER BY date_value DESC NULLS LAST, doc_id, seq")
        return [json.loads(r[0]) for r in self.con.execute(sql, args).fetchall()]

    def dump(self) -> dict[str, list[tuple]]:
        """Every table's full content, ordered: for tests that compare databases exactly."""
        out = {}
        for table, key in (("schema_migrations", "name"), ("documents", "doc_id"),
                           ("records", "doc_id, seq"), ("errors", "source, message")):
            out[table] = self.con.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
        return out

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "records", "errors")}

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def iter_stored(store: Store, doc_ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """Stored documents (spec form) for reprocessing."""
    ids = list(doc_ids) if doc_ids is not None else [d["doc_id"] for d in store.documents()]
    for doc_id in ids:
        doc = store.document(doc_id)
        if doc is not None:
            yield doc
