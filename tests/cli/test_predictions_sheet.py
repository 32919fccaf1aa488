"""``report --sheet`` and ``suggest --sheet`` (``sheet=`` of read_predictions, write_report and suggest): the sheet of
an xlsx workbook of predictions, parsed and refused as batch's --sheet; a sheet without predictions is named."""

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.errors import InputError
from taikai.io import read_predictions
from tests.analysis.test_report import STEADY, synthetic
from tests.support_workbooks import sheets_workbook

NOTES_FIRST = (
    "two.xlsx: not a predictions file of sheet 'notes' (the first; its sheets are notes, preds): no 'reason' and "
    "p_reason_* columns, nor prefixed ones such as pred_reason (the columns are ['メモ']); classify it first with "
    "taikai batch, or read another sheet with sheet= (--sheet NAME on the command line)"
)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    """A workbook of notes first, then the predictions (160 rows) on the sheet 'preds'; and the predictions as CSV."""
    folder = tmp_path_factory.mktemp("sheets")
    frame = synthetic({"2026-01": STEADY})
    with pd.ExcelWriter(folder / "two.xlsx") as writer:
        pd.DataFrame({"メモ": ["notes"]}).to_excel(writer, sheet_name="notes", index=False)
        frame.to_excel(writer, sheet_name="preds", index=False)
    frame.to_csv(folder / "p.csv", index=False)
    cover = [["退会アンケート"], ["作成", "山本"]]  # a title, then a note of two cells
    answers = [["回答ID", "退会理由"], [1, "手数料が高すぎて続けられませんでした。"]]
    sheets_workbook(folder / "cover.xlsx", [("概要", cover), ("回答", answers)])
    return folder


def _command(command: str, source: str, out) -> list[str]:
    if command == "report":
        return ["report", source, "-o", str(out / "r.html"), "--no-drift"]
    return ["suggest", source, "-o", str(out / "s.csv"), "--n", "5"]


@pytest.mark.parametrize("command", ["report", "suggest"])
@pytest.mark.parametrize(
    ("source", "sheet", "said"),
    [
        ("two.xlsx", None, NOTES_FIRST),
        ("two.xlsx", "3", "two.xlsx: no sheet '3'; the sheets are ['notes', 'preds']: give one of their names, or"),
        ("two.xlsx", "preds", None),
        ("two.xlsx", "2", None),
        # regression: a workbook not classified yet, its first sheet a cover, stopped on the cover's second row
        # ("malformed record (cell(s) B2 beyond the 1 named columns …): fix it in the sheet and save it again")
        (
            "cover.xlsx",
            None,
            "cover.xlsx: not a predictions file of sheet '概要' (the first; its sheets are 概要, 回答): no 'reason' "
            "and p_reason_* columns, nor prefixed ones such as pred_reason (the columns are ['退会アンケート']); "
            "classify it first with taikai batch, or read another sheet with sheet= (--sheet NAME on the command line)",
        ),
        (
            "cover.xlsx",
            "回答",
            "cover.xlsx: not a predictions file of sheet '回答' (its sheets are 概要, 回答): no 'reason' and "
            "p_reason_* columns, nor prefixed ones such as pred_reason (the columns are ['回答ID', '退会理由']); "
            "classify it first with taikai batch, or read another sheet with sheet= (--sheet NAME on the command line)",
        ),
        (  # regression (h173): the file was not named, nor what to do
            "p.csv",
            "2",
            "p.csv: sheet= (--sheet on the command line) applies to xlsx input, not to csv; leave it out",
        ),
    ],
)
def test_predictions_sheet_option(workbook, tmp_path, monkeypatch, command, source, sheet, said):
    monkeypatch.chdir(workbook)
    args = _command(command, source, tmp_path) + ([] if sheet is None else ["--sheet", sheet])
    result = CliRunner().invoke(cli, args)
    if said is None:
        assert result.exit_code == 0, result.output
        assert (tmp_path / ("r.html" if command == "report" else "s.csv")).is_file()
    else:
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert f"taikai: error: {said}" in result.stderr


@pytest.mark.parametrize("sheet", ["preds", 2, "2"])
def test_read_predictions_reads_the_sheet_given(workbook, sheet):
    frame = read_predictions(workbook / "two.xlsx", sheet=sheet)
    assert len(frame) == 160 and "p_reason_fees" in frame.columns
    assert list(read_predictions(workbook / "two.xlsx").columns) == ["メモ"]  # the first, as before


@pytest.mark.parametrize(("sheet", "kind"), [(True, "bool True"), (1.5, "float 1.5")])
def test_read_predictions_refuses_a_sheet_of_another_type(workbook, sheet, kind):
    with pytest.raises(TypeError, match=rf"sheet must be a sheet name or 1-based number .*, not {kind}"):
        read_predictions(workbook / "two.xlsx", sheet=sheet)


def test_python_suggest_and_report_take_sheet(workbook, tmp_path):
    from taikai.analysis import write_report
    from taikai.suggestion import suggest

    assert len(suggest(workbook / "two.xlsx", n=3, sheet="preds").rows) == 3
    with pytest.raises(InputError, match=r"sheet= applies to an xlsx file of predictions, not to a DataFrame"):
        suggest(synthetic({"2026-01": STEADY}), n=3, sheet="preds")
    with pytest.raises(InputError, match=r"not a predictions file of sheet 'notes' \(the first"):
        write_report(workbook / "two.xlsx", tmp_path / "r.html", embed_font=False, charts=False, drift=False)
    write_report(workbook / "two.xlsx", tmp_path / "r.html", sheet=2, embed_font=False, charts=False, drift=False)
    assert "fees" in (tmp_path / "r.html").read_text(encoding="utf-8")
