"""Benchmark of rasd.actors: linking accuracy on hand-annotated mentions, dictionary size, speed, load time.

    python bench/bench_actors.py [--shared /work/shared] [-v]

Three test sets in bench/data/actors (README.md there says how they were drawn and when they were annotated):
  gold.yaml          60 ANT corpus lines (Tunisian radio and multisource), the first set
  gold_regions.yaml  44 ANT multisource lines drawn toward the conflict regions (seeds 5101-5103)
  invented.yaml      41 sentences written for rasd: clitics, spellings, nationality adjectives, short references,
                     renamings and pledges, generic actors, people with roles
The corpus sets are references (file, 1-based line, SHA-1 prefix; the text is not copied here) and are skipped when
../shared is absent; the invented set always runs. Each line or sentence is processed on its own with its
`country_hint`.

Scores per mention kind (actor, person): a required mention is *linked* when a system mention of the same kind
overlaps it with an accepted name (`expect`; null for a person described only by role), *wrong_name* when one
overlaps with another name; `optional` mentions count when linked and are not missed when absent; a false
positive is a system mention that overlaps no annotated mention. Accuracy (linked / required) is reported per
set, for corpus vs invented, and per `phenomenon`. The dictionary's size is tabulated by region and ACLED actor
type; speed is measured on 300-word windows of the corpus, and the load time of the dictionary and automaton in a
fresh process. `run()` returns a dict; `main()` prints it as JSON.
"""
from __future__ import annotations

import hashlib
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import mixed_bench_main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "actors"
CORPUS_SETS = ("gold.yaml", "gold_regions.yaml")
INVENTED = "invented.yaml"
CORPUS = "data/unlabeled/ant"

# Regions for the dictionary table (an actor counts under its first home country; none: international).
REGIONS = {
    "North Africa": "DZ EG LY MA TN EH",
    "Sahel and West Africa": "ML NE BF MR SN BJ TG CI GH GN GM SL LR",
    "Lake Chad": "NG CM TD",
    "Horn and East Africa": "SO ET ER DJ KE SS SD UG RW TZ",
    "Central and Southern Africa": "CF CD CG MZ",
    "Middle East": "SY IQ YE SA AE QA KW BH OM JO LB PS IL IR TR",
    "South and Central Asia": "AF PK IN CN BD",
}
ACLED_TYPES = {1: "state forces", 2: "rebel groups", 3: "political militias", 4: "identity militias",
               5: "rioters", 6: "protesters", 7: "civilians", 8: "external/other"}


def _region(iso: str | None) -> str:
    if iso is None:
        return "International"
    for region, codes in REGIONS.items():
        if iso in codes.split():
            return region
    return "Foreign states (Europe, Americas, other)"


def _corpus_lines(shared: Path, refs: list[dict]) -> dict[tuple[str, int], str]:
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


def load_items(shared: Path | None) -> list[dict]:
    """Every test item as {set, source, where, text, country_hint, mentions}; corpus sets only with `shared`."""
    items = []
    if shared is not None:
        for name in CORPUS_SETS:
            refs = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
            lines = _corpus_lines(shared, refs)
            for ref in refs:
                text = lines[(ref["file"], ref["line"])]
                if hashlib.sha1(text.encode()).hexdigest()[:12] != ref["sha1"]:
                    raise SystemExit(f"{ref['file']}:{ref['line']}: line differs from the annotated one")
                items.append({"set": name.removesuffix(".yaml"), "source": "corpus",
                              "where": f"{ref['file']}:{ref['line']}", "text": text,
                              "country_hint": ref.get("country_hint"), "mentions": ref["mentions"]})
    for entry in yaml.safe_load((DATA / INVENTED).read_text(encoding="utf-8")):
        items.append({"set": "invented", "source": "invented", "where": entry["id"], "text": entry["text"],
                      "country_hint": entry.get("country_hint"), "mentions": entry["mentions"]})
    return items


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _accepts(mention: dict, found: dict) -> bool:
    if found["kind"] != mention["kind"]:
        return False
    if mention["kind"] == "person":
        return found["name"] in mention["expect"] or found.get("name_ar") in mention["expect"]
    return found["name"] in mention["expect"]


def _system(text: str, hint: str | None) -> list[dict]:
    from rasd.actors import find_actors, find_persons

    found = [{"kind": "actor", "span": (m.start, m.end), "name": m.ref["name"], "text": m.text, "how": m.how}
             for m in find_actors(text, country_hint=hint)]
    found += [{"kind": "person", "span": (p.start, p.end), "name": p.ref["name"], "name_ar": p.ref["name_ar"],
               "text": p.text, "how": p.how} for p in find_persons(text)]
    return found


def _new_counts() -> dict:
    return {"required": 0, "linked": 0, "wrong_name": 0, "optional_linked": 0, "system": 0, "false_positive": 0}


def _finish(c: dict) -> dict:
    c["accuracy"] = round(c["linked"] / c["required"], 3) if c["required"] else None
    c["precision_by_overlap"] = round(1 - c["false_positive"] / c["system"], 3) if c["system"] else None
    return c


def accuracy(shared: Path | None, verbose: bool = False) -> dict:
    """Linking accuracy over all sets, per set, per source (corpus/invented), per kind and per phenomenon."""
    sys.path.insert(0, str(ROOT))
    items = load_items(shared)
    by_kind = {k: _new_counts() for k in ("actor", "person")}
    by_set: dict[str, dict] = defaultdict(_new_counts)
    by_source: dict[str, dict] = defaultdict(_new_counts)
    by_phen: dict[str, dict] = defaultdict(_new_counts)
    errors = []
    for item in items:
        text = item["text"]
        found = _system(text, item["country_hint"])
        for mention in item["mentions"]:
            span = (mention["start"], mention["end"])
            if text[span[0]:span[1]] != mention["text"]:
                raise SystemExit(f"{item['where']}: span {span} is not {mention['text']!r}")
            near = [f for f in found if f["kind"] == mention["kind"] and _overlap(f["span"], span)]
            good = any(_accepts(mention, f) for f in near)
            phen = mention.get("phenomenon") or ("person" if mention["kind"] == "person" else "untagged")
            groups = (by_kind[mention["kind"]], by_set[item["set"]], by_source[item["source"]], by_phen[phen])
            if mention.get("optional"):
                for g in groups:
                    g["optional_linked"] += good
                continue
            for g in groups:
                g["required"] += 1
                g["linked"] += good
                g["wrong_name"] += bool(near) and not good
            if not good:
                errors.append({"where": item["where"], "text": mention["text"], "phenomenon": phen,
                               "expect": mention["expect"], "got": [(f["text"], f["name"], f["how"]) for f in near]})
        for f in found:
            for g in (by_kind[f["kind"]], by_set[item["set"]], by_source[item["source"]]):
                g["system"] += 1
            if not any(_overlap(f["span"], (m["start"], m["end"])) for m in item["mentions"] if m["kind"] == f["kind"]):
                for g in (by_kind[f["kind"]], by_set[item["set"]], by_source[item["source"]]):
                    g["false_positive"] += 1
                if verbose:
                    errors.append({"where": item["where"], "false_positive": f["text"], "name": f["name"],
                                   "how": f["how"]})
    total = _new_counts()
    for c in by_kind.values():
        for k in total:
            total[k] += c[k]
    out = {
        "lines": sum(1 for i in items if i["source"] == "corpus"),
        "invented_sentences": sum(1 for i in items if i["source"] == "invented"),
        "corpus": "included" if shared is not None else "skipped (../shared absent)",
        "all": _finish(total),
        "actor": _finish(by_kind["actor"]) | {"recall": by_kind["actor"]["accuracy"]},
        "person": _finish(by_kind["person"]) | {"recall": by_kind["person"]["accuracy"]},
        "by_source": {k: _finish(v) for k, v in sorted(by_source.items())},
        "by_set": {k: _finish(v) for k, v in sorted(by_set.items())},
        "by_phenomenon": {k: {"required": v["required"], "linked": v["linked"],
                              "accuracy": _finish(v)["accuracy"]} for k, v in sorted(by_phen.items())},
    }
    if verbose:
        out["errors"] = errors
    return out


def dictionary_size() -> dict:
    """Entries by region (first home country) and ACLED type, plus the other lists' sizes."""
    sys.path.insert(0, str(ROOT))
    from rasd.actors.dictionary import dictionary

    d = dictionary()
    table: dict[str, Counter] = defaultdict(Counter)
    for actor in d.actors.values():
        table[_region(actor.country)][actor.type] += 1
    order = list(REGIONS) + ["Foreign states (Europe, Americas, other)", "International"]
    rows = {r: {ACLED_TYPES[t]: table[r][t] for t in sorted(table[r])} | {"total": sum(table[r].values())}
            for r in order if r in table}
    by_type = Counter(a.type for a in d.actors.values())
    return {
        "actors": len(d.actors),
        "arabic_aliases": len(d.alias_ids),
        "by_region": rows,
        "by_type": {f"{t} {ACLED_TYPES[t]}": by_type[t] for t in sorted(by_type)},
        "with_un_ref": sum(1 for a in d.actors.values() if a.un_ref),
        "with_wikidata": sum(1 for a in d.actors.values() if a.wikidata),
        "relations": sum(len(a.relations) for a in d.actors.values()),
        "persons": len(d.persons),
        "roles": len(d.roles),
        "generic_words": len(d.generic),
    }


def size_table(size: dict) -> str:
    """The by-region table as Markdown (for the README)."""
    types = list(ACLED_TYPES.values())
    lines = ["| region | " + " | ".join(types) + " | total |", "|---" * (len(types) + 2) + "|"]
    for region, row in size["by_region"].items():
        lines.append(f"| {region} | " + " | ".join(str(row.get(t, "")) for t in types) + f" | {row['total']} |")
    return "\n".join(lines)


_LOAD_CODE = (
    "import sys, time; sys.path.insert(0, {root!r}); t = time.perf_counter(); "
    "from rasd.actors.dictionary import dictionary; from rasd.actors.link import _automaton; "
    "dictionary(); _automaton(); print(time.perf_counter() - t)"
)


def load_time(runs: int = 5) -> dict:
    """Seconds to import rasd.actors and load the dictionary and automaton, in fresh processes (median)."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _LOAD_CODE.format(root=str(ROOT))], capture_output=True,
                             text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return {"fresh_process_load_s": round(statistics.median(times), 3), "runs": runs}


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


def run(shared: Path | None, verbose: bool = False) -> dict:
    """All figures; the corpus sets and the speed measure are skipped when `shared` is None."""
    out: dict = {"load": load_time()}
    if shared is not None:
        out["speed"] = speed(shared)  # before accuracy, so that the in-process load is measured
    out["accuracy"] = accuracy(shared, verbose)
    out["dictionary"] = dictionary_size()
    return out


def main(argv: list[str] | None = None) -> int:
    def table_option(ap):
        ap.add_argument("--table", action="store_true", help="print the dictionary table as Markdown and stop")

        def handle(args) -> bool:
            if args.table:
                print(size_table(dictionary_size()))  # noqa: T201 - a command-line script
            return args.table

        return handle

    return mixed_bench_main(__doc__, run, CORPUS, argv, extra=table_option)


if __name__ == "__main__":
    sys.exit(main())
