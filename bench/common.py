"""What the benchmark scripts share: finding ../shared, and the command line of a corpus benchmark."""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def find_shared(explicit: str | None, needs: str) -> Path | None:
    """The shared folder holding `needs` (a relative path): --shared, then $RASD_SHARED, then ../shared."""
    cands = [explicit] if explicit else [os.environ.get("RASD_SHARED"), str(ROOT.parent / "shared")]
    for c in cands:
        if c and (Path(c) / needs).exists():
            return Path(c)
    return None


def corpus_bench_main(doc: str, run: Callable[[Path, bool], dict], needs: str, argv: list[str] | None = None) -> int:
    """`--shared DIR -v`: run a benchmark on the shared corpus and print its figures as JSON (skip without it)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    shared = find_shared(args.shared, needs)
    if shared is None:
        print(json.dumps({"skipped": "shared data not found"}))  # noqa: T201 - a command-line script
        return 0
    print(json.dumps(run(shared, args.verbose), ensure_ascii=False, indent=1))  # noqa: T201
    return 0


def mixed_bench_main(doc: str, run: Callable[[Path | None, bool], dict], needs: str, argv: list[str] | None = None,
                     extra: Callable[[argparse.ArgumentParser], Callable[[argparse.Namespace], bool]] | None = None
                     ) -> int:
    """`--shared DIR -v`: run a benchmark of corpus and invented items and print its figures as JSON; without
    the shared corpus the invented items run alone (said on stderr). `extra` may add options: it returns a
    function that handles them and says whether the run is done."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    handle = extra(ap) if extra else None
    args = ap.parse_args(argv)
    if handle is not None and handle(args):
        return 0
    shared = find_shared(args.shared, needs)
    if shared is None:
        print(f"{Path(sys.argv[0]).stem}: ../shared not found: corpus items skipped, invented items only",  # noqa: T201
              file=sys.stderr)
    print(json.dumps(run(shared, args.verbose), ensure_ascii=False, indent=1))  # noqa: T201
    return 0
