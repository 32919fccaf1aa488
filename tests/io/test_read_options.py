"""ReadOptions: the one value for how to read an input file (format, encoding, sheet, encoding errors)."""

from __future__ import annotations

import dataclasses

import pytest

from taikai.errors import InputError
from taikai.io import ReadOptions, open_reader


def test_defaults_read_by_the_extension_with_the_encoding_detected():
    assert ReadOptions() == ReadOptions(input_format=None, encoding=None, sheet=None, encoding_errors="strict")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"input_format": "excel"},
            r"input_format='excel' \(--input-format on the command line\): unknown format; "
            "choose one of csv, tsv, jsonl, parquet, xlsx",
        ),
        (
            {"encoding_errors": "ignore"},
            r"encoding_errors= \(--encoding-errors on the command line\) must be one of strict, replace, not 'ignore'",
        ),
        (
            {"encoding_errors": "Replace"},
            r"encoding_errors="
            r" \(--encoding-errors on the command line\) must be one of strict, replace, not 'Replace'",
        ),
    ],
)
def test_bad_values_are_refused_with_the_readers_message(tmp_path, given, message):
    with pytest.raises(InputError, match=message):
        ReadOptions(**given)
    # the same words as open_reader, which gives them when called with the loose arguments
    path = tmp_path / "a.csv"
    path.write_bytes(b"text\nx\n")
    loose = {"fmt": given.get("input_format"), "encoding_errors": given.get("encoding_errors", "strict")}
    with pytest.raises(InputError, match=message):
        open_reader(path, **loose)


@pytest.mark.parametrize(
    "given",
    [
        {"input_format": "CSV"},
        {"input_format": "xlsx", "sheet": "2"},
        {"encoding": "cp932", "encoding_errors": "replace"},
        {"input_format": ""},
    ],
)
def test_good_values_are_kept_as_given(given):
    options = ReadOptions(**given)
    assert {name: getattr(options, name) for name in given} == given


def test_options_are_frozen_and_keyword_only():
    with pytest.raises(TypeError):
        ReadOptions("csv")  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ReadOptions().encoding = "cp932"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("name", "content", "options", "columns", "rows"),
    [
        ("a.csv", b"id,text\n1,x\n", ReadOptions(), ["id", "text"], [["1", "x"]]),
        ("a.txt", b"id\ttext\n1\ta,b\n", ReadOptions(input_format="tsv"), ["id", "text"], [["1", "a,b"]]),
        ("a.csv", "text\n手数料\n".encode("cp932"), ReadOptions(encoding="cp932"), ["text"], [["手数料"]]),
        (
            "a.csv",
            b"text\nok\xff\n",
            ReadOptions(encoding="utf-8", encoding_errors="replace"),
            ["text"],
            [["ok\ufffd"]],
        ),
    ],
)
def test_open_reads_as_open_reader_with_the_same_arguments(tmp_path, name, content, options, columns, rows):
    path = tmp_path / name
    path.write_bytes(content)
    reader = options.open(path)
    assert list(reader.columns) == columns
    [chunk] = list(reader.chunks(10))
    assert [list(row) for row in zip(*chunk.data, strict=True)] == rows


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("a.csv", ReadOptions(sheet="2"), r"sheet= \(--sheet on the command line\) applies to xlsx input, not to csv"),
        (
            "a.parquet",
            ReadOptions(encoding="cp932"),
            r"encoding= \(--encoding on the command line\) applies to CSV, TSV and JSONL input",
        ),
        (
            "a.csv",
            ReadOptions(encoding="nope"),
            r"encoding='nope' \(--encoding on the command line\): unknown encoding",
        ),
        ("a.dat", ReadOptions(), r"cannot tell the format from the extension '\.dat'"),
    ],
)
def test_what_depends_on_the_file_is_refused_when_it_is_opened(tmp_path, name, options, message):
    path = tmp_path / name
    path.write_bytes(b"id\n1\n")
    with pytest.raises(InputError, match=message):
        options.open(path)
