"""Where each name of :mod:`taikai.io` lives: the maps :func:`taikai._lazy.lazy_modules` imports them by, on
first use. :data:`HOMES` holds the public API, which :mod:`taikai.io`'s ``__all__`` is made of; :data:`SHARED`, the
names taikai's other packages import from :mod:`taikai.io` (their private modules are out of bounds), outside
``__all__``, ``dir()`` and the API: they may change in any release."""

from __future__ import annotations

# Each name is written twice: imported in taikai/io/__init__.py for type checkers, and here, in its module, for
# __getattr__ (mypy takes the names imported there as exported: pyproject.toml; tests/test_lazy.py checks that both
# name the same names from the same modules).
HOMES: dict[str, tuple[str, ...]] = {
    "._assemble": (
        "PARQUET_ROW_GROUP",
        "XLSX_MAX_CELL",
        "XLSX_MAX_COLUMNS",
        "XLSX_MAX_ROWS",
        "write_parquet",
        "write_xlsx",
    ),
    "._dates": ("parse_dates",),
    "._decoded_lines": ("raw_lines",),
    "._extensions": ("FORMATS",),
    "._formats": (
        "ReadOptions",
        "format_of",
        "open_reader",
    ),
    "._frames": (
        "Table",
        "read_predictions",
        "read_table",
    ),
    "._bad_rows": ("BadRow",),
    "._labelled": (
        "LabelledTable",
        "OnBadRows",
    ),
    "._labelled_files": (
        "read_labelled",
        "read_labelled_file",
        "read_labelled_table",
    ),
    "._splits": ("SPLITS",),
    "._parts": (
        "Manifest",
        "PartsReader",
        "is_parts_folder",
        "read_manifest",
    ),
    "._line_problems": ("LineProblem",),
    "._records": (
        "BadLine",
        "Chunk",
        "Position",
        "Reader",
    ),
    "._model_stamp": ("ModelStamp",),
    "._trial_run": (
        "TRIAL_RUN",
        "TrialRun",
        "trial_run",
    ),
    "._run_summary": (
        "RanRule",
        "RunSummary",
        "read_summary",
        "write_summary",
    ),
    "._schema": ("input_schema",),
    "._stdin": (
        "DecodedInput",
        "decode_input",
    ),
    "._table_readers": (
        "mark_columns_read",
        "sheet_names",
    ),
    "._xlsx_line_breaks": ("keep_carriage_returns",),
    "._writers": (
        "BAD_LINES_COLUMNS",
        "OUTPUT_ENCODINGS",
        "WRITER_VERSION",
        "OutputSpec",
        "encode_stream",
        "encode_table",
    ),
}
"""The public names of :mod:`taikai.io`, by the module that defines them."""

SHARED: dict[str, tuple[str, ...]] = {
    "._assemble": (
        "XLSX_LOST",
        "CellLosses",
        "ExcelCells",
    ),
    "._dates": (
        "check_date_column",
        "no_dates_error",
    ),
    "._period_span": (
        "check_period_span",
        "period_name",
    ),
    "._date_column": (
        "YearRange",
        "read_date_column",
    ),
    "._date_zones": (
        "check_tz",
        "period_tz",
    ),
    "._date_notes": (
        "DateNotes",
        "date_warnings",
    ),
    "._zone_mix": ("foreign_zone",),
    "._dated_columns": (
        "DATED_SHOWN",
        "dated_columns",
        "dates_elsewhere",
        "dates_told",
    ),
    "._date_order": (
        "ORDER_HINT",
        "DateOrder",
        "OrderEvidence",
        "month_first",
        "order_evidence",
    ),
    "._decoded_lines": ("DecodeNote",),
    "._excel_numbers": (
        "READ_AS_NUMBERS",
        "read_as_number",
        "with_long_integers_as_texts",
    ),
    "._file_argument": ("FileKind",),
    "._formats": (
        "TEXT_FORMATS",
        "check_output_dir",
        "data_format",
        "given_format",
    ),
    "._given_file": (
        "check_given_file",
        "check_labelled_data",
        "check_not_empty",
    ),
    "._formula_cells": (
        "ExcelRisks",
        "escape_formula",
        "escaped_count",
        "is_sheet",
        "unescape_cells",
        "unescape_formula",
        "unescape_sheet",
        "unrecorded_escapes",
    ),
    "._frames": (
        "ID_COLUMNS",
        "warn_decoding",
    ),
    "._bad_rows": (
        "SHOWN_BAD_ROWS",
        "list_rows",
        "refuse_header_rows",
    ),
    "._labelled": ("check_labelled",),
    "._label_columns": (
        "MORE_REASONS_COLUMN",
        "PICKED_BY_COLUMN",
        "labels_fix",
        "likely_labels",
        "prose_columns",
        "review_columns",
    ),
    "._predictions_file": (
        "check_predictions_sheet",
        "is_predictions",
        "refuse_prefixed_predictions",
    ),
    "._splits": (
        "select_split",
        "split_column",
        "split_values",
    ),
    "._parts": ("PARTS_MANIFEST",),
    "._paths": (
        "check_not_input",
        "check_not_stdin",
        "check_not_stream",
        "check_regular_file",
        "same_path",
    ),
    "._made_by": (
        "check_made_by",
        "stamp_model_dir",
    ),
    "._missing_columns": ("labelled_sheet_read",),
    "._line_problems": ("record_hint",),
    "._records": (
        "bad_line_error",
        "opened_chunks",
    ),
    "._run_summary": ("with_summary",),
    "._summary_columns": (
        "id_column_of",
        "text_column_of",
    ),
    "._summary_owner": ("summary_path",),
    "._pandas_types": (
        "PANDAS_KEY",
        "agreed_entries",
    ),
    "._arguments": (
        "argument_source",
        "decode_argument",
    ),
    "._binary_data": (
        "compressed_kind",
        "decompress_hint",
        "is_compressed",
    ),
    "._header_line": ("delimited_format",),
    "._head_rows": (
        "check_header_row",
        "head_rows",
    ),
    "._sniff": ("binary_data_format",),
    "._stdin": ("STDIN",),
    "._parquet_reader": (
        "is_bytes",
        "utf8_text",
    ),
    "._table_readers": (
        "check_sheet_column",
        "sheet_read",
    ),
    "._writers": (
        "output_encoding",
        "renamed_columns",
    ),
}
"""The names other packages of taikai import from :mod:`taikai.io`, not part of its API, by module."""
