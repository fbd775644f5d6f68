"""Benchmark of rasd.actors: accuracy on hand-annotated news lines, speed, load time.

    python bench/bench_actors.py [--shared /work/shared] [-v]

The references (bench/data/actors/gold.yaml) point into the ANT corpus in ../shared/data/unlabeled (file,
1-based line, SHA-1 prefix of the line; the lines themselves are not copied here). Each lists the actor and
person mentions a reader finds in the line, with the accepted canonical names (null for a person described
only by role) and `optional` for mentions the dictionary cannot be expected to know. The annotations were
written before rasd.actors was run on these lines. Each line is processed on its own, with the line's
`country_hint` (TN for the Tunisian radio lines).

Scores, per kind (actor, person): recall (a required mention overlapped by a system mention of the same kind
with an accepted name), wrong_name (overlapped, but named otherwise), and false positives (system mentions that
overlap no annotated mention, optional ones included). Speed is measured on 300-word windows of the corpus.
`run()` returns a dict; `main()` prints it as JSON. Skipped (exit 0) when the shared data is absent.
"""
from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus_bench_main  # noqa: E402

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "data" / "actors" / "gold.yaml"
CORPUS = "data/unlabeled/ant"


def _lines(shared: Path, refs: list[dict]) -> dict[tuple[str, int], str]:
    wanted: dict[str, set[int]] = {}
    for r in refs:
        wanted.setdefault(r["file"], set()).add(r["line"])
    out = {}
    for name, numbers in wanted.items():
        with open(shared / CORPUS / name, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                if i in numbers:
                    out[(name, i)] = line.rstrip("\n")
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _accepts(mention: dict, found: dict) -> bool:
    if found["kind"] != mention["kind"]:
        return False
    if mention["kind"] == "person":
        return found["name"] in mention["expect"] or found.get("name_ar") in mention["expect"]
    return found["name"] in mention["expect"]


def accuracy(shared: Path, verbose: bool = False) -> dict:
    sys.path.insert(0, str(ROOT))
    from rasd.actors import find_actors, find_persons

    refs = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    lines = _lines(shared, refs)
    stats = {k: {"required": 0, "found": 0, "wrong_name": 0, "optional_found": 0, "system": 0, "false_positive": 0}
             for k in ("actor", "person")}
    misses = []
    for ref in refs:
        text = lines[(ref["file"], ref["line"])]
        if hashlib.sha1(text.encode()).hexdigest()[:12] != ref["sha1"]:
            raise SystemExit(f"{ref['file']}:{ref['line']}: line differs from the annotated one")
        found = [{"kind": "actor", "span": (m.start, m.end), "name": m.ref["name"], "text": m.text, "how": m.how}
                 for m in find_actors(text, country_hint=ref["country_hint"])]
        found += [{"kind": "person", "span": (p.start, p.end), "name": p.ref["name"], "name_ar": p.ref["name_ar"],
                   "text": p.text, "how": p.how} for p in find_persons(text)]
        for mention in ref["mentions"]:
            span = (mention["start"], mention["end"])
            assert text[span[0]:span[1]] == mention["text"], (ref["file"], ref["line"], mention["text"])
            kind = stats[mention["kind"]]
            near = [f for f in found if f["kind"] == mention["kind"] and _overlap(f["span"], span)]
            good = any(_accepts(mention, f) for f in near)
            if mention.get("optional"):
                kind["optional_found"] += good
                continue
            kind["required"] += 1
            kind["found"] += good
            kind["wrong_name"] += bool(near) and not good
            if not good:
                misses.append({"line": f"{ref['file']}:{ref['line']}", "text": mention["text"],
                               "expect": mention["expect"], "got": [(f["text"], f["name"]) for f in near]})
        for f in found:
            stats[f["kind"]]["system"] += 1
            if not any(_overlap(f["span"], (m["start"], m["end"])) for m in ref["mentions"] if m["kind"] == f["kind"]):
                stats[f["kind"]]["false_positive"] += 1
                if verbose:
                    misses.append({"line": f"{ref['file']}:{ref['line']}", "false_positive": f["text"],
                                   "name": f["name"], "how": f["how"]})
    for kind in stats.values():
        kind["recall"] = round(kind["found"] / kind["required"], 3) if kind["required"] else None
        kind["precision_by_overlap"] = (round(1 - kind["false_positive"] / kind["system"], 3)
                                        if kind["system"] else None)
    out = {"lines": len(refs), **stats}
    if verbose:
        out["errors"] = misses
    return out


def speed(shared: Path, n: int = 1000) -> dict:
    sys.path.insert(0, str(ROOT))
    t0 = time.perf_counter()
    from rasd.actors import find_actors, find_persons
    from rasd.actors.dictionary import dictionary
    from rasd.actors.link import _automaton
    from rasd.normalize import normalize

    dictionary()
    _automaton()
    load = time.perf_counter() - t0
    windows, words = [], []
    with open(shared / CORPUS / "ant_multisource_v2.1_part02.txt", encoding="utf-8") as f:
        for line in f:
            words.extend(line.split())
            if len(words) >= 300:
                windows.append(" ".join(words[:300]))
                words = []
            if len(windows) >= n:
                break
    norms = [normalize(w) for w in windows]
    t = time.perf_counter()
    for text, norm in zip(windows, norms):
        find_actors(text, norm=norm)
        find_persons(text, norm=norm)
    per = (time.perf_counter() - t) / len(windows)
    return {"load_s": round(load, 3), "articles": len(windows), "ms_per_300_words": round(per * 1000, 3)}


def run(shared: Path, verbose: bool = False) -> dict:
    timing = speed(shared)  # first, so that the load time is measured
    return {"accuracy": accuracy(shared, verbose), "speed": timing}


def main(argv: list[str] | None = None) -> int:
    return corpus_bench_main(__doc__, run, CORPUS, argv)


if __name__ == "__main__":
    sys.exit(main())
