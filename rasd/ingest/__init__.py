"""Input readers: files, folders and patterns in; `Article` objects (or the reason why not) out.

A file's extension picks its reader: `.html/.htm/.xhtml` → the HTML reader, `.jsonl/.ndjson`
→ one article per row, `.json` → one object or an array of them, anything else → plain text
(a "text" file that is really an HTML page is read as HTML). Every refusal is an InputError
naming the file (or `path:LINE` for a row) and the problem, so a batch can report it and go on.

Publication date precedence: the row's `published` ("row"), then the user's `--published`
("cli"), then the HTML page's own metadata ("page"), else None; never a guess.
"""
from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.document import Article
from rasd.errors import DateError, InputError
from rasd.ingest.decode import decode_bytes, first_line_title, iso_date, read_bytes
from rasd.ingest.html import article_from_html, looks_like_html
from rasd.ingest.jsonl import iter_json, iter_jsonl
from rasd.ingest.language import detect_language, require_arabic

__all__ = ["read_path", "iter_articles", "parse_published", "decode_bytes", "detect_language",
           "DEFAULT_MAX_BYTES", "INPUT_SUFFIXES"]

DEFAULT_MAX_BYTES = 5_000_000
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# What a directory walk picks up; other files in a folder of articles are notes, images, archives.
INPUT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".jsonl", ".ndjson", ".json"})
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_GLOB_CHARS = frozenset("*?[")


def parse_published(value: str) -> str:
    """Check a user-given publication date: YYYY-MM-DD and a real calendar date.

    Relative dates resolve against it, so a typo must stop the run, not shift every date.
    """
    if not isinstance(value, str) or _DAY.fullmatch(value.strip()) is None:
        raise DateError(f"--published {value!r} is not a date in the form YYYY-MM-DD (e.g. 2016-10-19)")
    try:
        return iso_date(value)
    except ValueError as exc:
        raise DateError(f"--published {exc}") from None


def _require_text(text: str, source: str) -> None:
    if not text.strip():
        raise InputError("file has no text (only whitespace)" if text else "file is empty", source=source)


def _plain(path: Path, source: str, published: str | None, max_bytes: int) -> Article:
    text = decode_bytes(read_bytes(path, source, max_bytes), source)
    _require_text(text, source)
    if looks_like_html(text):
        return article_from_html(text, source=source, published=published, stem=path.stem)
    require_arabic(text, source)
    return Article(text=text, source=source, title=first_line_title(text), published=published,
                   published_source="cli" if published else None, stem=path.stem)


def _iter_file(path: Path, source: str, published: str | None, max_bytes: int) -> Iterator[Article | InputError]:
    """The articles of one file; row errors are yielded, whole-file errors raised."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(path, source, published=published, max_bytes=max_bytes)
    elif suffix == ".json":
        yield from iter_json(path, source, published=published, max_bytes=max_bytes)
    elif suffix in HTML_SUFFIXES:
        html = decode_bytes(read_bytes(path, source, max_bytes, "HTML"), source)
        _require_text(html, source)
        yield article_from_html(html, source=source, published=published, stem=path.stem)
    else:
        yield _plain(path, source, published, max_bytes)


def read_path(path: str | Path, *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
              errors: list[InputError] | None = None) -> list[Article]:
    """Read one file into its articles (one, or one per JSON Lines row).

    A problem with the file raises an InputError. A bad row of a JSON Lines file is appended to
    `errors` when a list is given, and the good rows are still returned; with no list, the
    first bad row raises, since nothing else could report it. `published` is the user's
    --published (checked here: DateError if it is not a real date).
    """
    day = parse_published(published) if published is not None else None
    articles: list[Article] = []
    for item in _iter_file(Path(path), str(path), day, max_bytes):
        if isinstance(item, InputError):
            if errors is None:
                raise item
            errors.append(item)
        else:
            articles.append(item)
    return articles


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(root: Path) -> list[Path]:
    """Input files under `root`, recursively, in sorted order; hidden files and folders skipped."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not _is_hidden(d)]
        base = Path(folder)
        found.extend(base / name for name in files
                     if not _is_hidden(name) and Path(name).suffix.lower() in INPUT_SUFFIXES)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _expand(target: str | Path) -> Iterator[Path | InputError]:
    """One command-line argument → the files it names (a file, a folder's inputs, a glob's matches)."""
    path = Path(target)
    text = str(target)
    if path.is_dir():
        files = _walk(path)
        if not files:
            yield InputError("no input files (.txt, .html, .htm, .json, .jsonl, .ndjson) in this folder",
                             source=text)
        yield from files
    elif path.exists() or not _GLOB_CHARS.intersection(text):
        yield path  # a missing file is reported by the reader, with the path as given
    else:
        matches = sorted(glob.glob(text, recursive=True))
        if not matches:
            yield InputError("no files match this pattern", source=text)
        for match in matches:
            if os.path.isdir(match):
                yield from _expand(match)
            else:
                yield Path(match)


def iter_articles(paths: str | Path | Iterable[str | Path], *, published: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Every article in the given files, folders (recursive, sorted) and glob patterns.

    Yields an Article for each article read and an InputError for each file or row that could
    not be, so a batch goes on past bad input and can report each problem where it occurred.
    A bad `published` raises DateError before anything is read.
    """
    day = parse_published(published) if published is not None else None
    targets = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return _iter_targets(targets, day, max_bytes)


def _iter_targets(targets: list[str | Path], day: str | None, max_bytes: int) -> Iterator[Article | InputError]:
    for target in targets:
        for item in _expand(target):
            if isinstance(item, InputError):
                yield item
                continue
            source = str(target) if item == Path(target) else str(item)
            try:
                yield from _iter_file(item, source, day, max_bytes)
            except InputError as exc:
                yield exc
