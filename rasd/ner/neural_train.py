"""Training the BiLSTM-CRF tagger with PyTorch on one CPU core; the result runs in numpy (`rasd.ner.neural`).

Training-time dependencies only: torch, gensim (to read the word2vec vectors). The dev split is
the last `dev_fraction` of the training sentences; the epoch with the best dev micro-F1 is kept
(the test files are only scored for the report).
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import random
import shutil
import time
from pathlib import Path

import numpy as np

from rasd.ner.clusters import ATTRIBUTION, load_clusters
from rasd.ner.evaluate import read_conll, score
from rasd.ner.neural import CLITICS, CUES, NEURAL_VERSION, SHAPES, NeuralTagger, WordEncoder
from rasd.ner.train import _summary, sha256_file, split_dev

__all__ = ["train_neural", "pretrain_lm"]

LABELS_IOB = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


def _build_net(torch, nn, emb: np.ndarray, n_chars: int, cluster_sizes: list[int], hidden: int, n_labels: int,
               char_dim: int, char_filters: int, cl_dim: int, dropout: float, finetune: bool):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.word_emb = nn.Embedding.from_pretrained(torch.tensor(emb), freeze=not finetune)
            self.char_emb = nn.Embedding(n_chars + 2, char_dim, padding_idx=0)
            self.char_conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
            self.cluster_embs = nn.ModuleList(nn.Embedding(k + 1, cl_dim) for k in cluster_sizes)
            self.clitic_emb = nn.Embedding(len(CLITICS), 8)
            self.shape_emb = nn.Embedding(len(SHAPES), 4)
            self.cue_emb = nn.Embedding(len(CUES), 4)
            self.source_emb = nn.Embedding(3, 4)
            d_in = emb.shape[1] + char_filters + cl_dim * len(cluster_sizes) + 8 + 4 + 4 + 4
            self.drop = nn.Dropout(dropout)
            self.lstm = nn.LSTM(d_in, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, n_labels)
            self.trans = nn.Parameter(torch.zeros(n_labels, n_labels))
            self.start = nn.Parameter(torch.zeros(n_labels))
            self.end = nn.Parameter(torch.zeros(n_labels))

        def emissions(self, b):
            return self.out(self.drop(_encode_only(self, nn, torch, b)))

        def nll(self, em, tags, lengths):
            bsz, t, k = em.shape
            mask = torch.arange(t)[None, :] < lengths[:, None]
            # gold path score
            ar = torch.arange(bsz)
            gold = self.start[tags[:, 0]] + em[ar, 0, tags[:, 0]]
            for i in range(1, t):
                m = mask[:, i]
                s = self.trans[tags[:, i - 1], tags[:, i]] + em[ar, i, tags[:, i]]
                gold = gold + s * m
            last = tags[ar, lengths - 1]
            gold = gold + self.end[last]
            # partition function
            alpha = self.start[None, :] + em[:, 0]
            for i in range(1, t):
                nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None, :, :], dim=1) + em[:, i]
                alpha = torch.where(mask[:, i:i + 1], nxt, alpha)
            logz = torch.logsumexp(alpha + self.end[None, :], dim=1)
            return (logz - gold).sum()

    return Net()


def _make_encoder(train, words: list[str], cmap, cluster_ks) -> WordEncoder:
    """The word encoder: character vocabulary = characters seen at least twice in the training words."""
    from collections import Counter

    from rasd.normalize import normalize_text

    cc = Counter(c for toks, _ in train for t in toks for c in normalize_text(t))
    chars = sorted(c for c, n in cc.items() if n >= 2)
    return WordEncoder(words, chars, cmap, tuple(cluster_ks))


def _load_vectors(vectors, max_vocab):
    from gensim.models import KeyedVectors

    kv = KeyedVectors.load(str(vectors))
    words = list(kv.index_to_key[:max_vocab] if max_vocab else kv.index_to_key)
    vec = kv.vectors[: len(words)].astype(np.float32)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-8)
    return words, np.concatenate([np.zeros((1, vec.shape[1]), np.float32), vec])


def pretrain_lm(train_path, corpus_paths, vectors, clusters, out_file, *, target_k: int = 2048,
                max_tokens: int = 4_000_000, max_len: int = 60, seed: int = 0, dev_fraction: float = 0.1,
                cluster_ks: tuple[int, ...] = (256, 1024), hidden: int = 100, batch_size: int = 32,
                lr: float = 2e-3, dropout: float = 0.3, char_dim: int = 32, char_filters: int = 64,
                cl_dim: int = 16, max_vocab: int | None = None, log=None) -> dict:
    """Pretrain the tagger's encoder on unlabeled text: the forward LSTM predicts the word cluster
    (k = `target_k`) of the next word, the backward LSTM that of the previous word. Saves a torch
    state dict usable as `train_neural(init=...)` (same sizes needed)."""
    import torch
    from torch import nn

    from rasd.ner.clusters import read_corpus

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    words, emb = _load_vectors(vectors, max_vocab)
    cmap = load_clusters(clusters)
    train, _ = split_dev(read_conll(train_path), dev_fraction)
    enc = _make_encoder(train, words, cmap, cluster_ks)
    tcol = cmap.ks.index(target_k)
    net = _build_net(torch, nn, emb, len(enc.chars), list(enc.cluster_ks), hidden, len(LABELS_IOB),
                     char_dim, char_filters, cl_dim, dropout, False)
    head_f = nn.Linear(hidden, target_k)
    head_b = nn.Linear(hidden, target_k)
    params = [p for p in net.parameters() if p.requires_grad] + list(head_f.parameters()) + list(head_b.parameters())
    opt = torch.optim.Adam(params, lr=lr)
    cache: dict = {}
    n_cl = len(enc.cluster_ks)
    seqs = []
    total_tok = 0
    for toks in read_corpus(corpus_paths):
        for a in range(0, len(toks), max_len):
            chunk = toks[a:a + max_len]
            if len(chunk) < 3:
                continue
            rows = []
            tg = []
            for t in chunk:
                e = cache.get(t)
                if e is None:
                    e = cache[t] = enc.encode(t)
                rows.append(e)
                c = cmap.get(t)
                tg.append(c[tcol] if c is not None else -100)
            seqs.append((rows, tg))
            total_tok += len(chunk)
    rng.shuffle(seqs)  # a random sample of the whole corpus (all sources), about max_tokens long
    kept, total_tok = [], 0
    for sq in seqs:
        if total_tok >= max_tokens:
            break
        kept.append(sq)
        total_tok += len(sq[0])
    seqs = kept
    order = sorted(range(len(seqs)), key=lambda i: (len(seqs[i][0]), rng.random()))
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    ce = nn.CrossEntropyLoss(ignore_index=-100)
    net.train()
    t0 = time.perf_counter()
    running = 0.0
    for bi, bidx in enumerate(batches):
        xb, yb = _collate(torch, [seqs[i] for i in bidx], n_cl, 0.0, rng)
        h = _encode_only(net, nn, torch, xb)
        y = yb.clone()
        mask = torch.arange(y.shape[1])[None, :] < xb[-1][:, None]
        y[~mask] = -100
        hf, hb = h[:, :-1, :hidden], h[:, 1:, hidden:]
        loss = ce(head_f(net.drop(hf)).reshape(-1, target_k), y[:, 1:].reshape(-1)) + \
            ce(head_b(net.drop(hb)).reshape(-1, target_k), y[:, :-1].reshape(-1))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(params, 5.0)
        opt.step()
        running = 0.98 * running + 0.02 * float(loss.detach()) if bi else float(loss.detach())
        if log is not None and bi % 200 == 0:
            log({"batch": bi, "of": len(batches), "loss": round(running, 4),
                 "seconds": round(time.perf_counter() - t0, 1)})
    torch.save(net.state_dict(), str(out_file))
    return {"sequences": len(seqs), "tokens": total_tok, "batches": len(batches), "loss": running,
            "seconds": round(time.perf_counter() - t0, 1)}


def _encode_only(net, nn, torch, b):
    """The BiLSTM outputs (B, T, 2H) of a batch, without the output layer."""
    wid, chars, cl, clit, shape, cue, src, lengths = b
    bsz, t = wid.shape
    ce = net.char_emb(chars.view(bsz * t, -1)).transpose(1, 2)
    conv = torch.relu(net.char_conv(ce))
    mask = (chars.view(bsz * t, -1) > 0).unsqueeze(1)
    conv = (conv * mask).max(dim=2).values.view(bsz, t, -1)
    parts = [net.word_emb(wid), conv]
    parts += [e(cl[:, :, j]) for j, e in enumerate(net.cluster_embs)]
    parts += [net.clitic_emb(clit), net.shape_emb(shape), net.cue_emb(cue), net.source_emb(src)]
    x = net.drop(torch.cat(parts, dim=2))
    packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    h, _ = net.lstm(packed)
    h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=t)
    return h


def _encode_sents(enc: WordEncoder, sents, label_index, cache: dict):
    out = []
    for toks, tags in sents:
        rows = []
        for t in toks:
            e = cache.get(t)
            if e is None:
                e = cache[t] = enc.encode(t)
            rows.append(e)
        out.append((rows, [label_index[x] for x in tags]))
    return out


def _collate(torch, batch, n_cl: int, word_dropout: float, rng: random.Random):
    bsz = len(batch)
    t = max(len(r) for r, _ in batch)
    lc = max(1, max(len(e[1]) for r, _ in batch for e in r))
    wid = np.zeros((bsz, t), dtype=np.int64)
    chars = np.zeros((bsz, t, lc), dtype=np.int64)
    cl = np.zeros((bsz, t, max(n_cl, 1)), dtype=np.int64)
    small = np.zeros((4, bsz, t), dtype=np.int64)
    tags = np.zeros((bsz, t), dtype=np.int64)
    lengths = np.zeros(bsz, dtype=np.int64)
    for i, (rows, y) in enumerate(batch):
        lengths[i] = len(rows)
        tags[i, : len(y)] = y
        for j, e in enumerate(rows):
            w = e[0]
            if word_dropout and rng.random() < word_dropout:
                w = 0
            wid[i, j] = w
            chars[i, j, : len(e[1])] = e[1]
            if n_cl:
                cl[i, j, :n_cl] = e[2]
            small[:, i, j] = (e[3], e[4], e[5], e[6] if w else 0)
    tt = torch.from_numpy
    return (tt(wid), tt(chars), tt(cl), tt(small[0]), tt(small[1]), tt(small[2]), tt(small[3]), tt(lengths)), tt(tags)


def _export(net, enc: WordEncoder, out_dir: Path, meta: dict, emb_f16: bool = True) -> None:
    sd = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items()}
    w: dict[str, np.ndarray] = {}
    we = sd["word_emb.weight"]
    w["word_emb"] = we.astype(np.float16) if emb_f16 else we
    w["words"] = np.array(enc.words)
    w["char_emb"] = sd["char_emb.weight"]
    cw = sd["char_conv.weight"]  # F, C, 3
    w["char_conv_w"] = np.ascontiguousarray(cw.transpose(2, 1, 0).reshape(-1, cw.shape[0]))
    w["char_conv_b"] = sd["char_conv.bias"]
    for j in range(len(enc.cluster_ks)):
        w[f"cluster_emb{j}"] = sd[f"cluster_embs.{j}.weight"]
    for name in ("clitic", "shape", "cue", "source"):
        w[f"{name}_emb"] = sd[f"{name}_emb.weight"]
    for sfx, tsfx in (("f", ""), ("b", "_reverse")):
        w[f"lstm_wih_{sfx}"] = sd[f"lstm.weight_ih_l0{tsfx}"]
        w[f"lstm_whh_{sfx}"] = sd[f"lstm.weight_hh_l0{tsfx}"]
        w[f"lstm_b_{sfx}"] = sd[f"lstm.bias_ih_l0{tsfx}"] + sd[f"lstm.bias_hh_l0{tsfx}"]
    w["out_w"] = sd["out.weight"]
    w["out_b"] = sd["out.bias"]
    w["crf_trans"] = sd["trans"]
    w["crf_start"] = sd["start"]
    w["crf_end"] = sd["end"]
    out_dir.mkdir(parents=True, exist_ok=True)
    w = {k: (v.astype(np.float32) if v.dtype == np.float64 else v) for k, v in w.items()}
    np.savez_compressed(out_dir / meta["weights_file"], **w)
    with open(out_dir / "model.json", "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def train_neural(train_path: str | os.PathLike, out_dir: str | os.PathLike, vectors: str | os.PathLike,
                 clusters: str | os.PathLike | None, *, seed: int = 0, dev_fraction: float = 0.1,
                 cluster_ks: tuple[int, ...] = (256, 1024), hidden: int = 100, epochs: int = 30,
                 batch_size: int = 16, lr: float = 2e-3, dropout: float = 0.5, word_dropout: float = 0.05,
                 char_dim: int = 32, char_filters: int = 64, cl_dim: int = 16, max_vocab: int | None = None,
                 finetune: bool = False, test_paths: dict | None = None, log=None, name: str = "bilstm",
                 init: str | os.PathLike | None = None, extra_train: list | None = None,
                 lr_decay: float = 0.0, average_from: int | None = None, train_on_dev: bool = False) -> dict:
    """Train and export the numpy model into `out_dir`; returns the metadata.

    Without `average_from` the epoch with the best dev micro-F1 is kept. With it, the model is the
    mean of the weights after each epoch from `average_from` to `epochs` (stochastic weight
    averaging): no choice is made on dev, which smooths the epoch-to-epoch noise of the dev score,
    and makes `train_on_dev` (fit on train + dev, with the schedule chosen earlier on dev) possible.
    """
    import torch
    from torch import nn
    t_start = time.perf_counter()
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    words, emb = _load_vectors(vectors, max_vocab)
    cmap = load_clusters(clusters) if clusters is not None else None
    sents = read_conll(train_path)
    train, dev = split_dev(sents, dev_fraction)
    enc = _make_encoder(train, words, cmap, cluster_ks)
    chars = enc.chars
    label_index = {lab: i for i, lab in enumerate(LABELS_IOB)}
    cache: dict = {}
    if average_from is not None and not 1 <= average_from <= epochs:
        raise ValueError(f"average_from must be an epoch in 1..{epochs}")
    if train_on_dev and not average_from:
        raise ValueError("train_on_dev needs a fixed schedule (average_from): no epoch can be chosen on dev")
    fit = train + (dev if train_on_dev else []) + list(extra_train or [])
    tr = _encode_sents(enc, fit, label_index, cache)
    n_cl = len(enc.cluster_ks)
    net = _build_net(torch, nn, emb, len(chars), [k for k in enc.cluster_ks], hidden, len(LABELS_IOB),
                     char_dim, char_filters, cl_dim, dropout, finetune)
    if init is not None:  # encoder pretrained as a language model (see pretrain_lm); output layer and CRF fresh
        state = torch.load(str(init), map_location="cpu")
        own = net.state_dict()
        net.load_state_dict({k: v for k, v in state.items() if k in own and own[k].shape == v.shape
                             and not k.startswith(("out.", "trans", "start", "end"))}, strict=False)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=lr)
    weights_file = f"{name}.npz"
    meta: dict = {
        "name": name, "kind": "bilstm-crf", "neural_version": NEURAL_VERSION, "feature_version": NEURAL_VERSION,
        "weights_file": weights_file,
        "clusters_file": "clusters.tsv.gz" if clusters is not None else None, "labels_iob": LABELS_IOB,
        "labels": ["PERS", "ORG", "LOC", "MISC"], "tagging": "IOB2", "hidden": hidden,
        "encoder": enc.to_json(),
        "hyper": {"epochs": epochs, "batch_size": batch_size, "lr": lr, "dropout": dropout,
                  "word_dropout": word_dropout, "lr_decay": lr_decay, "char_dim": char_dim,
                  "char_filters": char_filters,
                  "cl_dim": cl_dim, "vocab": len(words), "finetune": finetune, "optimizer": "adam",
                  "grad_clip": 5.0, "average_from": average_from, "train_on_dev": train_on_dev},
        "training_data": {"file": Path(train_path).name, "sha256": sha256_file(train_path),
                          "sentences": len(sents), "tokens": sum(len(t) for t, _ in sents)},
        "dev": {"fraction": dev_fraction, "split": "last sentences", "sentences": len(dev),
                "in_training": train_on_dev},
        "seed": seed,
        "clusters": ({"sha256": sha256_file(clusters), "ks": list(cmap.ks), "attribution": ATTRIBUTION}
                     if cmap is not None else None),
        "embeddings": {"source": "word2vec skip-gram on the ANT corpus", "attribution": ATTRIBUTION},
    }
    if clusters is not None and Path(clusters).resolve() != (out / "clusters.tsv.gz").resolve():
        shutil.copyfile(clusters, out / "clusters.tsv.gz")
    best = (-1.0, None, 0)
    history = []
    tmp = out / "_epoch"
    avg: dict | None = None
    n_avg = 0

    def dev_f1(state) -> float:
        net.load_state_dict(state)
        net.eval()
        _export(net, enc, tmp, meta)
        if clusters is not None:
            shutil.copyfile(out / "clusters.tsv.gz", tmp / "clusters.tsv.gz")
        pred = NeuralTagger(tmp).tag_sentences([t for t, _ in dev])
        return score([g for _, g in dev], pred)["micro"]["f1"]

    for epoch in range(1, epochs + 1):
        for group in opt.param_groups:
            group["lr"] = lr / (1.0 + lr_decay * (epoch - 1))
        net.train()
        order = sorted(range(len(tr)), key=lambda i: (len(tr[i][0]), rng.random()))
        batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
        rng.shuffle(batches)
        total = 0.0
        t0 = time.perf_counter()
        for bidx in batches:
            xb, yb = _collate(torch, [tr[i] for i in bidx], n_cl, word_dropout, rng)
            em = net.emissions(xb)
            loss = net.nll(em, yb, xb[-1]) / len(bidx)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += float(loss.detach()) * len(bidx)
        state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        row = {"epoch": epoch, "loss": round(total / len(tr), 4), "seconds": round(time.perf_counter() - t0, 1)}
        if average_from and epoch >= average_from:
            n_avg += 1
            if avg is None:
                avg = {k: v.clone().float() for k, v in state.items()}
            else:
                for k, v in state.items():
                    avg[k] += (v.float() - avg[k]) / n_avg
        if dev:
            f1 = dev_f1(state)
            row["dev_f1"] = round(f1, 4)
            if f1 > best[0]:
                best = (f1, state, epoch)
            if avg is not None and n_avg > 1:
                row["avg_dev_f1"] = round(dev_f1(avg), 4)
            net.load_state_dict(state)  # training continues from the epoch's own weights
        history.append(row)
        if log is not None:
            log(row)
    if average_from:
        net.load_state_dict(avg)
        meta["averaged_epochs"] = [average_from, epochs]
    else:  # the best dev epoch (the last one when there is no dev split)
        net.load_state_dict(best[1] if best[1] is not None else state)
    net.eval()
    meta["history"] = history
    meta["best_epoch"] = None if average_from else best[2]
    _export(net, enc, out, meta)
    shutil.rmtree(tmp, ignore_errors=True)
    tagger = NeuralTagger(out)
    dev_toks = [t for t, _ in dev]
    if dev:
        meta["dev"]["scores"] = _summary(score([g for _, g in dev], tagger.tag_sentences(dev_toks)))
        tagger.clear_cache()
        t0 = time.perf_counter()
        tagger.tag_sentences(dev_toks)
        meta["dev"]["tokens_per_s"] = round(sum(map(len, dev_toks)) / (time.perf_counter() - t0))
    meta["test"] = {}
    for tname, tpath in (test_paths or {}).items():
        ts = read_conll(tpath)
        toks = [t for t, _ in ts]
        tagger.clear_cache()
        t0 = time.perf_counter()
        pred = tagger.tag_sentences(toks)
        tps = sum(map(len, toks)) / (time.perf_counter() - t0)
        meta["test"][tname] = _summary(score([g for _, g in ts], pred))
        meta["test"][tname]["tokens_per_s"] = round(tps)
    meta["model_bytes"] = (out / weights_file).stat().st_size + (
        (out / meta["clusters_file"]).stat().st_size if meta["clusters_file"] else 0)
    meta["tokens_per_s"] = next((v["tokens_per_s"] for v in meta["test"].values()),
                                meta["dev"].get("tokens_per_s"))
    meta["date"] = _dt.date.today().isoformat()
    meta["train_seconds"] = round(time.perf_counter() - t_start, 1)
    _export(net, enc, out, meta)
    return meta
