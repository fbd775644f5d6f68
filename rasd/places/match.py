"""Finding candidate place-name spans in a normalised text.

One Aho-Corasick pass (pyahocorasick) over `NormText.text` finds every index form. A hit is kept only when it
ends at a word end and starts at a word start or right after a valid proclitic sequence (و ف ب ل ك س and the
article, `rasd.segment.proclitic_before`): «وبسرت», «لليبيا», «بمدينة». A form beginning with «ال» also
matches after «لل» («للعراق»), where the article's alif is not written. Overlaps are settled by length: the
longest hit wins, so «طرابلس الشام» beats «طرابلس» and «شمال سيناء» beats «سيناء».
"""
from __future__ import annotations

from dataclasses import dataclass

from rasd.places.gazetteer import Gazetteer
from rasd.segment import proclitic_before

__all__ = ["Hit", "scan", "longest_hits"]


@dataclass(frozen=True, slots=True)
class Hit:
    """A span [start, end) of the normalised text that spells index form `form` (after `prefix`, the clitics)."""

    start: int
    end: int
    form: str
    prefix: str


def scan(text: str, gaz: Gazetteer) -> list[Hit]:
    """Every admissible hit of an index form in the normalised `text` (overlapping hits included)."""
    out: list[Hit] = []
    n = len(text)
    blocked = gaz.blocked
    for last, (length, own, with_article) in gaz.automaton.iter(text):
        end = last + 1
        if end < n and (text[end].isalnum() or text[end] == "_"):
            continue
        start = end - length
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            prefix = ""
        else:
            prefix = proclitic_before(text, start)
            if prefix is None or "س" in prefix or ("ك" in prefix and not text.startswith("ال", start)):
                continue  # the future marker س is for verbs; «كسلا» is not ك + «سلا», but «كالبصرة» is «like Basra»
        if prefix.endswith("لل"):
            form = with_article  # «للموصل» = ل + «الموصل»
        elif "ال" in prefix:
            form = None  # «بالموصل» is ب + «الموصل»: a form without the article must not follow a written one
        else:
            form = own
        if form is None:
            continue
        if prefix and text[start - len(prefix):end] in blocked:
            continue
        out.append(Hit(start, end, form, prefix))
    return out


def longest_hits(hits: list[Hit]) -> tuple[list[Hit], dict[Hit, list[Hit]]]:
    """Non-overlapping hits, longest first; and for each kept hit, the shorter hits it hides (longest first)."""
    order = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Hit] = []
    hidden: dict[Hit, list[Hit]] = {}
    taken: list[tuple[int, int, Hit]] = []
    for h in order:
        owner = None
        for s, e, k in taken:
            if h.start < e and s < h.end:
                owner = k
                break
        if owner is None:
            kept.append(h)
            taken.append((h.start, h.end, h))
        else:
            hidden.setdefault(owner, []).append(h)
    kept.sort(key=lambda h: h.start)
    return kept, hidden
