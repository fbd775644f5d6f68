"""Loading knowledge files from `rasd/data/`, and matching word patterns from them.

Every lexicon is a TSV (or YAML) file under `rasd/data/`, read once through `load_tsv`. Patterns are
written in ordinary spelling and normalised on load, so a lexicon entry and the text it must match
always meet in the same normal form (`rasd.normalize`).

`PhraseMatcher` finds multi-word patterns by walking the words of a text once, looking each word up
(after removing proclitics) in a dictionary keyed by the pattern's first word: a few dict look-ups
per word, instead of one regex alternative per pattern at every position.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .normalize import normalize_text
from .segment import PROCLITICS

__all__ = ["data_path", "load_tsv", "PhraseMatcher", "PhraseMatch", "WORD_RE"]

WORD_RE = re.compile(r"[^\W_]+")
_GAP = "…"  # up to three words
_LONG_GAP = "……"  # up to eight words (a group's full name between a verb and its object)
_GAPS = {_GAP: 3, _LONG_GAP: 8}


def data_path(name: str):
    """Path of a file shipped in rasd/data/."""
    return resources.files("rasd") / "data" / name


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV file in rasd/data/, without comment (#) and blank lines. Cached: read once."""
    rows = []
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def word_list(name: str, list_name: str) -> tuple[str, ...]:
    """The words of one named list in a two-column data file (list, word) such as builder_words.tsv; a list
    that is not there is a mistake, not an empty list."""
    words = tuple(word for row_list, word in load_tsv(name) if row_list == list_name)
    if not words:
        raise KeyError(f"{name} has no list {list_name!r}")
    return words


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A match in the normalised text: [start, end) excludes the proclitics before the first word."""

    start: int
    end: int
    payload: Any
    first_word: int  # index of the first matched word
    last_word: int


class PhraseMatcher:
    """Matches word patterns (`a b* … c`) against the words of a normalised text.

    A pattern word ending in `*` matches any word it begins (inflections, attached pronouns); `…`
    matches up to three words. The first word may carry proclitics (و ف ب ل ك ال لل).
    """

    def __init__(self, entries: Iterable[tuple[str, Any]]):
        self._exact: dict[str, list[tuple[tuple[tuple[str, bool], ...], Any]]] = {}
        self._prefix: dict[str, list[tuple[tuple[tuple[str, bool], ...], Any]]] = {}
        self._prefix_lengths: set[int] = set()
        for pattern, payload in entries:
            words = tuple(self._compile_word(w) for w in pattern.split())
            if not words or words[0][0] in _GAPS:
                raise ValueError(f"bad pattern {pattern!r}: must start with a word")
            head, star = words[0]
            table = self._prefix if star else self._exact
            table.setdefault(head, []).append((words, payload))
            if star:
                self._prefix_lengths.add(len(head))
        self._lengths = sorted(self._prefix_lengths)
        self._word_cache: dict[str, tuple] = {}  # word -> ((cut, pattern, payload), ...): news repeats its words

    def _word_heads(self, word: str) -> tuple:
        """Every (proclitic length, pattern, payload) whose first word matches `word`."""
        found = self._word_cache.get(word)
        if found is None:
            found = tuple((cut, pattern, payload)
                          for cut in range(0, min(4, len(word) - 1) + 1)
                          if not cut or word[:cut] in PROCLITICS
                          for pattern, payload in self._heads(word[cut:]))
            if len(self._word_cache) < 200_000:
                self._word_cache[word] = found
        return found

    @staticmethod
    def _compile_word(word: str) -> tuple[str, bool]:
        if word in _GAPS:
            return (word, False)
        star = word.endswith("*")
        return (normalize_text(word.rstrip("*")), star)

    def _heads(self, stem: str) -> list[tuple[tuple[tuple[str, bool], ...], Any]]:
        found = list(self._exact.get(stem, ()))
        for n in self._lengths:
            if n > len(stem):
                break
            found.extend(self._prefix.get(stem[:n], ()))
        return found

    def match(self, text: str, words: list[tuple[int, int]] | None = None) -> list[PhraseMatch]:
        """All matches in normalised `text` (`words`: its word spans, computed if not given)."""
        if words is None:
            words = [m.span() for m in WORD_RE.finditer(text)]
        out: list[PhraseMatch] = []
        n_words = len(words)
        for i, (ws, we) in enumerate(words):
            for cut, pattern, payload in self._word_heads(text[ws:we]):
                last = self._match_rest(text, words, i, pattern)
                if last is not None and last < n_words:
                    out.append(PhraseMatch(ws + cut, words[last][1], payload, i, last))
        return out

    @staticmethod
    def _word_ok(text: str, span: tuple[int, int], lit: str, star: bool) -> bool:
        w = text[span[0]:span[1]]
        return w.startswith(lit) if star else w == lit

    def _match_rest(self, text, words, i, pattern) -> int | None:
        """Index of the last word when pattern[0] matched words[i] and the rest matches after it."""
        head, star = pattern[0]
        # the head was found by look-up; for an exact head the stem equals it, so only the rest is checked
        if len(pattern) == 1:
            return i
        return self._match_from(text, words, i + 1, pattern, 1)

    def _match_from(self, text, words, j, pattern, k) -> int | None:
        if k == len(pattern):
            return j - 1
        lit, star = pattern[k]
        if lit in _GAPS:
            for skip in range(0, _GAPS[lit] + 1):
                got = self._match_from(text, words, j + skip, pattern, k + 1)
                if got is not None:
                    return got
            return None
        if j >= len(words) or not self._word_ok(text, words[j], lit, star):
            return None
        return self._match_from(text, words, j + 1, pattern, k + 1)
