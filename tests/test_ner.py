"""Tests of rasd.ner: the metric, tokenisation and offsets, the shipped model and its metadata.

They need only the package (the model ships in rasd/data/ner/), not /work/shared.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd import ner
from rasd.ner.evaluate import format_scores, iob_spans, read_conll, score
from rasd.ner.features import FeatureConfig, FeatureExtractor
from rasd.ner.tokens import token_spans, tokenize

MODEL_DIR = Path(ner.__file__).resolve().parent.parent / "data" / "ner"


# -- metric ----------------------------------------------------------------------------------------
def test_iob_spans_basic():
    tags = ["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-LOC", "O"]
    assert iob_spans(tags) == [("PERS", 0, 2), ("LOC", 3, 4), ("LOC", 4, 6)]


def test_iob_spans_i_without_b_starts_entity_like_conlleval():
    assert iob_spans(["O", "I-ORG", "I-ORG", "O"]) == [("ORG", 1, 3)]
    assert iob_spans(["I-LOC"]) == [("LOC", 0, 1)]
    # a type change inside a chunk starts a new chunk
    assert iob_spans(["B-PERS", "I-LOC", "I-LOC"]) == [("PERS", 0, 1), ("LOC", 1, 3)]
    # entity running to the end of the sentence
    assert iob_spans(["O", "B-MISC", "I-MISC"]) == [("MISC", 1, 3)]


def test_score_exact_match_and_partial_overlap_wrong():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    pred = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]  # ORG too short: wrong
    r = score(gold, pred)
    assert r["per_type"]["PERS"]["f1"] == 1.0
    assert r["per_type"]["LOC"]["f1"] == 1.0
    assert r["per_type"]["ORG"]["correct"] == 0
    assert r["per_type"]["ORG"]["precision"] == 0.0 and r["per_type"]["ORG"]["recall"] == 0.0
    assert r["micro"]["precision"] == pytest.approx(2 / 3)
    assert r["micro"]["recall"] == pytest.approx(2 / 3)
    assert r["micro"]["f1"] == pytest.approx(2 / 3)


def test_score_type_mismatch_and_i_without_b():
    gold = [["O", "B-LOC", "I-LOC", "O"]]
    # I- without B- covering exactly the gold span counts as that span (conlleval)
    assert score(gold, [["O", "I-LOC", "I-LOC", "O"]])["micro"]["f1"] == 1.0
    # same span, wrong type: a false positive and a false negative
    r = score(gold, [["O", "B-ORG", "I-ORG", "O"]])
    assert r["micro"]["correct"] == 0 and r["micro"]["predicted"] == 1 and r["micro"]["support"] == 1
    # a longer prediction than the gold span is wrong
    assert score(gold, [["O", "B-LOC", "I-LOC", "I-LOC"]])["micro"]["f1"] == 0.0


def test_score_empty_and_length_mismatch():
    r = score([["O", "O"]], [["O", "O"]])
    assert r["micro"]["f1"] == 0.0 and r["micro"]["support"] == 0 and r["token_accuracy"] == 1.0
    with pytest.raises(ValueError):
        score([["O"]], [["O", "O"]])


def test_read_conll_and_format(tmp_path):
    p = tmp_path / "t.conll"
    p.write_text("بغداد B-LOC\nمدينة O\n\nأحمد B-PERS\nعلي I-PERS\n\n", encoding="utf-8")
    sents = read_conll(p)
    assert sents == [(["بغداد", "مدينة"], ["B-LOC", "O"]), (["أحمد", "علي"], ["B-PERS", "I-PERS"])]
    text = format_scores(score([t for _, t in sents], [t for _, t in sents]))
    assert text.splitlines()[-1] == "micro-F1 1.000"


# -- tokenisation and features -----------------------------------------------------------------------
def test_tokenize_like_anercorp():
    assert tokenize("والجزائر، (بغداد) 3.5 %") == ["والجزائر", "،", "(", "بغداد", ")", "3.5", "%"]
    text = "قال «محمد» :"
    assert [text[a:b] for a, b in token_spans(text)] == ["قال", "«", "محمد", "»", ":"]


def test_feature_extractor_without_clusters():
    fx = FeatureExtractor(FeatureConfig(), None)
    feats = fx.sentence(["قال", "وزير", "الخارجية"])
    assert len(feats) == 3
    assert "w=قال" in feats[0] and "BOS" in feats[0] and "EOS" in feats[2]
    assert "cue=PERS" in feats[1] and "-1cue=PERS" in feats[2]
    assert all(isinstance(x, str) for f in feats for x in f)


# -- shipped model -----------------------------------------------------------------------------------
SHIPPED = [MODEL_DIR, *sorted(p for p in MODEL_DIR.iterdir() if (p / "model.json").is_file())]


@pytest.mark.parametrize("model_dir", SHIPPED, ids=lambda p: p.name)
def test_metadata_fields_present(model_dir):
    meta = json.loads((model_dir / "model.json").read_text(encoding="utf-8"))
    for key in ("name", "kind", "feature_version", "training_data", "dev", "test", "date", "tokens_per_s",
                "clusters_file", "model_bytes", "seed"):
        assert key in meta, key
    assert len(meta["training_data"]["sha256"]) == 64
    assert 0.0 < meta["dev"]["scores"]["micro_f1"] <= 1.0
    assert meta["dev"]["tokens_per_s"] > 0
    assert {"official", "repaired"} <= set(meta["test"])
    assert (model_dir / meta["clusters_file"]).is_file()
    if meta["kind"] == "crf":
        assert (model_dir / meta["crf_file"]).is_file()
        assert "feature_config" in meta and "crf_params" in meta
    else:
        assert meta["kind"] == "bilstm-crf"
        assert (model_dir / meta["weights_file"]).is_file()


def test_shipped_size_under_limit():
    total = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert total < 30 * 1024 * 1024


def test_load_model_is_cached():
    assert ner.load_model() is ner.load_model()
    assert ner.load_model(MODEL_DIR / "model.json") is ner.load_model()
    if (MODEL_DIR / "fast" / "model.json").is_file():
        assert ner.load_model("fast") is ner.load_model(MODEL_DIR / "fast")
        assert isinstance(ner.load_model("fast"), ner.CrfTagger)


SENTENCES = [
    "وقال وزير الخارجية المصري سامح شكري في القاهرة إن المحادثات مستمرة .",
    "أعلنت وزارة الدفاع الروسية أن قواتها دمرت مستودعا قرب مدينة حلب في سوريا .",
    "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره الأمريكي دونالد ترامب في باريس يوم الاثنين.",
    "وذكرت وكالة رويترز أن الانفجار وقع في حي الكرادة ببغداد، مما أسفر عن مقتل 5 أشخاص!",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_tag_offsets_give_back_text(text):
    ents = ner.tag(text)
    for e in ents:
        assert isinstance(e, ner.Entity)
        assert text[e.start:e.end] == e.text
        assert e.label in ner.LABELS
        assert e.text == e.text.strip() and e.text


def test_tag_offsets_with_diacritics_and_extra_spaces():
    text = "  قال   الرئيسُ   محمد بن سلمان   في الرياض .\n\nوفي   دمشق ،  قال   العقيد أحمد. "
    for e in ner.tag(text):
        assert text[e.start:e.end] == e.text


@pytest.mark.parametrize("model_dir", SHIPPED, ids=lambda p: p.name)
def test_model_finds_obvious_entities(model_dir):
    model = ner.load_model(model_dir)
    text = "وقال وزير الخارجية المصري سامح شكري في القاهرة إن المحادثات مستمرة ."
    found = {(e.label, e.text) for e in ner.tag(text, model)}
    assert ("LOC", "القاهرة") in found
    assert ("PERS", "سامح شكري") in found


@pytest.mark.parametrize("model_dir", SHIPPED, ids=lambda p: p.name)
def test_tag_tokens_iob2(model_dir):
    model = ner.load_model(model_dir)
    toks = ["أعلن", "الرئيس", "جورج", "بوش", "في", "واشنطن", "أن", "القوات", "ستبقى", "في", "العراق", "."]
    labels = ner.tag_tokens(toks, model)
    assert len(labels) == len(toks)
    assert labels[2] == "B-PERS" and labels[3] == "I-PERS"
    assert labels[5] == "B-LOC" and labels[10] == "B-LOC"
    assert all(lab == "O" or lab[:2] in ("B-", "I-") for lab in labels)
    assert ner.tag_tokens([], model) == []


def test_tag_empty_text():
    assert ner.tag("") == []
    assert ner.tag("   \n ") == []


def test_evaluate_file_roundtrip(tmp_path):
    p = tmp_path / "mini.conll"
    p.write_text("أعلن O\nالرئيس O\nجورج B-PERS\nبوش I-PERS\nفي O\nواشنطن B-LOC\n. O\n\n", encoding="utf-8")
    r = ner.evaluate_file(p)
    assert set(r) >= {"per_type", "micro"}
    assert 0.0 <= r["micro"]["f1"] <= 1.0


# -- optional Hugging Face backend (skipped without transformers) -------------------------------------
def test_hf_label_mapping():
    from rasd.ner.hf import _repair, map_label

    assert map_label("B-PER") == "B-PERS" and map_label("I-ORG") == "I-ORG" and map_label("O") == "O"
    assert map_label("B-GPE") == "B-LOC" and map_label("LABEL_0") == "O"
    assert _repair(["I-LOC", "I-LOC", "O", "I-PERS", "I-ORG"]) == ["B-LOC", "I-LOC", "O", "B-PERS", "B-ORG"]


def test_hf_backend_tiny_random_bert(tmp_path, monkeypatch):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        transformers = pytest.importorskip("transformers")
        pytest.importorskip("torch")
        from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

        words = ["قال", "الرئيس", "محمد", "في", "بغداد", "إن", "الوضع", "مستقر", "."]
        vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words, "##ا", "##ل", "بغ", "##داد"]
        vocab_file = tmp_path / "vocab.txt"
        vocab_file.write_text("\n".join(vocab) + "\n", encoding="utf-8")
        tok = BertTokenizerFast(vocab_file=str(vocab_file), do_lower_case=False, tokenize_chinese_chars=False)
        labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
        config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                            intermediate_size=32, max_position_embeddings=64, num_labels=len(labels),
                            id2label=dict(enumerate(labels)), label2id={v: i for i, v in enumerate(labels)})
        transformers.set_seed(0)
        model = BertForTokenClassification(config)
        model.save_pretrained(tmp_path / "m")
        tok.save_pretrained(tmp_path / "m")
        from rasd.ner.hf import HFTagger

        tagger = HFTagger(tmp_path / "m", max_length=8)  # short: forces chunking of long sentences
        toks = "قال الرئيس محمد في بغداد إن الوضع مستقر . قال محمد في بغداد".split()
        out = tagger.tag_tokens(toks)
        assert len(out) == len(toks)
        assert all(x == "O" or x[:2] in ("B-", "I-") and x[2:] in ("PERS", "LOC", "ORG", "MISC") for x in out)
        assert not any(x.startswith("I-") and (i == 0 or out[i - 1][2:] != x[2:]) for i, x in enumerate(out))
        text = "قال الرئيس محمد في بغداد إن الوضع مستقر. وقال   محمد في بغداد"
        for e in tagger.tag(text):
            assert text[e.start:e.end] == e.text
        assert tagger.tag_sentences([[], ["قال"]])[0] == []
        # a Hugging Face folder is accepted wherever a model folder is: load_model, rasd ner tag/evaluate --model
        assert ner.is_hf_model_dir(tmp_path / "m") and not ner.is_hf_model_dir(MODEL_DIR)
        assert isinstance(ner.load_model(tmp_path / "m"), HFTagger)
        from typer.testing import CliRunner

        from rasd.cli import app

        monkeypatch.setenv("RASD_NER_MODEL", "fast")  # the CLI sets it; monkeypatch restores it afterwards
        res = CliRunner().invoke(app, ["ner", "tag", text, "--model", str(tmp_path / "m")])
        assert res.exit_code == 0, res.output
        for line in res.output.splitlines():
            start, end, label, surface = line.split("\t")
            assert text[int(start):int(end)] == surface and label in ner.LABELS
        conll = tmp_path / "mini.conll"
        conll.write_text("قال O\nمحمد B-PERS\nفي O\nبغداد B-LOC\n\n", encoding="utf-8")
        res = CliRunner().invoke(app, ["ner", "evaluate", str(conll), "--model", str(tmp_path / "m")])
        assert res.exit_code == 0, res.output
        assert res.output.splitlines()[-1].startswith("micro-F1 ")


def test_consistency_propagates_names_within_document():
    from rasd.ner.consistency import propagate

    sents = [["قال", "سامح", "شكري", "في", "القاهرة"], ["وأضاف", "شكري", "أن", "القاهرة", "ترحب"],
             ["وقال", "سامح", "شكري", "إن", "في", "الأمر", "خيرا"]]
    labels = [["O", "B-PERS", "I-PERS", "O", "B-LOC"], ["O", "B-PERS", "O", "O", "O"],
              ["O", "O", "O", "O", "O", "O", "O"]]
    out = propagate(sents, labels)
    assert out[1][3] == "B-LOC"  # القاهرة spread
    assert out[2][1:3] == ["B-PERS", "I-PERS"]  # the two-word name spread
    assert out[2][4] == "O"  # function words never spread
    assert labels[2][1] == "O"  # input untouched
    # a proclitic on the first word is allowed: «وبالقاهرة»
    assert propagate([["في", "القاهرة"], ["وبالقاهرة", "."]], [["O", "B-LOC"], ["O", "O"]])[1][0] == "B-LOC"
    # a type the document gives the string at most half as often yields to the majority; a tie stays
    sents = [["قالت", "حماس"], ["إن", "حماس"], ["بيان", "حماس"]]
    assert [x[1] for x in propagate(sents, [["O", "B-ORG"], ["O", "B-ORG"], ["O", "B-LOC"]])] == ["B-ORG"] * 3
    assert [x[1] for x in propagate(sents[:2], [["O", "B-ORG"], ["O", "B-LOC"]])] == ["B-ORG", "B-LOC"]
    assert propagate(sents, [["O", "B-ORG"], ["O", "B-ORG"], ["O", "B-LOC"]], unify_ratio=None)[2][1] == "B-LOC"


# -- numpy BiLSTM-CRF inference on a tiny random model (no torch needed) -------------------------------
def _tiny_neural_model(d: Path, hidden: int = 4) -> Path:
    import numpy as np

    from rasd.ner.neural import CLITICS, CUES, NEURAL_VERSION, SHAPES

    rng = np.random.default_rng(0)
    words = ["قال", "الرئيس", "محمد", "بغداد"]
    chars = sorted(set("".join(words)))
    wd, cd, nf, kd = 6, 3, 5, 2
    d_in = wd + nf + kd + 8 + 4 + 4 + 4
    labels = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
    r = lambda *s: rng.normal(0, 0.5, s).astype(np.float32)  # noqa: E731
    w = {"word_emb": np.vstack([np.zeros((1, wd)), r(len(words), wd)]).astype(np.float16),
         "words": np.array(words), "char_emb": np.vstack([np.zeros((1, cd)), r(len(chars) + 1, cd)]),
         "char_conv_w": r(3 * cd, nf), "char_conv_b": r(nf), "cluster_emb0": r(33, kd),
         "clitic_emb": r(len(CLITICS), 8), "shape_emb": r(len(SHAPES), 4), "cue_emb": r(len(CUES), 4),
         "source_emb": r(3, 4), "out_w": r(len(labels), 2 * hidden), "out_b": r(len(labels)),
         "crf_trans": r(len(labels), len(labels)), "crf_start": r(len(labels)), "crf_end": r(len(labels))}
    for sfx in ("f", "b"):
        w[f"lstm_wih_{sfx}"] = r(4 * hidden, d_in)
        w[f"lstm_whh_{sfx}"] = r(4 * hidden, hidden)
        w[f"lstm_b_{sfx}"] = r(4 * hidden)
    d.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(d / "tiny.npz", **w)
    (d / "clusters.tsv").write_text("#ks\t32\nقال\t3\nبغداد\t7\n", encoding="utf-8")
    meta = {"name": "tiny", "kind": "bilstm-crf", "neural_version": NEURAL_VERSION, "weights_file": "tiny.npz",
            "clusters_file": "clusters.tsv", "labels_iob": labels, "hidden": hidden,
            "encoder": {"chars": chars, "cluster_ks": [32]}}
    (d / "model.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return d


def test_neural_tagger_numpy_inference(tmp_path):
    from rasd.ner.neural import NeuralTagger, viterbi_batch

    tagger = ner.load_model(_tiny_neural_model(tmp_path / "tiny"))
    assert isinstance(tagger, NeuralTagger)
    sents = [["قال", "الرئيس", "محمد", "في", "بغداد", "."], ["محمد"], [], ["وبغداد"] * 40]
    out = tagger.tag_sentences(sents)
    assert [len(x) for x in out] == [len(s) for s in sents]
    # batching does not change results
    assert [tagger.tag_tokens(s) for s in sents] == out
    text = "قال الرئيسُ محمد في بغداد. وفي   بغداد قال محمد"
    for e in tagger.tag(text):
        assert text[e.start:e.end] == e.text
    # batched Viterbi equals a plain one
    import numpy as np

    rng = np.random.default_rng(1)
    em = rng.normal(size=(3, 5, 4))
    lengths = np.array([5, 2, 1])
    tr, st, en = rng.normal(size=(4, 4)), rng.normal(size=4), rng.normal(size=4)

    def plain(e):
        sc, back = st + e[0], []
        for t in range(1, len(e)):
            c = sc[:, None] + tr
            back.append(c.argmax(0))
            sc = c.max(0) + e[t]
        y = [int((sc + en).argmax())]
        for b in reversed(back):
            y.append(int(b[y[-1]]))
        return y[::-1]

    assert viterbi_batch(em, lengths, tr, st, en) == [plain(em[i, : lengths[i]]) for i in range(3)]


def test_marks_only_and_odd_tokens():
    text = "ـ ً قال محمد ـــ في #بغداد_اليوم ﷺ 3,5 A.B"
    for model_dir in SHIPPED:
        model = ner.load_model(model_dir)
        for e in ner.tag(text, model):
            assert text[e.start:e.end] == e.text
        assert len(ner.tag_tokens(["ـ", "ً", "قال", ""], model)) == 4


def test_fast_model_start_data_is_current():
    from rasd.ner.crf import FAST_START, _shipped_start_data

    stored = FAST_START.read()
    assert stored is not None, "rasd/data/ner/fast/start.bin is missing or stale: run scripts/build_indexes.py"
    clusters, known = stored
    fresh_clusters, fresh_known = _shipped_start_data()
    assert known == fresh_known and clusters.ks == fresh_clusters.ks and clusters.ids == fresh_clusters.ids
