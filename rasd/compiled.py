"""Precompiled resources: a built object pickled into the package, used only while its sources are unchanged.

Some resources cost more to build from their data files than rasd's start-up budget allows (the actor
dictionary from YAML, the gazetteer from its tables). Their build scripts pickle the built object behind a
SHA-256 digest of every data file and module it was built from; at start-up the digest is recomputed and the
pickle is used only when it matches. A stale or unreadable file is never used: the object is then built from
the sources, with the same result, only slower, and a test fails until the file is rebuilt.
"""
from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Compiled"]

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"


@dataclass(frozen=True)
class Compiled:
    """One precompiled resource: where it is stored, what it is built from, and how to build it."""

    path: str  # under rasd/data/
    sources: tuple[str, ...]  # data files under rasd/data/ (a missing one counts as such)
    code: tuple[str, ...]  # modules under rasd/ whose code turns the sources into the object
    build: Callable[[], Any]
    kind: type | None = None  # the type the stored object must have

    def digest(self) -> str:
        h = hashlib.sha256(f"py{pickle.HIGHEST_PROTOCOL}".encode())
        for name in self.sources:
            path = DATA / name
            h.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
        for name in self.code:
            h.update(name.encode() + b"\0" + (PACKAGE / name).read_bytes() + b"\0")
        return h.hexdigest()

    def write(self) -> Path:
        """Build the object from its sources and store it (the build scripts call this)."""
        target = DATA / self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        payload = zlib.compress(pickle.dumps(self.build(), protocol=pickle.HIGHEST_PROTOCOL), 6)
        target.write_bytes(self.digest().encode() + b"\n" + payload)
        return target

    def read(self) -> Any | None:
        """The stored object when it was built from the current sources, else None."""
        path = DATA / self.path
        if not path.is_file():
            return None
        head, _, payload = path.read_bytes().partition(b"\n")
        if head.decode("ascii", "replace") != self.digest():
            return None
        try:
            built = pickle.loads(zlib.decompress(payload))  # noqa: S301 - our own file, checked against its sources
        except Exception:  # noqa: BLE001 - written by another Python or pickle version: build instead
            return None
        return built if self.kind is None or isinstance(built, self.kind) else None

    def load(self) -> Any:
        """The stored object if current, else one built now."""
        built = self.read()
        return built if built is not None else self.build()
