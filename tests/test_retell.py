"""The told-again decision as a question with features: the hook a learned model (or a what-if run) answers."""
import json
import math

import pytest

from rasd.events import retell
from rasd.events.build import build_records
from rasd.events.retell import FEATURES, MODEL_PATH, RetellModel, as_vector, rules_only, shipped_model
from tests.test_events_build import KARMADI, view

TEXT = ("وقتل مسلحون سبعة جنود في هجوم على بلدة كرمدي. "
        "وأكد الجيش أن الهجوم أسفر عن إصابة ثلاثة آخرين.")
FIGURES = [("قتل مسلحون سبعة جنود", "killed", 7), ("إصابة ثلاثة", "injured", 3)]


def _events(decide=None, decisions=None):
    recs = build_records(view(TEXT, places=KARMADI, figures=FIGURES), decide=decide, decisions=decisions)
    return [r for r in recs if r["kind"] == "event"]


def test_the_rules_answer_when_no_model_is_shipped():
    # session 6: fitted only on the questions the rules leave open, the model answered 66.8% of 422 held-out
    # questions as the gold does, the rules 67.3%, so scripts/train_retell.py wrote none
    assert not MODEL_PATH.exists()
    shipped_model.cache_clear()
    assert shipped_model() is None
    assert _events() == _events(decide=rules_only)


def test_a_model_file_is_read_and_rasd_retell_rules_switches_it_off(monkeypatch, tmp_path):
    path = tmp_path / "retell.json"
    path.write_text(json.dumps({"weights": {"rule": 4.0}, "bias": -2.0}), encoding="utf-8")
    monkeypatch.setattr(retell, "MODEL_PATH", path)
    shipped_model.cache_clear()
    try:
        assert isinstance(shipped_model(), RetellModel)
        assert len(_events()) == 1  # the model, too, reads «الهجوم» in the next sentence as the attack again
        monkeypatch.setenv("RASD_RETELL", "rules")
        shipped_model.cache_clear()  # (the switch is read once per process, with the file)
        assert shipped_model() is None
    finally:
        shipped_model.cache_clear()


def test_every_question_is_kept_with_all_its_features():
    decisions = []
    events = _events(decide=rules_only, decisions=decisions)
    assert len(events) == 1 and len(decisions) == 1  # «الهجوم» in the second sentence tells the attack again
    d = decisions[0]
    assert d["rule"] is True and d["told_again"] is True and d["p"] is None
    assert set(d["features"]) == set(FEATURES)
    assert d["features"]["any_definite"] and d["features"]["next_sentence"] and not d["features"]["place_apart"]
    assert d["target"] == events[0]["id"] and d["target_spans"][0] == (events[0]["evidence"]["start"],
                                                                        events[0]["evidence"]["end"])
    assert len(as_vector(d["features"])) == len(FEATURES)


def test_another_answer_changes_what_the_sentence_becomes():
    def retold(decide):
        rejected = []
        build_records(view(TEXT, places=KARMADI, figures=FIGURES), rejected, decide=decide)
        return [r for r in rejected if r["reason"].startswith("refers to an incident told before")]

    assert retold(rules_only)
    assert not retold(lambda features: (False, 0.1))  # the second sentence builds a record of its own


def test_model_is_a_logistic_over_the_features():
    model = RetellModel({"rule": 2.0, "gap": -3.0}, bias=-1.0)
    features = dict.fromkeys(FEATURES, 0.0)
    features["in_context"] = 1.0  # (out of context, a bare verb is never told again: settled_by_rule)
    assert model.probability(features) == pytest.approx(1 / (1 + math.exp(1.0)))
    features["rule"] = 1.0
    told, p = model(features)
    assert told and p == pytest.approx(1 / (1 + math.exp(-1.0)))
    features["gap"] = 1.0
    assert model(features)[0] is False


def test_what_the_rules_settle_the_weights_cannot_change():
    yes = RetellModel({"rule": 0.0}, bias=30.0)  # a model that always says «told again»
    no = RetellModel({"rule": 0.0}, bias=-30.0)
    features = dict.fromkeys(FEATURES, 0.0)
    features.update(in_context=1.0, rule=1.0)
    assert yes(features)[0] and not no(features)[0]  # nothing settled: the weights decide
    for fact in ("separate_cue", "dated_from_another", "place_apart", "history_apart"):
        assert not yes(dict(features, **{fact: 1.0}))[0]
    assert not yes(dict(features, in_context=0.0))[0]  # a bare verb far from the incident
    assert no(dict(features, told_again_cue=1.0))[0]  # «العملية» pointing back, as the rules read it


def test_model_naming_an_unknown_feature_is_refused():
    with pytest.raises(ValueError, match="does not compute"):
        RetellModel({"rule": 1.0, "moon_phase": 0.5}, bias=0.0)
