"""Optional backend: a Hugging Face token-classification model (e.g. a fine-tuned AraBERT) from a local path.

`transformers` (and torch) are optional: importing this module does not need them; building an
`HFTagger` does. Nothing is downloaded: the path must hold the model and a *fast* tokenizer.

Words are the same tokens as the CRF uses (`rasd.ner.tokens`); each word takes the label
predicted for its first sub-word piece, so entity offsets come back as character offsets of
whole words in the original text. Long sentences are cut into chunks that fit the model.
Label names are mapped to PERS/ORG/LOC/MISC (PER → PERS, GPE/FAC → LOC, anything else kept).
"""
from __future__ import annotations

import os
from pathlib import Path


__all__ = ["HFTagger", "map_label"]

_TYPE_MAP = {"PER": "PERS", "PERSON": "PERS", "PERS": "PERS", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
             "ORG": "ORG", "ORGANIZATION": "ORG", "MISC": "MISC"}


def map_label(label: str) -> str:
    """A model's label name in IOB2 with rasd's types: 'B-PER' -> 'B-PERS', 'O' -> 'O'."""
    if label in ("O", "") or len(label) < 3 or label[1] not in "-_":
        return "O"
    prefix = "I" if label[0] in "IE" else "B"
    typ = label[2:].upper()
    return f"{prefix}-{_TYPE_MAP.get(typ, typ)}"


class HFTagger:
    """Token classification with a local transformers model; same methods as the CRF tagger."""

    def __init__(self, path: str | os.PathLike, *, max_length: int = 256, batch_size: int = 8,
                 device: str = "cpu"):
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("the Hugging Face backend needs `transformers` and `torch` "
                              "(pip install 'rasd[transformers]')") from exc
        self._torch = torch
        p = Path(path)
        self.tokenizer = AutoTokenizer.from_pretrained(str(p), local_files_only=True)
        if not getattr(self.tokenizer, "is_fast", False):
            raise ValueError(f"{p}: a fast tokenizer (tokenizer.json) is needed to map pieces back to words")
        from transformers.utils import logging as hf_logging

        bars = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()  # a loading bar on stderr would mix with the CLI's output
        try:
            self.model = AutoModelForTokenClassification.from_pretrained(str(p), local_files_only=True)
        finally:
            if bars:
                hf_logging.enable_progress_bar()
        self.model.eval()
        self.model.to(device)
        self.device = device
        self.max_length = max_length
        self.batch_size = batch_size
        self.id2label = {int(k): map_label(v) for k, v in self.model.config.id2label.items()}
        self.meta = {"name": p.name, "kind": "hf", "path": str(p)}

    def clear_cache(self) -> None:
        """Nothing is cached per word (kept for interface parity with the other taggers)."""

    # -- chunks of words that fit the model ---------------------------------------------------------
    def _chunks(self, tokens: list[str]) -> list[tuple[int, int]]:
        budget = self.max_length - self.tokenizer.num_special_tokens_to_add()
        pieces = [max(1, len(self.tokenizer.tokenize(t))) for t in tokens]
        out: list[tuple[int, int]] = []
        start = used = 0
        for i, n in enumerate(pieces):
            if used + n > budget and i > start:
                out.append((start, i))
                start, used = i, 0
            used += n
        out.append((start, len(tokens)))
        return out

    def _predict(self, chunks: list[list[str]]) -> list[list[str]]:
        torch = self._torch
        results: list[list[str]] = []
        for b in range(0, len(chunks), self.batch_size):
            batch = chunks[b:b + self.batch_size]
            enc = self.tokenizer(batch, is_split_into_words=True, truncation=True, max_length=self.max_length,
                                 padding=True, return_tensors="pt")
            with torch.no_grad():
                logits = self.model(**{k: v.to(self.device) for k, v in enc.items()}).logits
            best = logits.argmax(-1).cpu().tolist()
            for i, words in enumerate(batch):
                labels = ["O"] * len(words)
                seen = set()
                for j, wid in enumerate(enc.word_ids(i)):
                    if wid is None or wid in seen:
                        continue
                    seen.add(wid)
                    labels[wid] = self.id2label.get(best[i][j], "O")
                results.append(_repair(labels))
        return results

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 labels for each token list (a word takes its first piece's label)."""
        jobs: list[tuple[int, int, int]] = []
        chunks: list[list[str]] = []
        for si, toks in enumerate(sentences):
            if not toks:
                continue
            for a, b in self._chunks(list(toks)):
                jobs.append((si, a, b))
                chunks.append(list(toks[a:b]))
        out = [["O"] * len(s) for s in sentences]
        for (si, a, b), labels in zip(jobs, self._predict(chunks)):
            out[si][a:b] = labels
        return out

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        return self.tag_sentences([list(tokens)])[0] if tokens else []

    def tag(self, text: str, *, consistency: bool = True):
        """Entities in raw text, with character offsets into `text` (the text is one document)."""
        from rasd.ner.crf import tag_text

        return tag_text(self, text, consistency=consistency)


def _repair(labels: list[str]) -> list[str]:
    """Make the sequence valid IOB2: an I-X not continuing an X entity becomes B-X."""
    prev = "O"
    out = []
    for lab in labels:
        if lab.startswith("I-") and (prev == "O" or prev[2:] != lab[2:]):
            lab = "B-" + lab[2:]
        out.append(lab)
        prev = lab
    return out
