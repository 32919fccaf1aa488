"""The arguments of the public functions that messages name, each with the command-line option that gives it
(:class:`~taikai.errors.Argument`), and how messages name the Dask engine."""

from __future__ import annotations

from taikai._argument_names import Argument

TEXT_COLUMN = Argument("text_column", "--text-column")
ID_COLUMN = Argument("id_column", "--id-column")
REASONS_COLUMN = Argument("reasons_column", "--reasons-column")
SENTIMENT_COLUMN = Argument("sentiment_column", "--sentiment-column")
DATE_COLUMN = Argument("date_column", "--date-column")
SPLIT = Argument("split", "--split")
REFIT_ALL = Argument("refit_all", "--refit-all")
ENCODING = Argument("encoding", "--encoding")
OUTPUT_ENCODING = Argument("output_encoding", "--output-encoding")
EXCEL_SAFE = Argument("excel_safe", "--excel-safe")
ENCODING_ERRORS = Argument("encoding_errors", "--encoding-errors")
INPUT_FORMAT = Argument("input_format", "--input-format")
OUTPUT_FORMAT = Argument("output_format", "--output-format")
SHEET = Argument("sheet", "--sheet")
REFERENCE_ENCODING = Argument("reference_encoding", "--reference-encoding")
REFERENCE_INPUT_FORMAT = Argument("reference_input_format", "--reference-input-format")
REFERENCE_SHEET = Argument("reference_sheet", "--reference-sheet")
RESUME = Argument("resume", "--resume")
ON_BAD_LINES = Argument("on_bad_lines", "--on-bad-lines")
PARTITIONS = Argument("partitions", "--partitions")
PREFIX = Argument("prefix", "--prefix")
ADD = Argument("add", "--add")
EXCLUDE = Argument("exclude", "--exclude")
ON_BAD_ROWS = Argument("on_bad_rows", "--on-bad-rows")
MODEL = Argument("model", "--model")
FREQ = Argument("freq", "--freq")
TZ = Argument("tz", "--tz")
TOP = Argument("top", "--top")
NO_SENTIMENT = Argument("sentiment_column", "--no-sentiment")
"""Data without sentiment: ``NO_SENTIMENT.given(None)`` names ``sentiment_column=None`` and ``--no-sentiment``."""
FREE_LABELS = Argument("free_labels", "--free-labels")
OVERWRITE = Argument("overwrite", "--force")
DASK_ENGINE = "the Dask engine (taikai.dask.classify_files in Python, --engine dask on the command line)"
"""How messages name the Dask engine to a Python user (its own function) and on the command line (an option)."""
