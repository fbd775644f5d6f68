"""Word clusters learned from unlabeled Arabic news, for the NER tagger's features.

Recipe (training time only; needs `gensim` and `scikit-learn`, which the runtime does not):
tokenise every paragraph like ANERcorp (`rasd.ner.tokens`), normalise each token
(`rasd.normalize.normalize_text`), train skip-gram word2vec with a narrow window (so
neighbours share syntax and semantic class: names with names, places with places), then
k-means the unit-length vectors of the most frequent words at several granularities.

The shipped file is a gzipped TSV: `#` comment lines (provenance and attribution), a
`#ks` line naming the granularities, then `word<TAB>id_k1<TAB>id_k2…` for each word of a
frequency-limited vocabulary. Only the cluster map is shipped, never corpus text.

Cluster source: ANT Corpus (Chouigui, Ben Khiroun, Elayeb; Apache-2.0), https://antcorpus.github.io —
A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text Collection for Textual
Classification. AICCSA 2017.
"""
from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.normalize import normalize_text
from rasd.ner.tokens import tokenize

__all__ = [
    "ATTRIBUTION", "ClusterMap", "read_corpus", "train_embeddings", "kmeans_labels",
    "build_clusters", "write_clusters", "load_clusters",
]

ATTRIBUTION = (
    "Derived from the ANT Corpus (Chouigui, Ben Khiroun, Elayeb; Apache-2.0; https://antcorpus.github.io). "
    "Cite: A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text Collection for "
    "Textual Classification. AICCSA 2017."
)


@dataclass(frozen=True)
class ClusterMap:
    """Cluster ids of normalised words at several granularities (`ks[i]` clusters for column i).

    A word's ids are kept as the raw TSV columns until first asked for: parsing all 76k rows at load
    time was most of the tagger's start-up."""

    ks: tuple[int, ...]
    ids: dict[str, tuple[int, ...] | str]

    def get(self, word: str) -> tuple[int, ...] | None:
        value = self.ids.get(word)
        if value.__class__ is str:
            value = tuple(int(x) for x in value.split("\t"))
            self.ids[word] = value
        return value

    def __len__(self) -> int:
        return len(self.ids)


def read_corpus(paths: Iterable[str | os.PathLike]) -> Iterator[list[str]]:
    """Normalised token lists, one per non-empty line (paragraph) of each text file."""
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                toks = tokenize(normalize_text(line))
                if toks:
                    yield toks


def train_embeddings(sentences: list[list[str]], *, dim: int = 100, window: int = 2, min_count: int = 5,
                     epochs: int = 5, negative: int = 10, sample: float = 1e-4, seed: int = 0, workers: int = 1):
    """Skip-gram word2vec (gensim) over the token lists; returns gensim KeyedVectors."""
    from gensim.models import Word2Vec  # training-time dependency only

    model = Word2Vec(
        sentences=sentences, vector_size=dim, window=window, min_count=min_count, sg=1, negative=negative,
        sample=sample, epochs=epochs, seed=seed, workers=workers,
    )
    return model.wv


def kmeans_labels(vectors, ks: Iterable[int], *, seed: int = 0, max_iter: int = 60) -> dict[int, "object"]:
    """k-means (scikit-learn) of L2-normalised rows for each k; returns {k: int array of labels}."""
    import numpy as np
    from sklearn.cluster import KMeans  # training-time dependency only

    x = np.asarray(vectors, dtype=np.float32)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-8)
    out = {}
    for k in ks:
        km = KMeans(n_clusters=k, n_init=1, max_iter=max_iter, random_state=seed, algorithm="lloyd")
        out[k] = km.fit_predict(x)
    return out


def write_clusters(path: str | os.PathLike, words: list[str], labels: dict[int, "object"],
                   comments: Iterable[str] = ()) -> None:
    """Write the gzipped TSV cluster map (deterministic bytes: mtime fixed at 0)."""
    ks = sorted(labels)
    lines = [f"# {c}" for c in (ATTRIBUTION, *comments)]
    lines.append("#ks\t" + "\t".join(str(k) for k in ks))
    cols = [labels[k] for k in ks]
    for i, w in enumerate(words):
        lines.append(w + "\t" + "\t".join(str(int(c[i])) for c in cols))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(data)


def load_clusters(path: str | os.PathLike) -> ClusterMap:
    """Read a cluster map written by `write_clusters` (plain or gzipped)."""
    p = Path(path)
    opener = gzip.open if p.suffix == ".gz" else open
    with opener(p, "rt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")  # one read and one split: half the time of a line loop at start-up
    ks: tuple[int, ...] = ()
    for line in lines:
        if line.startswith("#ks\t"):
            ks = tuple(int(x) for x in line.split("\t")[1:])
    # word -> its columns as written, parsed on first use (ClusterMap.get)
    ids: dict[str, tuple[int, ...] | str] = dict(
        line.split("\t", 1) for line in lines if line and not line.startswith("#") and "\t" in line)
    return ClusterMap(ks, ids)


def build_clusters(corpus_paths: Iterable[str | os.PathLike], out_path: str | os.PathLike, *,
                   ks: Iterable[int] = (64, 256, 1024), max_vocab: int = 150_000, min_count: int = 5,
                   dim: int = 100, window: int = 2, epochs: int = 5, seed: int = 0,
                   vectors_out: str | os.PathLike | None = None) -> dict:
    """Train word2vec on the corpus, cluster the `max_vocab` most frequent words, write the map.

    `vectors_out`, when given, also saves the gensim KeyedVectors (for other training, never shipped).
    Returns a summary dict (vocabulary sizes, corpus token count).
    """
    sentences = list(read_corpus(corpus_paths))
    n_tokens = sum(len(s) for s in sentences)
    wv = train_embeddings(sentences, dim=dim, window=window, min_count=min_count, epochs=epochs, seed=seed)
    del sentences
    if vectors_out is not None:
        wv.save(str(vectors_out))
    words = list(wv.index_to_key[:max_vocab])  # gensim keeps the vocabulary sorted by frequency
    labels = kmeans_labels(wv.vectors[: len(words)], ks, seed=seed)
    write_clusters(out_path, words, labels, comments=(
        f"word2vec skip-gram dim={dim} window={window} min_count={min_count} epochs={epochs} seed={seed}; "
        f"k-means on unit vectors; corpus tokens={n_tokens}; vocabulary={len(wv.index_to_key)}; kept={len(words)}",
    ))
    return {"corpus_tokens": n_tokens, "vocab": len(wv.index_to_key), "kept": len(words), "ks": sorted(ks)}
