"""Tokenisation consistent with ANERcorp: words (clitics attached) and single punctuation marks.

ANERcorp is whitespace tokenised with punctuation split off; proclitics stay on the word
(«والجزائر» is one token). A word here is a run of letters, digits and the marks written on
them (harakat, tatweel); a number keeps its decimal/thousands separators; every other
non-space character is a token of its own.
"""
from __future__ import annotations

import re

__all__ = ["TOKEN_RE", "token_spans", "tokenize"]

TOKEN_RE = re.compile(
    r"(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+(?:[.,\u066B\u066C][0-9\u0660-\u0669]+)*"
    r"|[^\s\w]|_",
    re.UNICODE,
)


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the tokens of text[start:end]."""
    end = len(text) if end is None else end
    return [m.span() for m in TOKEN_RE.finditer(text, start, end)]


def tokenize(text: str) -> list[str]:
    """The tokens of `text` as strings."""
    return TOKEN_RE.findall(text)
