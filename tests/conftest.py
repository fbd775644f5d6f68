"""Shared fixtures. Tests that need ../shared use `shared_dir` and skip when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "fixtures" / "seed" / "article.txt").is_file():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "fixtures" / "seed" / "article.txt").read_text(encoding="utf-8")


def iter_spans(obj, path="record"):
    """Every {"text", "start", "end"} span inside a record, with where it was found."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int) and isinstance(obj.get("text"), str):
            yield path, obj
        for k, v in obj.items():
            yield from iter_spans(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from iter_spans(v, f"{path}[{i}]")
