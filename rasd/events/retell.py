"""Does a sentence tell an incident told before again, or a new one? A small learned decision.

The record builder's hand rules for this question («الهجوم» with no place of its own tells the attack again;
«بعد يومين من مقتل …» is another incident …) stay as they are and become features, with the facts they look at;
a logistic model trained on the gold records of the real-article fixtures (`scripts/train_retell.py`) weighs
them. The weights are data (`rasd/data/models/retell.json`), the inference is a dot product. Without the file,
or with `RASD_RETELL=rules`, the rules decide alone.
"""
from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

# Answers the told-again question from its features: (told again?, the model's probability or None)
Decide = Callable[[dict[str, Any]], tuple[bool, float | None]]

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "retell.json"

# The features, in the order the model's weights follow. Each is a number in [0, 1]; their meaning:
FEATURES = (
    "rule",               # the hand rules say: told again
    "anaphoric",          # every trigger is definite («الهجوم») or generic («مقتل»)
    "any_definite",       # some trigger is definite
    "verb_or_indefinite", # some specific trigger is a verb or an indefinite noun («قتل», «هجوم»)
    "same_type",          # a trigger of the earlier event's ACLED type
    "same_sub_type",      # … and of its sub-type
    "other_sub_type",     # a specific trigger of another sub-type only
    "in_context",         # the earlier event was last told within the context window
    "gap",                # sentences since the earlier event was last told (0 … 1 for five or more)
    "next_sentence",      # told in the sentence right after
    "told_again_cue",     # «العملية», «الهجوم» before the trigger
    "separate_cue",       # «في سياق منفصل»
    "dated_from_another", # «بعد يومين من مقتل …»
    "same_setting",       # no place or date of the sentence sets it apart (the rules' test)
    "place_named",        # a place in the trigger's clause
    "place_apart",        # a place in the trigger's clause far from the earlier event's
    "date_named",         # a date in the trigger's clause
    "history_apart",      # … that dates history, when the earlier event is not history
    "own_figure",         # a figure no tally took
    "figure_differs",     # … a death toll other than the earlier event's
    "target_in_headline", # the earlier event is the headline's
    "target_background",  # the earlier event is history
    "new_armed_actor",    # an armed group or force the earlier event does not name
    "speech",             # a verb of saying in the sentence
    "claim",              # a claim of responsibility in the sentence
    "time_link",          # «بعد», «إثر» just before the trigger
    "several_triggers",   # more than one trigger
)


class RetellModel:
    """Logistic weights over FEATURES: p(told again) = sigmoid(bias + Σ w·x)."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float = 0.5):
        unknown = set(weights) - set(FEATURES)
        if unknown:
            raise ValueError(f"retell model names features the builder does not compute: {sorted(unknown)}")
        self.weights = [weights.get(name, 0.0) for name in FEATURES]
        self.bias = bias
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path) -> RetellModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data.get("threshold", 0.5))

    def probability(self, features: dict[str, Any]) -> float:
        z = self.bias + sum(w * features[name] for w, name in zip(self.weights, FEATURES, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def __call__(self, features: dict[str, Any]) -> tuple[bool, float | None]:
        p = self.probability(features)
        fixed = settled_by_rule(features)
        return (p >= self.threshold if fixed is None else fixed), p


def settled_by_rule(features: dict[str, Any]) -> bool | None:
    """The answers the hand rules give whatever the weights say, or None to let the model weigh it.

    Never told again: a sentence after «في سياق منفصل/متصل», one dated from another incident («بعد يومين من مقتل
    …»), one placed far from the incident or in history when it is not, and a bare verb or noun neither near it
    nor pointing back to it. Always told again, when the rules say so: a sentence that points back to it
    («العملية»، «الهجوم» before the trigger). A model is fitted and judged only on the questions left open
    (scripts/train_retell.py)."""
    if (features["separate_cue"] or features["dated_from_another"] or features["place_apart"]
            or features["history_apart"]
            or not (features["in_context"] or features["any_definite"] or features["told_again_cue"])):
        return False
    if features["told_again_cue"] and features["rule"]:
        return True
    return None


@lru_cache(maxsize=1)
def shipped_model() -> RetellModel | None:
    """The trained model (what the record builder asks by default), or None when it is absent or switched off
    (`RASD_RETELL=rules`): the hand rules decide alone. Both the file and the switch are read once per
    process."""
    if os.environ.get("RASD_RETELL", "").lower() == "rules" or not MODEL_PATH.is_file():
        return None
    return RetellModel.load(MODEL_PATH)


def rules_only(features: dict[str, Any]) -> tuple[bool, float | None]:
    """The hand rules' own answer (a `Decide` for training and comparison)."""
    return bool(features["rule"]), None


def as_vector(features: dict[str, Any]) -> list[float]:
    """The features in model order, as floats (for training)."""
    return [float(features[name]) for name in FEATURES]
