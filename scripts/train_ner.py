"""Rebuild the shipped NER model(s) from scratch, seeded and on one core.

    .venv/bin/python scripts/train_ner.py [--shared /work/shared] [--out rasd/data/ner]
        [--skip-clusters] [--neural] [--seed 0]

Steps:
 1. word2vec (skip-gram, window 2) on the unlabeled ANT news + k-means at several granularities
    -> OUT/clusters.tsv.gz (the vectors go to build/ner/w2v.kv, never shipped) — about 6-7 minutes;
 2. the CRF `fast` model on ANERcorp_CamelStyle_train.txt (last 10% of sentences held out as dev,
    then refit on all of it) -> OUT/fast.crfsuite + OUT/model.json — about 3 minutes;
 3. with --neural: the BiLSTM-CRF `accurate` model (PyTorch training, numpy inference)
    -> OUT/accurate/ — see rasd.ner.neural_train (about 20-40 minutes on one core).
Needs, for training only: gensim and scikit-learn (step 1), torch (step 3).
The test files are scored for the report only; nothing is tuned on them.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("PYTHONHASHSEED", "0")

import argparse  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ANER = "data/ner/anercorp"
TRAIN = "ANERcorp_CamelStyle_train.txt"
TESTS = {"official": "ANERCorp_CamelLab_test.OFFICIAL_as_distributed.txt",
         "repaired": "ANERCorp_CamelLab_test.REPAIRED_sentence_initial.txt"}

# The settings chosen on the dev split (see docs in rasd/ner and the report in model.json).
CLUSTER_SETTINGS = dict(ks=(32, 64, 128, 256, 512, 1024, 2048), max_vocab=150_000, min_count=5, dim=100,
                        window=2, epochs=5)


def crf_settings():
    from rasd.ner.features import FeatureConfig

    # window ±1 with clusters at k = 32/128/512/2048 and c1=0.02, c2=0.05: best on dev among the variants tried
    return dict(feature_config=FeatureConfig(window=1, cluster_ks=(32, 128, 512, 2048),
                                             window1_cluster_ks=(32, 128, 512, 2048)),
                c1=0.02, c2=0.05, max_iterations=200)


NEURAL_SETTINGS = dict(hidden=100, epochs=25, batch_size=16, lr=2e-3, dropout=0.5, word_dropout=0.05,
                       cluster_ks=(256, 1024))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rebuild the rasd NER model(s).")
    ap.add_argument("--shared", default=os.environ.get("RASD_SHARED", "/work/shared"))
    ap.add_argument("--out", default=str(ROOT / "rasd" / "data" / "ner"))
    ap.add_argument("--work", default=str(ROOT / "build" / "ner"), help="for the (unshipped) word vectors")
    ap.add_argument("--skip-clusters", action="store_true", help="reuse OUT/clusters.tsv.gz and WORK/w2v.kv")
    ap.add_argument("--neural", action="store_true", help="also train the BiLSTM-CRF model into OUT/accurate")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    shared = Path(args.shared)
    out = Path(args.out)
    work = Path(args.work)
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    clusters = out / "clusters.tsv.gz"
    vectors = work / "w2v.kv"
    t0 = time.time()
    if not args.skip_clusters:
        from rasd.ner.clusters import build_clusters

        corpus = sorted(glob.glob(str(shared / "data/unlabeled/ant/ant_*.txt")))
        if not corpus:
            print(f"no unlabeled corpus under {shared}", file=sys.stderr)
            return 2
        r = build_clusters(corpus, clusters, seed=args.seed, vectors_out=vectors, **CLUSTER_SETTINGS)
        print(f"clusters: {json.dumps(r)} in {time.time() - t0:.0f} s", flush=True)

    from rasd.ner.train import train_model

    t1 = time.time()
    tests = {k: shared / ANER / v for k, v in TESTS.items()}
    meta = train_model(shared / ANER / TRAIN, out, seed=args.seed, dev_fraction=0.1, clusters=clusters,
                       refit_full=True, test_paths=tests, name="fast", **crf_settings())
    print(f"crf: dev {meta['dev']['scores']['micro_f1']:.4f}  "
          + "  ".join(f"{k} {v['micro_f1']:.4f}" for k, v in meta["test"].items())
          + f"  in {time.time() - t1:.0f} s", flush=True)

    if args.neural:
        from rasd.ner.neural_train import train_neural

        t2 = time.time()
        nmeta = train_neural(shared / ANER / TRAIN, out / "accurate", vectors, clusters, seed=args.seed,
                             dev_fraction=0.1, test_paths=tests, name="accurate", **NEURAL_SETTINGS)
        print(f"bilstm-crf: dev {nmeta['dev']['scores']['micro_f1']:.4f}  "
              + "  ".join(f"{k} {v['micro_f1']:.4f}" for k, v in nmeta["test"].items())
              + f"  best epoch {nmeta['best_epoch']}  in {time.time() - t2:.0f} s", flush=True)

    print(f"total {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
