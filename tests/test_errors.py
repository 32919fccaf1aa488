"""The shared messages of taikai.errors: a missing column names the argument (and its option), and a file read
as one column says what seems to separate it."""

import importlib
import re
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import taikai
from taikai import errors
from taikai._column_names import Head
from taikai.batch import BatchOptions
from taikai.errors import (
    DATE_COLUMN,
    ENCODING,
    TEXT_COLUMN,
    Argument,
    as_float,
    check_int,
    no_column_error,
    reviews_hint,
    separator_hint,
    wrong_type,
)


@pytest.mark.parametrize(
    ("missing", "columns", "source", "message"),
    [
        (
            [("body", TEXT_COLUMN)],
            ["id", "text"],
            "in.csv",
            "in.csv: no column 'body'; the columns are ['id', 'text']; "
            "give the right one to text_column= (--text-column on the command line)",
        ),
        (
            [("body", TEXT_COLUMN), ("when", DATE_COLUMN)],
            ["id"],
            None,
            "no column 'body' nor 'when'; the columns are ['id']; give the right ones to text_column= and "
            "date_column= (--text-column and --date-column on the command line)",
        ),
        (
            [("gold", Argument("gold_column"))],
            ["id"],
            "<frame>",
            "<frame>: no column 'gold'; the columns are ['id']; give the right one to gold_column=",
        ),
        (
            [("body", TEXT_COLUMN), ("gold", Argument("gold_column"))],
            ["id"],
            None,
            "no column 'body' nor 'gold'; the columns are ['id']; give the right ones to "
            "text_column= (--text-column on the command line) and gold_column=",
        ),
    ],
)
def test_a_missing_column_names_the_argument_and_its_option(missing, columns, source, message):
    assert str(no_column_error(missing, columns, source)) == message


@pytest.mark.parametrize(
    ("missing", "columns", "head", "message"),
    [
        (
            [("Text", TEXT_COLUMN)],
            ["id", "text"],
            None,
            "x.csv: no column 'Text' (did you mean 'text'?); the columns are ['id', 'text']; give the right one to "
            "text_column= (--text-column on the command line)",
        ),
        (
            [("reasons", Argument("reasons_column")), ("sentiment", Argument("sentiment_column"))],
            ["text", "Reasons", "Sentiment "],
            None,
            "x.csv: no column 'reasons' (did you mean 'Reasons'?) nor 'sentiment' (did you mean 'Sentiment '?); the "
            "columns are ['text', 'Reasons', 'Sentiment ']; give the right ones to reasons_column= and "
            "sentiment_column=",
        ),
        (  # the header below a title: delete the title, not another column name
            [("text", TEXT_COLUMN)],
            ["レビュー集計 2025年"],
            Head((("レビュー集計 2025年",), ("出力日", "2025-12-01"), ("id", "text"))),
            "x.csv: no column 'text'; the columns are ['レビュー集計 2025年']; 'text' is on line 3: the lines above it "
            "look like a title; delete them (taikai reads the header from line 1)",
        ),
        (
            [("text", TEXT_COLUMN)],
            ["レビュー集計 2025年"],
            Head((("レビュー集計 2025年",), ("id", "body"))),  # a title above a header of other names
            "x.csv: no column 'text'; the columns are ['レビュー集計 2025年']; line 1 holds one cell, as a title does: "
            "if line 2 ('id', 'body') is the header, delete the lines above it (taikai reads the header from line 1)",
        ),
        (
            [("text", TEXT_COLUMN)],
            ["id", "body"],
            Head((("id", "body"), ("1", "x"))),
            "x.csv: no column 'text'; the columns are ['id', 'body']; give the right one to text_column= "
            "(--text-column on the command line)",
        ),
    ],
)
def test_a_missing_column_says_the_near_miss_or_the_header_below(missing, columns, head, message):
    assert str(no_column_error(missing, columns, "x.csv", head=head)) == message


@pytest.mark.parametrize(
    ("columns", "hint"),
    [
        (["id\tbody"], "holds tabs: the file looks tab-separated; give it a .tsv name"),
        (["id;body"], "holds semicolons: the file looks semicolon-separated, which taikai does not read"),
        (["id,body"], "holds commas: the file looks comma-separated; give it a .csv name"),
        (["id\tbody", "text"], None),  # two columns: the separator was right
        (["text"], None),
        ([("review", "text")], None),  # a frame's one column of two levels: no line of a file, whatever its str
        ([("a;b", "c")], None),
    ],
)
def test_a_file_read_as_one_column_says_what_separates_it(columns, hint):
    found = separator_hint(columns)
    if hint is None:
        assert found == ""
    else:
        assert found.startswith(". The one column name ") and hint in found
        assert hint in str(no_column_error([("text", TEXT_COLUMN)], columns, "x.csv"))


@pytest.mark.parametrize(
    ("options", "hint"),
    [
        ({}, "the file looks tab-separated; give it a .tsv name"),
        (
            {"input_format": True},
            "the file looks tab-separated; read it as TSV (input_format='tsv', --input-format tsv on the command "
            "line) or give it a .tsv name",
        ),
        ({"frame": True}, "the frame looks tab-separated; read its file with pandas.read_csv(path, sep='\\t')"),
    ],
)
def test_the_separator_hint_names_only_remedies_the_caller_takes(options, hint):
    """Regression: input_format= (--input-format) was named to report and suggest, which do not take it."""
    assert separator_hint(["id\tbody"], **options) == f". The one column name holds tabs: {hint}"


def test_a_missing_column_of_a_frame_read_as_one_column_says_to_read_its_file_again():
    message = str(no_column_error([("text", TEXT_COLUMN)], ["id\tbody"], "<frame>"))
    assert message.endswith("the frame looks tab-separated; read its file with pandas.read_csv(path, sep='\\t')")


@pytest.mark.parametrize(
    ("argument", "values", "expected"),
    [
        (Argument("kind", "--kind"), ["word"], "kind='word' (--kind word on the command line)"),
        (
            Argument("kind", "--kind"),
            ["word", "all"],
            "kind='word' or kind='all' (--kind word or --kind all on the command line)",
        ),
        (Argument("gold_column"), ["gold"], "gold_column='gold'"),  # no command gives it
    ],
)
def test_either_names_the_argument_then_the_option_given_each_value(argument, values, expected):
    assert argument.either(values) == expected


NAMED = sorted(
    {
        name
        for value in vars(errors).values()
        if isinstance(value, str)
        for name in re.findall(r"\btaikai(?:\.\w+)+(?= in Python)", value)
    }
)


def test_the_messages_name_python_functions():
    assert "taikai.dask.classify_files" in NAMED  # the Dask engine, as errors.DASK_ENGINE names it


@pytest.mark.parametrize("name", NAMED)
def test_a_function_a_message_names_can_be_imported(name):
    """A message that names a function in Python names one that exists (taikai.batch.classify_files did not)."""
    module, _, attribute = name.rpartition(".")
    if module == "taikai.dask":
        pytest.importorskip("distributed")
    assert callable(getattr(importlib.import_module(module), attribute))


@pytest.mark.parametrize(
    ("said", "inside", "outside"),
    [
        (lambda: str(ENCODING), "reference_encoding= (--reference-encoding on the command line)", "encoding= ("),
        (
            lambda: ENCODING.either(["cp932"]),
            "reference_encoding='cp932' (--reference-encoding cp932 on the command line)",
            "encoding='cp932' (--encoding cp932 on the command line)",
        ),
        (
            lambda: separator_hint(["a\tb"], input_format=True),
            "(reference_input_format='tsv', --reference-input-format tsv on the command line)",
            "(input_format='tsv', --input-format tsv on the command line)",
        ),
        (lambda: str(TEXT_COLUMN), "text_column= (--text-column on the command line)", "text_column= ("),
    ],
)
def test_named_as_names_the_standing_in_argument_within_its_block_only(said, inside, outside):
    from taikai.errors import INPUT_FORMAT, REFERENCE_ENCODING, REFERENCE_INPUT_FORMAT, named_as

    with named_as((ENCODING, REFERENCE_ENCODING), (INPUT_FORMAT, REFERENCE_INPUT_FORMAT)):
        assert inside in said()
    assert said().startswith(outside) or outside in said()
    assert "reference" not in said()


@pytest.mark.parametrize(("value", "expected"), [(5, 5), (np.int64(3), 3), (np.uint8(2), 2)])
def test_check_int_takes_numpy_integers_as_ints(value, expected):
    """Regression: check_int("top", np.int64(3)) said "top must be an int, not int64"."""
    checked = check_int("top", value, 1)
    assert (checked, type(checked)) == (expected, int)


@pytest.mark.parametrize(
    ("value", "shown"), [(True, "bool True"), (np.bool_(True), "bool np.True_"), (3.0, "float 3.0"), ("3", "str '3'")]
)
def test_check_int_refuses_bools_and_other_numbers(value, shown):
    with pytest.raises(TypeError) as caught:
        check_int("top", value)
    assert str(caught.value) == f"top must be an int, not {shown}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2, 2.0), (np.float32(0.5), 0.5), (np.int64(3), 3.0), (True, None), (np.bool_(False), None), ("1", None)],
)
def test_as_float_reads_python_and_numpy_numbers_not_bools(value, expected):
    assert as_float(value) == expected


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Path("dump.csv"), f"{type(Path('dump.csv')).__name__}('dump.csv')"),
        (Fraction(1, 3), "Fraction(1, 3)"),
        (3.5, "float 3.5"),
        ("x", "str 'x'"),
        (None, "None"),
    ],
)
def test_wrong_type_names_the_type_once(value, shown):
    """Regression: a value whose repr starts with its type was said as "not PosixPath PosixPath('dump.csv')"."""
    assert str(wrong_type("df", value, "a pandas DataFrame")) == f"df must be a pandas DataFrame, not {shown}"


def _dask_frame() -> object:
    dd = pytest.importorskip("dask.dataframe")
    return dd.from_pandas(pd.DataFrame({"text": ["手数料が高い"]}), npartitions=1)


OTHER_FRAMES = [
    # (what, the value, what is accepted, what the message says it was given); before: "not a DataFrame" for a Dask
    # frame where a pandas DataFrame is taken, and "not a Table" for a pyarrow one, without how to convert them
    ("Dask frame", _dask_frame, "a pandas DataFrame", "not a dask DataFrame (.compute() makes it one)"),
    (
        "pyarrow table",
        lambda: pa.table({"text": ["手数料が高い"]}),
        "the path of a file (str or pathlib.Path), or a pandas DataFrame",
        "not a pyarrow Table (.to_pandas() makes it one)",
    ),
    ("pandas frame", lambda: pd.DataFrame({"text": ["a"]}), "a Dask DataFrame", "not a pandas DataFrame"),
    ("pyarrow array", lambda: pa.array(["a"] * 30), "a pandas DataFrame", "not a StringArray"),  # no frame: as before
    ("list", lambda: [1], "a list of str", "not list [1]"),  # a builtin type: as before
]


@pytest.mark.parametrize(("make", "accepted", "said"), [c[1:] for c in OTHER_FRAMES], ids=[c[0] for c in OTHER_FRAMES])
def test_a_frame_of_another_library_is_named_with_it_and_how_to_convert_it(make, accepted, said):
    assert str(wrong_type("df", make(), accepted)) == f"df must be {accepted}, {said}"


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (
            lambda m, f: m.predict_frame(f),
            "df must be a pandas DataFrame, not a dask DataFrame (.compute() makes it one)",
        ),
        (lambda m, f: taikai.evaluate(m, f), "or a pandas DataFrame, not a dask DataFrame (.compute() makes it one)"),
        (
            lambda m, f: taikai.check_drift(f, m),
            "or a pandas DataFrame, not a dask DataFrame (.compute() makes it one)",
        ),
    ],
    ids=["predict_frame", "evaluate", "check_drift"],
)
def test_a_dask_frame_given_to_the_api_is_told_to_be_computed(tiny_model, call, said):
    """Regression: "df must be a pandas DataFrame, not a DataFrame", then "read a file with taikai.io.read_table"."""
    with pytest.raises(TypeError) as refused:
        call(tiny_model, _dask_frame())
    assert str(refused.value).endswith(said), refused.value


HOME_CALLS = [
    # (name, call(model, folder) on a path under ~, what the message names first); before: "~/m: no such model
    # directory", "~/x.csv: no such file" without saying why, and a model or file written into a folder named ~ here
    ("load_model", lambda m, d: taikai.load_model("~/m"), "path='~/m' begins with ~"),
    ("Model.save", lambda m, d: m.save(Path("~/m")), "directory='~/m' begins with ~"),
    ("train out", lambda m, d: taikai.train(d / "in.csv", "~/m"), "out='~/m' begins with ~"),
    ("classify_file input", lambda m, d: taikai.classify_file("~/in.csv", d / "o.csv", "text"), "~/in.csv: no such"),
    ("classify_file output", lambda m, d: taikai.classify_file(d / "in.csv", "~/o.csv", "text"), "output='~/o.csv'"),
    ("evaluate data", lambda m, d: taikai.evaluate(m, "~/gold.csv"), "~/gold.csv: no such file"),
    ("check_drift reference", lambda m, d: taikai.check_drift(d / "in.csv", m, reference="~/r.csv"), "~/r.csv, given"),
    ("load_rules", lambda m, d: taikai.load_rules("~/rules.toml"), "path='~/rules.toml' begins with ~"),
]


@pytest.mark.parametrize(("call", "said"), [c[1:] for c in HOME_CALLS], ids=[c[0] for c in HOME_CALLS])
def test_a_path_under_an_unexpanded_home_says_how_to_give_it(tiny_model, tmp_path, monkeypatch, call, said):
    (tmp_path / "in.csv").write_text("text,reasons\n手数料が高い,fees\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(errors.InputError) as refused:
        call(tiny_model, tmp_path)
    assert str(refused.value).startswith(said), refused.value
    given = re.search(r"~/[\w.]+", said)
    assert given is not None
    assert f"in Python Path('{given.group()}').expanduser() for the path in your home folder" in str(refused.value)
    assert not (tmp_path / "~").exists()  # nothing written into a folder named ~ of the current one


def test_a_folder_named_tilde_here_is_read_as_given(tmp_path, monkeypatch):
    (tmp_path / "~").mkdir()
    monkeypatch.chdir(tmp_path)
    errors.check_path("path", "~/m")  # the folder is there: the path is what it says
    assert errors.unexpanded_home("~/m") == ""


@pytest.mark.parametrize("path", ["~$dump.csv", "~no_such_user_h192/a.csv", "a/~/b.csv", "-"])
def test_a_path_no_home_expands_is_no_home_path(path):
    errors.check_path("path", path)  # Excel's lock file ~$dump.csv: not said to be under a home folder
    assert errors.unexpanded_home(path) == ""


def _refusal(call) -> str:
    with pytest.raises((taikai.InputError, ValueError)) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda: taikai.reason_name("fees", lang="fr"), "lang must be one of ja, en, not 'fr'"),
        (lambda: errors.check_choice("freq", "D", {"M": 1, "W": 2}), "freq must be one of M, W, not 'D'"),
        (lambda: taikai.suggest("p.csv", strategy="best"), "strategy must be one of margin, entropy, random, not"),
        (
            lambda: BatchOptions.make(text_column="text", on_bad_lines="skip"),
            "on_bad_lines must be one of error, report, not 'skip'",
        ),
        (
            lambda: BatchOptions.make(text_column="text", encoding_errors="ignore"),
            "encoding_errors must be one of strict, replace, not 'ignore'",
        ),
    ],
)
def test_choices_are_listed_one_way(call, said):
    """Regression: some messages listed the choices as a Python list (``one of ['ja', 'en']``), others plainly
    (``one of strict, replace``); and the period lengths came W, M in one message, M, W in another."""
    assert said in _refusal(call)


@pytest.mark.parametrize(
    "call",
    [
        lambda: taikai.analysis.reasons_over_time(pd.DataFrame({"text": []}), "text", freq="D"),
        lambda: taikai.analysis.drift_section(pd.DataFrame(), None, date_column="d", freq="D"),
    ],
)
def test_the_period_lengths_are_listed_in_one_order(call):
    listed = "freq must be one of M (months; pandas' ME or MS alike), W (weeks, Monday to Sunday; pandas' W-SUN "
    listed += "alike), Q (quarters; QE, QS alike) or Y (years; YE, YS alike), or a quarter or year of a fiscal year "
    listed += "ending in another month (Q-MAR, Y-MAR: from April, as 年度)"
    assert f"{listed}, not 'D'" in _refusal(call)


@pytest.mark.parametrize(
    ("reviews", "option_only", "said"),
    [
        ([], False, ""),
        (
            ["口コミ"],
            False,
            "; '口コミ' reads as reviews: text_column='口コミ' (--text-column '口コミ' on the command line)",
        ),
        (["口コミ"], True, "; '口コミ' reads as reviews: --text-column '口コミ'"),
        (["comment"], True, "; 'comment' reads as reviews: --text-column comment"),
        (["my review"], True, "; 'my review' reads as reviews: --text-column 'my review'"),  # as a shell reads it
        (["題名", "感想"], True, "; '題名' and '感想' read as reviews: --text-column '題名' or --text-column '感想'"),
    ],
)
def test_the_columns_of_reviews_are_said_one_way(reviews, option_only, said):
    """The batch run's error and a labelled file's without a text column said it in two wordings, one unquoted."""
    assert reviews_hint(reviews, option_only=option_only) == said


def test_the_columns_of_reviews_name_a_python_only_argument_alone():
    assert reviews_hint(["本文"], Argument("text_column")) == "; '本文' reads as reviews: text_column='本文'"
