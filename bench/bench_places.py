"""Benchmark of rasd.places: accuracy on 124 hand-annotated news sentences, speed, load time, memory.

    python bench/bench_places.py [--shared /work/shared] [-v]

The references (bench/data/places/references.jsonl) point into the ANT corpus in ../shared/data/unlabeled
(file, character offset, length, SHA-1 prefix of the sentence); the sentences themselves are not copied here.
Each reference lists the place mentions a reader finds in the sentence: the surface as written (and which
occurrence), the kind, the country (or accepted countries), the accepted precision(s), approximate coordinates
for towns, and `optional` for names a gazetteer cannot be expected to know (villages, stations, caves).
The annotations were written before rasd was run on these sentences. Each sentence is resolved on its own
(no article context), which is harder than the pipeline's article-level case.

Scores: recall (a non-optional mention overlapped by a non-nationality mention of the right country), country
accuracy of overlapped mentions, precision-level agreement, coordinates within 50 km (towns), and false
positives (system mentions, nationality adjectives excepted, that overlap no annotated mention).
`run()` returns a dict; `main()` prints it as JSON. Skipped (exit 0) when the shared data is absent.
"""
from __future__ import annotations

import hashlib
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus_bench_main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REFS = ROOT / "bench" / "data" / "places" / "references.jsonl"
CORPUS = "data/unlabeled/ant"


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def _as_list(v):
    return v if isinstance(v, list) else [v]


_CLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "لل", "ال", "بال", "وال", "ولل", "وبال", "فال"}


def _span(text: str, surface: str, occurrence: int) -> tuple[int, int] | None:
    """The `occurrence`-th whole-word occurrence of `surface` (proclitics allowed before it)."""
    pos, seen = -1, -1
    while True:
        pos = text.find(surface, pos + 1)
        if pos < 0:
            return None
        end = pos + len(surface)
        if end < len(text) and text[end].isalnum():
            continue
        ws = pos
        while ws > 0 and text[ws - 1].isalnum():
            ws -= 1
        if text[ws:pos] not in _CLITICS:
            continue
        seen += 1
        if seen == occurrence:
            return pos, end


def run(shared: Path, verbose: bool = False) -> dict:
    sys.path.insert(0, str(ROOT))
    t0 = time.perf_counter()
    from rasd.places import find_places
    from rasd.places.gazetteer import get_gazetteer

    g = get_gazetteer()
    g.automaton  # noqa: B018 - build it now, to time it
    load_s = time.perf_counter() - t0

    texts: dict[str, str] = {}
    refs = [json.loads(line) for line in REFS.read_text("utf-8").splitlines() if line.strip()]
    gold_n = found = country_ok = prec_ok = prec_n = coord_ok = coord_n = fp = 0
    skipped = 0
    misses, wrong, fps = [], [], []
    sentences = []
    for r in refs:
        corpus = texts.setdefault(r["file"], (shared / CORPUS / r["file"]).read_text("utf-8"))
        s = corpus[r["offset"]:r["offset"] + r["length"]]
        if hashlib.sha1(s.encode()).hexdigest()[:12] != r["sha1"]:
            skipped += 1
            continue
        sentences.append(s)
        ms = [m for m in find_places(s) if m.kind != "nationality"]
        gold_spans = []
        for gm in r["mentions"]:
            sp = _span(s, gm["text"], gm.get("occurrence", 0))
            gold_spans.append(sp)
            hit = next((m for m in ms if sp and m.start < sp[1] and sp[0] < m.end), None)
            if gm["optional"] and hit is None:
                continue
            gold_n += not gm["optional"]
            if hit is None:
                misses.append(f"{r['id']} {gm['text']} ({gm['country']})")
                continue
            found += not gm["optional"]
            loc = hit.location
            if loc["country"] in _as_list(gm["country"]) or (gm["country"] is None and loc["country"] is None):
                country_ok += 1
            else:
                wrong.append(f"{r['id']} {gm['text']}: {loc['country']} {loc['name']} (gold {gm['country']})")
            prec_n += 1
            prec_ok += loc["precision"] in _as_list(gm["precision"])
            if gm.get("lat") is not None and loc.get("lat") is not None:
                coord_n += 1
                coord_ok += _km(gm["lat"], gm["lon"], loc["lat"], loc["lon"]) <= 50
        for m in ms:
            if not any(sp and m.start < sp[1] and sp[0] < m.end for sp in gold_spans):
                fp += 1
                fps.append(f"{r['id']} {m.text} -> {m.kind} {m.location['name']} {m.location['country']}")

    t1 = time.perf_counter()
    for _ in range(5):
        for s in sentences:
            find_places(s)
    per_sentence_ms = (time.perf_counter() - t1) / (5 * max(1, len(sentences))) * 1000
    words = sum(len(s.split()) for s in sentences) / max(1, len(sentences))
    out = {
        "sentences": len(sentences), "skipped_sha_mismatch": skipped, "gold_mentions": gold_n,
        "recall": round(found / gold_n, 3) if gold_n else None,
        "country_accuracy": round(country_ok / prec_n, 3) if prec_n else None,
        "precision_level_agreement": round(prec_ok / prec_n, 3) if prec_n else None,
        "coordinates_within_50km": round(coord_ok / coord_n, 3) if coord_n else None,
        "false_positives": fp,
        "false_positives_per_100_sentences": round(100 * fp / max(1, len(sentences)), 1),
        "load_s": round(load_s, 3),
        "ms_per_sentence": round(per_sentence_ms, 3), "words_per_sentence": round(words, 1),
    }
    if verbose:
        out["misses"], out["wrong_country"], out["false_positive_list"] = misses, wrong, fps
    return out


def main(argv: list[str] | None = None) -> int:
    return corpus_bench_main(__doc__, run, CORPUS, argv)


if __name__ == "__main__":
    raise SystemExit(main())
