"""The columns a model was trained on are recorded in its metadata (``columns``, only when not the standard names), and
its retrain command names them again, so that following a retrain hint literally reads the same data."""

import json
import shlex

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import ModelError
from taikai.model import ModelMetadata, TrainedColumns, read_metadata, retrain_command, shipped_model_dir

FAST = ["--folds", "0", "--vectors", "none"]


@pytest.mark.parametrize(
    ("columns", "no_sentiment", "expected"),
    [
        (TrainedColumns(), False, ""),
        (
            TrainedColumns("本文", "理由", "感情"),
            False,
            " --text-column '本文' --reasons-column '理由' --sentiment-column '感情'",
        ),
        (TrainedColumns("本文", "reasons", "sentiment"), False, " --text-column '本文'"),
        (TrainedColumns("text", "label", None), True, " --reasons-column label"),
        (TrainedColumns("text", "reasons", "気分"), True, ""),  # --no-sentiment refuses --sentiment-column
        (TrainedColumns("review text", "reasons", "sentiment"), False, " --text-column 'review text'"),
        (TrainedColumns("it's", "reasons", "sentiment"), False, " --text-column 'it'\"'\"'s'"),
    ],
    ids=["standard", "japanese", "text-only", "no-sentiment", "sentiment-unused", "space", "quote"],
)
def test_options_name_each_column_that_is_not_the_standard_one(columns, no_sentiment, expected):
    assert columns.options(no_sentiment=no_sentiment) == expected


@pytest.mark.parametrize(
    ("given", "recorded"),
    [
        (("text", "reasons", "sentiment"), TrainedColumns()),
        (("本文", "理由", None), TrainedColumns("本文", "理由", None)),
        ((0, 1, 2), TrainedColumns("0", "1", "2")),  # a frame read with header=None: its file names them "0"…
    ],
    ids=["standard", "no-sentiment", "numbered"],
)
def test_given_records_the_names_the_command_line_gives(given, recorded):
    assert TrainedColumns.given(*given) == recorded


@pytest.mark.parametrize(
    ("written", "read", "in_json"),
    [
        (None, TrainedColumns(), False),  # a model saved before the record: the standard names, as before
        ({"text": "本文", "reasons": "理由", "sentiment": "感情"}, TrainedColumns("本文", "理由", "感情"), True),
        ({"text": "本文", "reasons": "理由", "sentiment": None}, TrainedColumns("本文", "理由", None), True),
        ({"text": "本文", "reasons": "理由"}, TrainedColumns("本文", "理由", None), True),
        ({"text": "text", "reasons": "reasons", "sentiment": "sentiment"}, TrainedColumns(), False),
    ],
    ids=["missing", "japanese", "no-sentiment", "sentiment-left-out", "standard-written"],
)
def test_columns_read_back_and_default_to_the_standard_names(tiny_model_dir, written, read, in_json):
    values = json.loads((tiny_model_dir / "metadata.json").read_text(encoding="utf-8"))
    values.pop("columns", None)
    metadata = ModelMetadata.from_dict(values if written is None else values | {"columns": written})
    assert metadata.columns == read
    assert ("columns" in metadata.to_dict()) is in_json  # written only when not standard: older code ignores it
    assert ModelMetadata.from_dict(metadata.to_dict()).columns == read


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("本文", "'columns' is '本文', but should be an object of column names"),
        ({"reasons": "理由"}, "'columns.text' is missing"),
        ({"text": 3, "reasons": "理由"}, "'columns.text' is 3, but should be a column name in quotes"),
        ({"text": "本文", "reasons": "理由", "sentiment": ["感情"]}, "'columns.sentiment' is ['感情'], but should be"),
    ],
    ids=["no-object", "text-missing", "text-number", "sentiment-list"],
)
def test_malformed_columns_are_refused_naming_the_field(tiny_model_dir, written, problem):
    values = json.loads((tiny_model_dir / "metadata.json").read_text(encoding="utf-8"))
    with pytest.raises(ModelError, match="malformed model metadata") as caught:
        ModelMetadata.from_dict(values | {"columns": written})
    assert problem in str(caught.value)


def test_the_shipped_models_retrain_command_names_no_column():
    """models/default records no columns (it was trained on the standard ones): its hints stay as they were."""
    meta = read_metadata(shipped_model_dir())
    assert meta.columns == TrainedColumns()
    assert "-column" not in retrain_command(meta)


def _run(*args, code=0):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.mark.parametrize(
    ("names", "options"),
    [
        ({"text": "本文", "reasons": "理由", "sentiment": "感情"}, []),
        ({"text": "本文", "reasons": "理由", "sentiment": "感情"}, ["--free-labels", "--refit-all"]),
        ({"text": "review text", "reasons": "label"}, ["--no-sentiment"]),
    ],
    ids=["japanese", "japanese-free-labels-refit-all", "space-no-sentiment"],
)
def test_a_retrain_hint_followed_literally_reads_the_same_columns(tmp_path, tiny_csv, names, options):
    """Regression: the metadata did not record --text-column and the others, so the retrain hint of a model trained on
    本文,理由,感情 gave a command that failed at once (no column 'text')."""
    data = pd.read_csv(tiny_csv)
    data = data[[c for c in data.columns if c in names]].rename(columns=names)
    data.to_csv(tmp_path / "data.csv", index=False)
    flags = [a for key, col in names.items() for a in (f"--{key}-column", col)]
    _run("train", tmp_path / "data.csv", "--out", tmp_path / "m1", *FAST, *flags, *options)
    (tmp_path / "m1" / "model.joblib").unlink()  # a model whose artifact is gone: the error says to retrain
    output = _run("predict", "-m", tmp_path / "m1", "手数料が高い", code=2)
    hint = " ".join(output.split())  # the error may be wrapped
    command = shlex.split(hint[hint.index("taikai train") :])
    words = {"DATA.csv": tmp_path / "data.csv", "MODEL_DIR": tmp_path / "m2"}
    _run(*[words.get(w, w) for w in command[1:]], "--folds", "0")
    first, second = read_metadata(tmp_path / "m1"), taikai.load_model(tmp_path / "m2").metadata
    kind = ("columns", "free_labels", "sentiments", "refit_on_all_rows", "reasons")
    assert [getattr(second, k) for k in kind] == [getattr(first, k) for k in kind]
    assert second.config.vectors is first.config.vectors is None
