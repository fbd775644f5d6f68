"""How far two human coders agree, measured the way rasd is measured.

    python bench/agreement.py GROUP [GROUP ...] [--shared DIR] [--json OUT]

Some draws of real articles were coded twice, independently: the first coder's gold is
tests/fixtures/GROUP/*.yaml, the second coder's tests/fixtures/agreement/GROUP/*.yaml (see the README there).
Each coder's records are turned into predictions, as rasd would write them, and scored with the shared scorer
against the other coder's gold:

- a record's evidence is the sentence holding its quote (the span rasd gives as evidence);
- a field given as a list of alternatives predicts its first value; a name (actor, speaker, place) its first
  value and its first value in Arabic script, as rasd's references carry an English name and the Arabic text;
- a field the coder left out predicts nothing (null), as a missing value would in rasd's output;
- optional records are predicted too: the coder did code them (the figures with required records only are
  given beside them);
- a coder's record carries only its own sentence, where rasd's merged records carry every sentence that tells
  the incident: two coders who quote different sentences of one incident count a miss and an extra, so the
  figures understate the coders' agreement a little.

The figures are the ceiling a coder of this protocol sets: where two careful people part, no system can match
both. rasd's own scores against each coder on the same articles are printed beside them.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from common import ROOT, find_shared  # noqa: E402
from eval_gate import _score as score  # noqa: E402 - the scorer run exactly as `make eval` runs it
from sample_corpus import read_ref  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
AGREEMENT = FIXTURES / "agreement"
# names: the first alternative and the first in Arabic script (as one of rasd's references carries them)
NAME_FIELDS = {"actor1", "actor2", "claimed_by", "speaker", "subject", "object", "reported_by", "new_name",
               "about_actors"}


def first(value):
    return value[0] if isinstance(value, list) and value else value


def one_answer(value) -> list:
    """A coder's list of acceptable names cut to what one reference carries: the first name, and the first in
    Arabic script when that is another."""
    names = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]
    arabic = next((v for v in names if any("\u0600" <= ch <= "\u06ff" for ch in v)), None)
    return names[:1] + ([arabic] if arabic and arabic not in names[:1] else [])


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (as rasd's segmenter cuts it) holding text[start:end]; the quote itself if it spans two."""
    from rasd.segment import sentence_spans  # segmentation only: no extraction runs here
    for s, e in sentence_spans(text):
        if s <= start and end <= e:
            return s, e
    return start, end


def as_prediction(record: dict, text: str) -> dict:
    """A coder's gold record written as the prediction rasd would make of it."""
    pos = text.find(record["quote"])
    s, e = sentence_around(text, pos, pos + len(record["quote"])) if pos >= 0 else (0, 0)
    pred = {"kind": record["kind"], "evidence": {"start": s, "end": e, "text": text[s:e]}, "mentions": []}
    for key, value in record.items():
        if key in ("kind", "quote", "optional"):
            continue
        if key == "about_actors":  # every actor it names, each given as a name or a list of alternatives
            pred[key] = [n for actor in (value if isinstance(value, list) else [value]) for n in one_answer(actor)]
        elif key in NAME_FIELDS:
            pred.setdefault(key, []).extend(one_answer(value))
        elif key == "location" and isinstance(value, dict):
            loc = {k: first(v) for k, v in value.items() if k != "name"}
            loc.update(zip(("name", "name_ar"), one_answer(value.get("name"))))
            loc["country"] = first(record.get("country"))
            loc["precision"] = first(record.get("location_precision"))
            pred["location"] = loc
        elif key == "mode":
            pred[key] = value if isinstance(value, list) else [value]
        elif key == "about_places":
            pred[key] = [{"country": c} for c in (value if isinstance(value, list) else [value])]
        elif key == "speaker_role":  # rasd's speaker carries the role beside the name
            pred.setdefault("speaker", []).extend(one_answer(value))
        else:
            pred[key] = first(value)
    if "country" in record and "location" not in pred:
        pred["location"] = {"country": first(record["country"]), "precision": first(record.get("location_precision"))}
    return pred


def write_predictions(golds: list[Path], texts: dict[str, str], folder: Path, *, required_only: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for g in golds:
        doc = yaml.safe_load(g.read_text(encoding="utf-8"))
        text = texts[g.stem]
        preds = [as_prediction(r, text) for r in doc.get("records") or [] if not (required_only and r.get("optional"))]
        (folder / f"{g.stem}.json").write_text(json.dumps({"text": text, "records": preds}, ensure_ascii=False))
    return folder


def rasd_predictions(golds: list[Path], texts: dict[str, str], folder: Path) -> Path:
    from rasd.api import process
    from rasd.document import Article
    folder.mkdir(parents=True, exist_ok=True)
    for g in golds:
        doc = process(Article(text=texts[g.stem], source=g.stem, published=None))
        (folder / f"{g.stem}.json").write_text(json.dumps(doc, ensure_ascii=False))
    return folder


def pair_folder(golds: list[Path], texts: dict[str, str], work: Path, name: str) -> Path:
    """Gold files and article texts side by side, as the scorer wants them."""
    folder = work / name
    folder.mkdir(parents=True, exist_ok=True)
    for g in golds:
        (folder / g.name).write_bytes(g.read_bytes())
        (folder / f"{g.stem}.txt").write_text(texts[g.stem], encoding="utf-8")
    return folder


def compare(first_: list[Path], second: list[Path], texts: dict[str, str], work: Path) -> dict:
    """Each coder scored against the other, and rasd against each, on the same articles."""
    gold_a = pair_folder(first_, texts, work, "gold-first")
    gold_b = pair_folder(second, texts, work, "gold-second")
    pred_a = write_predictions(first_, texts, work / "pred-first")
    pred_b = write_predictions(second, texts, work / "pred-second")
    pred_r = rasd_predictions(first_, texts, work / "pred-rasd")
    req_a = write_predictions(first_, texts, work / "pred-first-required", required_only=True)
    req_b = write_predictions(second, texts, work / "pred-second-required", required_only=True)
    return {"articles": len(second),
            "second coder vs first": score(gold_a, pred_b),
            "first coder vs second": score(gold_b, pred_a),
            "second coder's required records vs first": score(gold_a, req_b),
            "first coder's required records vs second": score(gold_b, req_a),
            "rasd vs first": score(gold_a, pred_r),
            "rasd vs second": score(gold_b, pred_r)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("groups", nargs="+", help="draws coded twice (folders of tests/fixtures/agreement/); rasd is run "
                                              "on them, so name only draws already scored")
    ap.add_argument("--shared")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    shared = find_shared(args.shared, "tools/score.py")
    if shared is None or not (shared / "data" / "unlabeled").exists():
        print(json.dumps({"skipped": "shared data not found"}))  # noqa: T201 - a command-line script
        return 0
    table: dict[str, dict] = {}
    pooled: tuple[list[Path], list[Path], dict[str, str]] = ([], [], {})
    with tempfile.TemporaryDirectory(prefix="rasd-agreement-") as tmp:
        work = Path(tmp)
        for group in args.groups:
            second = [p for p in sorted((AGREEMENT / group).glob("*.yaml")) if (FIXTURES / group / p.name).is_file()]
            first_ = [FIXTURES / group / p.name for p in second]
            texts = {g.stem: read_ref(shared, yaml.safe_load(g.read_text(encoding="utf-8"))["source"])
                     for g in first_}
            if second:
                table[group] = compare(first_, second, texts, work / group)
                pooled[0].extend(first_)
                pooled[1].extend(second)
                pooled[2].update(texts)
        if len(table) > 1:
            table["all"] = compare(*pooled, work / "all")
    report = {}
    for group, rows in table.items():
        report[group] = {"articles": rows["articles"]}
        for name, r in rows.items():
            if name != "articles":
                report[group][name] = {k: round(r[k], 3) for k in ("f1", "precision", "recall", "field_accuracy")}
                report[group][name]["by_kind"] = {k: round(r[k]["f1"], 3) for k in ("event", "statement", "relation",
                                                                                    "tally")}
    print(json.dumps(report, indent=1, ensure_ascii=False))  # noqa: T201
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
