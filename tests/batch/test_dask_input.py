"""Reading the Dask engine's input: what a CSV header says is said once, by the client, never by the workers."""

from __future__ import annotations

import re
import warnings

import pytest

from taikai.errors import DataWarning, InputError
from taikai.io import open_reader

dask_input = pytest.importorskip("taikai.batch._dask_input")


@pytest.mark.parametrize(("warn", "said"), [(True, 1), (False, 0)])
def test_open_reader_says_the_unnamed_columns_unless_asked_not_to(tmp_path, warn, said):
    path = tmp_path / "sheet.csv"
    path.write_text("id,text,,\n1,手数料が高い,,\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader = open_reader(path, warn=warn)
    assert reader.columns == ["id", "text"] and reader.unnamed == 2
    assert [str(w.message).split(": the header")[0] for w in caught] == [str(path)] * said


@pytest.mark.parametrize("files", [1, 2])
def test_read_input_says_the_unnamed_columns_once_whatever_reads_the_files(tmp_path, files):
    for k in range(files):
        (tmp_path / f"part{k}.csv").write_text("id,text,,\n1,手数料が高い,,\n2,単価が安い\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert dask_input.first_reader(sorted(tmp_path.glob("*.csv")), "csv").columns == ["id", "text"]
        ddf, _ = dask_input.read_input(str(tmp_path / "*.csv"), text_column="text")
        frame = ddf.compute(scheduler="threads")
    assert len(frame) == 2 * files
    messages = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert len(messages) == 1 and "the header ends in 2 column(s) without a name" in messages[0], messages


BIG, EXACT = 12345678901234567890, 2**53 + 1


@pytest.mark.parametrize(
    ("a", "b", "kind", "written", "raw"),
    [
        ([1, 2], [0.5], "double", [1, 2, 0.5], [1, 2, None]),
        ([1, EXACT], [0.5], "string", ["1", str(EXACT), "0.5"], [1, EXACT, 0.5]),
        ([3, 4], ["N/A"], "string", ["3", "4", "N/A"], [3, 4, None]),
        ([BIG], [1], "string", [str(BIG), "1"], [BIG, 1]),
        ([{"k": 1}], [2], "string", ['{"k": 1}', "2"], [{"k": 1}, 2]),
    ],
    ids=["ints-and-floats", "int-beyond-a-float", "ints-and-text", "int-beyond-64-bits", "object-and-int"],
)
def test_read_input_keeps_the_jsonl_cells_its_columns_do_not_hold_as_read(tmp_path, a, b, kind, written, raw):
    """A column of ints in one file and of floats in another, where a float cannot hold an int, made floats: Arrow
    refused the int in the read. The cells of a column of text that were numbers were "3" to the writer."""
    import json

    from taikai.batch._dask_cells import RAW_PREFIX

    for name, values in (("a", a), ("b", b)):
        lines = [json.dumps({"text": "手数料が高い", "n": v}) + "\n" for v in values]
        (tmp_path / f"{name}.jsonl").write_text("".join(lines), encoding="utf-8")
    ddf, schema = dask_input.read_input(str(tmp_path / "*.jsonl"), text_column="text", locate=True)
    frame = ddf.compute(scheduler="threads")
    assert str(schema.field("n").type) == kind
    assert [v.item() if hasattr(v, "item") else v for v in frame["n"]] == written
    assert frame[RAW_PREFIX + "n"].tolist() == raw


LABEL = "text_column must be a column label (a str, or an int for a frame read with header=None)"
GIVE = "give the right one to text_column= (--text-column on the command line)"


def _inputs(tmp_path):
    """The same two columns, 本文 and 3, as CSV, JSONL (3 holds numbers) and Parquet."""
    import json

    import pandas as pd

    (tmp_path / "in.csv").write_text("本文,3\n手数料が高い,5\n", encoding="utf-8")
    (tmp_path / "in.jsonl").write_text(json.dumps({"本文": "手数料が高い", "3": 5}) + "\n", encoding="utf-8")
    pd.DataFrame({"本文": ["手数料が高い"], "3": ["5"]}).to_parquet(tmp_path / "in.parquet")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize(
    ("text_column", "error", "message"),
    [
        (["本文"], TypeError, f"{LABEL}, not list ['本文']"),
        ({"本文"}, TypeError, f"{LABEL}, not set {{'本文'}}"),
        (True, TypeError, f"{LABEL}, not bool True"),
        ("本分", InputError, f"FILE: no column '本分'; the columns are ['本文', '3']; {GIVE}"),
        (4, InputError, f"FILE: no column 4; the columns are ['本文', '3']; {GIVE}"),
    ],
    ids=["list", "set", "bool", "typo", "int-not-there"],
)
def test_read_input_refuses_a_text_column_that_is_not_one_of_the_files(tmp_path, fmt, text_column, error, message):
    """Regression: a list was a TypeError traceback (unhashable), a typo or a number was taken silently (a JSONL
    text column was then not read as text)."""
    _inputs(tmp_path)
    path = tmp_path / f"in.{fmt}"
    with pytest.raises(error) as caught:
        dask_input.read_input(path, text_column=text_column)
    assert type(caught.value) is error and str(caught.value) == message.replace("FILE", str(path))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("text_column", ["3", 3])
def test_read_input_reads_the_column_a_number_names_as_text(tmp_path, fmt, text_column):
    """3 names the column "3" (as the local engine and taikai.dask.classify read it): in JSONL it is text, its
    cells kept as they are (a number reaches the model, which says "not text" of it, as in a local run)."""
    import pyarrow as pa

    _inputs(tmp_path)
    ddf, schema = dask_input.read_input(tmp_path / f"in.{fmt}", text_column=text_column)
    kind = schema.field("3").type
    assert pa.types.is_string(kind) or pa.types.is_large_string(kind)
    if fmt != "parquet":  # read by Dask itself, as it is
        assert ddf.compute(scheduler="threads")["3"].tolist() == ([5] if fmt == "jsonl" else ["5"])


@pytest.mark.parametrize(
    "litter", ["Thumbs.db", "desktop.ini", ".DS_Store", "._b.csv", "~$b.csv", ".ipynb_checkpoints/b-checkpoint.csv"]
)
def test_read_input_skips_file_manager_litter_and_says_so(tmp_path, litter):
    """Regression: a Thumbs.db beside the CSV files was "cannot tell the format from the extension '.db'", Excel's
    lock file ~$b.csv and Jupyter's checkpoints were read as data, and .DS_Store was passed over unsaid."""
    for name, text in (("a.csv", "手数料が高い"), ("b.csv", "案件が少ない")):
        (tmp_path / "in" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(f"本文\n{text}\n", encoding="utf-8")
    (tmp_path / "in" / litter).parent.mkdir(exist_ok=True)
    (tmp_path / "in" / litter).write_bytes(b"\xd0\xcf\x11\xe0\x00\x00")
    with pytest.warns(DataWarning) as caught:
        ddf, _ = dask_input.read_input(tmp_path / "in", text_column="本文")
    assert ddf.compute(scheduler="threads")["本文"].tolist() == ["手数料が高い", "案件が少ない"]
    assert [str(w.message).split(" (")[0] for w in caught] == [f"{tmp_path / 'in'}: skipped {litter}"]


@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")  # Dask's own, on pandas 3.1
@pytest.mark.parametrize("litter", ["Thumbs.db", "~$b.parquet", ".ipynb_checkpoints/b-checkpoint.parquet"])
def test_read_input_reads_no_litter_of_a_folder_of_parquet(tmp_path, litter):
    """Dask given the folder read every file in it: a Thumbs.db was "Parquet magic bytes not found", a checkpoint's
    rows were read as data. It is given the files listed."""
    import pandas as pd

    (tmp_path / "in").mkdir()
    for name, text in (("a", "手数料が高い"), ("b", "案件が少ない")):
        pd.DataFrame({"本文": [text]}).to_parquet(tmp_path / "in" / f"{name}.parquet")
    (tmp_path / "in" / litter).parent.mkdir(exist_ok=True)
    if litter.endswith(".parquet"):
        pd.DataFrame({"本文": ["二度目"]}).to_parquet(tmp_path / "in" / litter)
    else:
        (tmp_path / "in" / litter).write_bytes(b"\xd0\xcf\x11\xe0\x00\x00")
    with pytest.warns(DataWarning, match=f"skipped {re.escape(litter)} "):
        ddf, schema = dask_input.read_input(tmp_path / "in", text_column="本文")
    assert ddf.compute(scheduler="threads")["本文"].tolist() == ["手数料が高い", "案件が少ない"]
    assert schema.names == ["本文"]


TITLED = "2026年11月 退会アンケート\n本文,評価\n手数料が高い,1\n"
BELOW = "'本文' is on line 2: the lines above it look like a title; delete them (taikai reads the header from line 1)"


@pytest.mark.parametrize(("given", "named"), [("in/a.csv", "in/a.csv"), ("in", "in/a.csv"), ("in/*.csv", "in/a.csv")])
def test_read_input_says_a_header_below_a_title_as_the_local_engine_does(tmp_path, given, named):
    """Regression: the Dask engine said only that there is no column '本文'. The columns are the first file's: a
    folder or glob names it."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.csv").write_text(TITLED, encoding="utf-8")
    (tmp_path / "in" / "b.csv").write_text(TITLED, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        dask_input.read_input(tmp_path / given, text_column="本文")
    assert str(caught.value) == (
        f"{tmp_path / named}: no column '本文'; the columns are ['2026年11月 退会アンケート']; {BELOW}"
    )


@pytest.mark.parametrize(
    ("second", "n"),
    [
        ('{"text": "案件が少ない", "id": 2}\n', [1, None]),  # keys in another order, one left out
        ('{"id": 2, "text": "案件が少ない"}\n{"n": 3, "text": "時間がない", "id": 3}\n', [1, None, 3]),
    ],
    ids=["reordered-and-fewer", "fewer-then-all"],
)
def test_read_input_reads_jsonl_files_by_key_as_the_local_engine_does(tmp_path, second, n):
    """Regression: a JSONL file whose first record had fewer keys than the first file's, or the same in another
    order, stopped the run ("the columns ['text', 'id'] differ from those of the first file"), while the local
    engine reads the same records, one file after the other, by key (a key left out is null)."""
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "手数料が高い", "n": 1}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(second, encoding="utf-8")
    ddf, schema = dask_input.read_input(str(tmp_path / "*.jsonl"), text_column="text")
    frame = ddf.compute(scheduler="threads")
    assert schema.names == ["id", "text", "n"]
    assert frame["n"].astype(object).where(frame["n"].notna(), None).tolist() == n


def test_read_input_takes_the_first_file_s_keys_from_all_its_records(tmp_path):
    """Regression: the first file's columns were its first record's keys, so an export that leaves out null values
    (BigQuery, jq) had a later file refused for a key the first file's later records hold."""
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "手数料が高い"}\n{"id": 2, "text": "x", "n": 5}\n', "utf-8")
    (tmp_path / "b.jsonl").write_text('{"n": 3, "text": "時間がない", "id": 3}\n', encoding="utf-8")
    ddf, schema = dask_input.read_input(str(tmp_path / "*.jsonl"), text_column="text")
    frame = ddf.compute(scheduler="threads")
    assert schema.names == ["id", "text", "n"]
    assert frame["n"].astype(object).where(frame["n"].notna(), None).tolist() == [None, 5, 3]


@pytest.mark.parametrize(
    ("files", "columns", "rows"),
    [
        (
            ['{"id": 1, "text": "手数料が高い"}\n', '{"id": 2, "text": "案件", "x": 0}\n'],
            ["id", "text", "x"],
            [[1, "手数料が高い", None], [2, "案件", 0]],
        ),
        (
            ['{"text": "a"}\n', '{"y": 1.5, "text": "b"}\n', '{"x": "u", "text": "c", "y": 2}\n'],
            ["text", "y", "x"],
            [["a", None, None], ["b", 1.5, None], ["c", 2.0, "u"]],
        ),
    ],
    ids=["a-later-file-adds-a-key", "two-later-files-add-keys"],
)
def test_read_input_takes_the_keys_of_every_jsonl_file(tmp_path, files, columns, rows):
    """Regression: a later file whose records had a key no record of the first file had was refused, while the local
    engine, reading the same records one file after the other, takes every key (null where a record has none)."""
    for k, lines in enumerate(files):
        (tmp_path / f"{k}.jsonl").write_text(lines, encoding="utf-8")
    ddf, schema = dask_input.read_input(str(tmp_path / "*.jsonl"), text_column="text")
    frame = ddf.compute(scheduler="threads")
    assert schema.names == columns and list(frame.columns) == columns
    assert frame.astype(object).where(frame.notna(), None).values.tolist() == rows
    together = tmp_path / "all" / "together.jsonl"
    together.parent.mkdir()
    together.write_text("".join(files), encoding="utf-8")
    assert open_reader(together, "jsonl").columns == columns  # as the local engine reads them, in one file


@pytest.mark.parametrize(
    ("fmt", "first", "second", "said"),
    [
        (
            "csv",
            "id,text\n1,手数料が高い\n",
            "text,id\n案件,2\n",
            "its columns ['text', 'id'] are not those of the first "
            "file, FIRST: ['id', 'text']; every file must have the first one's columns, in the same order: make the "
            "headers alike, or classify the files apart",
        ),
        (
            "csv",
            "id,text\n1,手数料が高い\n",
            "レビュー一覧\n\nid,text\n2,案件\n",
            "its columns ['レビュー一覧'] are not those of the first file, FIRST: ['id', 'text']; 'id' and 'text' are "
            "on line 3: the lines above it look like a title; delete them (taikai reads the header from line 1)",
        ),
    ],
    ids=["csv-other-order", "csv-header-below-a-title"],
)
def test_read_input_names_the_first_file_whose_columns_a_file_lacks(tmp_path, fmt, first, second, said):
    """The error named neither the first file (which the columns come from) nor what to do. A later file whose
    header is below a title was told to make the headers alike, not where its header is, as the local engine says."""
    (tmp_path / f"a.{fmt}").write_text(first, encoding="utf-8")
    (tmp_path / f"b.{fmt}").write_text(second, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        dask_input.read_input(str(tmp_path / f"*.{fmt}"), text_column="text")[0].compute(scheduler="threads")
    assert str(caught.value) == f"{tmp_path / f'b.{fmt}'}: " + said.replace("FIRST", str(tmp_path / f"a.{fmt}"))


@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")  # Dask's own, on pandas 3.1
@pytest.mark.parametrize("kind", ["binary", "large_binary"])
def test_read_input_reads_a_binary_parquet_column_as_the_local_engine_does(tmp_path, kind):
    """Regression: a column of bytes (text written without Parquet's UTF-8 mark, as older Hive and Impala do) reached
    the model as bytes, so every row of a Dask run was status=error; the local engine reads each value as the text
    its bytes hold in UTF-8 (others stay bytes). The schema keeps the column's type: parts write it back so."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    values = ["手数料が高い".encode(), None, b"", b"\xff\xfe", "ok".encode("cp932")]
    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"text": pa.array(values, getattr(pa, kind)()), "id": [1, 2, 3, 4, 5]}), path)
    [local] = list(open_reader(path).chunks(10))
    ddf, schema = dask_input.read_input(path, text_column="text")
    assert (
        ddf.compute(scheduler="threads")["text"].tolist()
        == local.data[0]
        == ["手数料が高い", None, "", b"\xff\xfe", "ok"]
    )
    assert schema.field("text").type == getattr(pa, kind)()


@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")  # Dask's own, on pandas 3.1
def test_read_input_reads_fixed_size_bytes_as_the_local_engine_does(tmp_path):
    """Regression: a Parquet column of fixed-size bytes reached the model as bytes under both engines (every row of a
    text column an error, ``b'ab'`` in a CSV output); now as binary columns are, as the text they hold in UTF-8."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"text": pa.array([b"ab", None, b"\xff\xfe"], pa.binary(2)), "id": [1, 2, 3]}), path)
    [local] = list(open_reader(path).chunks(10))
    ddf, schema = dask_input.read_input(path, text_column="text")
    assert ddf.compute(scheduler="threads")["text"].tolist() == local.data[0] == ["ab", None, b"\xff\xfe"]
    assert schema.field("text").type == pa.binary(2)


def _cut_short(path) -> None:
    import pandas as pd

    pd.DataFrame({"text": ["手数料が高い"] * 50}).to_parquet(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


@pytest.mark.parametrize(
    ("write", "why"),
    [
        (_cut_short, "Parquet magic bytes not found in footer"),
        (lambda path: path.write_bytes(b"id,text\n1,x\n"), "Parquet magic bytes not found in footer"),
        (lambda path: path.write_bytes(b""), "Parquet file size is 0 bytes"),
    ],
    ids=["cut-short", "csv-named-parquet", "empty"],
)
def test_read_input_says_a_parquet_file_it_cannot_read_as_the_local_engine_does(tmp_path, write, why):
    """Regression: a Parquet file cut short (or not Parquet) was a traceback from Dask (pyarrow's ArrowInvalid), on
    the command line too; the local engine said 'not a readable Parquet file'."""
    import pandas as pd

    (tmp_path / "in").mkdir()
    pd.DataFrame({"text": ["案件が少ない"]}).to_parquet(tmp_path / "in" / "a.parquet")  # the first file is whole
    bad = tmp_path / "in" / "b.parquet"
    write(bad)
    with pytest.raises(InputError) as caught:
        dask_input.read_input(tmp_path / "in", text_column="text")
    said = str(caught.value)
    assert said.startswith(f"{bad}: not a readable Parquet file (") and why in said and "\n" not in said
    assert said.endswith("); write it again, or give the rows as CSV, TSV or JSONL")


@pytest.mark.parametrize(
    ("files", "text_column", "texts"),
    [
        (['{"id": 1, "body": "x"}\n', '{"id": 2, "text": "手数料が高い"}\n'], "text", [None, "手数料が高い"]),
        (['{"id": 1}\n', '{"id": 2}\n', '{"本文": "案件", "id": 3}\n'], "本文", [None, None, "案件"]),
        (['{"id": 1, "text": "a"}\n', '{"id": 2, "text": "b"}\n'], "text", ["a", "b"]),
    ],
    ids=["the-second-file-has-it", "the-third-file-has-it", "every-file-has-it"],
)
def test_read_input_takes_a_text_column_a_later_jsonl_file_has(tmp_path, files, text_column, texts):
    """Regression: a text key that no record of the first file had was refused ("no column 'text'; the columns are
    ['id', 'body']"), though a later file's keys are columns too, as when the local engine reads the records one
    file after the other."""
    for k, lines in enumerate(files):
        (tmp_path / f"{k}.jsonl").write_text(lines, encoding="utf-8")
    ddf, schema = dask_input.read_input(str(tmp_path / "*.jsonl"), text_column=text_column, locate=True)
    frame = ddf.compute(scheduler="sync")
    assert schema.field(text_column).type == "string"  # read as text, whatever its cells hold
    assert frame[text_column].astype(object).where(frame[text_column].notna(), None).tolist() == texts
    together = tmp_path / "all" / "together.jsonl"
    together.parent.mkdir()
    together.write_text("".join(files), encoding="utf-8")
    assert text_column in open_reader(together, "jsonl").columns  # as the local engine reads them, in one file


def test_read_input_refuses_a_text_column_no_jsonl_file_has_naming_them_all(tmp_path):
    """The columns said are those of every file, and the input named is the glob (not its first file)."""
    (tmp_path / "a.jsonl").write_text('{"id": 1, "body": "x"}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": 2, "text": "y"}\n', encoding="utf-8")
    pattern = str(tmp_path / "*.jsonl")
    with pytest.raises(InputError) as caught:
        dask_input.read_input(pattern, text_column="nope")
    assert str(caught.value).startswith(f"{pattern}: no column 'nope'; the columns are ['id', 'body', 'text']")


@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")  # Dask's own, on pandas 3.1
@pytest.mark.parametrize(
    ("columns", "row"),
    [
        ({"id": ["1", "id", "2"], "text": ["手数料が高い", "text", "単価が安い"]}, 2),
        ({"text": ["手数料が高い", "単価が安い", "text"]}, 3),
        ({"text": ["手数料が高い".encode(), b"text"]}, 2),  # bytes read as the text they hold
        ({"id": [1, 2], "text": ["手数料が高い", "text"]}, None),  # a review that reads 'text' beside its id
    ],
)
def test_read_input_stops_at_a_parquet_row_repeating_the_header_as_the_local_engine_does(
    tmp_path, tiny_model_dir, columns, row
):
    """Regression (h414): the Dask engine read Parquet with Dask, so a row repeating the header (two exports joined,
    then written) was classified, status 'error', where the local engine stops at it as a bad record."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    import taikai

    path = tmp_path / "in" / "joined.parquet"
    path.parent.mkdir()
    pq.write_table(pa.table(columns), path)
    if row is None:
        ddf, _ = dask_input.read_input(path, text_column="text")
        assert ddf.compute(scheduler="threads")["text"].tolist() == columns["text"]
        return
    with pytest.raises(InputError) as local:
        taikai.classify_file(path, tmp_path / "local.csv", "text", model=tiny_model_dir)
    with pytest.raises(InputError) as dask:
        dask_input.read_input(path.parent, text_column="text", mask_pii=True)
    record = f"{path}:{row}: malformed record (the header repeated: data row {row} holds the column names again"
    assert str(local.value).startswith(record) and str(dask.value).startswith(record)
    assert str(local.value).split("; fix it")[0] == str(dask.value).split("; the Dask engine")[0]
    assert (
        "the Dask engine stops at such rows of Parquet files: fix them, or set them aside with the local engine"
        in str(dask.value)
    )
