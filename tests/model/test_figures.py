"""A model's figures in words, as train's summary and info print them: in the model's order, not as Python dicts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from taikai.evaluation._scores import SingleLabelScores, single_table
from taikai.model import (
    DictionaryInfo,
    FeatureConfig,
    InputFile,
    ModelMetadata,
    TrainingRecord,
    skipped_rows_block,
    training_summary,
)
from taikai.model._figures import (
    count,
    describe_config,
    describe_data,
    describe_dictionary,
    describe_figures,
    describe_thresholds,
)


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        (
            {"reason_macro_f1": 0.91349, "reason_accuracy": 0.9, "folds": 5},
            "reason macro-F1 0.913 · reason accuracy 0.900",
        ),
        ({"sentiment_macro_f1": 0.5, "brand_new": 0.25}, "sentiment macro-F1 0.500 · brand_new 0.250"),
        ({"folds": 0}, "-"),
        ({}, "-"),
        ({"reason_accuracy": 1, "rows": 120, "brand_new": 2}, "reason accuracy 1.000"),  # a score edited to 1: shown
        # few test rows: said to be rough (regression: 20 test rows read as firm as 1,713)
        (
            {"reason_accuracy": 0.75, "rows": 20},
            "reason accuracy 0.750 (on 20 test rows, where one row moves an accuracy by 0.050: rough; taikai "
            "evaluate DATA --split test gives the accuracy's 95 % interval)",
        ),
        (
            {"reason_accuracy": 0.75, "rows": 49},
            "reason accuracy 0.750 (on 49 test rows, where one row moves an accuracy by 0.020: rough; taikai "
            "evaluate DATA --split test gives the accuracy's 95 % interval)",
        ),
        ({"reason_accuracy": 0.75, "rows": 50}, "reason accuracy 0.750"),
        ({"reason_accuracy": 0.75, "rows": 0}, "reason accuracy 0.750"),
        ({"reason_accuracy": 0.75, "rows": True}, "reason accuracy 0.750"),
    ],
)
def test_describe_figures(figures, expected):
    assert describe_figures(figures) == expected


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            FeatureConfig.shipped(),
            "word 1-2-grams (base forms, CP932 look-alikes folded) + word vectors 'chive' (the table must be "
            "installed); min_df 2, C 30/30 (reasons/sentiment), class weight balanced",
        ),
        (
            replace(FeatureConfig.shipped(), cp932_fold=0),  # a model trained before the fold, as models/default
            "word 1-2-grams (base forms) + word vectors 'chive' (the table must be installed); min_df 2, "
            "C 30/30 (reasons/sentiment), class weight balanced",
        ),
        (
            FeatureConfig(),
            "word 1-2-grams (base forms, CP932 look-alikes folded), no word vectors; min_df 2, C 30/30 "
            "(reasons/sentiment), class weight balanced",
        ),
        (
            FeatureConfig(word_ngrams=None, char_ngrams=(2, 4), min_df=1, reason_c=3.5, sentiment_class_weight=None),
            "char 2-4-grams, no word vectors; min_df 1, C 3.5/30 (reasons/sentiment), class weight balanced/None "
            "(reasons/sentiment)",
        ),
        (None, "-"),
    ],
    ids=["shipped", "unfolded", "words-only", "chars", "none"],
)
def test_describe_config_tells_a_model_without_vectors_from_one_with(config, expected):
    """Regression: info showed no configuration, so a --vectors none model looked like one needing the chiVe table."""
    assert describe_config(config) == expected


def test_describe_config_of_a_model_without_sentiment_shows_no_sentiment_part():
    """Regression: a --no-sentiment model's config line said 'C 30/30 (reasons/sentiment)'."""
    config = FeatureConfig(reason_c=3.5, sentiment_class_weight=None, cp932_fold=0)
    assert describe_config(config, sentiment=False) == (
        "word 1-2-grams (base forms), no word vectors; min_df 2, C 3.5, class weight balanced (reasons only: no "
        "sentiment)"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"file": "d.csv", "file_sha256": "ab", "rows": 594, "train_rows": 475, "test_rows": 119, "skipped_rows": 6},
            "d.csv: 600 rows read, 6 skipped; 594 used (475 train, 119 test), sha256 ab",
        ),
        (
            {"file": "d.csv", "file_sha256": "ab", "rows": 8536, "train_rows": 6823, "test_rows": 1713},
            "d.csv: 8,536 rows (6,823 train, 1,713 test), sha256 ab",
        ),
        (
            {"content_sha256": "cd", "rows": 4, "train_rows": 4, "test_rows": 0},
            "<frame>: 4 rows (4 train, 0 test), sha256 cd",
        ),
        ({}, "not recorded (not trained by taikai train)"),  # a model fitted by hand: Model(pipeline)
        ({"file": "d.csv"}, "d.csv: rows not recorded, sha256 not recorded"),
    ],
    ids=["skipped", "none-skipped", "frame", "nothing", "file-only"],
)
def test_describe_data_counts_the_skipped_rows(data, expected):
    """Regressions: info said "594 rows (475 train, 119 test)" of a file of 600 rows, 6 of them skipped; and
    "<frame>: None rows (None train, None test), sha256 None" of a model whose training recorded nothing."""
    assert describe_data(replace(ModelMetadata.unsaved(), training_data=TrainingRecord.from_dict(data))) == expected


_ADD_DATA = {
    "file": "r.csv",
    "file_sha256": "ab",
    "rows": 8536,
    "train_rows": 6823,
    "test_rows": 1713,
    "skipped_rows": 1,
    "skipped_examples": ["filled.xlsx:27: reasons: no label"],
}
_BASE = InputFile("base", "r.csv", "ab", 8536, 8536)
_ADDED = InputFile("added", "filled.xlsx", "cd", 200, 179, blank=20, bad=1)


@pytest.mark.parametrize(
    ("data", "inputs", "expected"),
    [
        (
            _ADD_DATA,
            (_BASE, _ADDED),
            "r.csv: 8,536 rows (6,823 train + 179 added = 7,002 trained on, 1,713 test), sha256 ab",
        ),
        (
            {**_ADD_DATA, "rows": 8535, "train_rows": 6822, "skipped_rows": 3},
            (replace(_BASE, used=8535, bad=1), replace(_ADDED, bad=2, used=178)),
            "r.csv: 8,536 rows read, 1 skipped; 8,535 used (6,822 train + 178 added = 7,000 trained on, 1,713 test), "
            "sha256 ab",
        ),
        (  # a model of format 2 or 3: no record of its files, and no added files then; all skipped rows are DATA's
            {**_ADD_DATA, "skipped_examples": ["r.csv:3: …"]},
            (),
            "r.csv: 8,537 rows read, 1 skipped; 8,536 used (6,823 train, 1,713 test), sha256 ab",
        ),
    ],
    ids=["added-only", "both", "no-inputs"],
)
def test_describe_data_counts_only_the_base_files_skipped_rows(data, inputs, expected):
    """Regression: a row skipped in an --add sheet was counted against DATA ("8,537 rows read, 1 skipped" of a file
    of 8,536 rows, all used)."""
    meta = replace(ModelMetadata.unsaved(), training_data=TrainingRecord.from_dict(data), inputs=inputs)
    assert describe_data(meta) == expected


@pytest.mark.parametrize(
    ("thresholds", "order", "expected"),
    [
        ({"other": 0.35, "fees": 0.1}, ["fees", "other"], "fees 0.10, other 0.35"),
        ({"other": 0.35, "fees": 0.1}, ["other", "time", "fees"], "other 0.35, fees 0.10"),
        ({}, ["fees"], "-"),
        (
            {"家庭, 育児": 0.2, "独立": 0.3},
            ["家庭, 育児", "独立"],
            "'家庭, 育児' 0.20, 独立 0.30",
        ),  # one label, not two
    ],
)
def test_describe_thresholds_follows_the_model_s_order(thresholds, order, expected):
    assert describe_thresholds(thresholds, order) == expected


@pytest.mark.parametrize(
    ("dictionary", "expected"),
    [
        (DictionaryInfo("unidic-lite", "1.0.8", 187680870), "unidic-lite 1.0.8 (sys.dic 187,680,870 bytes)"),
        (DictionaryInfo("unidic-lite", "1.0.8", None), "unidic-lite 1.0.8"),
        (DictionaryInfo(None, None, None), "? ?"),
        (None, "? ?"),
    ],
)
def test_describe_dictionary(dictionary, expected):
    assert describe_dictionary(dictionary) == expected


@pytest.mark.parametrize(("value", "expected"), [(8536, "8,536"), (12, "12"), (0, "0"), (None, "None"), ("?", "?")])
def test_count_uses_thousands_separators(value, expected):
    assert count(value) == expected


def test_train_summary_and_skipped_block_use_thousands_separators(tmp_path):
    meta = replace(
        ModelMetadata.unsaved(),
        inputs=(InputFile("base", "reviews.csv", "0" * 64, 9536, 8536, blank=1000),),
        training_data=TrainingRecord(
            added_disagreeing_duplicates=1200, skipped_rows=2345, skipped_examples=("line 3",)
        ),
    )
    summary = training_summary(meta, tmp_path)
    assert "base:  reviews.csv  (9,536 rows, 8,536 used, 1,000 blank)" in summary
    assert "note:  1,200 dropped duplicate(s)" in summary
    block = skipped_rows_block(meta)
    assert block.startswith("WARNING: 2,345 training row(s)") and "  … and 2,344 more" in block
    assert block.endswith(
        "\nFix them and train again, or pass on_bad_rows='error' (--on-bad-rows error on the command line) to stop "
        "at such rows."
    )


def test_evaluation_tables_use_thousands_separators():
    scores = SingleLabelScores(
        ["fees", "other"], [1.0, 1.0], [1.0, 1.0], [1.0, 1.0], [1476, 2], 1.0, 1.0, [[1476, 0], [0, 2]]
    )
    lines = single_table(scores)
    assert "| fees | 1.000 | 1.000 | 1.000 | 1,476 |" in lines and "| fees | 1,476 | 0 |" in lines
