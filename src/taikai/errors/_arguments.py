"""The arguments of the public functions that messages name, each with the command-line option that gives it
(:class:`~taikai.errors.Argument`), and how messages name the Dask engine."""

from __future__ import annotations

from taikai._argument_names import Argument

TEXT_COLUMN = Argument("text_column", "--text-column")
"""The column of review texts to classify (``text_column=``, ``--text-column``)."""
ID_COLUMN = Argument("id_column", "--id-column")
"""The column of row ids, carried to the output beside the predictions (``id_column=``, ``--id-column``)."""
REASONS_COLUMN = Argument("reasons_column", "--reasons-column")
"""The column of labelled churn reasons, read to train and evaluate (``reasons_column=``, ``--reasons-column``)."""
SENTIMENT_COLUMN = Argument("sentiment_column", "--sentiment-column")
"""The column of labelled sentiments, read to train and evaluate (``sentiment_column=``, ``--sentiment-column``)."""
DATE_COLUMN = Argument("date_column", "--date-column")
"""The column of dates the report's and drift's periods are counted by (``date_column=``, ``--date-column``)."""
SPLIT = Argument("split", "--split")
"""The rows evaluated, ``test``, ``train`` or ``all``: by the ``split`` column or the model's row hashes
(``split=``, ``--split``)."""
REFIT_ALL = Argument("refit_all", "--refit-all")
"""After testing, refit the saved model on the train and test rows together (``refit_all=``, ``--refit-all``)."""
ENCODING = Argument("encoding", "--encoding")
"""The encoding an input file is read with; detected when not given (``encoding=``, ``--encoding``)."""
OUTPUT_ENCODING = Argument("output_encoding", "--output-encoding")
"""The encoding of a CSV or TSV output, ``cp932`` for Excel (``output_encoding=``, ``--output-encoding``)."""
EXCEL_SAFE = Argument("excel_safe", "--excel-safe")
"""Write each text Excel would read as a formula (``=`` first) so that Excel shows it as text
(``excel_safe=``, ``--excel-safe``)."""
ENCODING_ERRORS = Argument("encoding_errors", "--encoding-errors")
"""Bytes that do not decode: stop at their file and line, or read them as U+FFFD
(``encoding_errors=``, ``--encoding-errors``)."""
INPUT_FORMAT = Argument("input_format", "--input-format")
"""The format an input file is read as, when its extension does not say it
(``input_format=``, ``--input-format``)."""
OUTPUT_FORMAT = Argument("output_format", "--output-format")
"""The format an output file is written as, when its extension does not say it
(``output_format=``, ``--output-format``)."""
SHEET = Argument("sheet", "--sheet")
"""The sheet of an xlsx input to read, by name or 1-based number (``sheet=``, ``--sheet``)."""
REFERENCE_ENCODING = Argument("reference_encoding", "--reference-encoding")
"""The encoding drift's reference file is read with (``reference_encoding=``, ``--reference-encoding``)."""
REFERENCE_INPUT_FORMAT = Argument("reference_input_format", "--reference-input-format")
"""The format drift's reference file is read as (``reference_input_format=``, ``--reference-input-format``)."""
REFERENCE_SHEET = Argument("reference_sheet", "--reference-sheet")
"""The sheet of drift's xlsx reference file to read (``reference_sheet=``, ``--reference-sheet``)."""
RESUME = Argument("resume", "--resume")
"""Continue an interrupted batch run from its last saved chunk (``resume=``, ``--resume``)."""
ON_BAD_LINES = Argument("on_bad_lines", "--on-bad-lines")
"""A record the reader cannot read: stop at it, or set it aside in a side file and go on
(``on_bad_lines=``, ``--on-bad-lines``)."""
PARTITIONS = Argument("partitions", "--partitions")
"""The number of partitions the Dask engine splits its input into (``partitions=``, ``--partitions``)."""
PREFIX = Argument("prefix", "--prefix")
"""The text put before the name of every column the model adds: ``pred_`` for ``pred_reason``
(``prefix=``, ``--prefix``)."""
ADD = Argument("add", "--add")
"""Labelled files trained on beside the base data, such as a filled ``taikai suggest`` sheet
(``add=``, ``--add``)."""
EXCLUDE = Argument("exclude", "--exclude")
"""Sheets filled before or labelled files, whose rows ``suggest`` does not pick again
(``exclude=``, ``--exclude``)."""
ON_BAD_ROWS = Argument("on_bad_rows", "--on-bad-rows")
"""A labelled row training cannot use: skip it and say so, or stop (``on_bad_rows=``, ``--on-bad-rows``)."""
MODEL = Argument("model", "--model")
"""The model directory to use instead of the default one (``model=``, ``--model``)."""
FREQ = Argument("freq", "--freq")
"""The length of the periods rows are counted in: day, week, month, quarter or year (``freq=``, ``--freq``)."""
TZ = Argument("tz", "--tz")
"""The time zone periods are counted in, an IANA name such as ``Asia/Tokyo`` (``tz=``, ``--tz``)."""
TOP = Argument("top", "--top")
"""How many items to show: features per label, keywords, or most probable reasons (``top=``, ``--top``)."""
NO_SENTIMENT = Argument("sentiment_column", "--no-sentiment")
"""Data without sentiment: ``NO_SENTIMENT.given(None)`` names ``sentiment_column=None`` and ``--no-sentiment``."""
FREE_LABELS = Argument("free_labels", "--free-labels")
"""Accept any reason and sentiment label, not only the taxonomy's (``free_labels=``, ``--free-labels``)."""
OVERWRITE = Argument("overwrite", "--force")
"""Replace an output that is already there; ``--force`` on the command line (``overwrite=``, ``--force``)."""
DASK_ENGINE = "the Dask engine (taikai.dask.classify_files in Python, --engine dask on the command line)"
"""How messages name the Dask engine to a Python user (its own function) and on the command line (an option)."""
