"""CoNLL entity-level evaluation over IOB2 tags: exact-match spans, per type and micro-averaged.

A predicted entity counts only when its type, first and last token all equal a gold entity's.
Chunks are read as conlleval does: an `I-X` that follows `O`, the end of the sentence or a
different type starts a new entity (it is not dropped); `B-X` always starts one.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence

__all__ = ["iob_spans", "score", "read_conll", "format_scores"]

Span = tuple[str, int, int]  # (type, first token, last token + 1)


def iob_spans(tags: Sequence[str]) -> list[Span]:
    """Entity spans of one IOB2 tag sequence, read the way conlleval reads them."""
    spans: list[Span] = []
    cur_type: str | None = None
    cur_start = 0
    for i, tag in enumerate(tags):
        if tag == "O" or not tag or len(tag) < 2 or tag[1] != "-":
            prefix, typ = "O", None
        else:
            prefix, typ = tag[0], tag[2:]
        if cur_type is not None and (prefix in ("O", "B", "S") or typ != cur_type):
            spans.append((cur_type, cur_start, i))
            cur_type = None
        if prefix in ("B", "S") or (prefix in ("I", "E") and cur_type is None):
            cur_type, cur_start = typ, i
    if cur_type is not None:
        spans.append((cur_type, cur_start, len(tags)))
    return spans


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": n_gold, "predicted": n_pred, "correct": tp}


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict:
    """Entity-level P/R/F1 for paired tag sequences (sentences).

    Returns {"per_type": {TYPE: {precision, recall, f1, support, predicted, correct}}, "micro": {...},
    "tokens": n, "token_accuracy": a}.
    """
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    tokens = right = 0
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sentence lengths differ: gold {len(g)} vs predicted {len(p)}")
        tokens += len(g)
        right += sum(a == b for a, b in zip(g, p))
        gs = set(iob_spans(g))
        ps = set(iob_spans(p))
        for s in gs:
            n_gold[s[0]] += 1
        for s in ps:
            n_pred[s[0]] += 1
        for s in gs & ps:
            tp[s[0]] += 1
    types = sorted(set(n_gold) | set(n_pred))
    per_type = {t: _prf(tp[t], n_pred[t], n_gold[t]) for t in types}
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {"per_type": per_type, "micro": micro, "tokens": tokens,
            "token_accuracy": right / tokens if tokens else 0.0}


def read_conll(path: str | os.PathLike) -> list[tuple[list[str], list[str]]]:
    """Sentences of a `token TAG` file (blank line between sentences) as (tokens, tags) pairs.

    The tag is the last whitespace-separated field; lines without one are skipped.
    """
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            if len(parts) < 2 or parts[0].startswith("-DOCSTART-"):
                continue
            toks.append(parts[0])
            tags.append(parts[-1])
    if toks:
        sents.append((toks, tags))
    return sents


def format_scores(result: dict) -> str:
    """A small text table of a `score` result, ending with the line `micro-F1 0.xxx`."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for t, s in result["per_type"].items():
        lines.append(f"{t:<6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:8d}")
    m = result["micro"]
    lines.append(f"{'micro':<6} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['support']:8d}")
    lines.append(f"micro-F1 {m['f1']:.3f}")
    return "\n".join(lines)
