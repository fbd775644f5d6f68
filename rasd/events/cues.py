"""Trigger and cue matchers, compiled once from rasd/data/triggers.tsv and rasd/data/cues.tsv."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon import PhraseMatcher, load_tsv

__all__ = ["TriggerEntry", "record_matcher"]


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One row of triggers.tsv: what a matched phrase signals."""

    kind: str  # event | statement | relation
    pattern: str
    type: str  # ACLED event type, statement type or relation type
    sub_type: str | None
    modes: tuple[str, ...]
    role: str  # specific | generic | weak | plural | present | agentive | by_agent (the header of triggers.tsv)
    when: tuple[str, ...] = ()  # conditions on the words around a match (the header of triggers.tsv)


def _trigger_entries() -> list[tuple[str, TriggerEntry]]:
    entries = []
    for row in load_tsv("triggers.tsv"):
        kind, pattern, type_, sub, modes, role, when = row
        entry = TriggerEntry(kind, pattern, type_, None if sub == "-" else sub,
                             () if modes == "-" else tuple(modes.split(",")), role,
                             () if when == "-" else tuple(when.split(",")))
        entries.append((pattern, entry))
    return entries


def _cue_entries() -> list[tuple[str, str]]:
    return [(pattern, cue) for cue, pattern in load_tsv("cues.tsv")]


@cache
def record_matcher() -> PhraseMatcher:
    """Triggers (payload a TriggerEntry) and cues (payload the cue's name) in one pass over the words."""
    return PhraseMatcher(_trigger_entries() + _cue_entries())
