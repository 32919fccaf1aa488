"""The drift report's text: the reference line says its row count once, with thousands separators; new words
absent from the reference are shown absent."""

from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from taikai.drift import DriftReport, PeriodDrift, check_drift
from taikai.drift._text import describe_reference
from taikai.errors import DataWarning
from taikai.model import DriftStatistics
from tests.drift.test_figures import REFERENCE

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"


@pytest.mark.parametrize(
    ("source", "rows", "described"),
    [
        # regression: "… on 6823 training rows (6,823 rows)", as the shipped model's metadata words it
        (
            "out-of-fold predictions of 5-fold cross-validation on 6823 training rows",
            6823,
            "out-of-fold predictions of 5-fold cross-validation on 6,823 training rows",
        ),
        (
            "out-of-fold predictions of 5-fold cross-validation on 6,823 training rows",  # as training writes it now
            6823,
            "out-of-fold predictions of 5-fold cross-validation on 6,823 training rows",
        ),
        (
            "predictions on the 1713 test rows of a model fitted on the training rows",
            1713,
            "predictions on the 1,713 test rows of a model fitted on the training rows",
        ),
        (
            "predictions on its own 40 training rows (nothing held out: confidence is optimistic)",
            40,
            "predictions on its own 40 training rows (nothing held out: confidence is optimistic)",
        ),
        ("predictions of the model on 12000 rows", 12000, "predictions of the model on 12,000 rows"),
        ("last_quarter.csv", 12345, "last_quarter.csv (12,345 rows)"),  # a reference file: the count after it
        ("reviews_on_2000_rows.csv", 2000, "reviews_on_2000_rows.csv (2,000 rows)"),
        ("counted on 100 training rows", 90, "counted on 100 training rows (90 rows)"),  # another count: both kept
    ],
)
def test_the_reference_says_its_row_count_once(source, rows, described):
    assert describe_reference(source, rows) == described


def test_the_reference_line_of_the_report_has_one_count(tiny_model):
    line = check_drift(HOTELS, tiny_model).to_text().splitlines()[1]
    assert line.endswith(": out-of-fold predictions of 2-fold cross-validation on 40 training rows"), line
    assert line.count(" 40 ") == 1  # spaced: the model's tmp path may hold "40" (pytest-405)


# 100 classified rows; the reference's word table keeps 手数料 (40 rows) and 朝食 (3 rows) only
_STATS = DriftStatistics(
    "reference",
    rows=100,
    tokens=2000,
    oov_tokens=100,
    confidence=tuple([0] * 12 + [100] + [0] * 7),
    confidence_sum=62.5,
    reasons={"fees": 100},
    sentiments={"negative": 100},
    word_rows=100,
    words={"手数料": 40, "朝食": 3},
)


@pytest.mark.parametrize(
    ("floor", "word", "shown", "share"),
    [
        # regression: a word absent from the table showed as "reference 2.0%", as a word really in 2 rows would
        (3, "部屋", "部屋 (40 rows, 40%; reference: absent (below the table's floor of 3 rows))", None),
        (1, "部屋", "部屋 (40 rows, 40%; reference: absent)", None),  # a reference file: no floor
        (3, "朝食", "朝食 (40 rows, 40%; reference 3.0%)", 0.03),
    ],
)
def test_a_new_word_absent_from_the_reference_is_shown_absent(floor, word, shown, share):
    reference = replace(_STATS, words_floor=floor)
    dump = replace(_STATS, words={"手数料": 40, word: 40})
    report = DriftReport("dump.csv", reference, "the reference", PeriodDrift.of("all", dump, reference))
    assert f"  new words: {shown}" in report.to_text().splitlines()
    [found] = report.to_dict()["overall"]["new_words"]
    assert found["reference_share"] == share and found["in_reference"] is (share is not None)
    assert found["reference_floor"] == floor
    # the judged figure is unchanged: the absent word's share there is taken as (floor - 1) rows, as before
    assert report.overall.new_words[0].reference_share == pytest.approx(share or (floor - 1) / 100)


@pytest.mark.parametrize(
    ("texts", "said"),
    [
        (["手数料が高すぎるので退会しました"] * 3, "whole dump: 3 rows, 3 classified\n"),
        # regression: "3 rows, 3 classified" beside an unclassifiable share of 33 %: a mostly English row is
        # classified and counted as unclassifiable too, and the line says so
        (
            ["手数料が高すぎるので退会しました"] * 2 + ["The 手数料 was too high, so I left the platform for good."],
            "whole dump: 3 rows, 3 classified (1 of them mostly not Japanese, counted as unclassifiable too)\n",
        ),
    ],
    ids=["all Japanese", "one mostly English"],
)
def test_the_whole_dump_line_says_which_classified_rows_count_as_unclassifiable(tiny_model, texts, said):
    text = check_drift(pd.DataFrame({"text": texts}), tiny_model).to_text()
    assert said in text


@pytest.mark.parametrize(
    ("sentiments", "line", "why"),
    [
        # JS 0.118625, past 0.1 + chance at 100 rows (0.118622), and written so, the limit with the value's digits
        # (regressions: "0.100 > 0.100"; a widened limit read "0.11863 > 0.119")
        (
            {"negative": 64, "positive": 243},
            "  sentiment mix shift (Jensen–Shannon, bits)    0.11863             0.11862  DRIFT  "
            "(fixed limit + chance at 100 rows)",
            "  - whole dump: sentiment mix shift (Jensen–Shannon, bits) 0.11863 > 0.11862 (fixed limit + chance at 100 "
            "rows)",
        ),
        # JS 0.10036: past the fixed 0.100, but not past what chance gives at 100 rows
        (
            {"negative": 27, "positive": 87},
            "  sentiment mix shift (Jensen–Shannon, bits)      0.100               0.119  ok  "
            "(fixed limit + chance at 100 rows)",
            None,
        ),
        (
            {"negative": 60, "positive": 40},
            "  sentiment mix shift (Jensen–Shannon, bits)      0.000               0.119  ok  "
            "(fixed limit + chance at 100 rows)",
            None,
        ),
    ],
)
def test_a_value_past_its_limit_reads_past_it_in_the_text(sentiments, line, why):
    reference = REFERENCE  # 100 rows, negative 60 and positive 40
    report = DriftReport(
        "dump",
        reference,
        "the reference frame",
        PeriodDrift.of("all", replace(reference, sentiments=sentiments), reference),
    )
    lines = report.to_text().splitlines()
    assert line in lines
    assert (why in lines) if why else not report.alert


def test_a_new_word_in_all_but_one_row_does_not_read_as_all_of_them():
    """Regression: a new word in 199 of 200 rows was listed as "(199 rows, 100%)"."""
    reference = replace(_STATS, words_floor=1)
    dump = replace(_STATS, rows=200, word_rows=200, words={"手数料": 80, "部屋": 199})
    report = DriftReport("dump.csv", reference, "the reference", PeriodDrift.of("all", dump, reference))
    assert "  new words: 部屋 (199 rows, 99.5%; reference: absent)" in report.to_text().splitlines()


def test_new_words_row_counts_have_thousands_separators():
    """Regression: "www (2965 rows, 100%; …)"."""
    reference = replace(_STATS, words_floor=1)
    dump = replace(_STATS, rows=3000, word_rows=3000, words={"手数料": 1200, "www": 2965})
    report = DriftReport("dump.csv", reference, "the reference", PeriodDrift.of("all", dump, reference))
    assert "  new words: www (2,965 rows, 99%; reference: absent)" in report.to_text().splitlines()


@pytest.mark.parametrize(
    ("reasons", "line"),
    [
        ({"fees": 50, "time": 50}, "  reason that moved most: none (each reason's share is the reference's)"),
        (
            {"fees": 40, "time": 60},
            "  reason that moved most: fees 50.0% → 40.0% (reference → here); "
            "share of one reason above is of time, the reason nearest its limit",
        ),
    ],
)
def test_the_reason_that_moved_most_is_none_when_no_share_moved(reasons, line):
    """Regression: the same dump as its own reference read "reason that moved most: low_pay 10.5% → 10.5%"."""
    reference = replace(_STATS, reasons={"fees": 50, "time": 50})
    dump = replace(reference, reasons=reasons)
    report = DriftReport("dump.csv", reference, "the reference", PeriodDrift.of("all", dump, reference))
    said = [t for t in report.to_text().splitlines() if "moved most" in t]
    assert said == [line]
    assert (report.to_dict()["overall"]["reason_moved_most"] is None) is (reasons == reference.reasons)


def _classified(rows: int, reasons: dict[str, int]) -> DriftStatistics:
    return replace(_STATS, rows=rows, confidence=(0,) * 12 + (rows,) + (0,) * 7, reasons=reasons)


@pytest.mark.parametrize(
    ("dump", "reference", "said"),
    [
        (
            _classified(25, {"fees": 1, "time": 24}),
            _classified(100, {"fees": 50, "time": 50}),
            ": 1 of 25 classified rows, too few to judge",
        ),
        (_classified(30, {"fees": 3, "time": 27}), _classified(100, {"fees": 50, "time": 50}), ""),
        (
            _classified(100, {"fees": 10, "time": 90}),
            _classified(20, {"fees": 10, "time": 10}),
            "; reference too small: fewer than 30 classified rows",
        ),
    ],
    ids=["few", "enough", "small-reference"],
)
def test_a_reason_s_move_among_too_few_rows_says_so(dump, reference, said):
    """Regression: 25 classified rows read "reason that moved most: low_pay 17.2% → 4.0%" (one row) as a finding,
    beside figures all "not judged"."""
    report = DriftReport("dump.csv", reference, "the reference", PeriodDrift.of("all", dump, reference))
    [line] = [t for t in report.to_text().splitlines() if "moved most" in t]
    assert line.startswith(
        f"  reason that moved most: fees 50.0% → {report.overall.reason_move.share:.1%} (reference → here{said})"
    )


def _of(rows: int) -> DriftStatistics:
    """The reference's statistics, at *rows* rows of the same make-up."""
    return replace(_STATS, rows=rows, tokens=20 * rows, oov_tokens=rows, word_rows=rows)


@pytest.mark.parametrize(
    ("rows", "row"),
    [
        # regression: "2025-10  10134" beside "whole dump: 10,134 rows", and a month of 1,000,000 rows pushed its
        # row out of the table's columns
        ((139, 10134), "  2025-10                 10,134 "),
        ((83334, 1000000), "  2025-10                 1,000,000 "),
        ((139, 140), "  2025-10                    140 "),
    ],
)
def test_the_period_table_counts_rows_with_thousands_separators_in_one_column(rows, row):
    reference = replace(_STATS, words_floor=1)
    periods = tuple(PeriodDrift.of(name, _of(n), reference) for name, n in zip(("2025-09", "2025-10"), rows))
    whole = PeriodDrift.of("all", _of(sum(rows)), reference)
    report = DriftReport("dump.csv", reference, "the reference", whole, periods, date_column="posted_at", freq="M")
    lines = report.to_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  period"))
    head, september, october = lines[at : at + 3]
    assert october.startswith(row)
    # each count ends under the heading, and the cells after it start where the heading's do
    right = head.index("rows") + len("rows")
    assert (
        september.index(f"{rows[0]:,}") + len(f"{rows[0]:,}")
        == right
        == october.index(row.split()[-1]) + len(row.split()[-1])
    )
    assert len(september) == len(october) and september[right] == " "


@pytest.mark.parametrize(
    ("name", "source", "line"),
    [
        # regression: "reference: the file halfB.csv: halfB.csv (1,500 rows)"
        ("the file halfB.csv", "halfB.csv", "reference: the file halfB.csv (100 rows)"),
        ("the reference frame", "<frame>", "reference: the reference frame: <frame> (100 rows)"),
        (
            "training statistics of the model m",
            "predictions of the model on 100 rows",
            "reference: training statistics of the model m: predictions of the model on 100 rows",
        ),
    ],
)
def test_the_reference_line_names_a_file_once(name, source, line):
    reference = replace(_STATS, source=source)
    report = DriftReport("dump.csv", reference, name, PeriodDrift.of("all", _STATS, reference))
    assert report.to_text().splitlines()[1] == line


def test_a_reference_file_is_named_once_in_the_text(tiny_model, tiny_csv):
    line = check_drift(HOTELS, tiny_model, reference=tiny_csv).to_text().splitlines()[1]
    assert line == f"reference: the file {tiny_csv} (40 rows; raw dump, classified on the fly)"


@pytest.mark.parametrize(
    ("august", "starred"),
    [(None, False), ("hello world", True)],  # the same reviews again: nothing passed; English: August did
    ids=["no period drifted", "a month of English"],
)
def test_the_star_note_is_under_the_periods_only_when_a_figure_is_starred(tiny_model, august, starred):
    """Regression: "* past its threshold" was printed under the per-period table when nothing passed."""
    hotels = pd.read_csv(HOTELS, dtype=str)
    later = hotels.assign(posted_at=hotels["posted_at"].str.replace("2025-07", "2025-08"))
    if august is not None:
        later = later.assign(text=august)
    dump = pd.concat([hotels, later], ignore_index=True)
    lines = check_drift(dump, tiny_model, reference=hotels, date_column="posted_at").to_text().splitlines()
    table = [line for line in lines if line.startswith("  2025-0") and ": one text fills" not in line]
    assert len(table) == 2 and any("*" in line for line in table) is starred
    assert ("  2025-08: one text fills 60 of its 60 rows (100%)" in "\n".join(lines)) is starred  # "hello world"
    assert ("  * past its threshold" in lines) is starred


@pytest.mark.parametrize(
    ("rows", "verdict", "japanese"),
    [
        # regression: 30 rows, 29 classified: only the unclassifiable share was judged, and the row read "no" beside
        # an OOV rate and a reason shift nobody had judged
        (
            (29, 1),
            "no (unclassifiable share only: fewer than 30 classified)",
            "なし (分類できない行の割合のみ判定",
        ),
        ((30, 0), "no", "なし"),
        ((29, 0), "too few rows", "行が少なすぎる"),
    ],
    ids=["29 of 30 classified", "30 classified", "29 rows"],
)
def test_a_period_judged_on_its_unclassifiable_share_only_says_so(tiny_model, tiny_csv, rows, verdict, japanese):
    from taikai.analysis import drift_section

    texts, empty = rows
    # the training rows themselves: within chance of the model's own statistics
    dump = pd.DataFrame({"posted_at": "2025-07-01", "text": [*pd.read_csv(tiny_csv)["text"][:texts], *[""] * empty]})
    report = check_drift(dump, tiny_model, date_column="posted_at")
    [row] = [line for line in report.to_text().splitlines() if line.startswith("  2025-07 ")]
    assert row.endswith(f"  {verdict}")
    assert report.periods[0].table_verdict == verdict
    predictions = tiny_model.predict_frame(dump)
    for lang, said in (("en", verdict), ("ja", japanese)):
        periods = drift_section(predictions, tiny_model, date_column="posted_at", lang=lang).periods
        assert periods is not None and str(periods.iloc[0, -1]).startswith(said)


@pytest.mark.parametrize(
    ("freq", "dates", "line"),
    [
        # regression: three weeks of 20 rows each read "too few rows" and the dump "drift: no", nothing saying that
        # no period had been judged and that months would be
        (
            "W",
            ["2025-07-01", "2025-07-08", "2025-07-15"],
            "no week has 30 rows to judge: only the whole dump is judged; months hold more: freq='M' (--freq M on the "
            "command line)",
        ),
        (
            "M",
            ["2025-07-01", "2025-08-01", "2025-09-01"],
            "no month has 30 rows to judge: only the whole dump is judged",
        ),
        ("M", ["2025-07-01", "2025-07-08", "2025-07-15"], None),  # one month of 60 rows: judged
        # one month of 40 rows judged, one of 20 not: not "no month" (mutation audit: 'not all' for 'not any' survived)
        ("M", ["2025-07-01", "2025-07-08", "2025-08-15"], None),
    ],
)
def test_periods_too_small_to_judge_say_only_the_whole_dump_was(tiny_model, tiny_csv, freq, dates, line):
    from taikai.analysis import drift_section

    texts = list(pd.read_csv(tiny_csv)["text"][:20]) * 3
    dump = pd.DataFrame({"posted_at": [d for d in dates for _ in range(20)], "text": texts})
    report = check_drift(dump, tiny_model, date_column="posted_at", freq=freq)
    assert report.overall.judged and report.periods_unjudged is (line is not None)
    lines = report.to_text().splitlines()
    assert (line in lines) if line else not any(s.startswith(("no week has", "no month has")) for s in lines)
    notes = drift_section(
        tiny_model.predict_frame(dump), tiny_model, date_column="posted_at", freq=freq, lang="en"
    ).notes
    said = [n for n in notes if n.startswith("No period has 30 rows to judge")]
    assert len(said) == (line is not None) and (
        "Months hold more rows (whoever made this page can count by month with --freq M)." in notes
    ) is (freq == "W" and bool(line))


def test_a_period_of_many_rows_against_a_tiny_reference_is_not_said_to_have_too_few(tiny_model, tiny_csv):
    """Regression: 40 rows in July against a 10-row reference read "too few rows": the reference was too small."""
    from taikai.analysis._drift_words import word

    texts = pd.read_csv(tiny_csv)["text"]
    dump = pd.DataFrame({"posted_at": "2025-07-01", "text": texts})
    report = check_drift(dump, tiny_model, reference=pd.DataFrame({"text": texts[:10]}), date_column="posted_at")
    [row] = [line for line in report.to_text().splitlines() if line.startswith("  2025-07 ")]
    assert row.endswith("  not judged (reference too small)") and report.periods[0].statistics.rows == 40
    assert word(report.periods[0].table_verdict, "ja") == "判定なし (基準が小さすぎる)"


_LEFT = "手数料が高すぎるので退会しました"


@pytest.mark.parametrize(
    ("dates", "reference", "said"),
    [
        # regression: "(1 rows without a usable date, …)", "whole dump: 1 rows" and "(1 rows; …)"
        (["2025-07-01", "2025-07-02", "someday"], None, "per month of posted_at (1 row without a usable date: "),
        (["2025-07-01", "someday", "never"], None, "per month of posted_at (2 rows without a usable date: "),
        (["2025-07-01"], None, "whole dump: 1 row, 1 classified\n"),
        (["2025-07-01"], None, "(fixed limit + chance at 1 row)\n"),
        (["2025-07-01"] * 2, None, "whole dump: 2 rows, 2 classified\n"),
        (["2025-07-01"], [_LEFT], "reference: the reference frame: <frame> (1 row; "),
        (["2025-07-01"], [_LEFT] * 2, "reference: the reference frame: <frame> (2 rows; "),
    ],
)
def test_one_row_is_counted_as_one_row(tiny_model, dates, reference, said):
    dump = pd.DataFrame({"posted_at": dates, "text": [_LEFT] * len(dates)})
    other = None if reference is None else pd.DataFrame({"text": reference})
    unread = [d for d in dates if d in ("someday", "never")]
    with pytest.warns(DataWarning, match="reads as no date") if unread else nullcontext():  # said since h389
        report = check_drift(dump, tiny_model, reference=other, date_column="posted_at")
    assert said in report.to_text(), report.to_text()


@pytest.mark.parametrize(
    ("texts", "said"),
    [
        # regression: "DriftReport(<frame>: 1 rows, …)" and the report's "Whole dump: 1 rows, …"
        (["手数料が高い. The fees are too high, so I left the platform."], "1 row, 1 classified"),
        (["手数料が高い. The fees are too high, so I left the platform."] * 2, "2 rows, 2 classified"),
    ],
)
def test_the_repr_and_the_report_count_one_row_as_one_row(tiny_model, texts, said):
    from taikai.analysis import drift_section

    dump = pd.DataFrame({"text": texts})
    assert f"<frame>: {said};" in repr(check_drift(dump, tiny_model))
    notes = drift_section(tiny_model.predict_frame(dump), tiny_model, lang="en").notes
    assert any(n.startswith(f"Whole input: {said} (") for n in notes), notes  # the page: not the dump


@pytest.mark.parametrize(
    ("dates", "said"),
    [  # regression: blank cells and values that read as no date (an era's date in kanji numerals) counted as one
        (
            ["2025-07-01", "", "令和七年三月四日"],
            "(2 rows without a usable date: 1 blank, 1 holding no date that can be ",
        ),
        (["2025-07-01", None, "  "], "(2 rows without a usable date: 2 blank; counted in the whole dump only)"),
        (
            ["2025-07-01", "令和七年三月四日", "someday"],
            "(2 rows without a usable date: 2 holding no date that can be ",
        ),
        (["2025-07-01", "2025-07-02"], "(0 rows without a usable date, counted in the whole dump only)"),
    ],
)
def test_rows_without_a_date_are_told_apart_blank_from_unread(tiny_model, dates, said):
    dump = pd.DataFrame({"posted_at": dates, "text": [_LEFT] * len(dates)})
    named = [repr(d) for d in dates if d in ("令和七年三月四日", "someday")]
    with pytest.warns(DataWarning, match=", ".join(named)) if named else nullcontext():  # said since h389
        report = check_drift(dump, tiny_model, date_column="posted_at")
    assert said in report.to_text(), report.to_text()
    values = report.to_dict()
    assert values["blank_date_rows"] == report.blank_dates == sum(not (d or "").strip() for d in dates)
    # the JSON counts the unread cells the text says (regression: --json had only undated and blank)
    unread = sum(d in ("令和七年三月四日", "someday") for d in dates)
    assert values["unread_date_rows"] == report.unread_dates == unread
    assert report.undated == report.blank_dates + report.unread_dates + report.out_of_range


@pytest.mark.parametrize(
    ("blank", "english", "kinds", "json"),
    [
        (20, 0, "20 blank", {"blank": 20, "no_japanese": 0}),
        (0, 20, "20 without Japanese text", {"blank": 0, "no_japanese": 20}),
        (10, 10, "10 blank, 10 without Japanese text", {"blank": 10, "no_japanese": 10}),
    ],
    ids=["blank", "english", "both"],
)
def test_unclassifiable_rows_are_told_apart_by_kind(tiny_model, tiny_csv, blank, english, kinds, json):
    """Regression: blank rows (an export that lost its texts) and English ones (another source) were one
    unclassifiable figure; the line past its limit and --json now say which."""
    texts = pd.read_csv(tiny_csv)["text"].tolist()[:40]
    march = [""] * blank + ["The fees went up again and I quit for good"] * english + texts[: 40 - blank - english]
    frame = pd.DataFrame({"text": texts + march, "posted_at": ["2025-02-10"] * 40 + ["2025-03-10"] * 40})
    report = check_drift(frame, tiny_model, date_column="posted_at")
    [line] = [r for r in report.reasons if r.startswith("2025-03: unclassifiable rows")]
    assert line.endswith(f"chance at 40 rows): {kinds}")
    said = report.periods[1].to_dict()["unclassifiable_rows"]
    assert {k: said[k] for k in json} == json
    assert f"unclassifiable rows: {kinds}" in report.to_text().splitlines()  # under the whole dump's rows
