"""Seeded sampling of lines and articles from the ANT news corpus in ../shared, kept as references.

Test sets must hold real sentences without copying corpus text into the project, and must be drawn by a
script anyone can re-run. This module draws them and turns a reference back into its text:

    python bench/sample_corpus.py lines --seed 11 --n 100 --pattern 'قتل|مقتل' --min 80 --max 400
    python bench/sample_corpus.py articles --seed 12 --n 12 --pattern 'هجوم|اشتباك' --min-hits 3
    python bench/sample_corpus.py show refs.jsonl          # print the text behind each reference

A reference is a JSON object: `file` (a name under data/unlabeled/ant/), `line` (1-based line of the first
line), `offset` and `length` (characters in the decoded file) and `sha1` (first 12 hex digits of the text's
SHA-1, checked on reading). A line is one paragraph; an article is a run of lines between blank lines.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import find_shared  # noqa: E402

CORPUS = Path("data") / "unlabeled" / "ant"


class ReferenceError_(ValueError):
    """A reference whose text is not what it was when it was drawn."""


def sha12(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=4)
def corpus_text(shared: Path, name: str) -> str:
    return (shared / CORPUS / name).read_text(encoding="utf-8")


def corpus_files(shared: Path, pattern: str = "*.txt") -> list[str]:
    return sorted(p.name for p in (shared / CORPUS).glob(pattern) if p.name.startswith("ant_"))


def iter_lines(shared: Path, name: str) -> Iterator[dict]:
    """Every non-empty line of a corpus file as a reference with its text."""
    text = corpus_text(shared, name)
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield {"file": name, "line": number, "offset": offset, "length": len(line), "text": line}
        offset += len(line) + 1


def iter_articles(shared: Path, name: str) -> Iterator[dict]:
    """Every article (lines between blank lines) of a corpus file as a reference with its text."""
    block: list[dict] = []
    for ref in iter_lines(shared, name):
        if block and ref["line"] != block[-1]["line"] + 1:
            yield _join(block)
            block = []
        block.append(ref)
    if block:
        yield _join(block)


def _join(lines: list[dict]) -> dict:
    first, last = lines[0], lines[-1]
    length = last["offset"] + last["length"] - first["offset"]
    text = "\n".join(r["text"] for r in lines)
    return {"file": first["file"], "line": first["line"], "offset": first["offset"], "length": length,
            "text": text}


def read_ref(shared: Path, ref: dict) -> str:
    """The text a reference points to; raises when the corpus no longer holds the same text there."""
    text = corpus_text(shared, ref["file"])[ref["offset"]:ref["offset"] + ref["length"]]
    if ref.get("sha1") and sha12(text) != ref["sha1"]:
        raise ReferenceError_(f"{ref['file']} at {ref['offset']}: text changed (sha1 {sha12(text)} != {ref['sha1']})")
    return text


def sample(candidates: list[dict], n: int, seed: int, *, shuffled: bool = False) -> list[dict]:
    """n candidates drawn with a fixed seed, as references (text dropped, sha1 added): in corpus order, or in
    the order drawn (`shuffled`, for taking the first that fits a further condition)."""
    picked = random.Random(seed).sample(candidates, min(n, len(candidates)))
    if not shuffled:
        picked.sort(key=lambda r: (r["file"], r["offset"]))
    return [{"file": r["file"], "line": r["line"], "offset": r["offset"], "length": r["length"],
             "sha1": sha12(r["text"])} for r in picked]


def _candidates(shared: Path, args: argparse.Namespace, unit: str) -> list[dict]:
    pattern = re.compile(args.pattern) if args.pattern else None
    required = [re.compile(r) for r in args.require]
    items = []
    for name in corpus_files(shared, args.files):
        source = iter_lines(shared, name) if unit == "lines" else iter_articles(shared, name)
        for ref in source:
            if not args.min <= ref["length"] <= args.max:
                continue
            hits = len(pattern.findall(ref["text"])) if pattern else 0
            if pattern and hits < args.min_hits:
                continue
            if any(not r.search(ref["text"]) for r in required):
                continue
            items.append(ref)
    return items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for unit, lo, hi in (("lines", 40, 600), ("articles", 300, 6000)):
        p = sub.add_parser(unit, help=f"draw {unit} (seeded) and print one reference per line")
        p.add_argument("--seed", type=int, required=True)
        p.add_argument("--n", type=int, required=True)
        p.add_argument("--pattern", help="a regular expression the text must hold (--min-hits times)")
        p.add_argument("--min-hits", type=int, default=1)
        p.add_argument("--require", action="append", default=[], help="a further expression the text must hold")
        p.add_argument("--min", type=int, default=lo, help="shortest length in characters")
        p.add_argument("--max", type=int, default=hi, help="longest length in characters")
        p.add_argument("--files", default="*.txt", help="glob over the corpus files")
        p.add_argument("--text", action="store_true", help="also print each text (for annotating; not to commit)")
        p.add_argument("--shuffled", action="store_true", help="print in the order drawn, not in corpus order")
    p = sub.add_parser("show", help="print the text behind each reference of a JSON Lines file")
    p.add_argument("refs")
    args = ap.parse_args(argv)
    shared = find_shared(args.shared, str(CORPUS))
    if shared is None:
        print("sample_corpus: ../shared/data/unlabeled/ant not found", file=sys.stderr)
        return 2
    if args.cmd == "show":
        for raw in Path(args.refs).read_text(encoding="utf-8").splitlines():
            if raw.strip():
                ref = json.loads(raw)
                print(json.dumps({k: ref.get(k) for k in ("id", "file", "line", "offset")}, ensure_ascii=False))
                print(read_ref(shared, ref), end="\n\n")
        return 0
    for ref in sample(_candidates(shared, args, args.cmd), args.n, args.seed, shuffled=args.shuffled):
        print(json.dumps(ref, ensure_ascii=False))
        if args.text:
            print(read_ref(shared, ref), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
