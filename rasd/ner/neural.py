"""A BiLSTM-CRF tagger whose inference runs in numpy alone (training: `rasd.ner.neural_train`, PyTorch).

Each word type is turned once into a fixed vector — frozen word2vec embedding (with a
clitic-stripped back-off), a character CNN, word-cluster embeddings, proclitic / shape /
cue-word embeddings — and cached. A batch of sentences of similar length then costs one input
projection per distinct word, one LSTM loop that runs both directions as a stacked cell (one
matrix product and one tanh per step), a linear layer and a Viterbi decode over CRF transitions.

Model directory: `model.json` (kind "bilstm-crf", vocabularies and sizes) and a `.npz` of weights.
"""
from __future__ import annotations

import os

import numpy as np

from rasd.normalize import normalize_text
from rasd.ner.clusters import load_clusters
from rasd.ner.crf import read_model_meta
from rasd.ner.features import CUE_WORDS, word_shape
from rasd.segment import PROCLITICS, split_proclitics

__all__ = ["NEURAL_VERSION", "WordEncoder", "NeuralTagger", "viterbi_batch"]

NEURAL_VERSION = "bilstm-1"
SHAPES = ("A", "D", "L", "Lc", "P", "M")
CUES = ("", "LOC", "ORG", "PERS")
CLITICS = ("",) + tuple(sorted(PROCLITICS - {""}))
MAX_CHARS = 16


class WordEncoder:
    """Maps a token to the integer inputs of the network (shared by training and inference)."""

    def __init__(self, words: list[str], chars: list[str], clusters=None, cluster_ks: tuple[int, ...] = ()):
        self.words = words
        self.word_index = {w: i + 1 for i, w in enumerate(words)}  # 0: unknown
        self.chars = chars
        self.char_index = {c: i + 2 for i, c in enumerate(chars)}  # 0: padding, 1: unknown
        self.clusters = clusters
        self.cluster_ks = tuple(k for k in cluster_ks if clusters is not None and k in clusters.ks)
        self._cols = [clusters.ks.index(k) for k in self.cluster_ks] if clusters is not None else []
        self.clitic_index = {c: i for i, c in enumerate(CLITICS)}
        self.shape_index = {s: i for i, s in enumerate(SHAPES)}
        self.cue_index = {c: i for i, c in enumerate(CUES)}

    def encode(self, tok: str) -> tuple[int, list[int], list[int], int, int, int, int]:
        """(word id, char ids, cluster ids (+1, 0 = none), clitic id, shape id, cue id, source 0/1/2)."""
        n = normalize_text(tok)
        readings = split_proclitics(n)
        clitic, stem = readings[0] if readings else ("", n)
        wid = self.word_index.get(n, 0)
        source = 1 if wid else 0
        cids = self.clusters.get(n) if self.clusters is not None else None
        if not wid or cids is None:
            for pre, s in readings:
                if not pre:
                    continue
                if not wid and s in self.word_index:
                    wid, source = self.word_index[s], 2
                if cids is None and self.clusters is not None:
                    cids = self.clusters.get(s)
                if wid and (cids is not None or self.clusters is None):
                    break
        cl = [cids[c] + 1 for c in self._cols] if cids is not None else [0] * len(self._cols)
        if len(n) > MAX_CHARS:
            n_chars = n[: MAX_CHARS // 2] + n[-MAX_CHARS // 2:]
        else:
            n_chars = n
        ch = [self.char_index.get(c, 1) for c in n_chars]
        cue = CUE_WORDS.get(n) or CUE_WORDS.get(stem) or ""
        return (wid, ch, cl, self.clitic_index.get(clitic, 0), self.shape_index[word_shape(n)],
                self.cue_index[cue], source)

    def to_json(self) -> dict:
        return {"chars": self.chars, "cluster_ks": list(self.cluster_ks)}


def viterbi_batch(em: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
                  end: np.ndarray) -> list[list[int]]:
    """Best label paths of a padded batch of emission scores em[B, T, K] with CRF transitions[K, K]."""
    b, t_max, k = em.shape
    score = start[None, :] + em[:, 0]
    back = np.zeros((b, t_max, k), dtype=np.int32)
    ar = np.arange(b)
    last_score = np.where((lengths == 1)[:, None], score + end[None, :], 0.0)
    for t in range(1, t_max):
        cand = score[:, :, None] + trans[None, :, :]
        best = cand.argmax(axis=1)
        score_t = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + em[:, t]
        active = (t < lengths)[:, None]
        score = np.where(active, score_t, score)
        back[:, t] = best
        ends_here = (lengths == t + 1)[:, None]
        last_score = np.where(ends_here, score + end[None, :], last_score)
    paths = []
    best_last = last_score.argmax(axis=1)
    for i in range(b):
        n = int(lengths[i])
        y = int(best_last[ar[i]])
        path = [y]
        bi = back[i]
        for t in range(n - 1, 0, -1):
            y = int(bi[t, y])
            path.append(y)
        path.reverse()
        paths.append(path)
    return paths


class NeuralTagger:
    """BiLSTM-CRF tagger (numpy inference). Same interface as `CrfTagger`."""

    _MAX_CACHE = 300_000

    def __init__(self, model_dir: str | os.PathLike):
        d, self.meta = read_model_meta(model_dir)
        self.model_dir = d
        if self.meta.get("neural_version") != NEURAL_VERSION:
            raise ValueError(f"{d / 'model.json'}: not a {NEURAL_VERSION} model")
        w = np.load(d / self.meta["weights_file"])
        self.w = {k: w[k].astype(np.float32) for k in w.files if k != "words"}
        words = [str(x) for x in w["words"]] if "words" in w.files else []
        clusters = load_clusters(d / self.meta["clusters_file"]) if self.meta.get("clusters_file") else None
        enc = self.meta["encoder"]
        self.encoder = WordEncoder(words, enc["chars"], clusters, tuple(enc["cluster_ks"]))
        self.labels: list[str] = self.meta["labels_iob"]
        self.hidden = int(self.meta["hidden"])
        self._prepare_lstm()
        self._cache: dict[str, np.ndarray] = {}
        self.extractor = self  # so speed tools can clear the cache the same way as for the CRF

    # -- word vectors -----------------------------------------------------------------------------
    def clear_cache(self) -> None:
        self._cache.clear()

    def _word_vectors(self, toks: list[str]) -> np.ndarray:
        """Input vectors for distinct tokens (not cached), computed in one batch."""
        w = self.w
        enc = [self.encoder.encode(t) for t in toks]
        n = len(enc)
        parts = [w["word_emb"][[e[0] for e in enc]]]
        # character CNN: embed, 1-D convolution of width 3 (padding 1), ReLU, max over positions
        lmax = max(1, max(len(e[1]) for e in enc))  # a token of marks only normalises to nothing
        ids = np.zeros((n, lmax + 2), dtype=np.int64)
        for i, e in enumerate(enc):
            ids[i, 1:1 + len(e[1])] = e[1]
        ce = w["char_emb"][ids]  # n, lmax+2, C
        win = np.concatenate([ce[:, :-2], ce[:, 1:-1], ce[:, 2:]], axis=2)  # n, lmax, 3C
        conv = win @ w["char_conv_w"] + w["char_conv_b"]
        mask = np.zeros((n, lmax, 1), dtype=bool)
        for i, e in enumerate(enc):
            mask[i, : max(1, len(e[1]))] = True
        conv = np.where(mask, np.maximum(conv, 0.0), 0.0)
        parts.append(conv.max(axis=1))
        for j in range(len(self.encoder.cluster_ks)):
            parts.append(w[f"cluster_emb{j}"][[e[2][j] for e in enc]])
        parts.append(w["clitic_emb"][[e[3] for e in enc]])
        parts.append(w["shape_emb"][[e[4] for e in enc]])
        parts.append(w["cue_emb"][[e[5] for e in enc]])
        parts.append(w["source_emb"][[e[6] for e in enc]])
        return np.concatenate(parts, axis=1).astype(np.float32)

    def _inputs(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(vectors of the distinct tokens [U, D], index of each token's row [N])."""
        cache = self._cache
        rows: dict[str, int] = {}
        inverse = np.fromiter((rows.setdefault(t, len(rows)) for t in tokens), dtype=np.int64, count=len(tokens))
        missing = [t for t in rows if t not in cache]
        if missing:
            if len(cache) + len(missing) > self._MAX_CACHE:
                cache.clear()
                missing = list(rows)
            vecs = self._word_vectors(missing)
            for t, v in zip(missing, vecs):
                cache[t] = v
        return np.stack([cache[t] for t in rows]), inverse

    # -- network ----------------------------------------------------------------------------------
    def _prepare_lstm(self) -> None:
        """Both LSTM directions as one stacked cell, gates reordered to (i, f, o, g) and the sigmoid
        gates' weights halved, so one tanh per step gives all four gates (sigmoid(x) = (1 + tanh(x/2)) / 2)."""
        w, hsz = self.w, self.hidden
        order = np.r_[0:2 * hsz, 3 * hsz:4 * hsz, 2 * hsz:3 * hsz]
        scale = np.r_[np.full(3 * hsz, 0.5), np.ones(hsz)].astype(np.float32)
        self._wih = np.concatenate([w[f"lstm_wih_{d}"][order] * scale[:, None] for d in "fb"]).T.copy()  # D, 8H
        self._bih = np.concatenate([w[f"lstm_b_{d}"][order] * scale for d in "fb"])
        self._whh = np.stack([(w[f"lstm_whh_{d}"][order] * scale[:, None]).T for d in "fb"])  # 2, H, 4H
        self._out_f = np.ascontiguousarray(w["out_w"][:, :hsz].T)
        self._out_b = np.ascontiguousarray(w["out_w"][:, hsz:].T)

    def _lstm(self, x: np.ndarray) -> np.ndarray:
        """Run both directions at once over x[2, B, T, 4H] (already projected; the backward one reversed)."""
        _, b, t_max, _ = x.shape
        hsz = self.hidden
        h = np.zeros((2, b, hsz), dtype=np.float32)
        c = np.zeros((2, b, hsz), dtype=np.float32)
        out = np.empty((2, b, t_max, hsz), dtype=np.float32)
        whh = self._whh
        for t in range(t_max):
            g = np.tanh(x[:, :, t] + np.matmul(h, whh))
            sig = 0.5 * g[..., :3 * hsz] + 0.5
            c = sig[..., hsz:2 * hsz] * c + sig[..., :hsz] * g[..., 3 * hsz:]
            h = sig[..., 2 * hsz:] * np.tanh(c)
            out[:, :, t] = h
        return out

    def _emissions(self, sents: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """CRF emission scores [B, T, K] of a batch of sentences, and their lengths."""
        w = self.w
        lengths = np.array([len(s) for s in sents])
        x, inverse = self._inputs([t for s in sents for t in s])
        xp = x @ self._wih + self._bih  # distinct tokens only: U, 8H
        four = 4 * self.hidden
        offs = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        t_max = int(lengths.max())
        steps = np.arange(t_max)
        valid = steps[None, :] < lengths[:, None]
        fidx = inverse[np.where(valid, offs[:, None] + steps[None, :], 0)]
        bidx = inverse[np.where(valid, offs[:, None] + lengths[:, None] - 1 - steps[None, :], 0)]
        h = self._lstm(np.stack([xp[fidx, :four], xp[bidx, four:]]))
        # put backward states back in forward order
        rev = np.where(valid, lengths[:, None] - 1 - steps[None, :], 0)
        hb = np.take_along_axis(h[1], rev[:, :, None], axis=1)
        return h[0] @ self._out_f + hb @ self._out_b + w["out_b"], lengths

    def _tag_batch(self, sents: list[list[str]]) -> list[list[str]]:
        w = self.w
        em, lengths = self._emissions(sents)
        paths = viterbi_batch(em, lengths, w["crf_trans"], w["crf_start"], w["crf_end"])
        labels = self.labels
        return [[labels[y] for y in p] for p in paths]

    def tag_sentences(self, sentences: list[list[str]], batch_tokens: int = 4000) -> list[list[str]]:
        """IOB2 labels for each token list (sentences of similar length are batched together)."""
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        batch: list[int] = []
        size = 0
        for i in order:
            n = len(sentences[i])
            if batch and (size + n > batch_tokens or n > 2 * len(sentences[batch[0]]) + 8):
                for j, lab in zip(batch, self._tag_batch([sentences[j] for j in batch])):
                    out[j] = lab
                batch, size = [], 0
            batch.append(i)
            size += n
        if batch:
            for j, lab in zip(batch, self._tag_batch([sentences[j] for j in batch])):
                out[j] = lab
        return out

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        return self.tag_sentences([list(tokens)])[0] if tokens else []

    def tag(self, text: str, *, consistency: bool = True):
        """Entities in raw text, with character offsets into `text` (the text is one document)."""
        from rasd.ner.crf import tag_text

        return tag_text(self, text, consistency=consistency)
