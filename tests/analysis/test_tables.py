"""Tables of a predictions frame: shares per period, misclassified rows."""

import math

import pandas as pd
import pytest

import taikai
from taikai import analysis


def _nan_as_none(table):
    return [[None if math.isnan(x) else round(x, 4) for x in row] for row in table.to_numpy(dtype=float)]


@pytest.mark.parametrize(
    "counts, expected",
    [
        ({"fees": [1, 3], "time": [3, 1]}, [[0.25, 0.75], [0.75, 0.25]]),
        # a period without reviews has no shares (a gap), not 0 %
        ({"fees": [2, 0, 1], "time": [0, 0, 1]}, [[1.0, 0.0], [None, None], [0.5, 0.5]]),
        ({"fees": [], "time": []}, []),
    ],
    ids=["two periods", "empty period", "no periods"],
)
def test_shares_over_time_divides_each_period_by_its_total(counts, expected):
    index = pd.period_range("2026-01", periods=len(counts["fees"]), freq="M", name="period")
    table = pd.DataFrame(counts, index=index).rename_axis(columns="reason")
    shares = analysis.shares_over_time(table)
    assert _nan_as_none(shares) == expected
    assert shares.index.equals(table.index) and list(shares.columns) == list(table.columns)


def test_shares_over_time_of_reasons_over_time():
    df = pd.DataFrame(
        {
            "reason": ["fees", "fees", "time", "fees"],
            "posted_at": ["2026-01-03", "2026-01-20", "2026-01-21", "2026-03-02"],
        }
    )
    monthly = analysis.reasons_over_time(df, "posted_at", "M")
    shares = analysis.shares_over_time(monthly)
    assert shares.loc[pd.Period("2026-01", "M"), "fees"] == pytest.approx(2 / 3)
    assert shares.loc[pd.Period("2026-02", "M")].isna().all()
    assert shares.loc[pd.Period("2026-03", "M"), "fees"] == 1.0


@pytest.mark.parametrize("unit", ["ns", "us", "s"])
@pytest.mark.parametrize("tz", [None, "Asia/Tokyo"])
def test_reasons_over_time_of_pyarrow_timestamps(unit, tz):
    # regression: a timestamp[ns][pyarrow] column (df.convert_dtypes(dtype_backend="pyarrow")) stopped with
    # AttributeError: 'ArrowTemporalProperties' object has no attribute 'to_period'
    import pyarrow as pa

    written = pd.Series(
        pd.to_datetime(["2026-01-31 23:30", "2026-02-15 00:00", "2026-02-01 00:10", "2026-03-02 00:00"])
    )
    written = written.dt.tz_localize(tz) if tz else written
    df = pd.DataFrame(
        {"reason": ["fees", "time", "fees", "time"], "posted_at": written.astype(pd.ArrowDtype(pa.timestamp(unit, tz)))}
    )
    table = analysis.reasons_over_time(df, "posted_at", "M")
    assert table[["fees", "time"]].to_numpy().tolist() == [[1, 0], [1, 1], [0, 1]]  # each in its own wall clock's month
    assert analysis.parse_dates(df["posted_at"]).dtype.kind == "M"


def test_shares_over_time_refuses_what_is_not_a_frame():
    refused = r"^shares_over_time: table must be a DataFrame of counts, .*, not list \[1, 2\]$"
    with pytest.raises(TypeError, match=refused):
        analysis.shares_over_time([1, 2])


@pytest.mark.parametrize(
    "reason, status, gold, wrong",
    [
        ("fees", "ok", "fees", False),
        ("time", "ok", "fees", True),
        ("time", "ok", "fees|time", True),  # the primary reason is the first
        ("fees", "ok", "fees|time", False),
        ("fees", "ok", " fees | time ", False),  # spaces around reasons
        ("fees", "ok", "fees、time", False),  # separators as taikai.evaluate reads them
        ("fees", "ok", "手数料が高い", False),  # a Japanese name is its id
        ("fees", "ok", "", False),  # no gold reason: nothing to compare
        ("fees", "ok", None, False),
        (None, "empty", "fees", False),  # not classified: evaluate lists it as unscored
    ],
)
def test_misclassified_compares_the_predicted_reason_with_the_primary_gold_reason(reason, status, gold, wrong):
    df = pd.DataFrame({"reason": [reason], "status": [status], "gold": [gold], "text": ["x"]}, index=[7])
    found = analysis.misclassified(df, gold_column="gold")
    assert list(found.index) == ([7] if wrong else [])
    assert list(found.columns) == list(df.columns)


@pytest.mark.parametrize(
    ("reason", "gold", "wrong"),
    [
        ("その他", "その他", False),  # a label of one's own that is a taxonomy name is compared as written
        ("お金", "その他", True),
        ("その他", "other", True),  # the taxonomy's id is another label here
        ("Fees", "fees", True),  # labels of one's own are case-sensitive
    ],
)
def test_misclassified_compares_labels_of_ones_own_as_written(reason, gold, wrong):
    df = pd.DataFrame(
        {"reason": [reason], "status": ["ok"], "gold": [gold], "p_reason_その他": [0.5], "p_reason_お金": [0.5]},
        index=[3],
    )
    if reason == "Fees":
        df = df.rename(columns={"p_reason_お金": "p_reason_Fees"})
    assert list(analysis.misclassified(df, gold_column="gold").index) == ([3] if wrong else [])


@pytest.mark.parametrize("prefix", [None, "pred_"])
def test_misclassified_reads_the_gold_column_as_the_frame_names_it_beside_prefixed_predictions(prefix):
    # predict_frame(labelled, prefix="pred_") keeps the labelled file's own "reasons" beside "pred_reasons"
    df = pd.DataFrame(
        {
            "text": ["a", "b", "c"],
            "reasons": ["fees", "time", "fees|time"],
            "pred_status": ["ok"] * 3,
            "pred_reason": ["fees", "fees", "time"],
            "pred_reasons": ["fees", "fees", "time"],
            "pred_sentiment": ["negative"] * 3,
            "pred_p_reason_fees": [0.9, 0.6, 0.2],
            "pred_p_reason_time": [0.1, 0.4, 0.8],
        },
        index=[10, 11, 12],
    )
    found = analysis.misclassified(df, gold_column="reasons", prefix=prefix)
    assert list(found.index) == [11, 12]


def test_misclassified_keeps_the_rows_of_a_scored_frame_in_order(tiny_model):
    texts = ["手数料が高すぎて続けられない", "手数料が高すぎて続けられない", "", "手数料が高すぎて続けられない"]
    frame = pd.DataFrame({"text": texts, "gold": ["fees", "time|fees", "time", "rejection"]}, index=[10, 11, 12, 13])
    scored = tiny_model.predict_frame(frame)
    assert scored.loc[10, "reason"] == "fees"
    found = analysis.misclassified(scored)
    assert list(found.index) == [11, 13]


@pytest.mark.parametrize(
    "given, column, error, message",
    [
        ("scored.csv", "gold", TypeError, "df must be a pandas DataFrame of predictions"),
        (
            pd.DataFrame({"reason": ["fees"], "text": ["x"]}),
            "gold",
            taikai.InputError,
            "no column 'gold'; the columns are ['reason', 'text']; give the right one to gold_column=",
        ),
        (pd.DataFrame({"gold": ["fees"]}), "gold", taikai.InputError, "not a predictions file: no 'reason' column"),
    ],
    ids=["not a frame", "no gold column", "not classified"],
)
def test_misclassified_refuses_a_frame_it_cannot_compare(given, column, error, message):
    with pytest.raises(error) as caught:
        analysis.misclassified(given, gold_column=column)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("gold_column", [0, "0"])
def test_misclassified_of_a_frame_with_integer_column_labels(gold_column):
    """Regression: a frame read with header=None named its gold column 0, and "0" was not found."""
    df = pd.DataFrame({"reason": ["time", "fees"], "status": ["ok", "ok"], 0: ["fees", "fees"]})
    assert list(analysis.misclassified(df, gold_column=gold_column).index) == [0]


@pytest.fixture(scope="module")
def plain(tiny_model, tiny_csv):
    texts = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)["text"].tolist()
    frame = pd.DataFrame(
        {
            "review_id": [f"r{i:03d}" for i in range(len(texts) + 2)],
            "posted_at": pd.date_range("2026-01-05", periods=len(texts) + 2, freq="9D").strftime("%Y-%m-%d"),
            "platform": (["Lancers", "CrowdWorks", ""] * len(texts))[: len(texts) + 2],
            "text": [*texts, "", "hello world"],  # an empty text and one not in Japanese: not ok
        }
    )
    return tiny_model.predict_frame(frame)


@pytest.fixture(scope="module")
def prefixed(tiny_model, plain):
    return tiny_model.predict_frame(plain[["review_id", "posted_at", "platform", "text"]], prefix="pred_")


TABLES = {
    "status_counts": analysis.status_counts,
    "reason_distribution": analysis.reason_distribution,
    "stated_reasons": analysis.stated_reasons,
    "reasons_per_review": analysis.reasons_per_review,
    "sentiment_distribution": analysis.sentiment_distribution,
    "sentiment_by_reason": analysis.sentiment_by_reason,
    "reasons_over_time": lambda df, **kw: analysis.reasons_over_time(df, "posted_at", **kw),
    "sentiment_over_time": lambda df, **kw: analysis.sentiment_over_time(df, "posted_at", **kw),
    "segment_breakdown": lambda df, **kw: analysis.segment_breakdown(df, "platform", **kw),
    "top_probability": analysis.top_probability,
    "least_confident": lambda df, **kw: analysis.least_confident(df, n=5, context=["review_id"], **kw),
    "representative_reviews": lambda df, **kw: analysis.representative_reviews(df, per_reason=2, **kw),
    "distinctive_words": lambda df, **kw: analysis.distinctive_words(df, min_count=1, **kw),
}


ROWS = {"least_confident", "representative_reviews"}  # rows of the frame: its columns named as the frame names them


@pytest.mark.parametrize("table", list(TABLES))
def test_a_prefixed_frame_gives_the_tables_of_the_plain_one(plain, prefixed, table):
    expected = TABLES[table](plain)
    if table in ROWS:  # the model's reason of the prefixed frame is its pred_reason
        expected = expected.rename(columns={c: f"pred_{c}" for c in ("reason", "sentiment")})
    pd.testing.assert_frame_equal(pd.DataFrame(TABLES[table](prefixed)), pd.DataFrame(expected))
    both = plain.join(prefixed.filter(like="pred_"))  # two sets: the plain set is read unless prefix= says
    pd.testing.assert_frame_equal(pd.DataFrame(TABLES[table](both, prefix="pred_")), pd.DataFrame(expected))


def test_status_counts_of_a_prefixed_frame_counts_its_statuses(prefixed):
    counts = analysis.status_counts(prefixed)["count"]
    assert counts.to_dict() == {"ok": len(prefixed) - 2, "empty": 1, "error": 1}


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        # regression: without a status column every row counted as ok, the row without a reason too, which the
        # report's status section then called classified beside a smaller count of classified rows
        ({"reason": ["fees", None, "time"]}, {"ok": 2, "missing": 1}),
        ({"reason": ["fees", "time"]}, {"ok": 2}),
        ({"status": ["ok", "empty", None], "reason": ["fees", None, None]}, {"ok": 1, "empty": 1, "missing": 1}),
    ],
)
def test_status_counts_agree_with_the_classified_rows(columns, expected):
    frame = pd.DataFrame(columns, dtype=object)
    counts = analysis.status_counts(frame)["count"].to_dict()
    assert counts == expected
    assert counts.get("ok", 0) == len(analysis.classified(frame))


SENTIMENT_TABLES = {
    "sentiment_distribution": lambda df: analysis.sentiment_distribution(df).index,
    "sentiment_by_reason": lambda df: analysis.sentiment_by_reason(df).columns,
    "sentiment_over_time": lambda df: analysis.sentiment_over_time(df, "posted_at").columns,
}


@pytest.mark.parametrize("table", list(SENTIMENT_TABLES))
@pytest.mark.parametrize(
    ("sentiments", "expected"),
    [
        (["negative", "negative"], ["positive", "neutral", "negative"]),  # regression: only negative was listed
        (["neutral", "positive"], ["positive", "neutral", "negative"]),
    ],
)
def test_the_sentiment_tables_list_every_sentiment_of_the_model(table, sentiments, expected):
    """As the reason tables list every reason: a month without a neutral review has a neutral column of 0, and
    code reading table["neutral"] works whatever the month."""
    df = pd.DataFrame({"reason": "fees", "sentiment": sentiments, "posted_at": ["2026-01-03", "2026-02-03"]})
    df = df.assign(p_reason_fees=1.0, **{f"p_sentiment_{s}": 1 / 3 for s in ("positive", "neutral", "negative")})
    assert list(SENTIMENT_TABLES[table](df)) == expected


def test_two_prefixed_sets_without_a_plain_one_ask_for_prefix(prefixed):
    twice = prefixed.join(prefixed.filter(like="pred_").rename(columns=lambda c: "v2_" + c[len("pred_") :]))
    with pytest.raises(taikai.InputError, match=r"2 sets of predicted columns, with the prefixes 'pred_', 'v2_'"):
        analysis.reason_distribution(twice)
    assert analysis.reason_distribution(twice, prefix="v2_")["count"].sum() == len(prefixed) - 2


@pytest.mark.parametrize(
    ("table", "n"),
    [
        (lambda df: analysis.least_confident(df, n=3, context=["review_id"]), 3),
        (lambda df: analysis.least_confident(df, n=10, context=["review_id"]), 10),
        (lambda df: analysis.representative_reviews(df, per_reason=2, context=["review_id"]), None),
    ],
    ids=["least_confident 3", "least_confident 10", "representative_reviews"],
)
def test_picked_reviews_of_a_frame_with_a_repeated_index(plain, table, n):
    half = len(plain) // 2
    both = pd.concat([plain.iloc[:half], plain.iloc[half:].reset_index(drop=True)])  # labels 0.. twice
    expected, got = table(plain), table(both)
    assert len(got) == len(expected) and (n is None or len(got) == n)
    assert got["review_id"].tolist() == expected["review_id"].tolist()
    assert got["p"].tolist() == expected["p"].tolist()
    # the caller's labels are kept: each row's label is the one it has in the frame given
    assert [both.index[both["review_id"] == r][0] for r in got["review_id"]] == got.index.tolist()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda df: analysis.reasons_over_time(df, "review_id"),
            r"^the predictions frame: date_column='review_id' "
            r"\(--date-column on the command line\) holds no dates \(none of its values reads as one, "
            r"e\.g\. 'r000', 'r001'\)",
        ),
        (
            lambda df: analysis.sentiment_over_time(df, "platform"),
            r"^the predictions frame: date_column='platform' \(--date-column on the command line\) holds no dates",
        ),
        (
            lambda df: analysis.reasons_over_time(df, "date"),
            r"^the predictions frame: no column 'date'; the columns are \['review_id', .*\]; give the right one to "
            r"date_column= \(--date-column on the command line\)",
        ),
        (
            lambda df: analysis.segment_breakdown(df, "plat"),
            r"^the predictions frame: no column 'plat'; the columns are \['review_id', .*\]; give the right one to "
            r"by= \(--by on the command line\)",
        ),
        (
            lambda df: analysis.least_confident(df, text_column="body"),
            r"^the predictions frame: no column 'body'; .*give the right one to text_column=",
        ),
    ],
    ids=["id as dates", "platform as dates", "no date column", "no by column", "no text column"],
)
def test_tables_check_their_columns_as_the_report_does(plain, call, message):
    with pytest.raises(taikai.InputError, match=message):
        call(plain)


def test_trend_shares_of_a_table_without_periods_draws_empty_panels(plain):
    pytest.importorskip("matplotlib")
    empty = analysis.reasons_over_time(plain, "posted_at").iloc[:0]
    figures = [analysis.trend_counts(empty), analysis.trend_shares(empty)]
    assert [len(f.axes) > 0 for f in figures] == [True, True]


@pytest.mark.parametrize(
    ("dates", "warned"),
    [
        (["2026-01-03", "2026-01-20", "2026-02-21", "2026-02-02"], None),
        (["2026-01-03", None, "2026-02-21", "  "], r"2 classified row\(s\) have no date \(2 blank\) and are left out"),
        (
            ["2026-01-03", "2026/13/45", "2026-02-21", None],
            r"2 classified row\(s\) have no date \(1 blank, 1 holding no date that can be read\) and are left out of "
            r"the periods; check those cells",
        ),
    ],
    ids=["all dated", "blank", "blank and unreadable"],
)
@pytest.mark.parametrize("table", ["reasons_over_time", "sentiment_over_time"])
def test_rows_left_out_of_the_periods_for_want_of_a_date_are_counted_in_a_warning(dates, warned, table):
    """Regression: rows whose date was blank or unreadable were left out of the table without a word (a mistyped
    2026/13/45 silently lowered the counts), while a date far outside the others was warned about."""
    df = pd.DataFrame({"reason": ["fees", "time", "fees", "time"], "sentiment": "negative", "posted_at": dates})
    if warned is None:
        counted = getattr(analysis, table)(df, "posted_at")
    else:
        with pytest.warns(taikai.DataWarning, match=r"the predictions frame: date_column='posted_at' .*" + warned):
            counted = getattr(analysis, table)(df, "posted_at")
    assert int(counted.to_numpy().sum()) == sum(1 for d in dates if d and d.strip() and "/13/" not in d)


@pytest.mark.parametrize(
    ("reasons", "dates", "named"),
    [  # regression (h398): counted, but which cells to check was not said, as taikai drift says it
        (["fees", "time", "fees"], ["2026-01-03", "2026/13/45", "不明"], "data row(s) 2, 3: '2026/13/45', '不明'"),
        (["fees", None, "time"], ["不明", "未定", "2026-02-21"], "data row(s) 1: '不明'"),  # classified rows only
        (["fees", "time", "fees"], ["2026-01-03", None, "2026/1/32"], "data row(s) 3: '2026/1/32'"),
    ],
    ids=["two", "unclassified left out", "beside a blank"],
)
@pytest.mark.parametrize("table", ["reasons_over_time", "sentiment_over_time"])
def test_rows_without_a_date_that_can_be_read_are_named_by_data_row(reasons, dates, named, table):
    df = pd.DataFrame({"reason": reasons, "sentiment": "negative", "posted_at": dates})
    df.loc[[r is None for r in reasons], "sentiment"] = None
    with pytest.warns(taikai.DataWarning) as warned:
        getattr(analysis, table)(df, "posted_at")
    said = [str(w.message) for w in warned if "have no date" in str(w.message)]
    assert len(said) == 1
    assert said[0].endswith(f"; check those cells ({named}; a date reads as 2026-03-14, 2026/03/14 or 2026年3月14日)")


@pytest.mark.parametrize(
    ("cells", "warned"),
    [  # Regression: Excel serial dates among dates were counted as rows without a date, with no word of Excel
        (["45678", "45700"], "2 row(s) hold a number, not a date (e.g. '45678'), and count as rows without a date"),
        ([45678, None], "1 row(s) hold a number, not a date (e.g. '45678')"),  # an xlsx cell: a number
        ([45678.5, "2026-01-04"], "1 row(s) hold a number, not a date (e.g. '45678.5')"),  # with a time of day
        (["123", "不明"], None),  # no date, but no serial date either
        (["４５６７８", "不明"], None),  # full-width digits: typed by hand, not written by Excel (regex \d took them)
    ],
)
def test_excel_serial_dates_among_dates_are_said(cells, warned):
    dates = ["2026-01-03", "2026-02-21", *cells]
    df = pd.DataFrame({"reason": ["fees", "time", "fees", "time"], "sentiment": "negative", "posted_at": dates})
    with pytest.warns(taikai.DataWarning) as caught:
        analysis.reasons_over_time(df, "posted_at")
    serial = [str(w.message) for w in caught if "Excel" in str(w.message)]
    if warned is None:
        assert serial == []
    else:
        assert len(serial) == 1 and warned in serial[0] and "Format Cells, Date" in serial[0]


@pytest.mark.parametrize("labels", [2, 150])
@pytest.mark.parametrize("table", ["reasons_over_time", "sentiment_over_time"])
def test_the_tables_over_time_of_a_wide_predictions_file_say_no_word_of_pandas(tmp_path, labels, table):
    """Regression: the predictions file of a model of 100+ labels of its own, read with pandas (one block per column),
    made the report print pandas' PerformanceWarning ("DataFrame is highly fragmented") once per table over time."""
    names = [f"ラベル{i:03d}" for i in range(labels)]
    df = pd.DataFrame({"status": "ok", "reason": names[:2] * 2, "sentiment": "良い", "date": ["2026-01-03"] * 4})
    df = df.join(pd.DataFrame({f"p_reason_{n}": [0.5] * 4 for n in names}))
    df.to_csv(tmp_path / "predictions.csv", index=False)
    counted = getattr(analysis, table)(pd.read_csv(tmp_path / "predictions.csv"), "date")  # warnings are errors
    assert int(counted.to_numpy().sum()) == 4


def _counted_frame(with_reasons: bool = True) -> pd.DataFrame:
    """Five rows: four classified (one without a sentiment, one without a reasons cell) and one empty."""
    from taikai.labels import REASON_IDS, SENTIMENTS

    frame = pd.DataFrame(
        {
            "text": ["a", "b", "c", "", "d"],
            "status": ["ok", "ok", "ok", "empty", "ok"],
            "reason": ["fees", "fees", "time", None, "low_pay"],
            "reasons": ["fees|time", "fees", None, None, "low_pay|fees|time"],
            "sentiment": ["negative", "negative", None, None, "positive"],
        }
    )
    for r in REASON_IDS:
        frame[f"p_reason_{r}"] = [0.1, 0.1, 0.1, None, 0.1]
    for s in SENTIMENTS:
        frame[f"p_sentiment_{s}"] = [0.3, 0.3, 0.3, None, 0.3]
    return frame if with_reasons else frame.drop(columns="reasons")


@pytest.mark.parametrize(
    ("table", "column", "expected"),
    [  # mutation audit: shares of every row (not the classified ones), a blank reasons cell not read as its primary
        (analysis.reason_distribution, "share", {"fees": 0.5, "time": 0.25, "low_pay": 0.25, "other": 0.0}),
        (analysis.stated_reasons, "stated", {"fees": 3, "time": 3, "low_pay": 1, "other": 0}),
        (analysis.stated_reasons, "stated_share", {"fees": 0.75, "time": 0.75, "low_pay": 0.25}),
        (analysis.stated_reasons, "primary_share", {"fees": 0.5, "time": 0.25}),
        (analysis.sentiment_distribution, "count", {"negative": 2, "positive": 1, "neutral": 0}),
        (analysis.sentiment_distribution, "share", {"negative": 2 / 3, "positive": 1 / 3, "neutral": 0.0}),
    ],
)
def test_the_report_s_tables_count_and_share_the_classified_rows(table, column, expected):
    found = table(_counted_frame())[column]
    assert {k: found[k] for k in expected} == pytest.approx(expected)


@pytest.mark.parametrize(("with_reasons", "expected"), [(True, {1: 2, 2: 1, 3: 1}), (False, {1: 4})])
def test_reasons_per_review_counts_the_classified_rows(with_reasons, expected):
    assert analysis.reasons_per_review(_counted_frame(with_reasons)).to_dict() == expected


@pytest.mark.parametrize("dates", [["someday"], ["令和七年三月四日"], ["someday", "不明"]])
@pytest.mark.parametrize("table", [analysis.reasons_over_time, analysis.sentiment_over_time])
def test_a_date_column_with_no_date_is_refused_however_few_its_rows(table, dates):
    # mutation audit: a frame of one row whose date cannot be read was given an empty table, not the error
    frame = _counted_frame().head(len(dates)).assign(posted_at=dates)
    with pytest.raises(taikai.InputError, match=r"date_column='posted_at' .* holds no dates"):
        table(frame, "posted_at")
