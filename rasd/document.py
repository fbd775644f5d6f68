"""The document object that flows through the pipeline.

`Article` is what the readers produce: the stored text and what is known about its source.
`Document` adds what the stages find. The text is never edited: every span is (start, end)
into `Document.text`, and `Span.text == doc.text[start:end]` always holds.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article", "Document", "Span", "content_hash"]


def content_hash(text: str) -> str:
    """Stable identity of a stored text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """One input article as read: stored text plus source metadata (no extraction yet).

    `published` is an ISO date string (YYYY-MM-DD) or None; `published_source` is one of
    "row" (a JSON Lines field), "cli" (--published), "page" (the page's own metadata) or None.
    """

    text: str
    source: str | None = None  # path, or path:line for a JSON Lines row
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: str | None = None
    doc_id: str | None = None  # given by a JSON Lines row's "id"; else the content hash
    stem: str | None = None  # file name to use for --out (input stem, plus doc_id for JSON Lines rows)

    def __post_init__(self) -> None:
        if self.doc_id is None:
            self.doc_id = content_hash(self.text)


@dataclass(slots=True)
class Document:
    """An article plus the annotations the pipeline stages attach to it."""

    article: Article
    language: str = "ar"
    annotations: dict[str, Any] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def doc_id(self) -> str:
        return self.article.doc_id  # type: ignore[return-value]

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.article.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        """The document object of spec/records.md."""
        a = self.article
        return {
            "doc_id": a.doc_id,
            "source": a.source,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published,
            "published_source": a.published_source,
            "language": self.language,
            "text": a.text,
            "records": self.records,
        }
