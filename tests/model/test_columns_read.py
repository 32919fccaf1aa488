"""taikai.model._columns_read: evaluate and rules test read a labelled file by the columns its model was trained on
(``train --text-column 本文 …``) when their options are left out and the file has no column of the standard name,
saying so in one warning; an option given is read as given; an error about a missing column names the model's."""

import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import DataWarning, InputError

JA = {"text": "本文", "reasons": "理由", "sentiment": "感情"}
RULES = '[[rule]]\nname = "fees"\nlabel = "fees"\nany = ["手数料"]\n'


@pytest.fixture(scope="module")
def files(tmp_path_factory, tiny_csv, ja_model_dir):
    """A model trained on the tiny fixture with Japanese column names, and files of the same data named otherwise."""
    root = tmp_path_factory.mktemp("columns")
    data = pd.read_csv(tiny_csv)
    data.rename(columns=JA).to_csv(root / "ja.csv", index=False)
    (root / "m").symlink_to(ja_model_dir, target_is_directory=True)
    data.rename(columns={"text": "body", "reasons": "理由", "sentiment": "感情"}).to_csv(root / "body.csv", index=False)
    data.rename(columns=JA).assign(other=data["text"]).to_csv(root / "other.csv", index=False)
    data.to_csv(root / "standard.csv", index=False)
    (root / "rules.toml").write_text(RULES, encoding="utf-8")
    return root


READ = "no column 'text', 'reasons' nor 'sentiment': reading '本文', '理由' and '感情', as the model was trained on"
TRAINED = (
    "(the model was trained on the columns '本文', '理由' and '感情': --text-column '本文' --reasons-column '理由'"
)


@pytest.mark.parametrize(
    ("command", "file", "options", "code", "said", "unsaid"),
    [
        ("evaluate", "ja.csv", [], 0, READ, "error"),
        ("rules", "ja.csv", [], 0, "no column 'text' nor 'reasons': reading '本文' and '理由', as the model", "error"),
        ("evaluate", "body.csv", [], 2, f"no column 'text'; the columns are ['body', '理由', '感情']; {''}", "Trace"),
        ("evaluate", "body.csv", [], 2, f"{TRAINED} --sentiment-column '感情' reads them)", "Trace"),
        (
            "rules",
            "body.csv",
            [],
            2,
            "(the model was trained on the columns '本文' and '理由': --text-column",
            "--sentiment",
        ),
        ("evaluate", "body.csv", ["--text-column", "body"], 0, "no column 'reasons' nor 'sentiment': reading", "本文"),
        ("evaluate", "other.csv", ["--text-column", "other"], 0, "reading '理由' and '感情'", "'text'"),
        (
            "evaluate",
            "ja.csv",
            ["--no-sentiment"],
            0,
            "no column 'text' nor 'reasons': reading '本文' and '理由'",
            "感情",
        ),
        ("evaluate", "standard.csv", [], 0, "Scored 40 of 40 rows", "as the model was trained on"),
    ],
    ids=[
        "evaluate-model-columns",
        "rules-model-columns",
        "evaluate-missing-lists-columns",
        "evaluate-missing-names-model-columns",
        "rules-missing-names-model-columns",
        "given-text-column-wins",
        "given-column-of-another-name-wins",
        "no-sentiment-not-read",
        "standard-names-there",
    ],
)
def test_the_columns_the_model_was_trained_on_are_read_when_the_options_are_left_out(
    files, command, file, options, code, said, unsaid
):
    """Regression: after train --text-column 本文 --reasons-column 理由 --sentiment-column 感情, evaluate and rules
    test on a file of the same shape failed ("no column 'reasons' nor 'sentiment'") unless every option was given
    again, and the error of a column missing said nothing of the columns the model was trained on."""
    head = ["rules", "test", files / "rules.toml"] if command == "rules" else ["evaluate"]
    args = [*head, files / file, "-m", files / "m", *options]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    assert said in result.output
    assert unsaid not in result.output
    assert len([line for line in result.stderr.splitlines() if "as the model was trained on" in line]) <= 1


def test_a_python_user_gets_the_same(files):
    """The library reads the model's columns as the command line does, with a DataWarning, and names them in an
    error of a missing column."""
    model = taikai.load_model(files / "m")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataWarning)
        report = taikai.evaluate(model, pd.read_csv(files / "ja.csv"))
        score = taikai.evaluate_rules(files / "rules.toml", files / "ja.csv", model)
    told = [str(w.message) for w in caught if "as the model was trained on" in str(w.message)]
    assert [report.n_scored, score.rows, len(told)] == [40, 40, 2]
    assert "<frame>: no column 'text', 'reasons' nor 'sentiment': reading '本文', '理由' and '感情'" in told[0]
    trained = "the model was trained on the columns '本文', '理由' and '感情'"
    with pytest.raises(InputError, match=trained), warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)  # the reasons and sentiments read as the model's
        taikai.evaluate(model, files / "body.csv")


@pytest.mark.parametrize(
    ("names", "given", "trained", "read", "warned"),
    [
        (
            ["本文", "理由", "感情"],
            ("text", "reasons", "sentiment"),
            ("本文", "理由", "感情"),
            ("本文", "理由", "感情"),
            "f.csv: no column 'text', 'reasons' nor 'sentiment': reading '本文', '理由' and '感情', as the model was "
            "trained on; to read others, name them with text_column=, reasons_column= and sentiment_column= "
            "(--text-column, --reasons-column and --sentiment-column on the command line)",
        ),
        (
            ["本文", "reasons"],
            ("text", "reasons", None),
            ("本文", "reasons", "sentiment"),
            ("本文", "reasons", None),
            "f.csv: no column 'text': reading '本文', as the model was trained on; to read another, name it with "
            "text_column= (--text-column on the command line)",
        ),
        (
            ["本文", "理由"],
            ("body", "reasons", None),
            ("本文", "理由", None),
            ("body", "理由", None),
            "f.csv: no column 'reasons': reading '理由', as the model was trained on; to read another, name it with "
            "reasons_column= (--reasons-column on the command line)",
        ),
        (["本文", "text"], ("text", "reasons", None), ("本文", "reasons", None), ("text", "reasons", None), None),
        (["本文"], ("text", "reasons", None), ("text", "reasons", "sentiment"), ("text", "reasons", None), None),
        ([0, "理由"], ("text", "reasons", None), ("0", "reasons", None), (0, "reasons", None), "no column 'text'"),
    ],
    ids=["all-three", "one", "given-other-name", "standard-there", "standard-model", "label-0"],
)
def test_columns_read_and_its_one_warning(names, given, trained, read, warned):
    """The columns read and the warning's whole text (a characterisation: drift's fallback shares the mechanism)."""
    from taikai.model import TrainedColumns, columns_read

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert columns_read(names, given, TrainedColumns(*trained), "f.csv") == read
    said = [str(w.message) for w in caught]
    assert len(said) == (warned is not None) and (warned is None or warned in said[0]), said


@pytest.mark.parametrize(
    ("names", "trained", "raised", "said"),
    [
        (
            ["body", "理由"],
            ("本文", "理由", None),
            InputError("no column 'text'"),
            "no column 'text' (the model was trained on the columns '本文' and '理由': --text-column '本文' "
            "--reasons-column '理由' reads them)",
        ),
        (["body", "理由"], ("text", "reasons", "sentiment"), InputError("no column 'text'"), None),  # the standard
        # regression: a --no-sentiment model of the standard names added "(… 'text' and 'reasons': reads them)"
        (["body", "理由"], ("text", "reasons", None), InputError("no column 'text'"), None),
        (["body", "理由"], ("text", "reasons", "感情"), InputError("no column 'text'"), None),  # sentiment not read
        (["text", "reasons"], ("本文", "理由", None), InputError("a bad row"), None),  # no column missing
        (["body", "理由"], ("本文", "理由", None), ValueError("not an input error"), None),
    ],
    ids=["noted", "standard-model", "no-sentiment-model", "sentiment-not-read", "none-missing", "other-error"],
)
def test_an_input_error_within_trained_noted_names_the_models_columns(names, trained, raised, said):
    """evaluate and rules test each wrote out the except that adds the model's columns to a missing column's error."""
    from taikai.model import TrainedColumns, trained_noted

    with (
        pytest.raises(type(raised)) as caught,
        trained_noted(names, ("text", "reasons", None), TrainedColumns(*trained)),
    ):
        raise raised
    assert str(caught.value) == (said or str(raised))
    assert (caught.value is raised) == (said is None) and (caught.value.__cause__ is raised) == (said is not None)
