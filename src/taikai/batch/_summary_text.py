"""What a batch run's summary says: the text the command line prints (``str()`` of a
:class:`~taikai.batch.BatchSummary`), and the warning when no row could be classified."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from taikai._cut import cut_lines, cut_list
from taikai.errors import ENCODING, EXCEL_SAFE, OUTPUT_ENCODING, TEXT_COLUMN, InputError
from taikai.io import READ_AS_NUMBERS, XLSX_MAX_CELL, detect_encoding
from taikai.labels import REASON_IDS, SENTIMENTS, counted_label, label_order, named_reason
from taikai.privacy import format_counts
from taikai.text import FOLDS_SAID

if TYPE_CHECKING:
    from taikai.batch._summary import BatchSummary


def summary_text(summary: BatchSummary) -> str:
    """Return the text the command line prints of *summary*: the rows classified, the counts, what was set aside."""
    per_second = summary.rows_per_second  # two rows in 20 s are 0.1 rows/s, not 0
    rate = f"{per_second:,.0f} rows/s" if per_second >= 10 or not per_second else f"{per_second:.2g} rows/s"
    done = f"{summary.classified:,} of {summary.rows:,}" if summary.not_ok else f"{summary.rows:,}"  # all: "N rows"
    took = f" in {summary.seconds:.1f} s ({rate})"
    if summary.resumed_rows:  # the time and rate are this run's, of the rows after the resume
        left = summary.rows - summary.resumed_rows  # of every row read, not of the classified ones alone
        this_run = (
            f"this run: {left:,} rows in {summary.seconds:.1f} s, {rate}"
            if left
            else f"this run: no row left, {summary.seconds:.1f} s to finish the output"
        )
        took = f"; {summary.resumed_rows:,} of the {summary.rows:,} rows before the resume ({this_run})"
        if summary.appended_rows:  # the input grew since the saved run: its rows appended were classified too
            took += f"; {summary.appended_rows:,} rows appended to the input since the saved run"
    lines = [f"{_headline(summary, done)} into {shlex.quote(summary.output)}{took}"]  # the path as a shell takes it
    for title, counts, taxonomy in (
        ("reasons", summary.reasons, REASON_IDS),
        ("sentiments", summary.sentiments, SENTIMENTS),
    ):
        if counts:  # in the model's order, as its columns: labels of one's own their own (label_order)
            shown = [(k, counts[k]) for k in label_order(counts, taxonomy)]
            own = summary.reason_labels or summary.reasons
            names = [f"{named_reason(k, labels=own) if k in REASON_IDS else counted_label(k)} {v:,}" for k, v in shown]
            said = title
            if title == "reasons" and summary.rules_mode == "override":  # not the model's: say whose they are
                said = (
                    "reasons (the first firing rule's label where a rule fired, --rules-mode override; the "
                    f"model's own in {summary.prefix}model_reason)"
                )
            lines.append(f"{said}: " + ", ".join(names))
    if summary.rules_file is not None:
        files = {name: summary.rule_files.get(name, summary.rules_file) for name in summary.rules}
        for file in dict.fromkeys(files.values()):  # the rules of each file, in the order they applied
            hits = ", ".join(f"{name} {n:,}" for name, n in summary.rules.items() if files[name] == file)
            lines.append(f"rules of {file}: {hits}")
        lines.append(
            f"rows where a rule fired: {summary.ruled:,}; in conflict with the model's reason: {summary.conflicts:,} "
            f"({summary.prefix}rule_conflict)"
        )
    counted = ", ".join(f"{k} {v:,}" for k, v in sorted(summary.statuses.items()))
    lines.append("status: " + (counted or "no rows"))
    if summary.not_ok:
        examples = [f"{ex.where()}: {ex.status.value}: {ex.message}" for ex in summary.examples]
        lines += cut_lines(examples, len(examples), f"see the {summary.prefix}status column", summary.not_ok)
    if summary.mask_pii:
        version = f" (masker version {summary.masker_version})" if summary.masker_version is not None else ""
        lines.append(f"personal data masked: {format_counts(summary.masks)}{version}")
    if summary.bad_lines:
        where = f" (set aside in {summary.bad_lines_file})" if summary.bad_lines_file else ""
        lines.append(f"bad lines: {summary.bad_lines:,}{where}")
    if summary.blank_lines:
        lines.append(f"blank lines skipped: {summary.blank_lines:,}")
    if summary.decode_rows:
        found = []
        if summary.undecodable_bytes:
            found.append(f"{summary.undecodable_bytes:,} undecodable byte(s) read as U+FFFD")
        if summary.private_use_characters:
            found.append(f"{summary.private_use_characters:,} private-use character(s) that map to no real text")
        # named as every list of rows is (line and id); a state saved before decode_where: by their lines
        decode_where = summary.decode_where or [f"line {n}" for n in summary.decode_lines]
        named = cut_list(decode_where, len(decode_where), total=summary.decode_rows)
        lines.append(
            f"rows not cleanly decoded: {summary.decode_rows:,} ({', '.join(found)}): {named}; "
            "each row's message says so"
        )
    said = "(written as '?' in cp932; control characters removed in xlsx)"
    if unheld := summary.unheld:  # CSV/TSV output, whose rows are named
        keep = OUTPUT_ENCODING.either(["utf-8-sig"])
        said = f"in {unheld.rows:,} row(s), written as '?': {unheld.named()}; {keep}, which Excel opens, keeps them"
    if summary.replaced_characters:
        lines.append(f"characters the output cannot hold: {summary.replaced_characters:,} {said}")
    if summary.folded_characters:
        lines.append(
            f"characters cp932 holds as others: {summary.folded_characters:,} in {summary.folded_rows:,} row(s) "
            f"({FOLDS_SAID}, as Excel's CP932 save writes them)"
        )
    if (formulas := summary.formulas) and summary.excel_safe:
        lines.append(
            f"texts written with an apostrophe first, which Excel would read as formulas: {formulas.cells:,} "
            f"in {formulas.rows:,} row(s): {formulas.named()}"
        )
    if summary.cut_cells:  # named as every list of rows is: line and id (long_texts); a summary before: output row
        cut_where = list(summary.long_texts.where) or [f"output row {n}" for n in summary.cut_row_numbers]
        named = cut_list(cut_where, len(cut_where), total=summary.cut_rows)
        lines.append(
            f"cells cut to Excel's {XLSX_MAX_CELL:,}-character limit: {summary.cut_cells:,} in {summary.cut_rows:,} "
            f"row(s): {named}; "
            "write CSV, JSONL or Parquet output to keep whole texts"
        )
    return "\n".join(lines)


def excel_warnings(summary: BatchSummary) -> list[str]:
    """Return a warning for each kind of cell of the CSV/TSV output that Excel would not show as written: texts it
    reads as formulas, unless they were escaped; texts longer than a cell holds, which it cuts; ids it reads as
    numbers (``007``). Each names the first rows and what to do."""
    said = []
    formulas, long_texts, numeric_ids = summary.formulas, summary.long_texts, summary.numeric_ids
    if formulas and not summary.excel_safe:
        said.append(
            f"{summary.output}: {formulas.cells:,} text cell(s) in {formulas.rows:,} row(s) start with "
            f"=, +, - or @, which Excel reads as a formula when it opens the file (it computes it, shows #NAME?, or "
            f"makes a link of =HYPERLINK(…)): {formulas.named()}. To open the file in Excel, run again with "
            f"{EXCEL_SAFE.given(True)}, which writes each with an apostrophe first, so that Excel shows it as text "
            "(taikai report, drift and read_predictions read it back as it was), or write xlsx output, which holds "
            "them as text"
        )
    if long_texts and not summary.cut_cells:  # an xlsx output's are cut as it is written: said so
        said.append(
            f"{summary.output}: {long_texts.cells:,} text cell(s) in {long_texts.rows:,} row(s) hold more than "
            f"{XLSX_MAX_CELL:,} characters, which Excel cuts to that when it opens the file: {long_texts.named()}. "
            "The file holds them whole (taikai report, drift and read_predictions read them so); do not save it again "
            "from Excel, which would keep only what it shows"
        )
    if numeric_ids:
        said.append(
            f"{summary.output}: {numeric_ids.rows:,} id(s) of column {summary.id_column!r} {READ_AS_NUMBERS}, so "
            f"that they no longer match your data's ids, nor do once saved from Excel: {numeric_ids.named()}. The file "
            "holds them as written (taikai report, drift and read_predictions read them so); to open it in Excel, "
            "import it (Data > From Text/CSV) with that column's type set to Text, or write xlsx output, which holds "
            "them as text"
        )
    return said


def _headline(summary: BatchSummary, done: str) -> str:
    """Return ``N rows classified``, said of the first rows with ``--limit`` (or of all, when fewer); the limit as
    the option takes it (``--limit 5000``: ``5,000`` is no whole number to it)."""
    if summary.limit is None:
        return f"{done} rows classified"
    if summary.rows < summary.limit or summary.more_rows is False:  # False: it held exactly N rows
        ended = "before" if summary.rows < summary.limit else "at"
        return f"{done} rows classified, all of {summary.input} (it ended {ended} --limit {summary.limit})"
    first = f"{summary.classified:,} of the first {summary.rows:,}" if summary.not_ok else f"first {summary.rows:,}"
    return f"{first} rows of {summary.input} classified (--limit {summary.limit})"


def unclassified_warning(summary: BatchSummary) -> str | None:
    """Return a warning when there were rows but none could be classified (the text column holds no Japanese
    text: ids, numbers, another language, nothing), naming the column and the input's columns (or, when rows held
    bytes that did not decode, that the file is most likely in another encoding); else ``None``."""
    if not summary.rows or summary.classified:
        return None
    counted = ", ".join(f"{k} {v:,}" for k, v in sorted(summary.statuses.items()))
    told = (
        f"the columns are {summary.input_columns}: if the reviews are in another one, run again with {TEXT_COLUMN} "
        "naming it"
    )
    if summary.undecodable_bytes:  # mojibake of a file read in the wrong encoding, not a column of ids
        other = _detected(summary.input)  # cp932, for a CP932 file read as UTF-8
        likely = f"in {other} (as detection reads it)" if other else "in another encoding than the one read"
        rerun = ENCODING.either([other]) if other else f"{ENCODING} naming it"
        told = (
            f"{summary.decode_rows:,} of them held bytes that did not decode ({summary.undecodable_bytes:,} read as "
            f"U+FFFD): the file is most likely {likely}; run again with {rerun}"
        )
    return (
        f"{summary.input}: no row could be classified: column {summary.text_column!r} ({TEXT_COLUMN}) holds no "
        f"Japanese text in any of its {summary.rows:,} rows ({counted}); {told}"
    )


def _detected(path: str) -> str | None:
    """The encoding detection reads the file *path* in (``utf-8``, ``cp932``), or ``None`` when it reads none."""
    try:
        found = detect_encoding(Path(path))
    except (InputError, OSError, ValueError):
        return None
    return "utf-8" if found == "utf-8-sig" else found
