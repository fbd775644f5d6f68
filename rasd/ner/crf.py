"""The CRF tagger: a crfsuite model plus the feature extractor it was trained with.

A model directory holds `model.json` (metadata: feature version and configuration, file
names, scores), the crfsuite model file and the word-cluster map it needs.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from rasd.compiled import Compiled
from rasd.ner.clusters import load_clusters
from rasd.ner.evaluate import iob_spans
from rasd.ner.features import FEATURE_VERSION, FeatureConfig, FeatureExtractor
from rasd.ner.tokens import token_spans
from rasd.segment import sentence_spans

__all__ = ["Entity", "CrfTagger", "DEFAULT_MODEL_DIR", "LABELS", "tag_text"]

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"
LABELS = ("PERS", "ORG", "LOC", "MISC")


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: `text == source[start:end]` (character offsets into the tagged text)."""

    start: int
    end: int
    label: str
    text: str


def _model_attributes(tagger: pycrfsuite.Tagger) -> frozenset[str]:
    """Every attribute the model holds, from the ATTRIBUTES block of crfsuite's own dump.

    `Tagger.info()` parses the whole dump in Python (0.7 s for the shipped model); reading the one block
    we need takes a twentieth of that."""
    import tempfile

    fd, path = tempfile.mkstemp(suffix=".dump")
    os.close(fd)
    try:
        tagger.dump(path)
        with open(path, encoding="utf-8") as fh:
            dump = fh.read()
    finally:
        os.unlink(path)
    start = dump.index("ATTRIBUTES = {")
    block = dump[start:dump.index("\n}", start)]
    return frozenset(line.split(": ", 1)[1] for line in block.splitlines()[1:])


def _start_data(d: Path, meta: dict, tagger: pycrfsuite.Tagger) -> tuple:
    """What the feature extractor needs besides the model: the word clusters and the attributes that have a
    weight in the model (all others are dropped before crfsuite sees them)."""
    clusters_file = meta.get("clusters_file")
    clusters = load_clusters(d / clusters_file) if clusters_file else None
    return clusters, _model_attributes(tagger)


def _shipped_start_data() -> tuple:
    d, meta = read_model_meta(FAST_MODEL_DIR)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(d / meta["crf_file"]))
    return _start_data(d, meta, tagger)


FAST_MODEL_DIR = DEFAULT_MODEL_DIR / "fast"
# For the shipped fast model, clusters and attribute list precompiled (rasd.compiled): 0.02 s instead of 0.13 s
# of its start-up. Any other model folder is read from its files.
FAST_START = Compiled(
    "ner/fast/start.bin",
    sources=("ner/fast/model.json", "ner/fast/fast.crfsuite", "ner/clusters.tsv.gz"),
    code=("ner/crf.py", "ner/clusters.py", "compiled.py"),
    build=_shipped_start_data,
    kind=tuple,
)


def read_model_meta(model_dir: str | os.PathLike) -> tuple[Path, dict]:
    """A model's folder (given the folder or its model.json) and the metadata in its model.json."""
    d = Path(model_dir)
    if d.is_file():
        d = d.parent
    with open(d / "model.json", encoding="utf-8") as fh:
        return d, json.load(fh)


class CrfTagger:
    """Tags tokens with IOB2 labels (PERS, ORG, LOC, MISC) and raw text with entity spans."""

    def __init__(self, model_dir: str | os.PathLike):
        d, self.meta = read_model_meta(model_dir)
        self.model_dir = d
        version = self.meta.get("feature_version")
        if version != FEATURE_VERSION:
            raise ValueError(f"{d / 'model.json'}: feature version {version!r} is not {FEATURE_VERSION!r}; "
                             "retrain the model (rasd ner train)")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(d / self.meta["crf_file"]))
        shipped = FAST_START.read() if d.resolve() == FAST_MODEL_DIR else None
        clusters, known = shipped if shipped is not None else _start_data(d, self.meta, self._tagger)
        self.extractor = FeatureExtractor(FeatureConfig.from_json(self.meta.get("feature_config", {})), clusters,
                                          known)

    def clear_cache(self) -> None:
        """Forget the per-word feature cache (for cold-start speed measurements)."""
        self.extractor._cache.clear()

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        """IOB2 labels for one sentence of tokens."""
        if not tokens:
            return []
        return self._tagger.tag(pycrfsuite.ItemSequence(self.extractor.sentence(tokens)))

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 labels for each of several token lists."""
        tagger = self._tagger
        feats = self.extractor.sentence
        item_seq = pycrfsuite.ItemSequence
        return [tagger.tag(item_seq(feats(s))) if s else [] for s in sentences]

    def tag(self, text: str, *, consistency: bool = True) -> list[Entity]:
        """Entities in raw text, with character offsets into `text` (the text is one document)."""
        return tag_text(self, text, consistency=consistency)


def tag_text(tagger, text: str, *, consistency: bool = True,
             sentences: list[tuple[int, int]] | None = None) -> list[Entity]:
    """Entities of raw text with any tagger that has `tag_sentences`: sentences (given, or found here) and
    ANERcorp-style tokens as character spans, then (with `consistency`) the document second pass of
    `rasd.ner.consistency`."""
    from rasd.ner.consistency import propagate

    sent_spans: list[list[tuple[int, int]]] = []
    sents: list[list[str]] = []
    for s_start, s_end in sentence_spans(text) if sentences is None else sentences:
        spans = token_spans(text, s_start, s_end)
        if spans:
            sent_spans.append(spans)
            sents.append([text[a:b] for a, b in spans])
    labels = tagger.tag_sentences(sents)
    if consistency:
        labels = propagate(sents, labels)
    out: list[Entity] = []
    for spans, labs in zip(sent_spans, labels):
        for typ, i, j in iob_spans(labs):
            start, end = spans[i][0], spans[j - 1][1]
            out.append(Entity(start, end, typ, text[start:end]))
    return out
