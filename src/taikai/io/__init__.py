"""Reading and writing CSV, TSV, JSONL, Parquet and xlsx: :func:`format_of` tells a file's format, :func:`open_reader`
opens its reader; batch, training, evaluation and the report all read so, accepting and refusing the same files.

:func:`mark_columns_read` was ``columns_read`` and :data:`ENCODING_ERROR_MODES` ``ENCODING_ERRORS``, names
:func:`taikai.model.columns_read` and the argument ``taikai.errors.ENCODING_ERRORS`` hold: the old names still read,
with a ``DeprecationWarning``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taikai._lazy import lazy_modules, public_dir, public_names
from taikai.io._encoding import ENCODING_ERROR_MODES, ENCODINGS, detect_encoding, resolve_encoding
from taikai.io._homes import HOMES as _HOMES
from taikai.io._homes import SHARED as _SHARED

if TYPE_CHECKING:
    from taikai.io._arguments import argument_source, decode_argument
    from taikai.io._assemble import (
        PARQUET_ROW_GROUP,
        XLSX_LOST,
        XLSX_MAX_CELL,
        XLSX_MAX_COLUMNS,
        XLSX_MAX_ROWS,
        CellLosses,
        ExcelCells,
        excel_value,
        read_part,
        write_parquet,
        write_xlsx,
    )
    from taikai.io._bad_rows import SHOWN_BAD_ROWS, BadRow, list_rows, refuse_header_rows
    from taikai.io._binary_data import compressed_kind, decompress_hint, is_compressed
    from taikai.io._date_column import YearRange, read_date_column
    from taikai.io._date_notes import DateNotes, date_warnings
    from taikai.io._date_order import ORDER_HINT, DateOrder, OrderEvidence, month_first, order_evidence
    from taikai.io._date_zones import check_tz, period_tz
    from taikai.io._dated_columns import DATED_SHOWN, dated_columns, dates_elsewhere, dates_told
    from taikai.io._dates import check_date_column, no_dates_error, parse_dates
    from taikai.io._decoded_lines import DecodeNote, raw_lines
    from taikai.io._excel_numbers import READ_AS_NUMBERS, read_as_number, with_long_integers_as_texts
    from taikai.io._extensions import FORMATS, likely_format
    from taikai.io._file_argument import FileKind
    from taikai.io._formats import (
        TEXT_FORMATS,
        ReadOptions,
        check_output_dir,
        data_format,
        format_of,
        given_format,
        open_reader,
    )
    from taikai.io._formula_cells import (
        ExcelRisks,
        escape_formula,
        escaped_count,
        is_sheet,
        unescape_cells,
        unescape_formula,
        unescape_sheet,
        unrecorded_escapes,
    )
    from taikai.io._frames import ID_COLUMNS, Table, read_predictions, read_table, warn_decoding
    from taikai.io._given_file import check_given_file, check_labelled_data, check_not_empty
    from taikai.io._head_rows import check_header_row, head_rows
    from taikai.io._header_line import delimited_format
    from taikai.io._id_columns import id_column_by_name, shared_id
    from taikai.io._label_columns import (
        MORE_REASONS_COLUMN,
        PICKED_BY_COLUMN,
        labels_fix,
        likely_labels,
        prose_columns,
        review_columns,
    )
    from taikai.io._labelled import LabelledTable, OnBadRows, check_labelled
    from taikai.io._labelled_files import read_labelled, read_labelled_file, read_labelled_table
    from taikai.io._line_problems import LineProblem, record_hint
    from taikai.io._made_by import check_made_by, stamp_model_dir
    from taikai.io._missing_columns import labelled_sheet_read
    from taikai.io._model_stamp import ModelStamp
    from taikai.io._pandas_types import PANDAS_KEY, agreed_entries, with_pandas_types
    from taikai.io._parquet_reader import header_record, is_bytes, utf8_text
    from taikai.io._parts import PARTS_MANIFEST, Manifest, PartsReader, is_parts_folder, read_manifest
    from taikai.io._paths import check_not_input, check_not_stdin, check_not_stream, check_regular_file, same_path
    from taikai.io._period_span import check_period_span, period_name
    from taikai.io._predictions_file import (
        check_predictions_header,
        check_predictions_sheet,
        is_predictions,
        refuse_prefixed_predictions,
    )
    from taikai.io._records import (
        BadLine,
        Chunk,
        Position,
        Reader,
        at_least_one,
        bad_line_error,
        first_rows,
        opened_chunks,
        rows_past,
    )
    from taikai.io._review_sheets import ReviewSheet, check_sheet_column, sheet_advice, sheet_of_reviews
    from taikai.io._run_summary import RanRule, RunSummary, read_summary, with_summary, write_summary
    from taikai.io._schema import SCAN_ROWS, column_kinds, input_schema, kinds_schema, merge_types, numbers_as_text
    from taikai.io._sniff import binary_data_format
    from taikai.io._splits import SPLITS, select_split, split_column, split_values
    from taikai.io._stdin import STDIN, DecodedInput, decode_input
    from taikai.io._summary_columns import id_column_of, text_column_of
    from taikai.io._summary_owner import summary_owner, summary_path
    from taikai.io._table_readers import mark_columns_read, sheet_names, sheet_read
    from taikai.io._trial_run import TRIAL_RUN, TrialRun, trial_run
    from taikai.io._writers import (
        BAD_LINES_COLUMNS,
        OUTPUT_ENCODINGS,
        STREAM_FORMATS,
        WRITER_VERSION,
        OutputSpec,
        bad_lines_csv,
        encode_stream,
        encode_table,
        output_encoding,
        renamed_columns,
        text_cells,
        unheld_rows,
    )
    from taikai.io._xlsx_line_breaks import keep_carriage_returns
    from taikai.io._zone_mix import foreign_zone

# Readers and writers are imported on first use: options name the encoding-error modes; a one-text predict reads none.
# Each name is imported above for type checkers and named in its module in taikai.io._homes for __getattr__: the public
# ones in HOMES, the names taikai's other packages import from here (not the API: not in __all__ nor dir()) in SHARED.
if not TYPE_CHECKING:  # mypy reads the exports from the imports above
    __all__ = public_names(_HOMES, ["ENCODINGS", "ENCODING_ERROR_MODES", "detect_encoding", "resolve_encoding"])
    __dir__ = public_dir(globals(), __all__)
# Old names, which other packages hold too: taikai.model.columns_read (the columns to read by) and the Argument
# taikai.errors.ENCODING_ERRORS.
__getattr__: Any = lazy_modules(
    "taikai.io",
    _HOMES,
    renames={"columns_read": "mark_columns_read", "ENCODING_ERRORS": "ENCODING_ERROR_MODES"},
    shared=_SHARED,
)
