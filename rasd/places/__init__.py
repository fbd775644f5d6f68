"""Places: recognise and geocode the places an Arabic article names, offline.

    find_places(text, *, norm=None) -> list[PlaceMention]    every place mention, resolved in article context
    geocode(name, country=None) -> dict | None               one name -> its best records.md location
    country_of_nationality(word) -> str | None               «البوركيني», «وللجيش»… -> ISO2
    explain(text, country=None) -> list[dict]                 each candidate span, its readings and the choice

A location is the records.md object {"text", "name", "name_ar", "country", "admin1", "lat", "lon", "geonames_id",
"precision"}; a relative one («450 كلم شرق طرابلس», «قرب الحدود مع النيجر», «شمال مالي») adds "anchor" (the
named place, a location with its own "text"/"start"/"end"), "distance_km" and "direction" (N NE E SE S SW W NW C).
Mentions never overlap: the anchor of a relative mention or the words of a district («حي الجيزة البحرية») are
folded into it. Mentions of kind "nationality" (الجيش البوركيني) carry the country at precision 4; the caller
decides whether to use them.
"""
from __future__ import annotations

import math

from rasd.normalize import NormText, normalize
from rasd.places.gazetteer import FOCUS, Entry, get_gazetteer, norm_name
from rasd.places.resolve import PlaceMention, resolve_article
from rasd.segment import split_proclitics

__all__ = ["PlaceMention", "find_places", "geocode", "country_of_nationality", "explain"]


def find_places(text: str, *, norm: NormText | None = None) -> list[PlaceMention]:
    """All place mentions in `text` (ORIGINAL offsets), resolved with article-level context, sorted by start."""
    return resolve_article(text, norm)


def country_of_nationality(word: str) -> str | None:
    """ISO2 of the country a nationality adjective names («البوركيني», «والليبيين», «للجيش» -> None)."""
    g = get_gazetteer()
    k = norm_name(word)
    if k in g.nationalities:
        return g.nationalities[k]
    for prefix, stem in split_proclitics(k):
        if stem in g.nationalities and "ال" not in prefix and not prefix.endswith("لل"):
            return g.nationalities[stem]
        if prefix.endswith("لل") and "ال" + stem in g.nationalities:
            return g.nationalities["ال" + stem]
        if prefix.endswith("ال") and "ال" + stem in g.nationalities:
            return g.nationalities["ال" + stem]
    return None


_KIND_WEIGHT = {"country": 9.0, "region": 8.0, "admin1": 7.0, "nationality": 0.0}


def geocode(name: str, country: str | None = None) -> dict | None:
    """The best location for one place name; `country` (ISO2) is the context. None if unknown.

    A name in the gazetteer is looked up directly (readings in `country` first, then countries, regions, towns by
    population, admin-1 units); a phrase («450 كلم شرق طرابلس», «قرب الحدود مع النيجر») goes through the article
    rules; an unknown word in a focus country is tried against GeoNames' Latin names by consonant skeleton.
    """
    text = name.strip()
    if not text:
        return None
    cc = country.upper() if country else None
    g = get_gazetteer()
    k = norm_name(text)
    entries = g.index.get(k)
    if not entries:
        for prefix, stem in split_proclitics(k):
            entries = g.index.get(stem) or (g.index.get("ال" + stem) if prefix.endswith("لل") else None)
            if entries:
                break
    from rasd.places.resolve import _Article  # noqa: PLC0415 - shared location builder

    if entries:
        art = _Article(normalize(text), g, cc)

        def rank(e: Entry) -> tuple:
            ccs = art.cc_of(e)
            if e.kind == "city":
                p = g.places[e.key]
                weight = math.log10(p.population + 10) + (1.5 if p.cc in FOCUS else 0.0)
            else:  # countries and regions ahead of towns; an admin-1 name without its prefix behind most towns
                weight = _KIND_WEIGHT[e.kind] if not (e.kind == "admin1" and not e.full) else 4.0
                weight += 1.5 if any(c in FOCUS for c in ccs) else 0.0
            return (cc is not None and cc in ccs, weight)

        best = max(entries, key=rank)
        loc = art.location(best, text)
        return loc
    ms = [m for m in resolve_article(text, country=cc) if m.kind != "nationality"]
    if ms:
        return dict(max(ms, key=lambda m: m.end - m.start).location)
    return _skeleton_geocode(k, cc)


def _skeleton_geocode(k: str, country: str | None) -> dict | None:
    if not country:
        return None
    from rasd.places.resolve import _Article, _skeleton_ids  # noqa: PLC0415

    g = get_gazetteer()
    sk, ids = _skeleton_ids(g.skeleton_index(country.upper()), k.replace(" ", ""))
    if len(sk) < 3:
        return None
    if not ids:
        return None
    best = max(ids, key=lambda i: g.places[i].population)
    art = _Article(normalize(k), g, country.upper())
    return art.location(Entry("city", best), k)


def explain(text: str, country: str | None = None) -> list[dict]:
    """For `rasd geo resolve`: every candidate span, its readings (ranked where ranked) and what was chosen."""
    g = get_gazetteer()
    norm = normalize(text)
    trace: list = []
    mentions = resolve_article(text, norm, country=country.upper() if country else None, explain=trace)
    out = []
    for s in sorted(trace, key=lambda s: s.hit.start):
        a, b = norm.to_original(s.hit.start, s.hit.end)
        readings = []
        for e in s.entries:
            cc = None
            name = None
            if e.kind == "city":
                p = g.places[e.key]
                cc, name = p.cc, f"{p.name_en} (pop {p.population})"
            elif e.kind in ("country", "nationality"):
                cc, name = e.key, g.countries[e.key].name_en if e.key in g.countries else e.key
            elif e.kind == "admin1":
                cc, name = g.admin1[e.key].cc, g.admin1[e.key].name_en
            else:
                name = g.regions[e.key].name_en
            score = next((round(sc, 2) for sc, c in s.candidates if c == e), None)
            readings.append({"kind": e.kind, "id": e.key, "name": name, "country": cc, "score": score})
        chosen = next((m for m in mentions if m.start <= a < m.end), None)
        out.append({"text": text[a:b], "start": a, "end": b, "form": s.hit.form, "clitics": s.hit.prefix,
                    "readings": readings, "accepted": s.kind != "", "reason": s.note,
                    "chosen": None if chosen is None else {"kind": chosen.kind, "text": chosen.text,
                                                           "start": chosen.start, "end": chosen.end,
                                                           "location": chosen.location}})
    for m in mentions:  # mentions that came from no gazetteer hit (districts, the Latin fallback)
        if not any(o["chosen"] and o["chosen"]["start"] == m.start for o in out):
            out.append({"text": m.text, "start": m.start, "end": m.end, "form": None, "clitics": None,
                        "readings": [], "accepted": True, "reason": f"{m.kind} rule",
                        "chosen": {"kind": m.kind, "text": m.text, "start": m.start, "end": m.end,
                                   "location": m.location}})
    out.sort(key=lambda o: o["start"])
    return out
