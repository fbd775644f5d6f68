"""JSON Lines (and .json) batches: one article per row, and a bad row never sinks the batch.

Each row is an object with `text` (stored as is) or `html` (read like an HTML page), and
optionally `id`, `published`, `url`, `title`, `outlet`. A row that cannot be read becomes an
InputError whose source is `path:LINE`, yielded in place of its article, so a crawl of ten
thousand rows with three broken ones gives 9,997 articles and three precise complaints.

JSON Lines files are streamed line by line (a large batch is never held in memory); the size
limit applies to each row's text. A `.json` file holds one object or an array of them; its items
are named `path[INDEX]`.
"""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasd.document import Article
from rasd.errors import EncodingError, InputError, TooLargeError
from rasd.ingest.decode import (binary_kind, check_size, decode_bytes, first_line_title, human_size, iso_date,
                                read_bytes)
from rasd.ingest.html import extract_page
from rasd.ingest.language import require_arabic

__all__ = ["iter_jsonl", "iter_json"]

_TEXT_FIELDS = ("url", "title", "outlet")
_UNSAFE_STEM = re.compile(r"[^\w.-]+")
# A row's line may be this many times the text limit: json.dumps writes each Arabic letter as a
# six-byte \uXXXX escape. Past it the line is refused unparsed, which bounds memory.
_LINE_FACTOR = 6
_JSON_FILE_FACTOR = 20  # a .json array is loaded whole; JSON Lines is the format for big batches


def _safe_stem(value: str) -> str:
    """A doc_id made safe as part of a file name (--out writes <stem>.<doc_id>.json)."""
    return _UNSAFE_STEM.sub("_", value).strip("._")[:120] or "row"


def _string_field(row: dict[str, Any], name: str, source: str) -> str | None:
    value = row.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"field {name} must be a string, not {type(value).__name__}", source=source)
    return " ".join(value.split()) or None


def _row_id(row: dict[str, Any], source: str) -> str | None:
    value = row.get("id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"field id must be a string or an integer, not {type(value).__name__}", source=source)
    value = str(value).strip()
    if not value:
        raise InputError("field id is empty", source=source)
    return value


def _row_date(row: dict[str, Any], source: str) -> str | None:
    value = row.get("published")
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"field published must be a string YYYY-MM-DD, not {type(value).__name__}",
                         source=source)
    try:
        return iso_date(value)
    except ValueError as exc:
        raise InputError(f"field published: {exc}", source=source) from None


def _body(row: dict[str, Any], source: str, max_bytes: int) -> tuple[str, str]:
    """The row's content and its kind ('text' or 'html'), checked for type and size."""
    for kind in ("text", "html"):
        value = row.get(kind)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"field {kind} must be a string, not {type(value).__name__}", source=source)
        if not value.strip():
            raise InputError(f"field {kind} is empty", source=source)
        size = len(value) if value.isascii() else len(value.encode("utf-8"))
        check_size(size, max_bytes, source, "HTML" if kind == "html" else "text")
        return value, kind
    raise InputError("row has no text or html field", source=source)


def row_article(row: Any, source: str, stem: str, *, published: str | None, max_bytes: int) -> Article:
    """One row → one Article, or an InputError naming the row and the field at fault."""
    if not isinstance(row, dict):
        raise InputError(f"row is a JSON {type(row).__name__}, not an object", source=source)
    doc_id = _row_id(row, source)
    row_date = _row_date(row, source)
    url, title, outlet = (_string_field(row, name, source) for name in _TEXT_FIELDS)
    content, kind = _body(row, source, max_bytes)
    if row_date is not None:
        date, date_source = row_date, "row"
    elif published is not None:
        date, date_source = published, "cli"
    else:
        date, date_source = None, None
    if kind == "html":
        page = extract_page(content, source)
        text = page.text
        title, outlet, url = title or page.title, outlet or page.outlet, url or page.url
        if date is None and page.published is not None:
            date, date_source = page.published, "page"
    else:
        require_arabic(content, source)
        text = content
        title = title or first_line_title(content)
    article = Article(text=text, source=source, title=title, outlet=outlet, url=url, published=date,
                      published_source=date_source, doc_id=doc_id)
    article.stem = f"{stem}.{_safe_stem(article.doc_id or '')}"
    return article


def _parse_line(line: str, source: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"row is not valid JSON ({exc.msg} at column {exc.colno})", source=source) from None
    except RecursionError:
        raise InputError("row is not valid JSON (nested too deeply)", source=source) from None


def _lines(path: Path, source: str, max_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """(line number, line) for each non-blank line; a line that cannot be decoded comes as an error."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=source) from None
    with handle:
        head = handle.read(8192)
        if not head:
            raise InputError("file is empty", source=source)
        kind = binary_kind(head)
        if kind is not None:
            raise EncodingError(f"looks like a binary file ({kind}), not JSON Lines", source=source)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):  # and UTF-32-LE
            check_size(path.stat().st_size, _JSON_FILE_FACTOR * max_bytes, source, "JSON Lines in UTF-16")
            text = decode_bytes(head + handle.read(), source)
            for number, line in enumerate(text.split("\n"), 1):
                if line.strip():
                    yield number, line
            return
        if b"\x00" in head:
            raise EncodingError("looks like a binary file (it contains NUL bytes), not JSON Lines", source=source)
        handle.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
        for number, raw in enumerate(handle, 1):
            row_source = f"{source}:{number}"
            if len(raw) > _LINE_FACTOR * max_bytes:
                yield number, TooLargeError(f"a {human_size(len(raw))} row is far over the {human_size(max_bytes)} "
                                            "limit for its text (set --max-size)", source=row_source)
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, EncodingError(f"row is not valid UTF-8 (bad byte at column {exc.start + 1}); "
                                            "JSON Lines files must be UTF-8", source=row_source)
                continue
            if line.strip():
                yield number, line


def iter_jsonl(path: Path, source: str, *, published: str | None, max_bytes: int) -> Iterator[Article | InputError]:
    """Each row of a JSON Lines file as an Article, or as the InputError that row raised.

    Errors about the whole file (missing, empty, binary) are raised, not yielded.
    """
    stem = path.stem
    rows = 0
    for number, line in _lines(path, source, max_bytes):
        rows += 1
        row_source = f"{source}:{number}"
        if isinstance(line, InputError):
            yield line
            continue
        try:
            yield row_article(_parse_line(line, row_source), row_source, stem, published=published,
                              max_bytes=max_bytes)
        except InputError as exc:
            yield exc
    if not rows:
        raise InputError("file has no rows (only blank lines)", source=source)


def iter_json(path: Path, source: str, *, published: str | None, max_bytes: int) -> Iterator[Article | InputError]:
    """A .json file: one row object, or an array of them (items named path[INDEX])."""
    text = decode_bytes(read_bytes(path, source, _JSON_FILE_FACTOR * max_bytes, "JSON"), source)
    if not text.strip():
        raise InputError("file has no text (only whitespace)", source=source)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several objects one per line: JSON Lines named .json
            yield from iter_jsonl(path, source, published=published, max_bytes=max_bytes)
            return
        raise InputError(f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                         source=source) from None
    except RecursionError:
        raise InputError("not valid JSON (nested too deeply)", source=source) from None
    if isinstance(value, dict):
        article = row_article(value, source, path.stem, published=published, max_bytes=max_bytes)
        article.stem = path.stem  # one article per file, as for a text file
        yield article
        return
    if not isinstance(value, list):
        raise InputError(f"holds a JSON {type(value).__name__}; expected an object or an array of objects",
                         source=source)
    if not value:
        raise InputError("holds an empty array", source=source)
    for index, item in enumerate(value):
        try:
            yield row_article(item, f"{source}[{index}]", path.stem, published=published, max_bytes=max_bytes)
        except InputError as exc:
            yield exc
