"""The files the Dask engine's input names: file-manager litter in a folder or glob is not read, and is said to be
skipped, by the one definition of litter the output folder uses too."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.errors import DataWarning, InputError

pytest.importorskip("dask.dataframe")
from taikai.batch import _dask_listing as listing
from taikai.batch._dask_input import read_input

LITTER = [
    "Thumbs.db",
    "desktop.ini",
    ".DS_Store",
    "._a.csv",
    "~$a.csv",
    ".~lock.a.csv#",
    ".ipynb_checkpoints/a-checkpoint.csv",
    "sub/Thumbs.db",
]
HIDDEN = frozenset({".DS_Store", "._a.csv", ".~lock.a.csv#", ".ipynb_checkpoints/a-checkpoint.csv"})
"""What a glob's ``*`` does not match: names that begin with a dot, and what lies in a folder that does."""


def _folder(tmp_path: Path, litter: str) -> Path:
    """A folder of two CSV files and one piece of *litter* (bytes no reader takes for a CSV of those columns)."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.csv").write_text("本文\n手数料が高い\n", encoding="utf-8")
    (folder / "sub" / "b.csv").write_text("本文\n案件が少ない\n", encoding="utf-8")
    (folder / litter).parent.mkdir(parents=True, exist_ok=True)
    (folder / litter).write_bytes(b"\xd0\xcf\x11\xe0\x00\x00")
    return folder


@pytest.mark.parametrize("litter", LITTER)
@pytest.mark.parametrize("pattern", ["{in}", "{in}/**/*"])
def test_litter_in_a_folder_or_glob_is_skipped_and_named(tmp_path, litter, pattern):
    """Regression: taikai batch in/ --engine dask with a Thumbs.db beside the CSV files said "cannot tell the format
    from the extension '.db'"; ~$a.csv (Excel's lock file) and .ipynb_checkpoints/ were read as data."""
    folder = _folder(tmp_path, litter)
    given = pattern.format(**{"in": folder})
    found = listing.input_files(given)
    matched = pattern == "{in}" or litter not in HIDDEN
    assert found.files == [folder / "a.csv", folder / "sub" / "b.csv"]
    assert found.format == "csv"
    assert found.skipped == ([litter] if matched else [])
    with pytest.warns(DataWarning) if matched else warnings.catch_warnings():
        if not matched:
            warnings.simplefilter("error")
        found.warn_skipped(given)


def test_the_warning_names_the_files_skipped(tmp_path):
    folder = _folder(tmp_path, "Thumbs.db")
    for name in ("desktop.ini", "~$a.csv", "~$b.csv"):
        (folder / name).write_bytes(b"x")
    with pytest.warns(DataWarning) as caught:
        listing.input_files(folder).warn_skipped(folder)
    assert [str(w.message) for w in caught] == [
        f"{folder}: skipped Thumbs.db, desktop.ini, ~$a.csv, and 1 more (written by a file manager, an office "
        "program or Jupyter, not data); rename a data file whose name looks like one of them to have it read"
    ]


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["Thumbs.db"], "{in}: the folder holds no data file (only Thumbs.db: written by a file manager, "),
        (["~$a.csv", ".DS_Store"], "{in}: the folder holds no data file (only .DS_Store, ~$a.csv: written by "),
        ([], "{in}: the folder holds no data file; put the Parquet, CSV, TSV or JSONL files to classify in it, or "),
        (["_SUCCESS"], "{in}: the folder holds no data file; put the Parquet, CSV, TSV or JSONL files to classify"),
    ],
)
def test_a_folder_of_litter_alone_names_it(tmp_path, names, message):
    """Regression: a folder given was told "no file matches; give a directory": advice that does not help."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(b"x")
    with pytest.raises(InputError) as caught:
        listing.input_files(folder)
    assert str(caught.value).startswith(message.format(**{"in": folder}))


@pytest.mark.parametrize("name", ["~$a.csv", "Thumbs.csv", "_data.csv"])
def test_a_file_named_alone_is_read_whatever_its_name(tmp_path, name):
    """A file given by its own name is the user's choice: only a folder's or a glob's litter is skipped."""
    path = tmp_path / name
    path.write_text("本文\n手数料が高い\n", encoding="utf-8")
    found = listing.input_files(path)
    assert found.files == [path] and found.skipped == []


@pytest.mark.parametrize("name", ["_SUCCESS", ".gitkeep", "_metadata"])
def test_a_folder_s_other_hidden_and_underscore_files_are_still_passed_over_silently(tmp_path, name):
    folder = _folder(tmp_path, name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = listing.input_files(folder)
        found.warn_skipped(folder)
    assert found.files == [folder / "a.csv", folder / "sub" / "b.csv"] and found.skipped == []


def test_the_command_line_says_what_it_skipped(tmp_path, tiny_model_dir):
    """The warning comes before any slow step (here the column refused, before a cluster is reached)."""
    pytest.importorskip("distributed")
    from taikai.cli import cli

    folder = _folder(tmp_path, "Thumbs.db")
    args = ["batch", folder, "-o", tmp_path / "out", "--engine", "dask", "--text-column", "nope"]
    args += ["-m", tiny_model_dir, "--scheduler", "tcp://127.0.0.1:9"]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"taikai: warning: {folder}: skipped Thumbs.db (written by a file manager, an office program or Jupyter, not "
        "data); rename a data file whose name looks like one of them to have it read"
    )
    assert "no column 'nope'" in result.stderr.splitlines()[1]


@pytest.mark.parametrize(
    ("given", "output", "earlier", "read"),
    [
        ("in", "in/out", False, "in/out.taikai-partial/lock"),  # the run's own lock file
        ("in", "in/out", True, "in/out/part.00000.parquet"),
        ("in/**/*.parquet", "in/out.parquet", True, "in/out.parquet/part.00000.parquet"),
        ("in", "in/2024/../out", True, "in/out/part.00000.parquet"),  # the output's path not normalised
        ("linked", "in/out", True, "linked/out/part.00000.parquet"),  # the input folder reached through a link
        ("in", "linked/out", True, "in/out/part.00000.parquet"),  # the output's folder reached through a link
    ],
    ids=[
        "folder-first-run",
        "folder-earlier-output",
        "recursive-glob-earlier-output",
        "dot-dot-output",
        "linked-input",
        "linked-output-folder",
    ],
)
def test_an_output_the_input_would_read_is_refused_before_any_work(tmp_path, monkeypatch, given, output, earlier, read):
    """Regression: an output in the input folder stopped the run with "in/out.taikai-partial/lock: cannot tell the
    format from the extension ''" (its own lock file); an earlier output there or matched by a recursive glob was
    read as input ("already has output column(s)", whose advice, a --prefix, had the run classify its own output)."""
    import pandas as pd

    from taikai.dask import classify_files

    folder = tmp_path / "in" / "2024"
    folder.mkdir(parents=True)
    pd.DataFrame({"text": ["手数料が高い"]}).to_parquet(folder / "a.parquet")
    (tmp_path / "linked").symlink_to(tmp_path / "in", target_is_directory=True)
    if earlier:
        (tmp_path / output).mkdir()
        pd.DataFrame({"text": ["手数料が高い"], "status": ["ok"]}).to_parquet(tmp_path / output / "part.00000.parquet")
        (tmp_path / output / "_taikai.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        classify_files(given, Path(output), "text", model="no-model-is-loaded")
    assert str(caught.value).startswith(f"{given}: would read {Path(read)}, a file of this run's output {output} ")
    assert not (tmp_path / f"{output}.taikai-partial").exists()


@pytest.mark.parametrize(
    ("other", "given", "advice"),
    [
        (
            "README.txt",
            "in",
            "move it out of in, or give a quoted glob that matches the data files only, like 'in/*.csv'",
        ),
        ("notes.md", "in/*", "like 'in/*.csv'"),
        ("sub/README.txt", "in", "like 'in/**/*.csv'"),
        (
            "sub/README.txt",
            "in/**/*",
            "move it out of in, or give a quoted glob that matches the data files only, like 'in/**/*.csv'",
        ),
    ],
)
def test_a_file_of_no_format_beside_data_files_is_said_to_be_left_out(tmp_path, monkeypatch, other, given, advice):
    """Regression: a README.txt in a folder of CSV files said to name the format with --input-format csv, which
    read the README as a CSV file (and refused it for its columns); the advice now given works."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.csv").write_text("本文\n手数料が高い\n", encoding="utf-8")
    (tmp_path / "in" / other).write_text("このフォルダについて\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        listing.input_files(given)
    said = str(caught.value)
    assert said.startswith(f"{tmp_path / 'in' / other}: its extension ") and said.endswith(advice), said
    followed = said.rsplit("like '", 1)[1].rstrip("'")
    assert listing.input_files(followed).files == [tmp_path / "in" / "a.csv"]


@pytest.mark.parametrize("other", ["README.txt", "part-00000"])
def test_files_of_no_format_alone_keep_their_own_advice(tmp_path, other):
    """Files none of which has a format's extension: naming the format is the advice (it applies to them all)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / other).write_text("本文\n手数料が高い\n", encoding="utf-8")
    with pytest.raises(InputError, match="input_format="):
        listing.input_files(tmp_path / "in")
    assert listing.input_files(tmp_path / "in", "csv").files == [tmp_path / "in" / other]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl"])
@pytest.mark.parametrize("empty", [["a"], ["b"], ["a", "c"]])
def test_an_empty_text_file_beside_others_is_skipped_and_said(tmp_path, fmt, empty):
    """Regression: a 0-byte file among the files of a folder (a day's export without reviews) stopped the run:
    'the file is empty; the first line must name the columns', 'no JSON object with keys found'."""
    folder = tmp_path / "in"
    folder.mkdir()
    row = {"csv": "本文\n手数料が高い\n", "tsv": "本文\n手数料が高い\n", "jsonl": '{"本文": "手数料が高い"}\n'}[fmt]
    for name in "abc":
        (folder / f"{name}.{fmt}").write_text("" if name in empty else row, encoding="utf-8")
    found = listing.input_files(folder)
    assert found.files == [folder / f"{n}.{fmt}" for n in "abc" if n not in empty]
    with pytest.warns(DataWarning, match=r"skipped .*: empty \(0 bytes\), no row to read"):
        found.warn_skipped(folder)
    with pytest.warns(DataWarning, match="empty"):  # read_input says it too
        ddf, _ = read_input(folder, text_column="本文")
    assert ddf.compute(scheduler="sync")["本文"].tolist() == ["手数料が高い"] * (3 - len(empty))


@pytest.mark.parametrize("given", ["in", "in/a.csv"])
def test_empty_files_alone_are_refused_as_the_local_engine_refuses_them(tmp_path, monkeypatch, given):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for name in ("a.csv", "b.csv"):
        (tmp_path / "in" / name).write_bytes(b"")
    found = listing.input_files(given)
    assert found.empty == []
    with pytest.raises(InputError, match="the file is empty; the first line must name the columns"):
        read_input(given, text_column="本文")


@pytest.mark.parametrize(
    ("given", "base"),
    [
        ("data[2024]/a[1].csv", "data[2024]"),
        ("data[2024]", "data[2024]"),
        ("data[2024]/*.csv", "data[2024]"),
        ("data[2024]/**/*.csv", "data[2024]"),
        ("*/*.csv", "."),
    ],
)
def test_a_file_or_folder_whose_name_holds_brackets_is_read_as_named(tmp_path, monkeypatch, given, base):
    """Regression: a file named alone, or a glob in a folder, whose name holds [ ] (data[2024]/a[1].csv) said "no
    file matches": the brackets were read as a glob's character class."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data[2024]").mkdir()
    (tmp_path / "data[2024]" / "a[1].csv").write_text("本文\n手数料が高い\n", encoding="utf-8")
    found = listing.input_files(given)
    assert found.files == [tmp_path / "data[2024]" / "a[1].csv"]
    assert found.base == (tmp_path / base).absolute()


@pytest.mark.parametrize(
    "hidden", ["_SUCCESS", ".part-0.csv.crc", "_temporary/0/part-0.csv", ".Trash-1000/files/old.csv", ".git/x/y.csv"]
)
def test_a_folder_passes_over_files_and_folders_whose_names_start_with_an_underscore_or_a_dot(tmp_path, hidden):
    """Regression: Spark's _temporary/ of a failed job and a .Trash-1000/ folder in the input folder were read as
    data: their copies of the rows were classified twice. Only a file's own name was passed over."""
    folder = tmp_path / "in"
    (folder / hidden).parent.mkdir(parents=True, exist_ok=True)
    (folder / "a.csv").write_text("本文\n手数料が高い\n", encoding="utf-8")
    (folder / hidden).write_text("本文\n手数料が高い\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = listing.input_files(folder)
        found.warn_skipped(folder)
    assert found.files == [folder / "a.csv"]


def _linked_tree(tmp_path, monkeypatch, loop):
    """Make in/a.csv and in/2024 -> archive/ (holding b.csv), with archive/up -> in when *loop*; work in tmp_path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "archive").mkdir()
    (tmp_path / "in" / "a.csv").write_text("本文\n手数料が高い\n", encoding="utf-8")
    (tmp_path / "archive" / "b.csv").write_text("本文\n案件が少ない\n", encoding="utf-8")
    (tmp_path / "in" / "2024").symlink_to(tmp_path / "archive", target_is_directory=True)
    if loop:
        (tmp_path / "archive" / "up").symlink_to(tmp_path / "in", target_is_directory=True)


@pytest.mark.parametrize(("given", "loop"), [("in", False), ("in", True), ("in/**/*.csv", False)])
def test_a_folder_reads_the_files_of_a_linked_folder_as_a_glob_does(tmp_path, monkeypatch, given, loop):
    """Regression: a folder whose 2024/ is a link to another disk's folder read none of its files, unsaid, where the
    recursive glob in/**/*.csv read them. A link back up the tree is read once, not followed round."""
    _linked_tree(tmp_path, monkeypatch, loop)
    found = listing.input_files(given)
    assert [f.relative_to(tmp_path) for f in found.files] == [Path("in/2024/b.csv"), Path("in/a.csv")]


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ("in/**/*.csv", ["in/2024/b.csv", "in/a.csv"]),
        ("in/**", ["in/2024/b.csv", "in/a.csv"]),
        ("{tmp}/in/**/*.csv", ["in/2024/b.csv", "in/a.csv"]),
        ("in/**/**/*.csv", ["in/2024/b.csv", "in/a.csv"]),
        ("**/b.csv", ["archive/b.csv"]),
        ("in/*/*.csv", ["in/2024/b.csv"]),
    ],
)
def test_a_recursive_glob_reads_each_file_once_through_a_link_back_up_the_tree(tmp_path, monkeypatch, given, read):
    """Regression: a recursive glob went round a link back up the tree (in/2024 -> archive, archive/up -> in) until
    the system stopped it, and read each file once per turn (82 times here; with two such links it ran for ever); a
    glob of two ``**`` read a file once per way they match it."""
    _linked_tree(tmp_path, monkeypatch, loop=True)
    found = listing.input_files(given.format(tmp=tmp_path))
    assert [str(f.relative_to(tmp_path)) for f in found.files] == read


@pytest.mark.parametrize(
    "given",
    ["**/*.csv", "**", "a/**", "a/**/*.csv", "a/**/b/*.csv", "**/b/**/*.csv", ".h/**/*.csv", "a/**/.*.csv", "**/?.csv"],
)
def test_a_recursive_glob_matches_the_files_python_s_glob_does(tmp_path, monkeypatch, given):
    """The recursive glob that reads each folder once matches what Python's own matches, in a tree with no link:
    ``*`` and ``**`` match no hidden name, unless the glob's part starts with a dot."""
    import glob

    monkeypatch.chdir(tmp_path)
    for name in ["1.csv", "a/2.csv", "a/b/3.csv", "a/b/c/4.csv", ".h/5.csv", ".h/x/6.csv", "a/.g/7.csv", "a/.8.csv"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("本文\n手数料が高い\n", encoding="utf-8")
    expected = sorted((tmp_path / p).absolute() for p in glob.glob(given, recursive=True) if Path(p).is_file())
    assert listing.input_files(given).files == expected


@pytest.mark.parametrize(
    ("links", "given", "read", "said"),
    [
        (
            {"latest.csv": "2024-12.csv"},
            "in",
            ["2024-11.csv", "2024-12.csv"],
            "latest.csv (the same file as 2024-12.csv)",
        ),
        ({"a.csv": "2024-12.csv"}, "in/*.csv", ["2024-11.csv", "2024-12.csv"], "a.csv (the same file as 2024-12.csv)"),
        ({"x/new.csv": "../2024-11.csv"}, "in/**/*.csv", ["2024-11.csv", "2024-12.csv"], "x/new.csv (the same file as"),
        (
            {"a.csv": "../other/o.csv", "b.csv": "../other/o.csv"},
            "in",
            ["2024-11.csv", "2024-12.csv", "a.csv"],
            "b.csv",
        ),
    ],
    ids=["latest-link", "a-link-sorted-first", "in-a-subfolder", "two-links-to-a-file-outside"],
)
def test_a_file_reached_by_two_names_is_read_once_and_said(tmp_path, monkeypatch, links, given, read, said):
    """Regression: a folder of monthly dumps with latest.csv, a link to the last one, had that month's rows read,
    classified and written twice, unsaid."""
    monkeypatch.chdir(tmp_path)
    for name in ["in/2024-11.csv", "in/2024-12.csv", "other/o.csv"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("本文\n手数料が高い\n", encoding="utf-8")
    for name, target in links.items():
        (tmp_path / "in" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "in" / name).symlink_to(target)
    found = listing.input_files(given)
    assert [str(f.relative_to(tmp_path / "in")) for f in found.files] == read
    with pytest.warns(DataWarning, match="each file is read once, by one name") as caught:
        found.warn_skipped(given)
    assert f"{given}: skipped {said}" in str(caught[0].message)


@pytest.mark.parametrize(
    ("fmt", "paths", "given", "said"),
    [
        ("csv", ["year=2024/a.csv", "year=2025/b.csv"], "in", "year"),
        ("tsv", ["year=2024/month=01/a.tsv"], "in", "year, month"),
        ("jsonl", ["year=2024/a.jsonl"], "in/*/*.jsonl", "year"),
        ("csv", ["2024/a.csv"], "in", None),  # no key
        ("csv", ["a.csv"], "in/year=2024/*.csv", None),  # a key above the folder given is no column anywhere
    ],
)
def test_hive_keys_of_text_files_are_said_not_to_be_read_as_columns(tmp_path, monkeypatch, fmt, paths, given, said):
    """Regression: Parquet files below ``year=2024/`` get a ``year`` column, CSV, TSV and JSONL files silently none."""
    monkeypatch.chdir(tmp_path)
    row = {"csv": "本文\n手数料が高い\n", "tsv": "本文\n手数料が高い\n", "jsonl": '{"本文": "手数料が高い"}\n'}[fmt]
    for path in paths:
        (tmp_path / "in" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / path).write_text(row, encoding="utf-8")
    if given == "in/year=2024/*.csv":
        (tmp_path / "in" / "year=2024").mkdir()
        (tmp_path / "in" / "a.csv").rename(tmp_path / "in" / "year=2024" / "a.csv")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ddf, _ = read_input(given, text_column="本文")
    hive = [str(w.message) for w in caught if "Hive" in str(w.message)]
    assert hive == ([] if said is None else [hive[0]])
    if said is not None:
        assert f"Hive keys ({said}: " in hive[0] and "Parquet input only" in hive[0]
    assert list(ddf.columns) == ["本文"]


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("in.csv", "in.csv:4: malformed record; taikai batch in.csv -o OUTPUT"),  # before: the absolute path, twice
        ("{tmp}/in.csv", "{tmp}/in.csv:4: malformed record; taikai batch {tmp}/in.csv -o OUTPUT"),
        ("sub", "{tmp}/in.csv:4: malformed record; taikai batch {tmp}/in.csv -o OUTPUT"),  # a folder: its file named
    ],
    ids=["relative-file", "absolute-file", "folder"],
)
def test_a_file_named_alone_is_named_as_given_in_an_error(tmp_path, monkeypatch, given, said):
    """Regression: `taikai batch fields.csv --engine dask` said `/tmp/…/fields.csv:2: malformed record`, where a local
    run says `fields.csv:2`: the Dask engine reads (on its workers too) the file's absolute path."""
    from taikai.batch._dask_listing import said_as_given

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    whole = tmp_path / "in.csv"
    with pytest.raises(InputError) as raised, said_as_given(given.format(tmp=tmp_path)):
        raise InputError(f"{whole}:4: malformed record; taikai batch {whole} -o OUTPUT")
    assert str(raised.value) == said.format(tmp=tmp_path)


@pytest.mark.parametrize("given", ["in.csv", "./in.csv"])
def test_read_input_names_a_file_named_alone_as_given(tmp_path, monkeypatch, given):
    """Regression: taikai.dask.read_input("in.csv") of a file that decodes in neither encoding said
    "/tmp/…/in.csv:3: cannot decode…", where taikai.classify_file says "in.csv:3"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_bytes("id,text\n1,報酬が安い\n2,".encode() + b"\xff\xfe\x80abc\n3," + "案件\n".encode())
    with pytest.raises(InputError, match=rf"^{re.escape(given)}:\d+: cannot decode"):
        read_input(given, text_column="text")
