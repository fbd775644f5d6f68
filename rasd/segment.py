"""Sentences, words and clitics, all as (start, end) offsets into the text they were given.

Works equally on the original text or its normalised view (`rasd.normalize`), because it only
looks at punctuation, letters and digits. One regex pass per level; no per-character Python loops.
"""
from __future__ import annotations

import re

__all__ = [
    "CLAUSE_BREAK",
    "sentence_spans", "clause_spans", "word_spans", "split_proclitics", "PROCLITICS",
    "is_word_start", "proclitic_before",
]

_CLOSERS = "\"'”’»)]}›"
# A sentence ends at . ! ? ؟ (possibly repeated), plus closing quotes/brackets, when what follows is
# whitespace, the end of the text, or a letter (news pages often drop the space: «المجاورة.وفي»).
# A full stop followed by a digit (3.5, 1.200) does not end a sentence.
_SENT_END = re.compile(
    r"(?:\.(?![0-9٠-٩])|[!?؟…])+[" + re.escape(_CLOSERS) + r"]*(?=\s|$|[^\W\d_])"
    r"|\n\s*"
)
# any mark that ends a clause or a sentence: a phrase does not reach across it
CLAUSE_BREAK = re.compile(r"[،,.؛;:!?؟\n]")
_CLAUSE_END = re.compile(r"[،؛,;:](?=\s|[^\W\d_])")
_WORD = re.compile(r"[^\W_]+(?:[.,٫٬][0-9٠-٩]+)*", re.UNICODE)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], trimmed of surrounding whitespace; never empty spans."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        stop = m.end() if m.group(0)[0] != "\n" else m.start()
        _append_trimmed(text, pos, stop, spans)
        pos = m.end()
    _append_trimmed(text, pos, end, spans)
    return spans


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of one sentence, split at Arabic/Latin commas, semicolons and colons."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        _append_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _append_trimmed(text, pos, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Runs of letters and digits (a number keeps its decimal/thousands separators)."""
    end = len(text) if end is None else end
    return [m.span() for m in _WORD.finditer(text, start, end)]


# Proclitic sequences written attached to an Arabic word, in normalised form. "لل" is ل + the article.
PROCLITICS: frozenset[str] = frozenset(
    c + p + a
    for c in ("", "و", "ف")
    for p in ("", "ب", "ل", "ك", "س")
    for a in ("", "ال")
    if not (p == "س" and a)
) | frozenset({"لل", "ولل", "فلل"})
_PROCLITIC_RE = re.compile(r"^(?:[وف])?(?:لل|[بلك]?ال|[بلك])?")


def split_proclitics(word: str) -> list[tuple[str, str]]:
    """Every (proclitics, stem) reading of a normalised word, longest prefix first; the stem keeps ≥3 letters.

    >>> split_proclitics("وبالموصل")[0]
    ('وبال', 'موصل')
    """
    out = []
    for cut in range(min(5, len(word) - 3), -1, -1):
        prefix = word[:cut]
        if prefix in PROCLITICS:
            out.append((prefix, word[cut:]))
    return out


def is_word_start(text: str, pos: int) -> bool:
    """True when `pos` begins a word (nothing word-like right before it)."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


def proclitic_before(text: str, pos: int) -> str | None:
    """The attached prefix between the start of the word holding `pos` and `pos`, or None if not a clitic.

    Used by matchers to accept «وبسرت», «لليبيا» as mentions of سرت, ليبيا: the match may start inside
    a word only when everything before it in that word is a proclitic sequence.
    """
    ws = pos
    while ws > 0 and ws > pos - 5 and text[ws - 1].isalnum():
        ws -= 1
    if ws > 0 and text[ws - 1].isalnum():
        return None
    prefix = text[ws:pos]
    return prefix if prefix in PROCLITICS else None
