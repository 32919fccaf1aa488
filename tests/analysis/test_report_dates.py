"""The report's dates: one order for a column's year-last dates, and dates far outside the others left out."""

import re

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.analysis import build_report, reasons_over_time
from taikai.cli import cli
from taikai.errors import DataWarning, InputError

TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "単価が安すぎて数百円にしかならない",
    "本業が忙しくなった",
    "提案しても返事がない",
]
DAYS = pd.date_range("2025-01-05", periods=40, freq="17D")  # 2025-01 to 2026-11
UNTOLD = "read either way, and none in the column tells the order"


@pytest.fixture(scope="module")
def predictions(tiny_model) -> pd.DataFrame:
    frame = pd.DataFrame({"posted_at": DAYS.strftime("%Y-%m-%d"), "text": (TEXTS * 10)[: len(DAYS)]})
    return tiny_model.predict_frame(frame)


def report(frame: pd.DataFrame, tmp_path, *options: str):
    path = tmp_path / "p.csv"
    frame.to_csv(path, index=False)
    args = ["report", str(path), "-o", str(tmp_path / "r.html"), "--date-column", "posted_at", "--no-drift"]
    result = CliRunner().invoke(cli, [*args, *options])
    page = (tmp_path / "r.html").read_text(encoding="utf-8") if result.exit_code == 0 else ""
    return result, page


def months(page: str) -> set[str]:
    return {m for m in pd.period_range("2024-01", "2027-12", freq="M").astype(str) if f">{m}<" in page}


@pytest.mark.parametrize(
    ("written", "warned"),
    [
        ("%d/%m/%Y", None),  # day-first: some day is over 12, so all are read day-first
        ("%m/%d/%Y", None),  # month-first: some day is over 12 in the second field
        ("%Y-%m-%d", None),
    ],
)
def test_the_months_of_year_last_dates_are_the_dump_s_months(predictions, tmp_path, written, warned):
    result, page = report(predictions.assign(posted_at=DAYS.strftime(written)), tmp_path)
    assert result.exit_code == 0, result.output
    assert months(page) == set(DAYS.strftime("%Y-%m"))  # none after 2026-11, none lost
    assert "日付を使えなかった行: 0" in page and UNTOLD not in result.stderr


def test_dates_that_read_either_way_are_read_month_first_with_a_warning(predictions, tmp_path):
    early = DAYS[DAYS.day <= 12]
    frame = predictions[DAYS.day <= 12].assign(posted_at=early.strftime("%m/%d/%Y"))
    result, page = report(frame, tmp_path)
    assert result.exit_code == 0, result.output
    assert (
        f"taikai: warning: {tmp_path / 'p.csv'}: date_column='posted_at' "
        f"(--date-column on the command line): dates such as 01/05/2025 {UNTOLD}" in result.stderr
    )
    assert "the predictions frame" not in result.stderr
    # Regression: the warning and the page cite one of the column's own dates (they always cited 03/04/2026)
    assert "。01/05/2025 のような日付はどちらの順にも読め、列から順序を判別できないため月/日/年として読みました" in page
    assert months(page) >= set(early.strftime("%Y-%m"))


@pytest.mark.parametrize(
    ("dates", "warned"),
    [
        (["03/04/2026", "05/06/2026"] * 20, UNTOLD),
        (["2026-03-04"] * 39 + ["1970-01-01"], "1 row(s) have a date far outside the others"),
    ],
)
@pytest.mark.parametrize("from_file", [True, False])
def test_the_date_warnings_name_the_file_or_the_frame(predictions, tmp_path, dates, warned, from_file):
    frame = predictions.assign(posted_at=dates)
    if from_file:
        result, _ = report(frame, tmp_path)
        assert result.exit_code == 0, result.output
        named = f"taikai: warning: {tmp_path / 'p.csv'}: date_column='posted_at' (--date-column on the command line): "
        assert named in result.stderr
        assert warned in result.stderr and "the predictions frame" not in result.stderr
    else:
        named = (
            r"^the predictions frame: date_column='posted_at' \(--date-column on the command line\): "
            f".*{re.escape(warned)}"
        )
        with pytest.warns(DataWarning, match=named):
            build_report(frame, "posted_at", embed_font=False, charts=False, drift=False)


def test_a_column_written_both_ways_is_refused(predictions, tmp_path):
    dates = list(DAYS.strftime("%d/%m/%Y"))
    dates[1] = "01/22/2025"
    result, _ = report(predictions.assign(posted_at=dates), tmp_path)
    assert result.exit_code == 2
    path = tmp_path / "p.csv"
    assert result.stderr.startswith(
        f"taikai: error: {path}: date_column='posted_at' "
        f"(--date-column on the command line) holds dates written day-first"
    )
    assert "month-first (e.g. '01/22/2025')" in result.stderr and "Traceback" not in result.output


def test_a_mistyped_date_is_left_out_of_the_weeks_and_counted(predictions, tmp_path):
    frame = predictions.assign(posted_at=DAYS.strftime("%Y-%m-%d"))
    frame.loc[0, "posted_at"], frame.loc[1, "posted_at"] = "1970-01-01", "2062-03-14"
    result, page = report(frame, tmp_path, "--freq", "W")
    assert result.exit_code == 0, result.output
    assert "2 row(s) have a date far outside the others (outside 2024-2027)" in result.stderr
    assert "日付を使えなかった行: 2。うち日付が範囲外の行: 2 (2024〜2027年の外" in page
    assert ">1970-W01<" not in page and ">2062-W11<" not in page
    # two years of weeks, not ninety: weeks named, not "-W" counted (an alt text names a few tied weeks again)
    assert len(set(re.findall(r"\d{4}-W\d\d", page))) < 200


def test_the_python_api_warns_and_leaves_the_mistyped_date_out(predictions):
    frame = predictions.assign(posted_at=DAYS.strftime("%Y-%m-%d"))
    frame.loc[0, "posted_at"] = "1970-01-01"
    with pytest.warns(DataWarning, match=r"1 row\(s\) have a date far outside the others \(outside 2024-2027\)"):
        table = reasons_over_time(frame, "posted_at")
    assert str(table.index.min()) == "2025-01" and int(table.to_numpy().sum()) == len(frame) - 1


def test_the_python_api_refuses_a_column_written_both_ways(predictions):
    frame = predictions.assign(posted_at=["13/03/2026", "03/13/2026"] * 20)
    with pytest.raises(
        InputError,
        match=r"the predictions frame: date_column='posted_at' "
        r"\(--date-column on the command line\) holds dates written",
    ):
        reasons_over_time(frame, "posted_at")


@pytest.mark.parametrize(
    ("periods", "freq", "expected"),
    [
        (pd.PeriodIndex(["2025Q1", "2025Q2"] * 20, freq="Q"), "M", None),  # refused: a quarter is no month
        (pd.PeriodIndex(["2024-12-30/2025-01-05"] * 40, freq="W"), "M", "2024-12"),  # a week by its Monday
        (pd.PeriodIndex(["2025-02"] * 40, freq="M"), "M", "2025-02"),
    ],
)
def test_a_column_of_pandas_periods_is_counted_by_their_start_or_refused(predictions, periods, freq, expected):
    frame = predictions.assign(posted_at=pd.Series(periods[: len(predictions)], index=predictions.index))
    if expected is None:
        with pytest.raises(InputError, match=r"holds pandas periods of Q-DEC \('2025Q1': 90 days\), longer than a"):
            reasons_over_time(frame, "posted_at", freq)
        return
    table = reasons_over_time(frame, "posted_at", freq)
    assert [str(p) for p in table.index] == [expected]


@pytest.mark.parametrize(
    ("lang", "rows", "options"),
    [
        ("ja", "入力: p.csv · 0 行", ["--by", "posted_at"]),
        ("en", "Input: p.csv · 0 rows", ["--freq", "W"]),
    ],
)
def test_a_predictions_file_of_no_rows_with_a_date_column_is_a_page_of_0_rows(
    predictions, tmp_path, tiny_model_dir, lang, rows, options
):
    """Regression: a header-only predictions file (batch's output for an input of no rows) was refused with
    "date_column='posted_at' … is empty", while without --date-column it gave a page of 0 rows."""
    path = tmp_path / "p.csv"
    predictions.iloc[:0].to_csv(path, index=False)
    args = ["report", path, "-o", tmp_path / "r.html", "--date-column", "posted_at", "--lang", lang]
    result = CliRunner().invoke(cli, [*map(str, args), "--model", str(tiny_model_dir), *options])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert rows in page and "is empty" not in page and "Traceback" not in result.output
    drift = re.search(r'<section id="drift">(.*?)</section>', page, re.S).group(1)
    assert "Drift cannot be checked" not in drift and "ドリフトを確認できません" not in drift  # not judged, not refused


def test_the_python_api_reports_a_frame_of_no_rows_with_a_date_column(predictions):
    empty = predictions.iloc[:0]
    page = build_report(empty, date_column="posted_at", by="posted_at", charts=False, drift=False, lang="en")
    assert "0 of 0 reviews (0.0%) were classified." in page
    assert reasons_over_time(empty, "posted_at").empty


@pytest.mark.parametrize(
    ("dates", "told"),
    [
        (DAYS.strftime("%Y/%-m/%-d"), "; '投稿日' reads as dates: date_column='投稿日' (--date-column '投稿日' on"),
        (DAYS, "; '投稿日' reads as dates: date_column='投稿日'"),  # a column of datetimes (an xlsx cell typed as one)
        (["要確認"] * len(DAYS), None),  # no column of dates: nothing to name
    ],
    ids=["excel-slashes", "datetimes", "none"],
)
@pytest.mark.parametrize("from_file", [True, False], ids=["command-line", "python"])
def test_a_date_column_not_found_names_the_column_of_dates(tiny_model, tmp_path, dates, told, from_file):
    """Regression: the README's --date-column posted_at on an export whose dates are in 投稿日 listed the columns
    only; the column of dates is named, as a text column not found names the column of reviews."""
    frame = tiny_model.predict_frame(pd.DataFrame({"投稿日": dates, "text": (TEXTS * 10)[: len(DAYS)]}))
    if from_file:
        result, _ = report(frame, tmp_path)
        assert result.exit_code == 2
        said = result.output
    else:
        with pytest.raises(InputError) as raised:
            build_report(frame, date_column="posted_at", drift=False)
        said = str(raised.value)
    assert "no column 'posted_at'" in said
    assert (told in said) if told else ("as dates" not in said), said


@pytest.mark.parametrize(
    ("cells", "warned"),
    [
        (
            {3: "2025/9/31", 5: "不明"},
            "2 classified row(s) have no date (2 holding no date that can be read) and are left out of the periods; "
            "check those cells (data row(s) 4, 6: '2025/9/31', '不明'; ",
        ),
        (
            {3: "2025/9/31", 5: ""},
            "2 classified row(s) have no date (1 blank, 1 holding no date that can be read) and are left out of the "
            "periods; check those cells (data row(s) 4: '2025/9/31'; ",
        ),
        ({5: ""}, "1 classified row(s) have no date (1 blank) and are left out of the periods"),
    ],
)
def test_the_report_names_the_date_cells_it_could_not_read(predictions, tmp_path, cells, warned):
    """Regression: a September 31st typed in the survey tool, or 不明, counted on the page as 日付を使えなかった行 with
    nothing naming its rows: the report kept quiet the warning that names them (reasons_over_time and taikai drift
    give it), so whoever made the page could not find them to fix."""
    frame = predictions.assign(posted_at=DAYS.strftime("%Y/%m/%d"))
    for at, cell in cells.items():
        frame.loc[at, "posted_at"] = cell
    result, page = report(frame, tmp_path)
    assert result.exit_code == 0, result.output
    named = f"taikai: warning: {tmp_path / 'p.csv'}: date_column='posted_at' (--date-column on the command line): "
    assert f"{named}{warned}" in " ".join(result.stderr.split()), result.stderr
    assert f"日付を使えなかった行: {len(cells)}" in page
