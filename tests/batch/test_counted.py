"""Rows of one kind a batch run counts (taikai.batch._counted): a chunk's added to the run's, the first named, and
the saved totals and the summary written, read back and said as the code before CountedRows did.

tests/fixtures/counted_rows.json holds, for totals of rows of each kind (one a resumed run's state.json saved), what
the code before CountedRows wrote of them (``state.json``'s totals, the summary's JSON) and said (the summary's text
and the warnings of cells Excel would not show as written).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from taikai.batch import MAX_EXAMPLES, BatchSummary, CountedRows, chunk_result
from taikai.batch._state import Totals
from taikai.batch._summary_text import excel_warnings
from taikai.io import ExcelRisks

SAVED = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "counted_rows.json").read_text("utf-8"))


def _named(*lines: int) -> tuple[str, ...]:
    return tuple(f"line {n}" for n in lines)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (CountedRows(), CountedRows(), CountedRows()),
        (CountedRows(3, 2, _named(2, 5)), CountedRows(), CountedRows(3, 2, _named(2, 5))),
        (CountedRows(), CountedRows(1, 1, _named(9)), CountedRows(1, 1, _named(9))),
        (CountedRows(3, 2, _named(2, 5)), CountedRows(1, 1, _named(9)), CountedRows(4, 3, _named(2, 5, 9))),
        (  # the first MAX_EXAMPLES named, the first chunk's first; every one counted
            CountedRows(8, 8, _named(*range(2, 10))),
            CountedRows(7, 5, _named(*range(20, 25))),
            CountedRows(15, 13, _named(*range(2, 10), 20, 21)),
        ),
    ],
)
def test_a_chunks_rows_are_added_to_the_runs(first, second, expected):
    assert first + second == expected
    assert len((first + second).where) <= MAX_EXAMPLES


@pytest.mark.parametrize(
    ("counted", "said", "some"),
    [
        (CountedRows(), "", False),
        (CountedRows(2, 1, _named(4)), "line 4", True),
        (CountedRows(14, 12, _named(*range(2, 12))), ", ".join(_named(*range(2, 12))) + ", and 2 more", True),
    ],
)
def test_the_rows_are_named_then_counted(counted, said, some):
    assert (counted.named(), bool(counted)) == (said, some)


def test_a_chunk_counts_each_kind_of_row_and_names_the_first():
    rows = list(range(12))
    risks = ExcelRisks(formula_cells=14, formula_rows=tuple(rows), long_cells=1, long_rows=(3,))
    ids = ["007", "a", "0123", *"bcdefghij"]
    ok, none = ["ok"] * 12, [None] * 12
    lines = [i + 2 for i in rows]
    result = chunk_result(ok, ok, none, none, ids, int, risks=risks, unheld=[1, 2], excel_ids=True, lines=lines)
    formulas = tuple(f"line {i + 2} (id {ids[i]})" for i in rows[:MAX_EXAMPLES])
    assert result.formulas == CountedRows(14, 12, formulas)
    assert result.long_texts == CountedRows(1, 1, ("line 5 (id b)",))
    assert result.unheld == CountedRows(2, 2, ("line 3 (id a)", "line 4 (id 0123)"))
    assert result.numeric_ids == CountedRows(2, 2, ("line 2 (id 007)", "line 4 (id 0123)"))


@pytest.mark.parametrize("name", list(SAVED))
def test_the_totals_and_the_summary_are_written_and_said_as_the_code_before_did(name):
    """Refactor guard: the totals saved in state.json and the summary's JSON, key for key in the same order (the
    counts the totals save only when there are some are also in the summary, after them, when there are none), its
    text and its warnings, as the code that held each count in a field of its own wrote and said them."""
    saved = SAVED[name]
    totals = Totals.from_json(saved["totals"])
    assert json.dumps(totals.to_json(), ensure_ascii=False) == json.dumps(saved["totals"], ensure_ascii=False)
    summary = BatchSummary.from_totals("in.csv", "out.csv", totals)
    summary.id_column, summary.excel_safe = "id", saved["excel_safe"]
    assert json.dumps(summary.to_dict(), ensure_ascii=False) == json.dumps(saved["summary"], ensure_ascii=False)
    assert (str(summary), excel_warnings(summary)) == (saved["text"], saved["warnings"])


@pytest.mark.parametrize(
    ("attribute", "expected"),
    [
        ("replaced_rows", 3),
        ("replaced_where", ["line 4 (id r2)", "line 8 (id r5)", "line 11 (id r7)"]),
        ("formula_cells", 4),
        ("formula_rows", 4),
        ("formula_where", ["line 2 (id 007)", "line 4 (id r2)", "line 8 (id r5)", "line 9 (id 0123)"]),
        ("long_cells", 1),
        ("long_rows", 1),
        ("long_where", ["line 5 (id 1234567890123456)"]),
        ("number_ids", 3),
        ("number_id_where", ["line 2 (id 007)", "line 5 (id 1234567890123456)", "line 9 (id 0123)"]),
    ],
)
def test_the_summary_keeps_the_attributes_it_had_before_counted_rows(attribute, expected):
    summary = BatchSummary.from_totals("in.csv", "out.csv", Totals.from_json(SAVED["every kind"]["totals"]))
    assert getattr(summary, attribute) == expected
    assert getattr(summary, attribute) == SAVED["every kind"]["summary"][attribute]  # as its JSON names it
