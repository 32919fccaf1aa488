"""The keywords :func:`~taikai.analysis.write_report` takes, checked before the predictions file is read."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from taikai._keywords import meant
from taikai.errors import InputError
from taikai.io import period_tz

_OWN = ("predictions", "out", "encoding", "encoding_errors", "sheet")
"""The keywords :func:`write_report` takes besides :func:`build_report`'s options: a typo of one is named too."""
_FROM_THE_FILE = ("df", "source", "run", "source_path")
"""The arguments of :func:`build_report` that :func:`write_report` gives itself, from the predictions file."""
OTHER_KINDS = {
    ".pdf": "a PDF: open the page in a browser and print it to PDF",
    ".csv": "the table of predictions is the predictions file itself",
    ".tsv": "the table of predictions is the predictions file itself",
    ".xlsx": "the table of predictions is the predictions file itself (taikai batch --output-format xlsx writes one)",
    ".xls": "the table of predictions is the predictions file itself (taikai batch --output-format xlsx writes one)",
    ".json": "the figures as JSON: taikai drift --json, or the batch summary beside the predictions",
    ".jsonl": "the table of predictions is the predictions file itself",
    ".parquet": "the table of predictions is the predictions file itself",
    ".png": "the charts are inside the page",
    ".jpg": "the charts are inside the page",
    ".jpeg": "the charts are inside the page",
    ".svg": "the charts are inside the page",
    ".txt": "the page as text: open it in a browser",
    ".md": "the page as text: open it in a browser",
    ".docx": "open the page in a browser and paste it, or print it to PDF",
    ".pptx": "open the page in a browser and paste it, or print it to PDF",
}
"""File kinds a report's output might be named as, which it is not (it is one HTML page), with what to do instead."""


def check_write_options(options: dict[str, Any], parameters: Iterable[str]) -> None:
    """Refuse, before the predictions are read, an option of :func:`write_report` that :func:`build_report` does
    not take (a typo, ``date_colum``) or that the file decides (``source``), as a TypeError of write_report's
    naming the options it takes: else build_report's own TypeError came once the file was read. *parameters*: those
    of :func:`build_report`. A time zone ``tz`` it does not know, or given without ``date_column``, is refused too."""
    known = [name for name in parameters if name not in _FROM_THE_FILE]
    for name in options:
        if name not in known:
            why = "is taken from the predictions file" if name in _FROM_THE_FILE else "is not an option of the report"
            raise TypeError(
                f"write_report() got an unexpected keyword argument {name!r}{meant(name, [*_OWN, *known])}: it {why}; "
                f"its options are {', '.join(known)}"
            )
    period_tz(options.get("tz"), options.get("date_column"))


def check_report_out(out: Path) -> None:
    """Refuse an output *out* named as another kind of file than the report is, one HTML page (``report.pdf``,
    ``report.xlsx``: the page was written under that name, and the file would not open as what it is called)."""
    why = OTHER_KINDS.get(out.suffix.lower())
    if why is not None:
        raise InputError(
            f"{out}: the report is one HTML page, not a {out.suffix} file: name it {out.with_suffix('.html').name} "
            f"({why})"
        )
