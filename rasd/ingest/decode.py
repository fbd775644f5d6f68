"""Bytes and given strings in: reading files under a size limit, decoding, dates, titles.

Arabic news reaches us as UTF-8 (sometimes with a BOM), UTF-16 with a BOM (Windows tools), or
Windows-1256 (older Arabic sites and archives). These three are told apart without guessing:
a BOM is certain, strict UTF-8 almost never succeeds on other encodings, and Windows-1256 is
accepted only when what it yields is Arabic. Anything else is refused with a message that says
why, rather than stored as mojibake that every later stage would silently misread.
"""
from __future__ import annotations

import calendar
import codecs
import re
import stat
from datetime import date
from pathlib import Path

from rasd.errors import EncodingError, InputError, TooLargeError

__all__ = ["decode_bytes", "binary_kind", "read_bytes", "check_size", "human_size", "iso_date", "first_line_title"]

# Signatures of file types people pass by mistake (a PDF of the article, a zipped folder, a DOCX).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive, DOCX, XLSX or ODT"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document (DOC/XLS)"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# UTF-32 BOMs come first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that do not occur in text (tab, newline, VT, FF and CR do).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\ufb50-\ufdfb\ufe70-\ufefc]+")
_LETTER = re.compile(r"[^\W\d_]+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_DATETIME_TAIL = re.compile(r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_TITLE_MAX = 200
_ENCODINGS = "UTF-8, UTF-16 or Windows-1256"


def human_size(n: int) -> str:
    """A byte count as people say it (decimal units, as file managers show): '12.3 MB', '5 MB'."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def check_size(n: int, max_bytes: int, source: str, what: str = "text") -> None:
    """Refuse inputs over the limit before any work is spent on them."""
    if n > max_bytes:
        raise TooLargeError(
            f"{human_size(n)} of {what} is over the {human_size(max_bytes)} limit (set --max-size)", source=source)


def read_bytes(path: Path, source: str, max_bytes: int, what: str = "text") -> bytes:
    """The file's bytes, after checking its size on disk (a huge file is never read into memory)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not a file", source=source)
        check_size(info.st_size, max_bytes, source, what)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except PermissionError:
        raise InputError("cannot read the file: permission denied", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=source) from None


def binary_kind(data: bytes) -> str | None:
    """The kind of binary file `data` starts like ('PDF', 'PNG image', …), or None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _check_controls(text: str, source: str) -> None:
    """Text with many control characters is a binary file that happened to decode."""
    if _CONTROL.search(text) is not None:
        count = len(_CONTROL.findall(text))
        if count > max(2, len(text) // 200):
            raise EncodingError(f"looks like a binary file ({count} control characters)", source=source)


def _arabic_share(text: str) -> float:
    """Share of Arabic letters among the non-ASCII letters (markup and Latin words are ASCII)."""
    non_ascii = [m for m in _LETTER.findall(text) if not m.isascii()]
    letters = sum(len(m) for m in non_ascii)
    if not letters:
        return 0.0
    return sum(len(m) for m in _ARABIC_LETTER.findall(" ".join(non_ascii))) / letters


def _damaged_utf8(data: bytes) -> str | None:
    """Why a mostly-UTF-8 file is not UTF-8 (a truncated or damaged file), or None if it is not UTF-8 at all.

    Windows-1256 Arabic fails UTF-8 on nearly every letter; a damaged UTF-8 file fails on a
    handful of bytes among many good characters. Telling the two apart avoids decoding a
    damaged UTF-8 file as Windows-1256 mojibake.
    """
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for ch in loose if ord(ch) > 0x7F) - bad
    if good < 2 * bad:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            return "not valid UTF-8: the file ends in the middle of a character (was it cut short?)"
        return f"not valid UTF-8: damaged bytes at offset {exc.start} (the rest of the file is UTF-8)"
    return None  # pragma: no cover - only called after strict decoding failed


def _guess_hint(data: bytes) -> str:
    """charset-normalizer's guess, only to make the refusal more useful (imported on this rare path)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return ""
    best = from_bytes(data[:65536]).best()
    return f"; it may be {best.encoding}" if best is not None else ""


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a file's bytes to text: UTF-8 (BOM optional), UTF-16/32 with a BOM, or Windows-1256.

    The BOM is removed and line endings become '\\n'; nothing else in the text changes, so the
    stored text is the file as its author wrote it. Binary files are refused by name.
    """
    if not data:
        raise InputError("file is empty", source=source)
    kind = binary_kind(data)
    if kind is not None:
        raise EncodingError(f"looks like a binary file ({kind}), not text", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"has a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                                    f"(bad bytes at offset {exc.start + len(bom)})", source=source) from None
            _check_controls(text, source)
            return _newlines(text)
    if b"\x00" in data:
        raise EncodingError("looks like a binary file (it contains NUL bytes); if it is UTF-16 text, "
                            "save it with a byte-order mark or as UTF-8", source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        damage = _damaged_utf8(data)
        if damage is not None:
            raise EncodingError(damage, source=source) from None
        text = data.decode("cp1256", errors="replace")
        if _arabic_share(text) < 0.8:
            raise EncodingError(f"not valid text in {_ENCODINGS}{_guess_hint(data)}", source=source) from None
    _check_controls(text, source)
    return _newlines(text)


def iso_date(value: str) -> str:
    """Check a YYYY-MM-DD date (or the date part of an ISO datetime); return YYYY-MM-DD.

    Raises ValueError whose message says what is wrong, for the caller to wrap in its own error.
    """
    value = value.strip()
    match = _ISO_DATE.match(value)
    if match is None or _ISO_DATETIME_TAIL.fullmatch(value, match.end()) is None:
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    year, month, day = (int(g) for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            raise ValueError(f"{value!r} is not a real calendar date: there is no month {month}") from None
        if year < 1:
            raise ValueError(f"{value!r} is not a real calendar date: there is no year 0") from None
        days = calendar.monthrange(year, month)[1]
        raise ValueError(f"{value!r} is not a real calendar date: "
                         f"{_MONTHS[month - 1]} {year} has {days} days") from None
    return match.group(0)


def first_line_title(text: str) -> str | None:
    """The first non-empty line when it is short enough to be a headline, else None."""
    for line in text.split("\n", 20)[:20]:
        line = line.strip()
        if line:
            return line if len(line) < _TITLE_MAX else None
    return None
