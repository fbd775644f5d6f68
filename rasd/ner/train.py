"""Training the CRF tagger: dev split, crfsuite training, scoring, model directory with metadata.

`train_model` holds out the last `dev_fraction` of the training sentences as dev (every
choice is tuned on it, never on a test file), trains, scores dev, and — with `refit_full` —
retrains on all training sentences with the same settings for the shipped model. Test
files, when given, are only scored (reported), never used for any choice.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pycrfsuite

from rasd.ner.clusters import ATTRIBUTION, load_clusters
from rasd.ner.crf import DEFAULT_MODEL_DIR, CrfTagger
from rasd.ner.evaluate import read_conll, score
from rasd.ner.features import FEATURE_VERSION, FeatureConfig, FeatureExtractor

__all__ = ["train_model", "train_crf", "split_dev", "sha256_file", "measure_speed", "DEFAULT_CLUSTERS"]

DEFAULT_CLUSTERS = DEFAULT_MODEL_DIR / "clusters.tsv.gz"
_DEFAULT = object()


def sha256_file(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def split_dev(sents: list, dev_fraction: float) -> tuple[list, list]:
    """(train, dev): dev is the last `dev_fraction` of the sentences (none when 0)."""
    n_dev = int(round(len(sents) * dev_fraction))
    if n_dev <= 0:
        return list(sents), []
    return list(sents[:-n_dev]), list(sents[-n_dev:])


def train_crf(sents: list[tuple[list[str], list[str]]], extractor: FeatureExtractor, model_file: str | os.PathLike,
              *, c1: float = 0.05, c2: float = 0.01, max_iterations: int = 200, min_freq: float = 0.0) -> dict:
    """Train a crfsuite L-BFGS model (deterministic) and write it to `model_file`; returns crfsuite's log info."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in sents:
        trainer.append(pycrfsuite.ItemSequence(extractor.sentence(toks)), tags)
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": max_iterations,
        "feature.possible_transitions": True, "feature.minfreq": min_freq,
    })
    trainer.train(str(model_file))
    last = trainer.logparser.last_iteration or {}
    return {"iterations": len(trainer.logparser.iterations), "loss": last.get("loss")}


def measure_speed(tagger: CrfTagger, sentences: list[list[str]], *, repeat: int = 1) -> float:
    """Tokens per second of `tag_sentences` (feature extraction included), cold word cache each run."""
    n_tok = sum(len(s) for s in sentences) * repeat
    best = float("inf")
    for _ in range(repeat):
        tagger.clear_cache()
        t0 = time.perf_counter()
        tagger.tag_sentences(sentences)
        best = min(best, time.perf_counter() - t0)
    return n_tok / repeat / best if best > 0 else float("inf")


def _write_model_dir(out_dir: Path, crf_file: Path, clusters_path: Path | None, meta: dict) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / meta["crf_file"]
    if crf_file.resolve() != target.resolve():
        shutil.copyfile(crf_file, target)
    if clusters_path is not None:
        dest = out_dir / meta["clusters_file"]
        if clusters_path.resolve() != dest.resolve():
            shutil.copyfile(clusters_path, dest)
    with open(out_dir / "model.json", "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def _summary(result: dict) -> dict:
    return {"micro_f1": round(result["micro"]["f1"], 4), "precision": round(result["micro"]["precision"], 4),
            "recall": round(result["micro"]["recall"], 4),
            "per_type_f1": {t: round(s["f1"], 4) for t, s in result["per_type"].items()}}


def train_model(train_path: str | os.PathLike, out_dir: str | os.PathLike, *, seed: int = 0,
                dev_fraction: float = 0.1, clusters: str | os.PathLike | None = _DEFAULT,  # type: ignore[assignment]
                feature_config: FeatureConfig | None = None, c1: float = 0.05, c2: float = 0.01,
                max_iterations: int = 200, min_freq: float = 0.0, refit_full: bool = True,
                test_paths: dict[str, str | os.PathLike] | None = None, name: str = "fast",
                clusters_file: str = "clusters.tsv.gz") -> dict:
    """Train a CRF NER model into `out_dir` and return its metadata (also written to out_dir/model.json).

    `clusters`: a cluster map file (default: the shipped `rasd/data/ner/clusters.tsv.gz`), or None for
    none. `seed` is recorded (crfsuite's L-BFGS is deterministic; the dev split is the last sentences).
    `test_paths`: {name: file} scored for the report only. `clusters_file`: where the model directory
    keeps the cluster map, relative to it (e.g. "../clusters.tsv.gz" to share the parent's copy).
    """
    t_start = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    clusters_path = Path(DEFAULT_CLUSTERS if clusters is _DEFAULT else clusters) if clusters is not None else None
    cmap = load_clusters(clusters_path) if clusters_path is not None else None
    config = feature_config or FeatureConfig()
    extractor = FeatureExtractor(config, cmap)
    sents = read_conll(train_path)
    train, dev = split_dev(sents, dev_fraction)
    crf_name = f"{name}.crfsuite"
    meta: dict = {
        "name": name, "kind": "crf", "feature_version": FEATURE_VERSION, "feature_config": config.to_json(),
        "crf_file": crf_name, "clusters_file": clusters_file if clusters_path is not None else None,
        "labels": ["PERS", "ORG", "LOC", "MISC"], "tagging": "IOB2",
        "training_data": {"file": Path(train_path).name, "sha256": sha256_file(train_path),
                          "sentences": len(sents), "tokens": sum(len(t) for t, _ in sents)},
        "dev": {"fraction": dev_fraction, "split": "last sentences", "sentences": len(dev),
                "tokens": sum(len(t) for t, _ in dev)},
        "crf_params": {"algorithm": "lbfgs", "c1": c1, "c2": c2, "max_iterations": max_iterations,
                       "min_freq": min_freq},
        "seed": seed,
        "clusters": ({"sha256": sha256_file(clusters_path), "ks": list(cmap.ks), "words": len(cmap),
                      "attribution": ATTRIBUTION} if cmap is not None else None),
    }
    tmp_file = out / (crf_name + ".tmp")
    meta["train_info"] = train_crf(train, extractor, tmp_file, c1=c1, c2=c2, max_iterations=max_iterations,
                                   min_freq=min_freq)
    _write_model_dir(out, tmp_file, clusters_path, meta)
    tagger = CrfTagger(out)
    if dev:
        dev_pred = tagger.tag_sentences([t for t, _ in dev])
        meta["dev"]["scores"] = _summary(score([g for _, g in dev], dev_pred))
        meta["dev"]["tokens_per_s"] = round(measure_speed(tagger, [t for t, _ in dev]))
    if refit_full and dev:
        meta["refit_full"] = True
        meta["train_info_full"] = train_crf(sents, extractor, tmp_file, c1=c1, c2=c2,
                                            max_iterations=max_iterations, min_freq=min_freq)
        _write_model_dir(out, tmp_file, clusters_path, meta)
        tagger = CrfTagger(out)
    else:
        meta["refit_full"] = False
    tmp_file.unlink(missing_ok=True)
    meta["test"] = {}
    for tname, tpath in (test_paths or {}).items():
        tsents = read_conll(tpath)
        toks = [t for t, _ in tsents]
        pred = tagger.tag_sentences(toks)
        meta["test"][tname] = _summary(score([g for _, g in tsents], pred))
        meta["test"][tname]["tokens_per_s"] = round(measure_speed(tagger, toks))
    meta["model_bytes"] = (out / crf_name).stat().st_size + (
        (out / clusters_file).stat().st_size if clusters_path is not None else 0)
    meta["tokens_per_s"] = next((v["tokens_per_s"] for v in meta["test"].values()), meta["dev"].get("tokens_per_s"))
    meta["date"] = _dt.date.today().isoformat()
    meta["train_seconds"] = round(time.perf_counter() - t_start, 1)
    _write_model_dir(out, out / crf_name, clusters_path, meta)
    return meta
