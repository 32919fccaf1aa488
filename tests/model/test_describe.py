"""A model described by the library (taikai.model.describe_model, Model.describe, training_summary,
Model.training_summary) is the text ``taikai info`` and ``taikai train`` print, byte for byte: the commands hold no
wording of their own, and a notebook user gets the same text after taikai.train."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import ModelError
from taikai.model import (
    AddedComparison,
    HeldOutScores,
    Metrics,
    Model,
    ModelMetadata,
    ModelStatus,
    RecordedConfig,
    TrainingData,
    TrainingRecord,
    artifact_problems,
    describe_model,
    read_metadata,
    skipped_rows_block,
    training_summary,
)
from taikai.model._describe import HAND_BUILT, REFITTED
from tests.conftest import TINY_OPTIONS


@pytest.fixture(scope="module")
def damaged_dir(tmp_path_factory, tiny_model_dir):
    """A copy of the tiny model whose artifact no longer matches its sha256: loading refuses it."""
    out = tmp_path_factory.mktemp("damaged") / "m"
    shutil.copytree(tiny_model_dir, out)
    data = bytearray((out / "model.joblib").read_bytes())
    data[len(data) // 2] ^= 1  # the same size: only the sha256 tells
    (out / "model.joblib").write_bytes(data)
    return out


@pytest.mark.parametrize(
    ("which", "options", "loaded"),
    [
        ("tiny", [], True),
        ("tiny", ["--metadata-only"], False),
        ("damaged", ["--metadata-only"], False),
    ],
    ids=["loaded", "metadata-only", "refused"],
)
def test_info_prints_what_the_library_describes(request, which, options, loaded):
    path = request.getfixturevalue("tiny_model_dir" if which == "tiny" else "damaged_dir")
    result = CliRunner().invoke(cli, ["info", "--model", str(path), *options])
    assert result.exit_code == 0, result.output
    meta = read_metadata(path)
    status = ModelStatus(loaded=loaded, problems=() if loaded else tuple(artifact_problems(path, meta)))
    assert result.stdout == describe_model(meta, path, status) + "\n"
    assert ("REFUSED when loading: " in result.stdout) == (which == "damaged")


def test_model_describe_is_what_info_prints(tiny_model_dir):
    result = CliRunner().invoke(cli, ["info", "--model", str(tiny_model_dir)])
    assert result.stdout == taikai.load_model(tiny_model_dir).describe() + "\n"


def test_an_unsaved_model_describes_itself_as_not_saved(tiny_model):
    text = Model(tiny_model.pipeline, tiny_model.metadata).describe()
    assert text.startswith(f"model:      not saved\nstatus:     {TRAINED}\n")  # not loaded: not verified


@pytest.mark.parametrize(
    ("call", "lines"),
    [
        (
            lambda m: m.describe(),
            [
                "model:      not saved",
                f"status:     {HAND_BUILT}",
                "reasons:    low_pay, fees, rejection, time, graduated, platform_switch, trouble, other",
                "sentiments: positive, neutral, negative",
                "thresholds: none tuned: every reason is added at 0.3",
            ],
        ),
        (lambda m: m.training_summary(), [f"no training run to summarise: {HAND_BUILT}"]),
    ],
    ids=["describe", "training_summary"],
)
def test_a_model_built_from_a_pipeline_says_its_labels_and_that_nothing_else_is_recorded(tiny_model, call, lines):
    # before: "created:      (taikai , model format 6)", "reasons:    " (none), "dictionary: ? ?"; no summary at all
    assert call(Model(tiny_model.pipeline)).splitlines() == lines


@pytest.fixture(scope="module")
def trained(tmp_path_factory, tiny_csv):
    """``taikai train`` on the tiny data plus one row without Japanese (skipped): its result and model directory."""
    folder = tmp_path_factory.mktemp("trained")
    data = folder / "data.csv"
    data.write_text(tiny_csv.read_text(encoding="utf-8") + "hello world,fees,negative\n", encoding="utf-8")
    out = folder / "m"
    args = ["train", str(data), "--out", str(out), "--folds", "2", "--test-size", "0.25", "--vectors", "none"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result, out


def test_train_prints_what_the_library_summarises(trained):
    """On standard error, as batch prints its summary (h306): standard output holds nothing."""
    result, out = trained
    meta = read_metadata(out)
    assert result.stdout == ""
    assert result.stderr == training_summary(meta, out) + "\n" + skipped_rows_block(meta) + "\n"
    assert "cv:   " in result.stderr and "test: " in result.stderr
    skipped = f"WARNING: 1 training row(s) cannot be used and were skipped:\n  {out.parent / 'data.csv'}:42: "
    assert result.stderr.startswith(training_summary(meta, out) + "\n" + skipped)


def test_model_training_summary_is_what_train_prints(trained):
    result, out = trained
    assert taikai.load_model(out).training_summary() == result.stderr.rstrip("\n")


@pytest.mark.parametrize(
    ("refit", "metrics", "noted"),
    [
        (True, {"cv": {"folds": 2}, "test": {"reason_accuracy": 0.5}, "note": "measured before"}, True),
        (False, {"cv": {"folds": 2}, "test": {"reason_accuracy": 0.5}}, False),
        (True, {"cv": {"folds": 2}}, False),  # no test split: nothing measured before refitting
    ],
    ids=["refitted", "not-refitted", "no-test-split"],
)
def test_the_summary_of_a_refitted_model_says_its_test_figures_came_before(refit, metrics, noted):
    """Regression: train --refit-all printed its "test:" figures with no word that the saved model was then
    refitted on all rows, the test rows among them (info said so)."""
    data = {"rows": 40, "train_rows": 32, "test_rows": 0 if "test" not in metrics else 8}
    meta = replace(
        ModelMetadata.unsaved(),
        metrics=Metrics.from_dict(metrics),
        training_data=TrainingRecord.from_dict(data),
        refit_on_all_rows=refit,
    )
    lines = training_summary(meta, None).splitlines()
    assert (f"note:  {REFITTED}" in lines) is noted
    if noted:
        assert lines.index(f"note:  {REFITTED}") == next(n for n, s in enumerate(lines) if s.startswith("test:")) + 1


def test_train_refit_all_prints_that_its_test_figures_came_before_refitting(tiny_csv, tmp_path):
    out = tmp_path / "m"
    args = ["train", tiny_csv, "--out", out, "--folds", "2", "--test-size", "0.25", "--vectors", "none", "--refit-all"]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    assert f"\nnote:  {REFITTED}\n" in result.stderr
    assert result.stderr.endswith(training_summary(read_metadata(out), out) + "\n")


def test_a_summary_without_out_has_no_written_line():
    meta = replace(ModelMetadata.unsaved(), metrics=Metrics.from_dict({"cv": {"folds": 0}}))
    assert training_summary(meta, None) == "cv: skipped (no cross-validation; see the warnings)"
    assert skipped_rows_block(meta) == ""


@pytest.mark.parametrize(
    ("status", "refused", "values", "says"),
    [
        (ModelStatus(loaded=True), False, {"loaded": True, "refused": False, "problems": []}, "verified and loaded"),
        (
            ModelStatus(loaded=False, problems=("bad sha256", "old sklearn")),
            True,
            {"loaded": False, "refused": True, "problems": ["bad sha256", "old sklearn"]},
            "REFUSED when loading: bad sha256; old sklearn",
        ),
        (
            ModelStatus(loaded=False),
            None,
            {
                "loaded": False,
                "refused": None,
                "problems": [],
                "unchecked": "that the artifact is a taikai pipeline, and the labels, thresholds and feature",
            },
            "sha256 and library versions match (metadata only: not loaded, so not checked: that the artifact is a "
            "taikai pipeline, and the labels, thresholds and feature configuration against it",
        ),
    ],
    ids=["loaded", "refused", "unchecked"],
)
def test_model_status(status, refused, values, says):
    assert status.refused is refused
    shown = status.to_dict()
    if "unchecked" in values:  # what is left unchecked: its start
        shown["unchecked"] = shown["unchecked"][: len(values["unchecked"])]
    assert shown == values
    assert status.describe().startswith(says)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, TrainingData()),
        (
            {
                "file": "d.csv",
                "file_sha256": "ab",
                "content_sha256": "cd",
                "rows": 594,
                "train_rows": 475,
                "test_rows": 119,
                "skipped_rows": 6,
                "skipped_examples": ["line 3: no Japanese"],
                "added_disagreeing_duplicates": 2,
                "added_disagreeing_repeats": 0,
                "added_disagreeing_in": {"duplicates": {"reasons": 2, "sentiment": 0}, "repeats": {}},
            },
            TrainingData("d.csv", "ab", "cd", 594, 475, 119, 6, ("line 3: no Japanese",), 2, 0, {"reasons": 2}, {}),
        ),
        ({"rows": True, "train_rows": "4", "skipped_rows": None}, TrainingData()),  # mistyped: not recorded
    ],
    ids=["none", "all", "mistyped"],
)
def test_trained_on_reads_training_data(values, expected):
    assert replace(ModelMetadata.unsaved(), training_data=TrainingRecord.from_dict(values)).trained_on() == expected


def test_added_comparison_reads_the_added_metrics():
    scores = HeldOutScores(0.5, 0.4)
    comparison = AddedComparison(rows=4, folds=2, without=scores, with_added=scores)
    meta = replace(ModelMetadata.unsaved(), metrics=Metrics(added=comparison))
    assert meta.added_comparison() == comparison
    assert ModelMetadata.unsaved().added_comparison() is None
    assert training_summary(meta, None).splitlines() == comparison.lines()


def test_an_unreadable_config_is_said_by_info_not_raised(tiny_model):
    """A config key this taikai does not know: feature_config() names it; the description shows it."""
    meta = replace(tiny_model.metadata, config=RecordedConfig.from_dict({"word_ngrams": [1, 2], "colour": "red"}))
    with pytest.raises(ModelError, match="the config of this model holds the setting colour='red', which this taikai"):
        meta.feature_config()  # saved by this same version: the file was edited
    line = next(s for s in describe_model(meta, "m", ModelStatus(True)).splitlines() if s.startswith("config:"))
    assert line.startswith("config:     unreadable: the config of this model holds the setting colour='red'")
    older = replace(meta, taikai_version="0.0.1")
    with pytest.raises(ModelError, match="does not support the setting colour='red' of this model"):
        older.feature_config()


@pytest.mark.parametrize(
    ("counts", "heads"),
    [
        ({}, None),
        (
            {"reason_rows": 48, "sentiment_rows": 40},
            "reason head 48 rows, sentiment head 40 (not the 8 with reasons only)",
        ),
        (
            {"reason_rows": 1200, "sentiment_rows": 0},
            "reason head 1,200 rows, sentiment head 0 (not the 1,200 with reasons only)",
        ),
        (  # regression: "(40 with a sentiment only)" read as 40 of the head's own 256 rows
            {"reason_rows": 256, "sentiment_rows": 296, "fitted_rows": 296},
            "reason head 256 rows (not the 40 with a sentiment only), sentiment head 296",
        ),
    ],
    ids=["both-heads-alike", "reasons-only-rows", "thousands", "sentiment-only-rows"],
)
def test_heads_are_said_by_summary_and_info_when_recorded(counts, heads):
    meta = replace(ModelMetadata.unsaved(), training_data=TrainingRecord.from_dict(counts))
    summary, info = training_summary(meta, None).splitlines(), describe_model(meta, "m", ModelStatus(True)).splitlines()
    assert [line for line in summary if line.startswith("heads:")] == ([f"heads: {heads}"] if heads else [])
    assert [line for line in info if line.startswith("heads:")] == ([f"heads:      {heads}"] if heads else [])


@pytest.mark.parametrize(
    ("sentiment_rows", "first_line"),
    [
        (None, "your labels: 4 rows, 2-fold; trained without them → with them"),
        (
            0,
            "your labels: 4 rows, 2-fold; trained without them → with them; none has a sentiment, so only reasons are "
            "scored",
        ),
        (
            3,
            "your labels: 4 rows, 2-fold; trained without them → with them; sentiment scored on the 3 with a sentiment",
        ),
    ],
)
def test_added_comparison_round_trips_and_says_its_sentiment_rows(sentiment_rows, first_line):
    scores = HeldOutScores(0.5, 0.4)
    comparison = AddedComparison(4, 2, scores, scores, sentiment_rows)
    assert AddedComparison.from_dict(comparison.to_dict()) == comparison
    assert ("sentiment_rows" in comparison.to_dict()) is (sentiment_rows is not None)
    assert comparison.lines()[0] == first_line


@pytest.mark.parametrize(
    ("rows", "reason_rows", "sentiment_rows", "caution"),
    [
        (2, None, None, "  caution: scored on only 2 row(s): each row moves an accuracy by 0.500, so these"),
        (
            40,
            None,
            3,
            "  caution: scored on few rows: the reason on 40, each moving its accuracy by 0.025; the sentiment "
            "on 3, each moving its accuracy by 0.333, so these",
        ),
        (
            60,
            12,
            None,
            "  caution: the reason scored on only 12 row(s): each row moves its accuracy by 0.083, so its "
            "differences are mostly chance (the sentiment is scored on 60); compare again",
        ),
        # a head on enough rows is not said to be chance
        (
            60,
            None,
            20,
            "  caution: the sentiment scored on only 20 row(s): each row moves its accuracy by 0.050, so its "
            "differences are mostly chance (the reason is scored on 60); compare again",
        ),
        # regression: 40 rows, 20 with a sentiment, said "scored on only 20 row(s)" of the reasons scored on 40 too
        (
            40,
            None,
            20,
            "  caution: scored on few rows: the reason on 40, each moving its accuracy by 0.025; the "
            "sentiment on 20, each moving its accuracy by 0.050, so these",
        ),
        (30, 30, 30, "  caution: scored on only 30 row(s): each row moves an accuracy by 0.033, so these"),
        (50, None, None, None),  # enough rows: no caution
        (80, 60, 0, None),  # no sentiment scored: the reasons' 60 rows count
    ],
)
def test_a_comparison_on_few_rows_says_its_differences_are_mostly_chance(rows, reason_rows, sentiment_rows, caution):
    """Regression: the before/after of 2 added rows printed three decimals with no caveat."""
    scores = HeldOutScores(0.5, 0.4, 0.5, 0.4)
    lines = AddedComparison(rows, 2, scores, scores, sentiment_rows, reason_rows).lines()
    found = [line for line in lines if line.startswith("  caution:")]
    assert [line[: len(caution)] for line in found] == ([caution] if caution else [])
    if caution:  # last, after the scores, and saying what to do
        assert lines[-1] == found[0] and found[0].endswith("compare again with 50 or more labelled rows")


def test_added_comparison_is_one_class_wherever_it_is_imported():
    """It moved to taikai.model (the metadata reads it); taikai.training and taikai still export it."""
    import taikai.training

    assert taikai.AddedComparison is taikai.training.AddedComparison is AddedComparison
    assert taikai.training.HeldOutScores is HeldOutScores


TRAINED = "trained in this session, not loaded from a directory (so not verified: load_model verifies one)"


@pytest.mark.parametrize(
    ("made", "where", "status"),
    [
        ("trained", "not saved", TRAINED),  # regression: said "verified and loaded"
        ("trained and saved", "saved", TRAINED),
        ("loaded", "saved", "verified and loaded"),
        ("loaded and saved again", "saved", "verified and loaded"),
    ],
)
def test_describe_says_whether_the_model_was_loaded_or_trained_here(tiny_csv, tmp_path, made, where, status):
    out = tmp_path / "m"
    if made.startswith("trained"):
        config = taikai.model.FeatureConfig(min_df=1)
        model = taikai.train(tiny_csv, out if "saved" in made else None, config=config, folds=0, test_size=0)
    else:
        taikai.train(tiny_csv, out, config=taikai.model.FeatureConfig(min_df=1), folds=0, test_size=0)
        model = taikai.load_model(out)
        if "again" in made:
            model.save(tmp_path / "again")
    lines = model.describe().splitlines()
    assert lines[0] == ("model:      not saved" if where == "not saved" else f"model:      {model.path}")
    assert lines[1] == f"status:     {status}"
    assert model.loaded is made.startswith("loaded")


@pytest.mark.parametrize(
    ("free_labels", "said"),
    [
        (True, "  (free labels: the user's own, trained with --free-labels; each read as written, not the taxonomy's)"),
        (False, ""),
    ],
    ids=["free-labels", "taxonomy"],
)
def test_info_says_when_the_labels_are_the_user_s_own(tiny_model_dir, free_labels, said):
    """Regression: info showed a --free-labels model's reasons as if they were the taxonomy's."""
    meta = replace(read_metadata(tiny_model_dir), free_labels=free_labels)
    lines = describe_model(meta, tiny_model_dir, ModelStatus(loaded=True)).splitlines()
    reasons = next(line for line in lines if line.startswith("reasons:"))
    assert reasons.endswith(said)
    assert ("free labels" in reasons) == free_labels


@pytest.mark.parametrize(
    ("max_chars", "said"),
    [
        (10_000, "max_chars:  10,000 (a longer text is classified from its first 10,000 characters)"),
        (500, "max_chars:  500 (a longer text is classified from its first 500 characters)"),
    ],
    ids=["trained", "edited"],
)
def test_info_says_the_longest_text_the_model_classifies(tiny_model_dir, max_chars, said):
    """Regression: info showed the thresholds read from metadata.json but not max_chars, which is read from it alone
    too and cuts every longer text: a model whose max_chars was edited looked like any other."""
    meta = replace(read_metadata(tiny_model_dir), max_chars=max_chars)
    assert said in describe_model(meta, tiny_model_dir, ModelStatus(loaded=True)).splitlines()


@pytest.mark.parametrize(
    ("columns", "sentiment", "shown"),
    [
        (
            {"text": "本文", "reasons": "理由", "sentiment": "感情"},
            True,
            "columns:    本文, 理由, 感情 (text, reasons, sentiment)",
        ),
        ({}, True, "columns:    text, reasons, sentiment\n"),
        ({"text": "body"}, False, "columns:    body, reasons (text, reasons); no sentiment\n"),
    ],
    ids=["own-names", "standard-names", "no-sentiment"],
)
def test_info_shows_the_columns_the_model_was_trained_on(tmp_path, tiny_csv, columns, sentiment, shown):
    """Regression: taikai info did not say which columns a model was trained on (--json and the retrain hints did),
    so that an analyst could not see which options evaluate would need for another file of the same shape."""
    import pandas as pd

    pd.read_csv(tiny_csv).rename(columns=columns).to_csv(tmp_path / "data.csv", index=False)
    named = {f"{role}_column": name for role, name in columns.items()}
    if not sentiment:
        named["sentiment_column"] = None
    config = taikai.FeatureConfig(min_df=1)
    taikai.train(tmp_path / "data.csv", tmp_path / "m", config=config, folds=0, test_size=0, **named)
    for args in (["info", "-m", tmp_path / "m"], ["info", "-m", tmp_path / "m", "--metadata-only"]):
        result = CliRunner().invoke(cli, [str(a) for a in args])
        assert result.exit_code == 0, result.output
        assert shown in result.output


DEFAULTS = {"folds": 5, "test_size": 0.2}  # as train's: the tiny model is trained with 2 folds and no test split


@pytest.mark.parametrize(
    ("trained", "line"),
    [
        (DEFAULTS, None),
        # Regression: info said nothing of a model's seed, nor that its texts were masked before training
        ({"seed": 7, **DEFAULTS}, "trained:    --seed 7"),
        ({"mask_pii": True, **DEFAULTS}, "trained:    --mask-pii (texts masked before training)"),
        ({"seed": 7, "mask_pii": True, **DEFAULTS}, "trained:    --seed 7 --mask-pii (texts masked before training)"),
        # Regression: nor its folds and test size (the README's --folds 0 --test-size 0)
        ({}, f"trained:   {TINY_OPTIONS}"),
        ({"folds": 0, "test_size": 0.25}, "trained:    --folds 0 --test-size 0.25"),
        ({"folds": 10, "test_size": 0.2}, "trained:    --folds 10"),
        (
            {"seed": 3, "mask_pii": True, "folds": 0},
            "trained:    --seed 3 --mask-pii --folds 0 --test-size 0 (texts masked before training)",
        ),
    ],
)
def test_info_says_the_options_a_model_was_trained_with(tiny_model_dir, trained, line):
    meta = replace(read_metadata(tiny_model_dir), **trained)
    again = ModelMetadata.from_dict(meta.to_dict())  # recorded in metadata.json and read back
    assert (again.seed, again.mask_pii, again.folds, again.test_size) == (
        meta.seed,
        meta.mask_pii,
        meta.folds,
        meta.test_size,
    )
    lines = describe_model(meta, tiny_model_dir, ModelStatus(loaded=True)).splitlines()
    assert [x for x in lines if x.startswith("trained:")] == ([line] if line else [])


def test_a_model_trained_on_masked_texts_records_it_and_info_says_so(tiny_csv, tmp_path):
    taikai.train(tiny_csv, tmp_path / "m", config=taikai.FeatureConfig(min_df=1), folds=0, test_size=0, mask_pii=True)
    result = CliRunner().invoke(cli, ["info", "-m", str(tmp_path / "m")])
    assert read_metadata(tmp_path / "m").mask_pii
    assert "\ntrained:    --mask-pii --folds 0 --test-size 0 (texts masked before training)\n" in result.output
