"""Arabic normalisation for matching, with an offset map back to the original text.

The stored text is never edited (every offset in a record points into it). Matching runs on a
normalised *view*: hamza-carrying alefs folded to ا, alef maqsura to ي, taa marbuta to ه,
Arabic-Indic digits to ASCII, Latin lowercased, and diacritics, tatweel and bidi/zero-width
marks removed. `NormText.to_original` turns a span of the view back into a span of the original.

This is on the hot path: a single `str.translate` does the work, and the offset map is only
built when characters were actually removed or expanded.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

__all__ = ["NormText", "normalize", "normalize_text", "FOLD_TABLE"]

_DELETE = (
    [*range(0x064B, 0x0660)]  # harakat, shadda, sukun, maddah/hamza marks above/below
    + [0x0670, 0x0640]  # superscript alef, tatweel
    + [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF, 0x061C]  # zero-width and bidi marks
    + [*range(0x202A, 0x202F)] + [*range(0x2066, 0x206A)]  # bidi embeddings and isolates
    + [0x06D6, 0x06D7, 0x06D8, 0x06D9, 0x06DA, 0x06DB, 0x06DC, 0x06DF, 0x06E0, 0x06E1, 0x06E2,
       0x06E3, 0x06E4, 0x06E7, 0x06E8, 0x06EA, 0x06EB, 0x06EC, 0x06ED]  # Quranic annotation marks
)

FOLD_TABLE: dict[int, str | None] = {cp: None for cp in _DELETE}
FOLD_TABLE.update({ord(c): "ا" for c in "أإآٱٲٳ"})
FOLD_TABLE.update({ord("ى"): "ي", ord("ة"): "ه", ord("ی"): "ي", ord("ک"): "ك", ord("ۀ"): "ه", ord("ە"): "ه"})
FOLD_TABLE.update({0x0660 + i: str(i) for i in range(10)})  # Arabic-Indic digits
FOLD_TABLE.update({0x06F0 + i: str(i) for i in range(10)})  # Extended (Persian/Urdu) digits
FOLD_TABLE.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
FOLD_TABLE.update({0x00A0: " ", 0x066B: ".", 0x066C: ","})  # nbsp, Arabic decimal and thousands separators

# Arabic presentation forms (and a few compatibility characters) expand to one or more base letters.
_EXPANDING = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFC]")
_DELETED_CHARS = "".join(chr(cp) for cp in _DELETE)
_ATTACHED = frozenset(chr(cp) for cp in [*range(0x064B, 0x0660), 0x0670, 0x0640])
_HAS_DELETED = re.compile("[" + re.escape(_DELETED_CHARS) + "]")
_DELETED_RUN = re.compile("[" + re.escape(_DELETED_CHARS) + "]+")


def _fold_char(ch: str) -> str:
    """Normalise one character on the slow path (presentation forms go through NFKC first)."""
    if _EXPANDING.match(ch):
        ch = unicodedata.normalize("NFKC", ch)
    return ch.translate(FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised view of `original`. `offsets[i]` is the original index of view character i.

    `offsets` is None when the view has exactly one character per original character
    (the common case), so the identity map costs nothing.
    """

    original: str
    text: str
    offsets: array | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span [start, end) to the smallest original span holding the same characters."""
        if self.offsets is None:
            return start, end
        if end <= start:
            pos = self.offsets[start] if start < len(self.text) else len(self.original)
            return pos, pos
        stop = self.offsets[end - 1] + 1
        original = self.original
        while stop < len(original) and original[stop] in _ATTACHED:  # marks belong to the letter before
            stop += 1
        return self.offsets[start], stop

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span to the view span covering it (characters removed by folding are skipped)."""
        if self.offsets is None:
            return start, end
        from bisect import bisect_left

        return bisect_left(self.offsets, start), bisect_left(self.offsets, end)


def normalize_text(text: str) -> str:
    """The normalised form of a short string (a lexicon entry, a query): no offset map."""
    if _EXPANDING.search(text):
        return "".join(_fold_char(c) for c in text)
    return text.translate(FOLD_TABLE)


def normalize(text: str) -> NormText:
    """Normalise `text` for matching and keep the way back to original offsets."""
    if _EXPANDING.search(text):
        out: list[str] = []
        offsets = array("i")
        for i, ch in enumerate(text):
            folded = _fold_char(ch)
            out.append(folded)
            offsets.extend([i] * len(folded))
        return NormText(text, "".join(out), offsets)
    folded = text.translate(FOLD_TABLE)
    if len(folded) == len(text):
        return NormText(text, folded, None)
    offsets = array("i")
    kept_from = 0
    for m in _DELETED_RUN.finditer(text):  # copy whole runs of kept characters: no per-character Python loop
        offsets.extend(range(kept_from, m.start()))
        kept_from = m.end()
    offsets.extend(range(kept_from, len(text)))
    assert len(offsets) == len(folded)  # noqa: S101 - internal invariant of the table
    return NormText(text, folded, offsets)


def has_deleted(text: str) -> bool:
    """Whether `text` holds characters the view drops (diacritics, tatweel, bidi marks)."""
    return _HAS_DELETED.search(text) is not None
