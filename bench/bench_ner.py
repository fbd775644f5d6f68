"""Benchmark of the shipped NER model: accuracy on both ANERcorp test files, speed, load time, size.

    python bench/bench_ner.py [--model DIR] [--shared /work/shared]

`run()` returns a dict (for `make bench`); `main()` prints it. Speed is measured on one core,
feature extraction included, with a cold word-feature cache, best of 3 passes: on the test files
when present, otherwise on invented sentences. The accuracy part is skipped when the shared data
is absent. Accuracy is given sentence by sentence (as published scores are) and, separately,
with the document consistency pass over runs of consecutive sentences (`accuracy_documents`).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ANER_DIR = "data/ner/anercorp"
TEST_FILES = {
    "official": "ANERCorp_CamelLab_test.OFFICIAL_as_distributed.txt",
    "repaired": "ANERCorp_CamelLab_test.REPAIRED_sentence_initial.txt",
}
_FALLBACK = [
    "وقال وزير الخارجية المصري سامح شكري في القاهرة إن المحادثات مستمرة مع الجانب الأمريكي .".split(),
    "أعلنت وزارة الدفاع الروسية أن قواتها دمرت مستودعا قرب مدينة حلب في شمال سوريا .".split(),
    "وذكرت وكالة رويترز أن الانفجار وقع في حي الكرادة ببغداد ، مما أسفر عن مقتل خمسة أشخاص .".split(),
]


def _find_shared(explicit: str | None) -> Path | None:
    cands = [explicit] if explicit else [os.environ.get("RASD_SHARED"), "/work/shared",
                                         str(Path(__file__).resolve().parents[2] / "shared")]
    for c in cands:
        if c and (Path(c) / ANER_DIR).is_dir():
            return Path(c)
    return None


def _summary(r: dict) -> dict:
    return {"micro_f1": round(r["micro"]["f1"], 4), "precision": round(r["micro"]["precision"], 4),
            "recall": round(r["micro"]["recall"], 4),
            "per_type_f1": {t: round(s["f1"], 4) for t, s in r["per_type"].items()}}


def run(model: str | None = None, shared: str | None = None) -> dict:
    """Benchmark one model directory (default: the shipped default model)."""
    from rasd.ner import _open
    from rasd.ner.crf import DEFAULT_MODEL_DIR
    from rasd.ner.evaluate import read_conll, score
    from rasd.ner.consistency import EVAL_DOCUMENT_SENTENCES as doc_size
    from rasd.ner.consistency import propagate_windows
    from rasd.ner.train import measure_speed

    model_dir = Path(model) if model else DEFAULT_MODEL_DIR
    t0 = time.perf_counter()
    tagger = _open(model_dir)
    load_s = time.perf_counter() - t0
    size = sum(f.stat().st_size for f in model_dir.iterdir() if f.is_file())
    shared_clusters = tagger.meta.get("clusters_file") or ""
    if "/" in shared_clusters:  # a cluster map kept beside the model directory (e.g. "../clusters.tsv.gz")
        size += (model_dir / shared_clusters).stat().st_size
    result: dict = {"model": str(model_dir), "model_name": tagger.meta.get("name"),
                    "kind": tagger.meta.get("kind"), "load_seconds": round(load_s, 3), "model_bytes": size,
                    "accuracy": None}
    root = _find_shared(shared)
    speed_sents: list[list[str]] = []
    if root is not None:
        result["accuracy"] = {}
        result["accuracy_documents"] = {}
        result["document_sentences"] = doc_size
        for name, fname in TEST_FILES.items():
            sents = read_conll(root / ANER_DIR / fname)
            toks = [t for t, _ in sents]
            speed_sents.extend(toks) if name == "official" else None
            pred = tagger.tag_sentences(toks)
            result["accuracy"][name] = _summary(score([g for _, g in sents], pred))
            # the document pass over runs of consecutive sentences (the file has no article boundaries)
            result["accuracy_documents"][name] = _summary(score([g for _, g in sents],
                                                                propagate_windows(toks, pred, doc_size)))
    else:
        result["accuracy_skipped"] = "ANERcorp test files not found (set RASD_SHARED or --shared)"
        speed_sents = _FALLBACK * 300
    result["tokens"] = sum(len(s) for s in speed_sents)
    result["tokens_per_s"] = round(measure_speed(tagger, speed_sents, repeat=3))  # cold word cache, best of 3
    best = float("inf")
    for _ in range(3):  # tagging and the document pass, cold word cache, best of 3
        tagger.clear_cache()
        t0 = time.perf_counter()
        propagate_windows(speed_sents, tagger.tag_sentences(speed_sents), doc_size)
        best = min(best, time.perf_counter() - t0)
    result["tokens_per_s_documents"] = round(result["tokens"] / best)
    tagger.tag_sentences(speed_sents)
    t0 = time.perf_counter()
    tagger.tag_sentences(speed_sents)
    result["tokens_per_s_warm"] = round(result["tokens"] / (time.perf_counter() - t0))
    return result


def run_all(shared: str | None = None) -> dict:
    """Benchmark every shipped model: the default one and each sub-directory holding a model.json."""
    from rasd.ner.crf import DEFAULT_MODEL_DIR

    out = {}
    for d in [DEFAULT_MODEL_DIR, *sorted(p for p in DEFAULT_MODEL_DIR.iterdir() if (p / "model.json").is_file())]:
        res = run(str(d), shared)
        out[res["model_name"] or d.name] = res
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="model directory (default: every shipped model)")
    ap.add_argument("--shared", help="root of the shared data (holding data/ner/anercorp)")
    args = ap.parse_args(argv)
    results = {"model": run(args.model, args.shared)} if args.model else run_all(args.shared)
    for res in results.values():
        print(f"model {res['model_name']} ({res['kind']})  size {res['model_bytes'] / 1e6:.1f} MB  "
              f"load {res['load_seconds']:.2f} s  speed {res['tokens_per_s']:,} tok/s cold, "
              f"{res['tokens_per_s_warm']:,} warm (1 core, features included)")
        if res["accuracy"]:
            for name, a in res["accuracy"].items():
                per = "  ".join(f"{t} {f:.3f}" for t, f in a["per_type_f1"].items())
                print(f"  {name:<9} micro-F1 {a['micro_f1']:.3f}  P {a['precision']:.3f} R {a['recall']:.3f}  {per}")
            print(f"  with the document pass over runs of {res['document_sentences']} sentences "
                  f"({res['tokens_per_s_documents']:,} tok/s): "
                  + "  ".join(f"{k} {a['micro_f1']:.3f}" for k, a in res["accuracy_documents"].items()))
        else:
            print("  accuracy skipped:", res["accuracy_skipped"])
    if os.environ.get("BENCH_JSON"):
        print(json.dumps(results, ensure_ascii=False), file=sys.stderr)
    return results


if __name__ == "__main__":
    main()
