"""Rebuild rasd/data/actors/index.bin, the precompiled actor dictionary, from the YAML and TSV sources.

    python scripts/build_actor_index.py

Run it after any change to actors.yaml, persons.yaml, roles.tsv, generic_actors.tsv, nationalities.tsv,
gazetteer/countries.tsv or the code that reads them (a test fails until then; meanwhile rasd builds the
dictionary from the sources at start-up, with the same results, only slower).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rasd.actors.dictionary import read_index, write_index  # noqa: E402


def main() -> int:
    t = time.perf_counter()
    path = write_index()
    if read_index() is None:
        print(f"build_actor_index: {path} was written but does not read back", file=sys.stderr)  # noqa: T201
        return 1
    print(f"wrote {path} ({path.stat().st_size:,} bytes) in {time.perf_counter() - t:.2f} s")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
