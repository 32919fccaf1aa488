"""Encode classified chunks: CSV/TSV/JSONL bytes to append, or Arrow chunk files for Parquet and xlsx output.

Encoding runs in the worker processes, so that the main process only reads input and appends bytes.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from taikai.errors import OUTPUT_ENCODING, InputError
from taikai.io._csv_rows import csv_rows
from taikai.io._float_texts import float_texts
from taikai.io._formula_cells import ExcelRisks, escape_formula, excel_risks
from taikai.io._line_problems import LineProblem
from taikai.io._records import BadLine
from taikai.text import CP932Folds, count_cp932_folds

if TYPE_CHECKING:
    import pyarrow as pa
from taikai.io._encoding import resolve_encoding

STREAM_FORMATS = ("csv", "tsv", "jsonl")
"""The output formats written a chunk at a time as text (the others are assembled at the end)."""
WRITER_VERSION = 3
"""The version of how the writers write an input's values and the side file of bad lines, bumped when a written form
changes, which the taikai version may not be (2: a boolean as ``true``/``false`` in CSV and TSV, and in a column of
mixed types, where 1 wrote Python's ``True``/``False``; 3: the side file's ``kind`` column): a batch run resumes only
rows written alike (``taikai batch --resume``)."""
OUTPUT_ENCODINGS = ("utf-8", "utf-8-sig", "cp932")
"""The encodings CSV and TSV output may take (``--output-encoding``); ``utf-8-sig`` and ``cp932`` open in Excel."""
REPLACEMENT = "?"
"""What a character that the output encoding (cp932) cannot hold is written as; the summary counts them."""

_replaced = 0


def _replace_and_count(exc: UnicodeError) -> tuple[str, int]:
    global _replaced
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    _replaced += exc.end - exc.start
    return REPLACEMENT * (exc.end - exc.start), exc.end


codecs.register_error("taikai-replace", _replace_and_count)


@dataclass(frozen=True)
class OutputSpec:
    """How to encode output chunks: format, column names, text encoding and (for Parquet/xlsx) the Arrow schema."""

    fmt: str
    columns: tuple[str, ...]
    encoding: str = "utf-8"
    schema: pa.Schema | None = None
    stringify: frozenset[str] = field(default_factory=frozenset)
    escape: bool = False
    """CSV/TSV: put an apostrophe before each text Excel would read as a formula (``--excel-safe``,
    :func:`taikai.io.escape_formula`), the column names' too."""

    @property
    def is_stream(self) -> bool:
        return self.fmt in STREAM_FORMATS


def output_encoding(fmt: str, given: str | None) -> str:
    """Return the encoding to write *fmt* output in: *given* (CSV/TSV only) or UTF-8; refuse any other."""
    enc = resolve_encoding(given, OUTPUT_ENCODING) if given else "utf-8"
    if fmt in ("csv", "tsv"):
        if enc not in OUTPUT_ENCODINGS:
            cp932 = ": cp932 is Windows' Shift_JIS, which Excel reads and writes" if enc.startswith("shift_jis") else ""
            raise InputError(f"output encoding {given!r} is not supported; choose {', '.join(OUTPUT_ENCODINGS)}{cp932}")
        return enc
    if enc != "utf-8":
        raise InputError(f"{OUTPUT_ENCODING} applies to CSV and TSV output; {fmt} output is always Unicode")
    return enc


def _is_bool(kind: type) -> bool:
    """Whether *kind* is a boolean type: Python's, or numpy's (``numpy.bool_``) of a frame's column."""
    return kind is bool or (kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_"))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        return cast(str, value)
    if kind is float:
        return "" if value != value else repr(value)
    if kind in (list, dict, tuple):
        return str(json.dumps(value, ensure_ascii=False, default=str))
    if _is_bool(kind):  # as JSON writes it (a JSONL input's true), not Python's True
        return "true" if value else "false"
    return str(value)


def text_cells(values: list[Any]) -> list[str | None]:
    """Return *values* as the text a column of mixed types is written as (JSON for objects, lists and booleans:
    ``true``; ``None`` stays missing)."""
    return [None if v is None else _cell(v) for v in values]


_AS_CSV_WRITES = {str, int, type(None)}
"""Types whose cells the csv module writes as :func:`_cell` does (``str()``, ``None`` as empty): left to it (not
``bool``, which it writes ``True``: a boolean is written ``true``, as JSON, pandas and Excel read it)."""


def _text_column(values: list[Any]) -> list[Any]:
    """Return a column ready for the csv writer: the values themselves where it writes them as :func:`_cell`."""
    kinds = set(map(type, values))
    if kinds <= _AS_CSV_WRITES:
        return values
    if kinds <= {float}:  # str(float) is repr(float); NaN, which str() writes as 'nan', is empty
        return float_texts(values, nan="")
    if kinds <= {float, type(None)}:
        return [v if v == v else "" for v in values] if any(v != v for v in values if v is not None) else values
    return [_cell(v) for v in values]


def _json_value(value: Any) -> Any:
    return None if type(value) is float and value != value else value


def _json_default(value: Any) -> Any:
    """A value JSON has no type for: a numpy scalar as its Python value (``numpy.True_`` as ``true``), else its text."""
    return value.item() if type(value).__module__ == "numpy" and hasattr(value, "item") else str(value)


def encode_stream(spec: OutputSpec, data: list[list[Any]], first: bool) -> tuple[bytes, int, CP932Folds, ExcelRisks]:
    """Return CSV/TSV/JSONL bytes for one chunk (with header and BOM when *first*), the characters of its cells
    replaced, those a CP932 output holds as others (:func:`~taikai.text.count_cp932_folds`; none in another
    encoding), and the cells Excel would not show as written (CSV/TSV: formulas, escaped when ``spec.escape``, and
    texts too long for a cell). The header's are
    not counted: a column name written otherwise is said by name where the columns are checked
    (:func:`renamed_columns`), once per output, not once per part of a Dask engine's folder."""
    global _replaced
    buf = io.StringIO()
    if spec.fmt == "jsonl":
        names = spec.columns
        cleaned = [v if all(type(x) is str for x in v) else [_json_value(x) for x in v] for v in data]
        dumps = json.JSONEncoder(ensure_ascii=False, default=_json_default).encode
        buf.writelines(dumps(dict(zip(names, row, strict=True))) + "\n" for row in zip(*cleaned, strict=True))
        return buf.getvalue().encode("utf-8"), 0, CP932Folds(), ExcelRisks()
    delimiter = "\t" if spec.fmt == "tsv" else ","
    names = tuple(map(escape_formula, spec.columns)) if spec.escape else spec.columns
    if first:
        csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerow(names)
    risks = excel_risks(data)  # the texts: a number is written as one (-1e-05), which Excel reads so
    if spec.escape and risks.formula_cells:
        data = [list(map(escape_formula, column)) for column in data]
    columns = [_text_column(v) for v in data]
    buf.write(csv_rows(columns, delimiter))
    text = buf.getvalue()
    if "\r" in text:  # the csv module leaves a field with a bare CR unquoted: a line break to most readers
        text = _csv_quoting_cr([names] if first else [], columns, delimiter)
    encoding = resolve_encoding(spec.encoding, OUTPUT_ENCODING)
    bom = codecs.BOM_UTF8 if first and encoding == "utf-8-sig" else b""
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    _replaced = 0
    payload = bom + text.encode(codec, errors="taikai-replace")
    replaced = _replaced
    if first:  # the header's replaced characters, taken off: only its names hold any (the delimiters are ASCII)
        _replaced = 0
        "".join(names).encode(codec, errors="taikai-replace")
        replaced -= _replaced
    return payload, replaced, count_cp932_folds(data) if codec == "cp932" else CP932Folds(), risks


def unheld_rows(data: list[list[Any]], encoding: str) -> tuple[int, ...]:
    """Return the rows (0-based) of the columns *data* holding a text that *encoding* cannot hold, which
    :func:`encode_stream` writes with ``?`` in its stead (looked for only once it counted some: a row is rarely so)."""
    codec = resolve_encoding(encoding, OUTPUT_ENCODING)
    codec = "utf-8" if codec == "utf-8-sig" else codec
    rows: set[int] = set()
    for column in data:
        for i, value in enumerate(column):
            if value is not None and i not in rows:
                try:
                    (value if type(value) is str else _cell(value)).encode(codec)  # a list as its JSON
                except UnicodeEncodeError:
                    rows.add(i)
    return tuple(sorted(rows))


def renamed_columns(names: Iterable[str], encoding: str) -> list[tuple[str, str]]:
    """Return each of the column *names* that a CSV/TSV output in *encoding* writes otherwise, and how it writes it
    (``("ID♥", "ID?")``, ``("ID〜", "ID～")`` in CP932); none in UTF-8."""
    codec = resolve_encoding(encoding, OUTPUT_ENCODING)
    codec = "utf-8" if codec == "utf-8-sig" else codec
    written = ((name, name.encode(codec, errors="replace").decode(codec)) for name in names)
    return [(name, shown) for name, shown in written if shown != name]


def _csv_quoting_cr(header: list[tuple[str, ...]], columns: list[list[Any]], delimiter: str) -> str:
    """Return the rows as the csv module writes them, but with every field that holds a CR quoted too."""
    special = (delimiter, '"', "\n", "\r")

    def field(value: Any) -> str:
        cell = "" if value is None else value if type(value) is str else str(value)
        return f'"{cell.replace(chr(34), chr(34) * 2)}"' if any(c in cell for c in special) else cell

    rows = [*header, *zip(*columns, strict=True)]
    return "".join(delimiter.join(map(field, row)) + "\n" for row in rows)


def encode_table(spec: OutputSpec, data: list[list[Any]], row_start: int, source: str | None = None) -> bytes:
    """Return one chunk as an Arrow IPC stream in the output schema, or raise naming a column that changed type.

    *row_start* counts the rows of the input file *source* (named in the error) before this chunk.
    """
    import pyarrow as pa

    arrays = []
    assert spec.schema is not None, "a table output needs its schema"
    for f, values in zip(spec.schema, data, strict=True):
        if f.name in spec.stringify:
            values = text_cells(values)
        try:
            arrays.append(pa.array(values, type=f.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as exc:
            where = f"{source}: " if source else ""
            raise InputError(
                f"{where}column {f.name!r} holds {f.type} values in the first rows but other values in rows "
                f"{row_start + 1}–{row_start + len(values)} ({exc}); write CSV or JSONL output instead, "
                "or make the column one type"
            ) from exc
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, spec.schema) as writer:
        writer.write_batch(pa.record_batch(arrays, schema=spec.schema))
    payload: bytes = sink.getvalue().to_pybytes()
    return payload


def bad_lines_csv(
    bad: Sequence[BadLine], first: bool, escape: bool = False, files: Sequence[str] | None = None
) -> bytes:
    """Return the side-file CSV (UTF-8: :data:`BAD_LINES_COLUMNS`) for bad records: ``last_line`` is the last file
    line a record covers (a quote left open on line 11 can swallow the lines up to 45); ``kind``, last, the
    :class:`~taikai.io.LineProblem` of its ``error`` (``field_count``, ``repeated_header``; empty for a message of
    no kind this taikai knows), to filter on without matching the English. With *escape* (``batch --excel-safe``), a
    record Excel would read as a formula (``=cmd|…`` as the input held it) is written with an apostrophe first, as
    the output's texts are (:func:`~taikai.io.escape_formula`). *files* (one per record: the Dask engine's run of
    several input files) adds a :data:`BAD_LINES_FILE_COLUMN` column last, naming each record's file, whose lines
    are that file's."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if first:
        writer.writerow(BAD_LINES_COLUMNS if files is None else (*BAD_LINES_COLUMNS, BAD_LINES_FILE_COLUMN))
    rows: Iterable[tuple[object, ...]] = ((b.line, b.last_line, b.error, b.raw.rstrip("\r\n"), _kind(b)) for b in bad)
    if files is not None:
        rows = ((*row, file) for row, file in zip(rows, files, strict=True))
    writer.writerows((map(escape_formula, row) for row in rows) if escape else rows)
    return buf.getvalue().encode("utf-8")


BAD_LINES_COLUMNS = ("line", "last_line", "error", "raw", "kind")
"""The columns of the side file of bad lines (``OUTPUT_STEM.bad_lines.csv``), ``kind`` added last (after the four
an earlier taikai wrote, so that a reader of them by position reads them still)."""
BAD_LINES_FILE_COLUMN = "file"
"""The column a side file of bad lines of several input files (the Dask engine's) adds after
:data:`BAD_LINES_COLUMNS`: the file of each record."""


def _kind(bad: BadLine) -> str:
    """The kind of *bad*'s error as the side file writes it (``""``: none known)."""
    kind = bad.kind or LineProblem.of(bad.error)
    return "" if kind is None else kind.value
