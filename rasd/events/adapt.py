"""Turns the annotations of the mention stages into the uniform `Mention`s the record builder reads."""
from __future__ import annotations

import re
from typing import Any

from ..lexicon import word_list

from ..document import Document
from .build import DocView, Mention

__all__ = ["doc_view"]


def _place(p: Any) -> Mention:
    loc = dict(p.location)
    loc.setdefault("text", p.text)
    loc["start"], loc["end"] = p.start, p.end
    return Mention(p.start, p.end, p.text, loc, kind=p.kind, how="capital" if _is_capital(p) else "")


def _is_capital(p: Any) -> bool:
    """A country's capital («نفت طهران», «اتهمت المنامة»): news lets it speak for the government."""
    from ..places.gazetteer import get_gazetteer

    country = get_gazetteer().countries.get(p.location.get("country") or "")
    return p.kind == "city" and country is not None and country.capital_id == p.location.get("geonames_id")


def _ref(m: Any, how: str = "") -> Mention:
    ref = dict(m.ref)
    ref.setdefault("text", m.text)
    ref["start"], ref["end"] = m.start, m.end
    return Mention(m.start, m.end, m.text, ref, how=getattr(m, "how", how))


def _date(d: Any) -> Mention:
    # "end" is the end of a date span (spec/records.md), so the offsets go under "span"
    ref = {"value": d.value, "end": d.end_value, "precision": d.precision, "text": d.text, "basis": d.basis,
           "span": {"text": d.text, "start": d.start, "end": d.end}}
    # «منذ الثلاثاء الماضي» starts a period even when no publication date resolves it («منذ يومين» is «ago»)
    return Mention(d.start, d.end, d.text, ref, kind="since" if d.rule.startswith("since") else "")


def _figure(c: Any) -> Mention:
    ref = {"category": c.category, "best": c.best, "low": c.low, "high": c.high, "who": c.who}
    return Mention(c.start, c.end, c.text, ref)


def doc_view(doc: Document) -> DocView:
    a = doc.annotations
    dateline = _dateline_end(doc.text)
    return DocView(
        doc_id=doc.doc_id,
        text=doc.text,
        norm=a["norm"],
        published=doc.article.published,
        sentences=a["sentences"],
        places=list(_place(p) for p in a["places"] if not p.end <= dateline),
        actors=list(_ref(m) for m in a["actors"]),
        persons=list(_ref(m) for m in a["persons"]),
        dates=list(_date(d) for d in a["dates"]),
        figures=list(_figure(c) for c in a["figures"]),
        title_end=_headline_end(doc.text),
    )


_AGENCIES = "|".join(re.escape(w) for w in sorted(word_list("builder_words.tsv", "dateline_agencies"), key=len,
                                                 reverse=True))
# at the head of a paragraph: up to two place names, the agency in brackets, a dash or a colon
_DATELINE = re.compile(r"(?m)^[^\n()]{0,60}\((?:" + _AGENCIES + r")\)\s*(?:[-–—:]+|$)")


def _dateline_end(text: str) -> int:
    """End of the dateline in the article's first lines («دبي، الإمارات العربية المتحدة (CNN)--»), or 0: the
    places in it say where the report was filed, not where anything happened, so the builder never sees them."""
    m = _DATELINE.search(text, 0, min(len(text), 600))
    return m.end() if m else 0


def _headline_end(text: str) -> int:
    """End of the headline: a short first line followed by a blank line (how readers store a page's title),
    or a short first line with no closing full stop followed by a longer paragraph (one paragraph a line)."""
    cut = text.find("\n\n")
    if 0 < cut <= 200 and "\n" not in text[:cut]:
        return cut
    cut = text.find("\n")
    if cut <= 0:
        return 0
    first = text[:cut].strip()
    nxt = text[cut + 1:].split("\n", 1)[0].strip()
    # hard-wrapped text has lines of one length: a headline is clearly shorter than the paragraph after it
    if 0 < len(first) <= 150 and not first.endswith((".", "؟", "?", "!", ":")) and len(nxt) > 1.5 * len(first):
        return cut
    return 0
