"""Arabic named-entity recognition: PERS, ORG, LOC, MISC in IOB2, on one CPU core.

    >>> from rasd import ner
    >>> ents = ner.tag("قال وزير الخارجية أحمد علي في بغداد ...")
    >>> [(e.label, e.text) for e in ents]          # doctest: +SKIP

Two shipped models, both needing only numpy and python-crfsuite at run time:
* default (`rasd/data/ner/`, "accurate"): a BiLSTM-CRF run in numpy (`rasd.ner.neural`) over frozen
  word2vec vectors, a character CNN and word-cluster embeddings, its encoder pretrained as a
  language model on unlabeled news;
* "fast" (`rasd/data/ner/fast/`, `load_model("fast")`): a linear-chain CRF (python-crfsuite) over
  lexical, clitic, shape, cue-word and word-cluster features.
Vectors and clusters were learned from the ANT news corpus (see `rasd.ner.clusters` for
attribution). Training uses ANERcorp (CAMeL split). `tag(text)` treats the text as one document
and adds a consistency pass (`rasd.ner.consistency`).
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from rasd.ner.crf import DEFAULT_MODEL_DIR, LABELS, CrfTagger, Entity
from rasd.ner.evaluate import iob_spans, read_conll, score

DEFAULT_CLUSTERS = DEFAULT_MODEL_DIR / "clusters.tsv.gz"

Tagger = CrfTagger  # or rasd.ner.neural.NeuralTagger: same methods

__all__ = [
    "Entity", "CrfTagger", "Tagger", "LABELS", "DEFAULT_MODEL_DIR", "DEFAULT_CLUSTERS",
    "tag", "tag_tokens", "tag_sentences", "load_model", "is_hf_model_dir", "evaluate_file", "train_model",
    "score", "iob_spans", "read_conll",
]

_models: dict[Path, "Tagger"] = {}
_lock = threading.Lock()


def is_hf_model_dir(path: str | os.PathLike) -> bool:
    """True for a Hugging Face model folder (config.json, no rasd model.json): one for `rasd.ner.hf`."""
    p = Path(path)
    return p.is_dir() and (p / "config.json").is_file() and not (p / "model.json").is_file()


def _open(model_dir: Path) -> "Tagger":
    if is_hf_model_dir(model_dir):
        from rasd.ner.hf import HFTagger

        return HFTagger(model_dir)
    with open(model_dir / "model.json", encoding="utf-8") as fh:
        kind = json.load(fh).get("kind", "crf")
    if kind == "bilstm-crf":
        from rasd.ner.neural import NeuralTagger

        return NeuralTagger(model_dir)
    return CrfTagger(model_dir)


def load_model(path: str | os.PathLike | None = None) -> "Tagger":
    """The tagger stored in `path` (a model directory, its model.json, or the name of a shipped model such
    as "fast"); default the shipped default model. Cached.

    A directory whose model.json says kind "bilstm-crf" gives a `rasd.ner.neural.NeuralTagger`, otherwise a
    `CrfTagger`; a Hugging Face token-classification folder (config.json and a fast tokenizer, no
    model.json) gives a `rasd.ner.hf.HFTagger` (needs `transformers`); all have tag, tag_tokens, tag_sentences.
    """
    if path is None:
        key = DEFAULT_MODEL_DIR
    elif isinstance(path, str) and path.isidentifier() and (DEFAULT_MODEL_DIR / path / "model.json").is_file():
        key = DEFAULT_MODEL_DIR / path  # a shipped model by name, e.g. "fast"
    else:
        key = Path(path).resolve()
    if key.is_file():
        key = key.parent
    model = _models.get(key)
    if model is None:
        with _lock:
            model = _models.get(key)
            if model is None:
                model = _models[key] = _open(key)
    return model


def tag(text: str, model: "Tagger | None" = None, *, consistency: bool = True,
        sentences: list[tuple[int, int]] | None = None) -> list[Entity]:
    """Named entities of raw Arabic text (one document), with character offsets into `text`.

    With `consistency` a name tagged once is also tagged where it recurs untagged in the text; `sentences`
    (character spans) saves finding them again when the caller has them.
    """
    from rasd.ner.crf import tag_text

    return tag_text(model or load_model(), text, consistency=consistency, sentences=sentences)


def tag_tokens(tokens: list[str], model: "Tagger | None" = None) -> list[str]:
    """IOB2 labels (B-PERS, I-LOC, O, …) for one tokenised sentence (ANERcorp tokenisation)."""
    return (model or load_model()).tag_tokens(list(tokens))


def tag_sentences(sentences: list[list[str]], model: "Tagger | None" = None) -> list[list[str]]:
    """IOB2 labels for each of several tokenised sentences."""
    return (model or load_model()).tag_sentences([list(s) for s in sentences])


def evaluate_file(path: str | os.PathLike, model: "Tagger | str | os.PathLike | None" = None, *,
                  document_sentences: int | None = None) -> dict:
    """Tag the tokens of a `token TAG` file and score them (CoNLL exact match): per type and micro P/R/F1.

    Sentences are tagged one by one, as the published scores are. With `document_sentences` N, the
    consistency pass also runs over each run of N consecutive sentences taken as one document (the
    file has no article boundaries); `rasd.ner.consistency.EVAL_DOCUMENT_SENTENCES` is the size chosen on dev.
    """
    tagger = model if hasattr(model, "tag_sentences") else load_model(model)
    sents = read_conll(path)
    toks = [t for t, _ in sents]
    pred = tagger.tag_sentences(toks)
    if document_sentences:
        from rasd.ner.consistency import propagate_windows

        pred = propagate_windows(toks, pred, document_sentences)
    return score([g for _, g in sents], pred)


def train_model(train_path: str | os.PathLike, out_dir: str | os.PathLike, *, seed: int = 0,
                dev_fraction: float = 0.1, clusters: str | os.PathLike | None = DEFAULT_CLUSTERS,
                **kwargs) -> dict:
    """Train a CRF model into `out_dir` (model.json + crfsuite file + cluster map) and return its metadata.

    `clusters`: a cluster map (default: the shipped one), or None for none. Other keywords
    (feature_config, c1, c2, max_iterations, refit_full, test_paths, name) go to `rasd.ner.train.train_model`.
    """
    from rasd.ner.train import train_model as _train

    return _train(train_path, out_dir, seed=seed, dev_fraction=dev_fraction, clusters=clusters, **kwargs)
