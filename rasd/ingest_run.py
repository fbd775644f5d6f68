"""Batch runs over the store: ingest files, reprocess stored documents.

A batch goes on past a bad input: its error is reported, remembered in the `errors` table, and the
rest proceeds. Each document is stored in its own transaction (`Store.save_document`).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .document import Article
from .errors import InputError, RasdError
from .store import Store
from .version import EXTRACTOR_VERSION

__all__ = ["ingest_paths", "reprocess_store"]


def ingest_paths(store: Store, paths: list[str], *, published: str | None = None, max_bytes: int | None = None,
                 progress: bool = False, on_error: Callable[[str], None] | None = None) -> dict[str, int]:
    """Read, extract and store every article under `paths`; skip those already stored at this version."""
    from .api import process
    from .ingest import iter_articles
    from .settings import get_setting

    summary = {"stored": 0, "unchanged": 0, "records": 0, "errors": 0}
    items = iter_articles(paths, published=published, max_bytes=get_setting("max_size", max_bytes))
    bar = _progress() if progress else None
    task = bar.add_task("ingest", total=None, records=0, errors=0) if bar else None
    try:
        if bar:
            bar.start()
        for item in items:
            if isinstance(item, InputError):
                _record_error(store, item, summary, on_error)
            elif store.is_current(item.doc_id, item.text, EXTRACTOR_VERSION):
                summary["unchanged"] += 1
            else:
                doc = process(item, check_language=False)
                store.save_document(doc, EXTRACTOR_VERSION)
                summary["stored"] += 1
                summary["records"] += len(doc["records"])
            if bar:
                bar.update(task, advance=1, records=summary["records"], errors=summary["errors"])
    finally:
        if bar:
            bar.stop()
    return summary


def _record_error(store: Store, exc: RasdError, summary: dict[str, int], on_error) -> None:
    summary["errors"] += 1
    store.save_error(exc.source or "?", type(exc).__name__, str(exc))
    if on_error:
        on_error(str(exc))


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("articles"), MofNCompleteColumn(), BarColumn(),
                    TextColumn("records {task.fields[records]}  errors {task.fields[errors]}"),
                    TimeElapsedColumn(), transient=True)


def reprocess_store(store: Store, *, force: bool = False) -> tuple[int, int]:
    """Re-extract stored documents made by another extractor version (or all, with force)."""
    from .api import process

    docs = list(store.documents())
    done = 0
    for stored in docs:
        if not force and stored["extractor_version"] == EXTRACTOR_VERSION:
            continue
        article = Article(text=stored["text"], source=stored["source"], title=stored["title"],
                          outlet=stored["outlet"], url=stored["url"], published=stored["published"],
                          published_source=stored["published_source"], doc_id=stored["doc_id"])
        doc: dict[str, Any] = process(article, check_language=False)
        store.save_document(doc, EXTRACTOR_VERSION, force=force)
        done += 1
    return done, len(docs)
