"""bench/real_text.py: its metrics agree with scikit-learn, the bootstrap is paired and reproducible, the Markdown
section replaces only its own markers, and it skips cleanly without the dev set."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("real_text", ROOT / "bench" / "real_text.py")
real_text = importlib.util.module_from_spec(spec)
spec.loader.exec_module(real_text)

GOLD = ["fees", "fees", "time", "other", "trouble", "other", "time", "fees"]
PRED = ["fees", "time", "time", "other", "other", "other", "fees", "fees"]


@pytest.mark.parametrize("labels", [["fees", "time", "other"], ["fees", "time", "other", "trouble", "low_pay"]])
def test_macro_f1_agrees_with_scikit_learn(labels):
    want = f1_score(GOLD, PRED, labels=labels, average="macro", zero_division=0)
    assert real_text.macro_f1(GOLD, PRED, labels) == pytest.approx(want)
    ones = np.ones((1, len(GOLD)))
    assert real_text.weighted_macro_f1(GOLD, PRED, labels, ones)[0] == pytest.approx(want)


@pytest.mark.parametrize(
    ("gold", "min_support", "expected"), [(GOLD, 2, ["fees", "other", "time"]), (GOLD, 3, ["fees"])]
)
def test_scored_reasons_keep_those_with_enough_gold_items(gold, min_support, expected):
    assert real_text.scored_reasons(gold, min_support) == expected


def test_resamples_are_reproducible_and_keep_the_size():
    a, b = real_text.resample_weights(8, 50, seed=3), real_text.resample_weights(8, 50, seed=3)
    np.testing.assert_array_equal(a, b)
    assert a.shape == (50, 8) and (a.sum(axis=1) == 8).all()
    assert not np.array_equal(a, real_text.resample_weights(8, 50, seed=4))


@pytest.mark.parametrize(
    ("pred_b", "sign", "win"),
    [(PRED, 0, 0.5), (GOLD, 1, 1.0), (["other"] * len(GOLD), -1, 0.0)],
    ids=["same", "perfect", "worse"],
)
def test_paired_difference(pred_b, sign, win):
    weights = real_text.resample_weights(len(GOLD), 200)
    out = real_text.paired_difference(GOLD, PRED, pred_b, ["fees", "time", "other"], weights)
    assert np.sign(round(out["diff"], 9)) == sign
    assert out["lo"] <= out["diff"] <= out["hi"] or sign == 0
    assert out["win"] == pytest.approx(win, abs=0.05)


def test_evaluate_predictions_scores_all_and_agreed():
    class P:
        def __init__(self, reason, sentiment):
            self.reason, self.sentiment = reason, sentiment

    rows = [
        {"id": f"d{i}", "reasons": g, "sentiment": "negative", "annotators_agree": "yes" if i % 2 else "no"}
        for i, g in enumerate(GOLD)
    ]
    preds = [P(p, "negative" if i < 6 else "neutral") for i, p in enumerate(PRED)]
    result = real_text.evaluate_predictions(rows, preds, resamples=100)
    assert set(result) == {"all", "agreed"} and result["agreed"]["reason"]["n"] == 4
    assert result["all"]["sentiment"]["accuracy"] == pytest.approx(6 / 8)
    confusion = np.array(result["all"]["reason_confusion"])
    assert confusion.sum() == len(GOLD) and np.trace(confusion) == sum(g == p for g, p in zip(GOLD, PRED))
    lo, hi = result["all"]["reason"]["macro_f1_ci"]
    assert lo <= hi


def test_write_section_replaces_only_its_own_markers(tmp_path):
    doc = tmp_path / "real_text.md"
    doc.write_text("# Title\n\nhand-written\n", encoding="utf-8")
    real_text.write_section(doc, "a", "first\n")
    real_text.write_section(doc, "b", "other\n")
    real_text.write_section(doc, "a", "second\n")
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\nhand-written\n")
    assert "second" in text and "first" not in text and "other" in text
    assert text.count("real_text:a begin") == 1 and text.index("real_text:a") < text.index("real_text:b")


def test_main_skips_cleanly_without_the_dev_set(tmp_path, capsys):
    assert real_text.main(["--data", str(tmp_path / "missing.csv")]) == 0
    assert "real dev set not found" in capsys.readouterr().out


GOLD_20 = ["fees"] * 10 + ["time"] * 10 + ["other"] * 3
PRED_20 = ["fees"] * 8 + ["time"] * 2 + ["time"] * 7 + ["other"] * 3 + ["fees"] * 3


@pytest.mark.parametrize(
    ("labels", "subset", "expected_labels"),
    [
        (["fees", "time"], list(range(23)), ["fees", "time"]),  # the whole set: both reasons have 10
        (["fees", "time"], list(range(19)), ["fees"]),  # on the subset time has 9 gold items: not scored
        (list(real_text.SENTIMENTS), list(range(19)), list(real_text.SENTIMENTS)),  # sentiment labels stay
    ],
)
def test_subset_macro_f1_recounts_the_scored_reasons_on_the_subset(labels, subset, expected_labels):
    gold, pred = GOLD_20, PRED_20
    if labels == list(real_text.SENTIMENTS):
        gold = ["negative"] * 10 + ["neutral"] * 13
        pred = ["negative"] * 12 + ["positive"] * 11
    g, p = [gold[i] for i in subset], [pred[i] for i in subset]
    want = real_text.macro_f1(g, p, expected_labels)
    assert real_text.subset_macro_f1(gold, pred, labels, subset) == pytest.approx(want)
    assert want > 0


@pytest.mark.parametrize("given", ["argument", "TAIKAI_MODEL"])
def test_main_names_the_model_it_scored(tmp_path, monkeypatch, capsys, tiny_model_dir, given):
    """Regression: without a model argument the section was named and described as ``models/default`` whatever
    model was scored (``$TAIKAI_MODEL``'s, or the installed one)."""
    dev = tmp_path / "dev.csv"
    lines = ["id,text,reasons,sentiment,annotators_agree", "d1,手数料が高すぎてやめました。,fees,negative,yes"]
    lines.append("d2,子育てで時間が取れなくなりました。,time,neutral,no")
    dev.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "real_text.md"
    monkeypatch.chdir(tmp_path)
    args = ["--data", str(dev), "--out", str(out), "--resamples", "5"]
    if given == "argument":
        args.insert(0, str(tiny_model_dir))
    else:
        monkeypatch.setenv("TAIKAI_MODEL", str(tiny_model_dir))
    assert real_text.main(args) == 0
    text = out.read_text(encoding="utf-8")
    assert f"<!-- real_text:{tiny_model_dir.name} begin" in text
    assert f"Model `{tiny_model_dir}`" in text and "models/default" not in text


def test_main_says_a_wrong_model_directory_without_a_traceback(tmp_path, capsys):
    dev = tmp_path / "dev.csv"
    dev.write_text(
        "id,text,reasons,sentiment,annotators_agree\nd1,手数料が高い。,fees,negative,yes\n", encoding="utf-8"
    )
    assert real_text.main([str(tmp_path / "nowhere"), "--data", str(dev)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("real_text.py: error: ") and "nowhere: no such model directory" in err
    assert "MODEL_DIR" in err and "--model" not in err  # the option the library names is not this script's
