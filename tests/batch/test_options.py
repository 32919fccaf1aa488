"""BatchOptions, and the ChunkResult that one function makes for the summary of either engine."""

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.batch import BatchOptions, BatchSummary, chunk_result
from taikai.batch._state import Totals
from taikai.cli import cli
from taikai.errors import InputError
from taikai.io import ReadOptions
from taikai.text import Status


@pytest.mark.parametrize(
    ("given", "error", "message"),
    [
        ({"on_bad_lines": "skip"}, InputError, "on_bad_lines must be one of"),
        ({"chunk_size": 0}, InputError, "at least 1 row"),
        (
            {"job": 2},
            TypeError,
            r"BatchOptions.make\(\) got an unexpected keyword argument 'job' \(did you mean 'jobs'\?\)",
        ),
        ({"rules_mode": "override"}, InputError, r"rules_mode='override' applies to rules: give them with rules="),
        ({"rules_mode": "sometimes"}, InputError, "rules_mode must be one of flag, override, not 'sometimes'"),
    ],
)
def test_bad_options_are_refused(given, error, message):
    with pytest.raises(error, match=message):
        BatchOptions.make(text_column="text", **given)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"text_column": pd.Series(["a"])}, r"text_column must be .* not a Series: .* model.classify\(series\)"),
        ({"text_column": ["text"]}, r"text_column must be the name of a column .* not list \['text'\]"),
        ({"text_column": True}, r"text_column must be the name of a column of the input file \(a str\), not bool True"),
        ({"text_column": "text", "id_column": pd.Series(["a"])}, r"id_column must be .* not a Series: the file's"),
        ({"text_column": "text", "id_column": ("id",)}, r"id_column must be .* not tuple \('id',\)"),
    ],
)
def test_a_column_that_is_no_name_is_refused(tmp_path, given, message):
    """Regression: a Series (the column itself, df["text"]) given as text_column= or id_column= of classify_file was
    compared with the file's column names and failed with pandas' "truth value of a Series is ambiguous"."""
    data = tmp_path / "in.csv"
    data.write_text("id,text\n1,単価が安い\n", encoding="utf-8")
    with pytest.raises(TypeError, match=message):
        taikai.classify_file(data, tmp_path / "out.csv", **given)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    "given",
    [{"chunk_size": np.int64(7)}, {"jobs": np.int32(2)}, {"limit": np.uint16(3)}, {"partitions": np.int64(4)}],
)
def test_a_numpy_integer_option_is_kept_as_a_python_int(given):
    """A numpy count (from a frame) is saved by --resume's fingerprint as JSON, which takes no numpy integer."""
    ((name, value),) = given.items()
    got = getattr(BatchOptions.make(text_column="text", **given), name)
    assert (type(got), got) == (int, value)


LOCAL_OPTIONS = (
    "'engine': it takes input, output, text_column, model, options, on_chunk and the batch options chunk_size, "
    "encoding, encoding_errors, excel_safe, id_column, input_format, jobs, limit, mask_pii, on_bad_lines, "
    "output_encoding, output_format, prefix, "  # not the Dask engine's partitions
)
DASK_OPTIONS = (
    "'engine': it takes input, output, text_column, model, client, prepare, options and the batch options encoding, "
    "encoding_errors, excel_safe, id_column, input_format, mask_pii, on_bad_lines, output_encoding, "  # not jobs
)


@pytest.mark.parametrize(
    ("engine", "given", "error", "message"),
    [
        ("local", {"engine": "dask"}, TypeError, f"classify_file() got an unexpected keyword argument {LOCAL_OPTIONS}"),
        ("local", {"engine": "dask"}, TypeError, "(of the local engine); to run on a Dask cluster, call taikai.dask."),
        ("dask", {"engine": "dask"}, TypeError, f"classify_files() got an unexpected keyword argument {DASK_OPTIONS}"),
        ("dask", {"engine": "dask"}, TypeError, "(of the Dask engine); to run the local engine, call taikai.classify_"),
        (
            "dask",
            {"jobs": 4},
            InputError,
            "jobs: an option of the local engine, not of the Dask engine; leave it out, or call taikai.classify_file "
            "to run the local engine with it (on one file: it reads no folder or glob)",
        ),
        (
            "dask",
            {"jobs": 4, "limit": 3},
            InputError,
            "jobs, limit: options of the local engine, not of the Dask engine; leave them out, or call",
        ),
        (
            "local",
            {"partitions": 3},
            InputError,
            "partitions: an option of the Dask engine, not of the local engine (classify_file); to run on a Dask "
            "cluster, call taikai.dask.classify_files with it",
        ),
    ],
)
def test_an_engine_refuses_the_others_options_naming_the_other_function(tmp_path, engine, given, error, message):
    import taikai

    (tmp_path / "in.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    if engine == "dask":
        pytest.importorskip("distributed")
        import taikai.dask

        run = taikai.dask.classify_files
    else:
        run = taikai.classify_file
    with pytest.raises(error) as caught:
        run(tmp_path / "in.csv", tmp_path / "out", text_column="text", **given)
    assert message in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_options_are_keyword_only_and_default_from_one_place():
    with pytest.raises(TypeError):
        BatchOptions("text")  # type: ignore[misc]
    options = BatchOptions.make(text_column="text", jobs=2)
    assert options.differing(BatchOptions.LOCAL_ONLY) == ["jobs"]
    assert BatchOptions.make(options, chunk_size=7).chunk_size == 7 and options.chunk_size == BatchOptions.default(
        "chunk_size"
    )
    params = {p.name: p.default for p in cli.get_command(None, "batch").params}
    for name in ("jobs", "chunk_size", "on_bad_lines", "sheet", "id_column"):
        assert params[name] == BatchOptions.default(name), name


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, ReadOptions()),
        (
            {"input_format": "xlsx", "sheet": "2", "encoding_errors": "replace"},
            ReadOptions(input_format="xlsx", sheet="2", encoding_errors="replace"),
        ),
        ({"encoding": "cp932", "output_encoding": "utf-8", "output_format": "csv"}, ReadOptions(encoding="cp932")),
    ],
)
def test_read_options_are_how_the_input_is_read(given, expected):
    assert BatchOptions.make(text_column="text", **given).read_options == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "dask", "--jobs", "2"], "--jobs applies to the local engine only"),
        (["--engine", "dask", "--chunk-size", "9", "--limit", "3"], "--chunk-size, --limit apply to the local engine"),
        (["--partitions", "3"], "--partitions applies to --engine dask only"),
    ],
)
def test_the_command_line_refuses_options_given_for_the_other_engine(tmp_path, args, message):
    (tmp_path / "in.csv").write_text("text\n手数料\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "o"), "--text-column", "text", *args]
    )
    assert result.exit_code == 2 and message in result.output, result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--jobs", "1", "--chunk-size", "5000", "--encoding-errors", "strict", "--on-bad-lines", "error"],
        ["--encoding-errors", "replace"],  # the Dask engine reads it as the local engine does
    ],
)
def test_the_dask_engine_accepts_the_local_defaults_written_out(tmp_path, args):
    (tmp_path / "in.csv").write_text("text\n手数料\n", encoding="utf-8")
    out = tmp_path / "o.xlsx"  # refused after the engine's options were checked: no cluster starts
    result = CliRunner().invoke(
        cli, ["batch", str(tmp_path / "in.csv"), "-o", str(out), "--text-column", "text", "--engine", "dask", *args]
    )
    assert result.exit_code == 2 and "the Dask engine writes parquet, csv, tsv, jsonl parts, not xlsx" in result.output


def test_chunk_results_make_the_summary():
    first = chunk_result(
        ["ok", "empty", "ok"],
        ["", "no text", ""],
        ["fees", None, "time"],
        ["negative", None, "neutral"],
        ["a", "b", "c"],
        lambda i: i + 1,
    )
    second = chunk_result(["error"], ["not Japanese"], [None], [None], None, lambda i: f"{i + 1} of part.1", replaced=2)
    assert (first.rows, first.statuses, first.reasons) == (3, {"ok": 2, "empty": 1}, {"fees": 1, "time": 1})
    assert [(e.row, e.id, e.status) for e in first.examples] == [(2, "b", Status.EMPTY)]
    summary = BatchSummary("in", "out")
    summary.add(first, bad=1, blank=2)
    summary.add(second)
    assert (summary.rows, summary.not_ok, summary.records, summary.replaced_characters) == (4, 2, 7, 2)
    assert summary.statuses == {"ok": 2, "empty": 1, "error": 1}
    assert "  output row 2 (id b): empty: no text" in str(summary) and "  output row 1 of part.1: error" in str(summary)
    restored = BatchSummary.from_totals("in", "out", summary.totals())
    assert restored.examples == summary.examples and restored.resumed_rows == 4


@pytest.mark.parametrize(
    ("ids", "lines", "files", "shown", "saved"),
    [
        (["a", "b"], [2, 5], None, "  line 5 (id b): empty: no text", {"row": 2, "id": "b", "line": 5}),
        (None, [2, 5], None, "  line 5: empty: no text", {"row": 2, "id": None, "line": 5}),
        (["a", "b"], [], None, "  output row 2 (id b): empty: no text", {"row": 2, "id": "b", "line": None}),
        (None, None, None, "  output row 2: empty: no text", {"row": 2, "id": None, "line": None}),
        (["a", "b"], [2, 5], ["x.csv", "y.csv"], "  y.csv:5 (id b): empty: no text", {"row": 2, "id": "b", "line": 5}),
    ],
)
def test_the_summary_names_a_row_by_its_input_line_when_known(ids, lines, files, shown, saved):
    result = chunk_result(
        ["ok", "empty"],
        ["", "no text"],
        ["fees", None],
        ["negative", None],
        ids,
        lambda i: i + 1,
        lines=lines,
        files=files,
    )
    summary = BatchSummary("in", "out")
    summary.add(result)
    assert str(summary).splitlines()[-1] == shown
    [example] = summary.to_dict()["examples"]
    assert example == {**saved, "status": "empty", "message": "no text", "file": files[1] if files else None}
    assert str(BatchSummary.from_totals("in", "out", summary.totals())).splitlines()[-1] == shown


@pytest.mark.parametrize(
    ("output", "given", "expected"),
    [
        ("o2.csv", None, "csv"),
        ("o.TSV", None, "tsv"),
        ("o.ndjson", None, "jsonl"),
        ("o.parquet", None, "parquet"),
        ("out", None, "parquet"),
        ("out.d", None, "parquet"),
        ("out", "jsonl", "jsonl"),
        ("o.csv", "csv", "csv"),
    ],
)
def test_the_dask_parts_take_the_format_the_output_name_says(output, given, expected):
    options = BatchOptions.make(text_column="text", output_format=given)
    assert options.parts_format(Path(output)) == expected


@pytest.mark.parametrize(
    ("output", "given", "message"),
    [
        (
            "o.csv",
            "parquet",
            "o.csv: the name says csv but output_format= (--output-format on the command line) says parquet; the "
            "Dask engine",
        ),
        (
            "o.parquet",
            "tsv",
            "drop output_format= (--output-format on the command line) to write parquet parts, or name the folder "
            "without",
        ),
        ("o.xlsx", None, "writes parquet, csv, tsv, jsonl parts, not xlsx; name the folder without .xlsx"),
        ("out", "xlsx", "not xlsx; choose another output_format= (--output-format on the command line)"),
    ],
)
def test_the_dask_parts_refuse_a_format_the_output_name_contradicts(tmp_path, output, given, message):
    with pytest.raises(InputError, match=re.escape(message)):
        BatchOptions.make(text_column="text", output_format=given).parts_format(Path(output))
    (tmp_path / "in.csv").write_text("text\n手数料\n", encoding="utf-8")
    args = ["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / output), "--text-column", "text"]
    result = CliRunner().invoke(cli, [*args, "--engine", "dask", *(["--output-format", given] if given else [])])
    assert result.exit_code == 2 and result.output.startswith("taikai: error: "), result.output
    assert message in " ".join(result.output.split()), result.output
    assert not (tmp_path / output).exists()


def test_examples_saved_before_lines_were_kept_read_back_as_output_rows():
    totals = {
        "rows": 1,
        "statuses": {"empty": 1},
        "examples": [{"row": 1, "id": "x", "status": "empty", "message": "m"}],
    }
    restored = BatchSummary.from_totals("in", "out", Totals.from_json(totals))
    assert restored.examples[0].line is None and "  output row 1 (id x): empty: m" in str(restored)


@pytest.mark.parametrize(
    ("statuses", "line"), [({}, "status: no rows"), ({"ok": 2, "empty": 1}, "status: empty 1, ok 2")]
)
def test_the_status_line_is_never_left_blank(statuses, line):
    summary = BatchSummary("in", "out", rows=sum(statuses.values()), statuses=statuses)
    assert line in str(summary).splitlines()


@pytest.mark.parametrize("missing", [["dask", "dask.dataframe"], ["distributed.diagnostics.plugin"]])
def test_without_the_dask_extra_the_command_line_says_what_to_install_once(tmp_path, monkeypatch, missing):
    import sys

    for name in [n for n in sys.modules if n.startswith(("taikai.dask", "taikai.batch.dask", "taikai.batch._dask"))]:
        monkeypatch.delitem(sys.modules, name)
    for name in missing:  # `import name` now fails as if it were not installed
        monkeypatch.setitem(sys.modules, name, None)
    (tmp_path / "dump.csv").write_text("id,body\n1,辞めたい\n", encoding="utf-8")
    args = [
        "batch",
        str(tmp_path / "dump.csv"),
        "-o",
        str(tmp_path / "dd"),
        "--engine",
        "dask",
        "--text-column",
        "body",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.output == (
        "taikai: error: --engine dask needs dask and distributed, which are not installed "
        f"(import of {missing[-1]} halted; None in sys.modules); install them with: pip install 'taikai[dask]'\n"
    )
    assert not (tmp_path / "dd").exists()


@pytest.mark.parametrize(
    ("output", "given", "refused"),
    [
        (
            "o.csv",
            "parquet",
            "o.csv: the name says csv but output_format= (--output-format on the command line) says "
            "parquet, which would write a parquet file named .csv",
        ),
        ("o.TSV", "jsonl", "drop output_format= (--output-format on the command line), or name the file .jsonl"),
        ("o.parquet", "csv", "the name says parquet but"),
        ("o.csv", "csv", None),
        ("o.dat", "tsv", None),  # a name that says no format: output_format= says it
        ("o.jsonl", None, None),
    ],
)
def test_the_local_file_refuses_a_format_its_name_contradicts(tmp_path, tiny_model_dir, output, given, refused):
    """Regression: batch -o o.csv --output-format parquet wrote a Parquet file named .csv, which report refused."""
    (tmp_path / "in.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    args = ["batch", tmp_path / "in.csv", "-o", tmp_path / output, "--text-column", "text", "-m", tiny_model_dir, "-q"]
    result = CliRunner().invoke(cli, [str(a) for a in [*args, *(["--output-format", given] if given else [])]])
    if refused is None:
        assert result.exit_code == 0, result.output
        assert (tmp_path / output).exists()
        return
    assert result.exit_code == 2 and result.output.startswith("taikai: error: "), result.output
    assert refused in " ".join(result.output.split()), result.output
    assert not (tmp_path / output).exists()


def test_an_unknown_option_names_every_keyword_of_its_function():
    """The keywords an unknown option's error lists besides the batch options are the function's own."""
    import taikai
    from taikai._keywords import named_keywords
    from taikai.batch._options import _FUNCTION

    dask = pytest.importorskip("taikai.dask")
    assert {
        "local": ("classify_file", named_keywords(taikai.classify_file)),
        "dask": ("classify_files", named_keywords(dask.classify_files)),
    } == _FUNCTION
