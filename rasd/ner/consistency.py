"""Document consistency: a name tagged once in a document is tagged wherever it recurs there.

A second pass over the tagged sentences of one document: every entity string (its normalised
tokens, a leading proclitic allowed on the first one) found by the tagger is looked for again
in the document's untagged tokens, and each occurrence made of `O` tokens takes the entity's
type (the majority type when the tagger gave several). Strings of one token are only spread
when they are not frequent function words (a small stop list and a minimum length).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from rasd.normalize import normalize_text
from rasd.ner.evaluate import iob_spans
from rasd.segment import split_proclitics

__all__ = ["propagate"]

_STOP = frozenset(normalize_text(w) for w in (
    "في من على الى إلى عن مع ان أن إن هذا هذه ذلك التي الذي قال وقال كما او أو ثم بعد قبل عام يوم"
).split())


def _key(tokens: list[str]) -> tuple[str, ...]:
    return tuple(normalize_text(t) for t in tokens)


def propagate(sentences: list[list[str]], labels: list[list[str]], *, min_chars: int = 3,
              max_len: int = 4) -> list[list[str]]:
    """Labels after spreading each document entity to its untagged repetitions (a new list)."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for toks, labs in zip(sentences, labels):
        for typ, i, j in iob_spans(labs):
            if j - i > max_len:
                continue
            key = _key(toks[i:j])
            if len(key) == 1 and (len(key[0]) < min_chars or key[0] in _STOP):
                continue
            votes[key][typ] += 1
    if not votes:
        return [list(x) for x in labels]
    best = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in best:
        by_first[k[0]].append(k)
    for ks in by_first.values():
        ks.sort(key=len, reverse=True)
    out = []
    for toks, labs in zip(sentences, labels):
        labs = list(labs)
        norm = _key(toks)
        i = 0
        n = len(toks)
        while i < n:
            if labs[i] != "O":
                i += 1
                continue
            firsts = [norm[i]] + [s for p, s in split_proclitics(norm[i]) if p]
            done = False
            for first in firsts:
                for k in by_first.get(first, ()):
                    j = i + len(k)
                    if j <= n and norm[i + 1:j] == k[1:] and all(x == "O" for x in labs[i:j]) \
                            and (j == n or labs[j] == "O" or labs[j].startswith("B-")):
                        typ = best[k]
                        labs[i] = "B-" + typ
                        for m in range(i + 1, j):
                            labs[m] = "I-" + typ
                        i = j
                        done = True
                        break
                if done:
                    break
            if not done:
                i += 1
        out.append(labs)
    return out
