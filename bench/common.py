"""What the benchmark scripts share: finding ../shared."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def find_shared(explicit: str | None, needs: str) -> Path | None:
    """The shared folder holding `needs` (a relative path): --shared, then $RASD_SHARED, then ../shared."""
    cands = [explicit] if explicit else [os.environ.get("RASD_SHARED"), str(ROOT.parent / "shared")]
    for c in cands:
        if c and (Path(c) / needs).exists():
            return Path(c)
    return None
