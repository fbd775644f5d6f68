"""Turns the annotations of the mention stages into the uniform `Mention`s the record builder reads."""
from __future__ import annotations

import re
from typing import Any

from ..document import Document
from ..lexicon import word_list
from .build import DocView, Mention

__all__ = ["doc_view"]


def _place(p: Any, filed_from: bool = False) -> Mention:
    loc = dict(p.location)
    loc.setdefault("text", p.text)
    loc["start"], loc["end"] = p.start, p.end
    how = "dateline" if filed_from else "capital" if _is_capital(p) else ""
    return Mention(p.start, p.end, p.text, loc, kind=p.kind, how=how)


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
    agency, filed = _datelines(doc.text, a["places"])
    return DocView(
        doc_id=doc.doc_id,
        text=doc.text,
        norm=a["norm"],
        published=doc.article.published,
        sentences=a["sentences"],
        places=list(_place(p, (p.start, p.end) in filed) for p in a["places"] if not _inside(p, agency)),
        actors=list(_ref(m) for m in a["actors"] if not _inside(m, agency)),
        persons=list(_ref(m) for m in a["persons"] if not _inside(m, agency)),
        dates=list(_date(d) for d in a["dates"]),
        figures=list(_figure(c) for c in a["figures"]),
        title_end=_headline_end(doc.text),
    )


_AGENCIES = "|".join(re.escape(w) for w in sorted(word_list("builder_words.tsv", "dateline_agencies"), key=len,
                                                 reverse=True))
# at the head of a paragraph: up to two place names, the agency in brackets, a dash, a colon or the line's end
_AGENCY_DATELINE = re.compile(r"(?m)^[^\n()]{0,60}\((?:" + _AGENCIES + r")\)\s*?(?:[-–—:]+|$)")
# after a place that opens a paragraph: «، البلد», «(الوكالة)», then a dash or a colon («باماكو - قتل …»)
_DATELINE_TAIL = re.compile(r"[ \t]*(?:[،,][^\n.،]{0,30}?)?[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[-–—:]")


def _inside(m: Any, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


def _datelines(text: str, places: list[Any]) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """The datelines of an article, which say where a report was filed, never where anything happened:
    - «دبي، الإمارات العربية المتحدة (CNN)--» in its first lines: the spans, whose places, actors and people the
      builder never sees;
    - a place that opens a paragraph followed by a dash or a colon («باماكو - قتل …»): the place, which the builder
      keeps as context for the sentences after it but never takes as an incident's place («القصرين : معركة …» is
      both a dateline and the story's town)."""
    # (a dateline opens with the place it was filed from; a headline that ends with «(رويترز)» is none)
    starts = {p.start for p in places if p.kind != "nationality"}
    agency = [m.span() for m in _AGENCY_DATELINE.finditer(text, 0, min(len(text), 600))
              if m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u200f\u200e«\"")) in starts]
    filed = set()
    for p in places:
        line_start = text.rfind("\n", 0, p.start) + 1
        if (p.kind != "nationality" and not text[line_start:p.start].strip(" \t\u200f\u200e(«\"")
                and _DATELINE_TAIL.match(text, p.end) is not None):
            filed.add((p.start, p.end))
    return agency, filed


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
