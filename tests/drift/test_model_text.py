"""taikai.drift._model_text: drift reads a dump without a ``text`` column by the column its model was trained on
(``train --text-column 本文``) when the dump has it and no column was given nor recorded by batch, saying so; an
option given is read as given; the error of a missing column names the model's."""

import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import TEXT_COLUMN, Argument, DataWarning

READ = "no column 'text': reading '本文', as the model was trained on; to read another, name it with"


@pytest.fixture(scope="module")
def files(tmp_path_factory, tiny_csv, ja_model_dir):
    """A model trained with Japanese column names, and dumps of its texts under that name and another."""
    root = tmp_path_factory.mktemp("drift_columns")
    data = pd.read_csv(tiny_csv)
    (root / "m").symlink_to(ja_model_dir, target_is_directory=True)
    data[["text"]].rename(columns={"text": "本文"}).to_csv(root / "dump.csv", index=False)
    data[["text"]].rename(columns={"text": "body"}).to_csv(root / "body.csv", index=False)
    data[["text"]].to_csv(root / "standard.csv", index=False)
    return root


@pytest.mark.parametrize(
    ("dump", "options", "code", "said", "unsaid"),
    [
        ("dump.csv", [], 0, f"dump.csv: {READ} text_column= (--text-column on the command line)", "error"),
        ("dump.csv", ["--reference", "{root}/dump.csv"], 0, f"{READ} reference_text_column=", "error"),
        ("body.csv", [], 2, "(--text-column on the command line; the model was trained on a column '本文')", "Trace"),
        ("dump.csv", ["--text-column", "本文"], 0, "drift: ", "as the model was trained on"),
        ("standard.csv", [], 0, "drift: ", "as the model was trained on"),
    ],
    ids=["model-column", "model-column-of-the-reference", "missing-names-model-column", "given", "standard-name"],
)
def test_drift_reads_the_column_the_model_was_trained_on(files, dump, options, code, said, unsaid):
    """Regression: drift on a dump of the shape the model was trained on (train --text-column 本文) failed with "no
    column 'text'" unless --text-column was given again, and that error did not name the model's column."""
    args = ["drift", files / dump, "-m", files / "m", *(o.format(root=files) for o in options)]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    assert said in result.output and unsaid not in result.output


def test_a_python_user_gets_the_same(files):
    frame = pd.read_csv(files / "dump.csv")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataWarning)
        report = taikai.check_drift(frame, files / "m")
    assert report.source == "<frame>" and report.verdict is not None
    assert [str(w.message) for w in caught if "as the model was trained on" in str(w.message)] == [
        f"<frame>: {READ} text_column= (--text-column on the command line)"
    ]


def _model(text):
    """A stand-in for a model trained on the column *text* (all dump_text_column reads of it)."""
    from types import SimpleNamespace

    from taikai.model import TrainedColumns

    return SimpleNamespace(metadata=SimpleNamespace(columns=TrainedColumns(text=text)))


REFERENCE = Argument("reference_text_column", "--reference-text-column")
FROM_MODEL = ("本文", "its default came from the model, trained on '本文'")
SAID = "d.csv: no column 'text': reading '本文', as the model was trained on; to read another, name it with "


@pytest.mark.parametrize(
    ("run", "given", "argument", "columns", "own", "warn", "expected", "warned"),
    [
        (
            None,
            None,
            TEXT_COLUMN,
            ["本文"],
            "本文",
            True,
            FROM_MODEL,
            SAID + "text_column= (--text-column on the command line)",
        ),
        (
            None,
            None,
            REFERENCE,
            ["id", "本文"],
            "本文",
            True,
            FROM_MODEL,
            SAID + "reference_text_column= (--reference-text-column on the command line)",
        ),
        (None, None, TEXT_COLUMN, ["本文"], "本文", False, FROM_MODEL, None),
        (None, None, TEXT_COLUMN, ["body"], "本文", True, ("text", "the model was trained on a column '本文'"), None),
        (None, None, TEXT_COLUMN, ["text", "本文"], "本文", True, ("text", ""), None),
        (None, None, TEXT_COLUMN, ["body"], "text", True, ("text", ""), None),
        (None, "text", TEXT_COLUMN, ["本文"], "本文", True, ("text", ""), None),
        (None, "body", TEXT_COLUMN, ["本文"], "本文", True, ("body", ""), None),
        ("body", None, TEXT_COLUMN, ["本文"], "本文", True, ("body", "its default came from d.summary.json"), None),
        (
            None,
            None,
            TEXT_COLUMN,
            [0, "本文"],
            "0",
            True,
            (0, "its default came from the model, trained on '0'"),
            "d.csv: no column 'text': reading '0', as the model was trained on; to read another, name it with "
            "text_column= (--text-column on the command line)",
        ),
    ],
    ids=[
        "model's",
        "reference",
        "unwarned",
        "neither",
        "text-there",
        "standard-model",
        "given-text",
        "given",
        "summary's",
        "label-0",
    ],
)
def test_dump_text_column_falls_back_to_the_model_s_column(run, given, argument, columns, own, warn, expected, warned):
    """What drift reads a dump by, the argument's note (for the error of a missing column) and the one warning, as
    the command line and check_drift rely on (a characterisation of each path)."""
    from types import SimpleNamespace

    from taikai.drift._model_text import dump_text_column

    summary = None if run is None else SimpleNamespace(text_column=run, path="d.summary.json")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text, named = dump_text_column(summary, given, argument, columns, _model(own), "d.csv", warn=warn)
    assert (text, named.note) == expected
    assert (named.name, named.option) == (argument.name, argument.option)
    assert [str(w.message) for w in caught] == ([] if warned is None else [warned])
