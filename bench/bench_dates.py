"""Benchmark of rasd.dates and rasd.numbers, with dateparser run on the same date expressions.

    python bench/bench_dates.py [--shared /work/shared] [-v]

Items (bench/data/dates/dates.jsonl, numbers.jsonl; see the README there) are expressions in sentence
context. Corpus items point into the ANT corpus in ../shared (file, offset, length, SHA-1 prefix) and are
skipped when it is absent; invented items carry their own sentence and always run. Every answer was written
before either system was run on the item.

Dates: an item is right when a date found overlapping the expression has the annotated value and precision
(`end` is scored separately where annotated). Items of form X are expressions that are not dates: right when
nothing is found there. Items with no publication date expect the relative expression to stay unresolved.
dateparser (`search_dates(text, languages=['ar'], settings={'RELATIVE_BASE': published})`) states no
precision, so its datetime is compared at the annotated precision: a found date overlapping the expression
counts when its day (day items), month (month items) or year (year items) is right.

Numbers: a casualty item is right when a casualty figure overlapping the expression has the annotated
category and best/low/high; a "none" item is right when no casualty figure overlaps it and find_numbers
reads the annotated value there.

`run()` returns a dict (accuracy overall and split by origin, month convention, form; speed in items/s).
"""
from __future__ import annotations

import json
import re
import sys
import time
import warnings
from collections import defaultdict
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import mixed_bench_main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "dates"
CORPUS = "data/unlabeled/ant"
CASUALTY_CATEGORIES = ("killed", "injured", "abducted", "arrested")

# Month names by convention, for reporting only (kept here, independent of rasd's own lexicon).
_CONVENTIONS = {
    "egypt_gulf": "يناير فبراير مارس أبريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "levant": "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول",
    "maghreb": "جانفي فيفري أفريل ماي جوان جويلية أوت",
    "morocco": "يوليوز غشت شتنبر نونبر دجنبر",
    "mauritania": "أغشت شتمبر دجمبر",
    "iraq": "مايس",
    "hijri": "محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة",
}
_CONV_RX = {k: re.compile(r"(?<![^\W\d_])(?:" + "|".join(w.replace("_", r"\s*") for w in v.split()) + r")(?![^\W\d_])")
            for k, v in _CONVENTIONS.items()}
_EASTERN_DIGITS = re.compile("[٠-٩]")
_FORMS = {"D": "absolute_day", "M": "absolute_month", "Y": "year", "N": "numeric", "W": "weekday",
          "R": "relative_day", "P": "relative_period", "RM": "month_without_year", "RD": "day_without_year",
          "S": "span", "X": "not_a_date"}


def convention(expr: str) -> str:
    """The month convention an expression is written in: one name, `paired` (كانون الثاني/يناير) or none."""
    found = [k for k, rx in _CONV_RX.items() if rx.search(expr)]
    if len(found) > 1:
        return "paired"
    if found:
        return found[0]
    if re.search(r"[0-9٠-٩]{1,4}[/.-][0-9٠-٩]{1,2}[/.-][0-9٠-٩]{1,4}", expr):
        return "numeric"
    return "no_month_name"


def _number_kind(item: dict) -> str:
    e = item["expr"]
    if _EASTERN_DIGITS.search(e):
        return "arabic_indic_digits"
    if re.search("[0-9]", e):
        return "digits"
    return "words"


def _span(text: str, expr: str, occurrence: int) -> tuple[int, int]:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(expr, pos + 1)
        if pos < 0:
            raise ValueError(f"expression {expr!r} not found in its sentence")
    return pos, pos + len(expr)


def load(name: str, shared: Path | None) -> tuple[list[dict], int]:
    """(items with text and span, corpus items skipped): corpus items only when ../shared is there."""
    from sample_corpus import ReferenceError_, read_ref

    items, skipped = [], 0
    for line in (DATA / name).read_text("utf-8").splitlines():
        if not line.strip():
            continue
        it = json.loads(line)
        if it["origin"] == "corpus":
            if shared is None:
                skipped += 1
                continue
            try:
                it["text"] = read_ref(shared, it["ref"])
            except (ReferenceError_, OSError):
                skipped += 1
                continue
        it["span"] = _span(it["text"], it["expr"], it.get("occurrence", 0))
        items.append(it)
    return items, skipped


class _Tally:
    def __init__(self) -> None:
        self.n = self.ok = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.ok += bool(ok)

    def as_dict(self) -> dict:
        return {"items": self.n, "accuracy": round(self.ok / self.n, 3) if self.n else None}


def _tallies() -> defaultdict:
    return defaultdict(_Tally)


def _overlaps(a0: int, a1: int, span: tuple[int, int]) -> bool:
    return a0 < span[1] and span[0] < a1


# -- dates ---------------------------------------------------------------------------------------------------

def _rasd_date_ok(it: dict, mentions) -> tuple[bool, bool | None, str]:
    """(value and precision right, end right or None when not annotated, what was found)."""
    hits = [m for m in mentions if _overlaps(m.start, m.end, it["span"])]
    got = "; ".join(f"{m.text}={m.value}/{m.precision}" + (f"..{m.end_value}" if m.end_value else "") for m in hits)
    if it["form"] == "X":
        return not hits, None, got
    if it["value"] is None:  # no publication date: must stay unresolved
        return any(m.value is None for m in hits) and not any(m.value for m in hits), None, got
    right = [m for m in hits if m.value == it["value"] and m.precision == it["precision"]]
    end_ok = None if "end" not in it else any(m.end_value == it["end"] for m in right)
    return bool(right), end_ok, got


def _dp_value_ok(found: datetime, value: str, precision: str) -> bool:
    if precision == "day":
        return found.strftime("%Y-%m-%d") == value
    if precision == "month":
        return found.strftime("%Y-%m") == value
    return found.strftime("%Y") == value


def _dp_found(text: str, results) -> list[tuple[int, int, datetime]]:
    """dateparser's (substring, datetime) pairs placed in the text, in order."""
    out, pos = [], 0
    for sub, when in results or []:
        at = text.find(sub, pos)
        if at < 0:
            at = text.find(sub)
        if at < 0:
            continue
        out.append((at, at + len(sub), when))
        pos = at + len(sub)
    return out


def _dp_date_ok(it: dict, found) -> tuple[bool, str]:
    hits = [(a, b, w) for a, b, w in found if _overlaps(a, b, it["span"])]
    got = "; ".join(f"{it['text'][a:b]}={w:%Y-%m-%d}" for a, b, w in hits)
    if it["form"] == "X" or it["value"] is None:
        return not hits, got
    return any(_dp_value_ok(w, it["value"], it["precision"]) for _, _, w in hits), got


def bench_dates(items: list[dict], verbose: bool) -> dict:
    from rasd.dates import find_dates

    find_dates("في 12 ماي 2016", "2016-10-19")  # load the lexicons before timing
    rasd_t, rasd_end, dp_t = _tallies(), _Tally(), _tallies()
    misses: list[str] = []
    dp_misses: list[str] = []
    t = time.perf_counter()
    found_rasd = [find_dates(it["text"], it["published"]) for it in items]
    rasd_s = time.perf_counter() - t

    dp = _dateparser()
    dp_s = None
    found_dp: list[list] = [[] for _ in items]
    if dp is not None:
        dp(items[0]["text"], items[0]["published"])  # warm up
        t = time.perf_counter()
        found_dp = [_dp_found(it["text"], dp(it["text"], it["published"])) for it in items]
        dp_s = time.perf_counter() - t

    for it, mentions, dfound in zip(items, found_rasd, found_dp):
        ok, end_ok, got = _rasd_date_ok(it, mentions)
        dok, dgot = _dp_date_ok(it, dfound)
        keys = ("all", "origin:" + it["origin"], "convention:" + convention(it["expr"]),
                "form:" + _FORMS[it["form"]])
        if _EASTERN_DIGITS.search(it["expr"]):
            keys += ("digits:arabic_indic",)
        keys += ("batch:" + it.get("batch", "first"),)
        for k in keys:
            rasd_t[k].add(ok)
            dp_t[k].add(dok)
        if end_ok is not None:
            rasd_end.add(end_ok)
        if not ok:
            misses.append(f"{it['id']} [{it['published']}] {it['expr']!r} want {it['value']}/{it['precision']}"
                          f" got [{got}]")
        if not dok:
            dp_misses.append(f"{it['id']} {it['expr']!r} want {it['value']} got [{dgot}]")
    out = {
        "items": len(items),
        "rasd": {k: v.as_dict() for k, v in sorted(rasd_t.items())},
        "rasd_span_end_accuracy": rasd_end.as_dict(),
        "dateparser": {k: v.as_dict() for k, v in sorted(dp_t.items())} if dp is not None else None,
        "rasd_items_per_s": round(len(items) / rasd_s, 1) if rasd_s else None,
        "dateparser_items_per_s": round(len(items) / dp_s, 1) if dp_s else None,
    }
    if verbose:
        out["rasd_misses"] = misses
        out["dateparser_misses"] = dp_misses if dp is not None else None
    return out


def _dateparser():
    """search_dates bound to the benchmark's settings, or None when dateparser is not installed."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def run_dp(text: str, published: str | None):
        settings = {}
        if published:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(published)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return search_dates(text, languages=["ar"], settings=settings)

    return run_dp


# -- numbers -------------------------------------------------------------------------------------------------

def bench_numbers(items: list[dict], verbose: bool) -> dict:
    from rasd.numbers import find_casualties, find_numbers

    find_casualties("قتل 3 جنود")  # load before timing
    t = time.perf_counter()
    found = [(find_casualties(it["text"]), find_numbers(it["text"])) for it in items]
    secs = time.perf_counter() - t
    tallies = _tallies()
    cat_ok, false_cas, misses = _Tally(), _Tally(), []
    for it, (cas, nums) in zip(items, found):
        hits = [c for c in cas if _overlaps(c.start, c.end, it["span"])]
        got = "; ".join(f"{c.category}:{c.best}/{c.low}/{c.high} {c.text!r}" for c in hits)
        if it["category"] in CASUALTY_CATEGORIES:
            want = (it["best"], it["low"], it["high"])
            ok = any(c.category == it["category"] and (c.best, c.low, c.high) == want for c in hits)
            cat_ok.add(any(c.category == it["category"] for c in hits))
            group = "casualty"
        else:
            nhits = [n for n in nums if _overlaps(n.start, n.end, it["span"])]
            value_ok = it["best"] is None or any(n.best == it["best"] for n in nhits)
            false_cas.add(not hits)
            ok = value_ok and not hits
            got += " | numbers: " + "; ".join(f"{n.text!r}={n.best}" for n in nhits)
            group = "not_a_casualty"
        for k in ("all", "origin:" + it["origin"], "group:" + group, "category:" + it["category"],
                  "kind:" + _number_kind(it), "batch:" + it.get("batch", "first")):
            tallies[k].add(ok)
        if not ok:
            misses.append(f"{it['id']} {it['expr']!r} want {it['category']} {it['best']}/{it['low']}/{it['high']}"
                          f" got [{got}]")
    out = {
        "items": len(items),
        "rasd": {k: v.as_dict() for k, v in sorted(tallies.items())},
        "casualty_category_found": cat_ok.as_dict(),
        "non_casualties_kept_out": false_cas.as_dict(),
        "rasd_items_per_s": round(len(items) / secs, 1) if secs else None,
    }
    if verbose:
        out["rasd_misses"] = misses
    return out


def run(shared: Path | None, verbose: bool = False) -> dict:
    """Figures for the date and number sets; corpus items are skipped (and counted) without ../shared."""
    sys.path.insert(0, str(ROOT))
    dates, d_skipped = load("dates.jsonl", shared)
    numbers, n_skipped = load("numbers.jsonl", shared)
    return {
        "corpus_items_skipped": d_skipped + n_skipped,
        "dates": bench_dates(dates, verbose),
        "numbers": bench_numbers(numbers, verbose),
    }


def main(argv: list[str] | None = None) -> int:
    return mixed_bench_main(__doc__, run, CORPUS, argv)


if __name__ == "__main__":
    sys.exit(main())
