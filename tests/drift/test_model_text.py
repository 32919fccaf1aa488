"""taikai.drift._model_text: drift reads a dump without a ``text`` column by the column its model was trained on
(``train --text-column 本文``) when the dump has it and no column was given nor recorded by batch, saying so; an
option given is read as given; the error of a missing column names the model's."""

import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import DataWarning

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
