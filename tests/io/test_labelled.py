"""Labelled files: label names, more_reasons, blank rows, unusable rows skipped or refused, unknown labels."""

import re

import pandas as pd
import pytest
from support_workbooks import sheets_workbook

from taikai import InputError
from taikai.io import BadRow, check_labelled, read_labelled, read_labelled_table
from taikai.labels import REASON_IDS, format_reasons


def frame(rows):
    return pd.DataFrame(rows, columns=["text", "reasons", "sentiment", "more_reasons"])


def test_japanese_names_and_more_reasons_become_ids():
    table = check_labelled(frame([["手数料が高い", "手数料が高い", "ネガティブ", "報酬・単価が低い|trouble"]]))
    assert table.frame["label_set"].tolist() == [["fees", "low_pay", "trouble"]]
    assert table.frame["reasons"].tolist() == ["fees|low_pay|trouble"]
    assert table.frame["sentiment"].tolist() == ["negative"] and table.frame["primary"].tolist() == ["fees"]


@pytest.mark.parametrize(
    ("rows", "skip_blank", "kept", "blank", "bad"),
    [
        ([["手数料", "fees", "negative", ""], ["本業", "", "", ""]], True, 1, 1, []),  # a row left blank
        (
            [["手数料", "fees", "negative", ""], ["本業", "", "", ""]],
            False,
            1,
            0,
            ["row 2 (data row, 1-based): reasons"],
        ),
        ([["(^_^)", "fees", "negative", ""]], True, 0, 0, ["text: no Japanese"]),
        ([["", "fees", "negative", ""]], True, 0, 0, ["text: empty"]),
        ([["手数料", "fees", "", ""]], True, 0, 0, ["sentiment: no label"]),  # half filled: not blank, bad
        # more_reasons alone does not say the primary reason: partly labelled, as a missing sentiment
        ([["手数料", "", "negative", "fees"]], True, 0, 0, ["reasons: no label (only more_reasons)"]),
    ],
)
def test_blank_and_unusable_rows_are_counted(rows, skip_blank, kept, blank, bad):
    table = check_labelled(frame(rows), on_bad_rows="skip", skip_blank=skip_blank)
    assert (len(table.frame), table.blank, len(table.bad)) == (kept, blank, len(bad))
    assert table.rows == len(rows) == len(table.frame) + table.blank + len(table.bad)
    for row, expected in zip(table.bad, bad, strict=True):
        assert expected in str(row)


@pytest.mark.parametrize(
    ("row", "reasons_only", "kept", "problem"),
    [
        (["手数料", "fees", "", ""], True, [("fees", "")], None),  # coded with reasons only: kept, sentiment ""
        (["手数料", "fees", "", "time"], True, [("fees", "")], None),
        (["手数料", "fees", "", ""], False, [], "sentiment: no label"),
        (["手数料", "", "negative", ""], True, [], "reasons: no label"),  # sentiment only: no reason to train
        (["手数料", "", "", "time"], True, [], "reasons: no label (only more_reasons); sentiment: no label"),
        (["手数料", "fees", "negative", ""], True, [("fees", "negative")], None),
    ],
)
def test_reasons_only_keeps_a_row_with_a_primary_reason_and_no_sentiment(row, reasons_only, kept, problem):
    table = check_labelled(frame([row]), on_bad_rows="skip", reasons_only=reasons_only)
    assert list(zip(table.frame["primary"], table.frame["sentiment"], strict=True)) == kept
    assert [b.problems for b in table.bad] == ([problem] if problem else [])


@pytest.mark.parametrize(
    ("row", "sentiments_only", "kept", "problem"),
    [
        (["手数料", "", "negative", ""], True, [("", [], "negative")], None),  # a sentiment only: kept, no reason
        (["手数料", "", "ネガティブ", ""], True, [("", [], "negative")], None),  # its Japanese name read as the id
        (["手数料", "", "negative", ""], False, [], "reasons: no label"),
        (  # no primary one: the row is dropped, its sentiment with it; regression: that was unsaid
            ["手数料", "", "negative", "time"],
            True,
            [],
            "reasons: no label (only more_reasons), so its sentiment was not used either: move the primary reason to "
            "reasons, or clear more_reasons to keep just the sentiment",
        ),
        (  # where a sentiment alone cannot be used, clearing more_reasons would not keep it: not offered
            ["手数料", "", "negative", "time"],
            False,
            [],
            "reasons: no label (only more_reasons), so its sentiment was not used either: move the primary reason to "
            "reasons",
        ),
        (["手数料", "", "", "time"], True, [], "reasons: no label (only more_reasons); sentiment: no label"),
        (["手数料", "", "", ""], True, [], "reasons: no label; sentiment: no label"),  # neither: never usable
        (["手数料", "fees", "negative", ""], True, [("fees", ["fees"], "negative")], None),
    ],
)
def test_sentiments_only_keeps_a_row_with_a_sentiment_and_no_reason(row, sentiments_only, kept, problem):
    table = check_labelled(frame([row]), on_bad_rows="skip", reasons_only=True, sentiments_only=sentiments_only)
    found = zip(table.frame["primary"], table.frame["label_set"], table.frame["sentiment"], strict=True)
    assert list(found) == kept
    assert table.frame["reasons"].tolist() == [format_reasons(labels) for _, labels, _ in kept]
    assert [b.problems for b in table.bad] == ([problem] if problem else [])


@pytest.mark.parametrize(
    ("row", "skip_blank", "blank", "problem"),
    [
        # a sentiment only, read with no sentiment column (--no-sentiment): nothing to train, said so, not blank
        (["手数料", "", "negative", ""], True, 0, "reasons: no label (only sentiment, which --no-sentiment does not"),
        (["手数料", "", "negative", ""], False, 0, "reasons: no label (only sentiment, which --no-sentiment does not"),
        (["手数料", "", "", ""], True, 1, None),  # nothing at all: blank, as before
        (["手数料", "", "negative", "time"], True, 0, "reasons: no label (only more_reasons)"),
    ],
)
def test_a_sentiment_that_is_not_read_is_named_in_the_problem(row, skip_blank, blank, problem):
    table = check_labelled(
        frame([row]), sentiment_column=None, on_bad_rows="skip", skip_blank=skip_blank, unread_sentiment="sentiment"
    )
    assert table.frame.empty and table.blank == blank
    assert [b.problems.startswith(problem) for b in table.bad] == ([True] if problem else [])


def test_error_mode_lists_every_unusable_row_and_says_how_to_go_on():
    rows = [["(^_^)", "fees", "negative", ""], ["", "fees", "negative", ""], ["手数料", "fees", "negative", ""]]
    with pytest.raises(InputError, match=r"(?s)2 row\(s\) cannot be used.*row 1 .*row 2 .*--on-bad-rows skip"):
        check_labelled(frame(rows), on_bad_rows="error")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["手数料", "low_pya", "negative", ""], r"sheet.csv:2: reasons: unknown label 'low_pya'"),
        (["手数料", "fees", "angry", ""], r"sheet.csv:2: sentiment: unknown label 'angry'"),
        (["手数料", "fees", "negative", "xx"], r"sheet.csv:2: more_reasons: unknown label 'xx'"),
    ],
)
def test_unknown_labels_stop_naming_file_line_and_value(tmp_path, row, message):
    path = tmp_path / "sheet.csv"
    frame([row]).to_csv(path, index=False)
    with pytest.raises(InputError, match=message):
        read_labelled_table(path, known_reasons={"fees"}, known_sentiments={"negative"}, on_bad_rows="skip")


_OWN = {"known_reasons": {"野球", "IT/技術"}, "known_sentiments": {"喜び", "怒り"}}
_TAXONOMY = {"known_reasons": {"fees", "time"}, "known_sentiments": {"negative"}}


@pytest.mark.parametrize(
    ("known", "row", "said"),
    [  # regression: the reasons were offered for a wrong sentiment and the other way round, with "display names"
        (_OWN, ["野球の試合", "サッカー", "喜び", ""], "use one of the reasons IT/技術, 野球, or fix the typo"),
        (_OWN, ["野球の試合", "野球", "嬉しい", ""], "use one of the sentiments 喜び, 怒り, or fix the typo"),
        (
            _OWN,
            ["野球の試合", "サッカー", "嬉しい", ""],
            "use one of the reasons IT/技術, 野球 or one of the sentiments 喜び, 怒り, or fix the typo",
        ),
        (
            _TAXONOMY,
            ["手数料", "feees", "negative", ""],
            "use one of the reasons fees (手数料が高い), time (時間がない): the id or the Japanese name in brackets, "
            "or fix the typo",
        ),
        (  # regression: the Japanese names were not said (中立, not ニュートラル)
            {"known_reasons": {"fees"}, "known_sentiments": {"negative", "neutral", "positive"}},
            ["手数料", "fees", "ニュートラル", ""],
            "use one of the sentiments positive (ポジティブ), neutral (中立), negative (ネガティブ): the id or the "
            "Japanese name in brackets, or fix the typo",
        ),
        (  # a label set of one's own holding a taxonomy id: no Japanese name for it
            {"known_reasons": {"other", "野球"}, "known_sentiments": None},
            ["野球の試合", "サッカー", "", ""],
            "use one of the reasons other, 野球, or fix the typo",
        ),
    ],
)
def test_unknown_labels_are_answered_with_the_known_ones_of_their_kind(known, row, said):
    with pytest.raises(InputError) as caught:
        check_labelled(frame([row]), "sheet.csv", **known)
    assert str(caught.value).splitlines()[-1] == said


def test_bad_rows_name_their_file_line(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text('text,reasons,sentiment\n"二行の\n本文",fees,negative\n\n:-),other,neutral\n', encoding="utf-8")
    table = read_labelled_table(path, on_bad_rows="skip")
    problems = "text: no Japanese characters: the model only reads Japanese"
    assert table.bad == (BadRow(f"{path}:5", problems, ":-)", text_only=True),)


@pytest.mark.parametrize(
    ("reasons", "more", "sentiment", "label_set", "expected_sentiment"),
    [
        ("ｆｅｅｓ", "", "ﾈｶﾞﾃｨﾌﾞ", ["fees"], "negative"),  # full- and half-width forms
        ("fees", "手数料が高い｜時間がない", "negative", ["fees", "time"], "negative"),  # full-width bar
        ("fees, time", "", "negative", ["fees", "time"], "negative"),
        ("fees　time", "", "negative", ["fees", "time"], "negative"),  # ideographic space
        ("fees、time", "", "negative", ["fees", "time"], "negative"),
        ("fees，time", "trouble other", " Negative ", ["fees", "time", "trouble", "other"], "negative"),
    ],
)
def test_label_cells_are_normalised_and_split_like_text(reasons, more, sentiment, label_set, expected_sentiment):
    """Regression: full-width labels and other separators were refused as unknown labels."""
    table = check_labelled(
        frame([["手数料", reasons, sentiment, more]]), known_reasons={"fees", "time", "trouble", "other"}
    )
    assert table.frame["label_set"].tolist() == [label_set]
    assert table.frame["sentiment"].tolist() == [expected_sentiment]


def test_header_cells_are_stripped():
    """Regression: a column typed ``reasons `` (trailing space) was reported missing."""
    df = pd.DataFrame([["手数料", "fees", "negative"]], columns=[" text", "reasons ", "sentiment　"])
    assert check_labelled(df).frame["primary"].tolist() == ["fees"]


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_a_list_of_reasons_is_read_first_as_the_primary(tmp_path, suffix):
    """Regression: ``"reasons": ["fees", "trouble"]`` (as predict --format jsonl writes) was an unknown label."""
    df = pd.DataFrame({"text": ["手数料とトラブル"], "reasons": [["fees", "trouble"]], "sentiment": ["negative"]})
    path = tmp_path / f"labels{suffix}"
    if suffix == ".jsonl":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        df.to_parquet(path)
    table = read_labelled_table(path, known_reasons={"fees", "trouble"})
    assert table.frame["label_set"].tolist() == [["fees", "trouble"]]
    assert table.frame["primary"].tolist() == ["fees"]


PREDICTED = {"status": ["ok"], "p_reason_fees": [0.9], "reason": ["fees"]}


@pytest.mark.parametrize(
    ("columns", "reasons_column", "refused"),
    [
        ({"text": ["手数料"], "reasons": ["fees"], "sentiment": ["negative"], **PREDICTED}, "reasons", True),
        ({"text": ["手数料"], "reasons": ["fees"], "status": ["ok"], "reason_proba": [{}]}, "reasons", True),
        # batch --prefix pred_ of a labelled file: the reasons and sentiment are the file's own labels
        (
            {"text": ["手数料"], "reasons": ["fees"], "sentiment": ["negative"], "pred_status": ["ok"]}
            | {"pred_p_reason_fees": [0.9], "pred_reasons": ["fees"]},
            "reasons",
            False,
        ),
        # a predictions file whose gold labels are a column of the input, not the model's
        ({"text": ["手数料"], "gold": ["fees"], "sentiment": ["negative"], **PREDICTED}, "gold", True),
        ({"text": ["手数料"], "gold": ["fees"], "mood": ["negative"], **PREDICTED}, "gold", False),
        # batch --prefix pred_: its pred_reasons are the model's, as an unprefixed file's reasons are
        (
            {"text": ["手数料"], "sentiment": ["negative"], "pred_status": ["ok"]}
            | {"pred_p_reason_fees": [0.9], "pred_reasons": ["fees"]},
            "pred_reasons",
            True,
        ),
    ],
)
def test_a_predictions_file_is_refused_as_labelled_data(columns, reasons_column, refused):
    """Regression: a taikai batch output's predicted reasons were read as gold labels."""
    df = pd.DataFrame(columns)
    sentiment = "sentiment" if "sentiment" in columns else ("mood" if "mood" in columns else None)
    if not refused:
        assert len(check_labelled(df, "pred.csv", "text", reasons_column, sentiment).frame) == 1
        return
    with pytest.raises(InputError) as caught:
        check_labelled(df, "pred.csv", "text", reasons_column, sentiment)
    message = str(caught.value)
    assert message.startswith("pred.csv: this is a predictions file")
    assert "the filled taikai suggest sheet" in message and "taikai batch --prefix pred_" in message


def test_the_labels_sheet_is_read_whatever_the_order_of_the_sheets(tmp_path):
    """Regression: a suggest sheet with its tabs re-ordered read the definitions tab."""
    path = tmp_path / "sheet.xlsx"
    labels = [["text", "reasons", "sentiment"], ["手数料が高い", "fees", "negative"]]
    sheets_workbook(path, [("definitions", [["kind", "id"], ["reason", "fees"]]), ("labels", labels)])
    assert read_labelled_table(path).frame["primary"].tolist() == ["fees"]


@pytest.mark.parametrize(
    ("sheets", "said"),
    [
        (
            [("definitions", [["kind", "id"], ["reason", "fees"]]), ("other", [["text"], ["あ"]])],
            "no column 'text' nor 'reasons' nor 'sentiment'; the columns of sheet 'definitions' (the first: the "
            "workbook has no sheet named 'labels'; its sheets are definitions, other) are ['kind', 'id']; give the "
            "right ones to text_column=, reasons_column= and sentiment_column= (--text-column, --reasons-column and "
            "--sentiment-column on the command line); if the labels are on another sheet, give it with sheet= "
            "(--sheet on the command line), or name that sheet 'labels' (it is read first)",
        ),
        (
            [("definitions", [["kind", "id"]]), ("labels", [["text", "sentiment"], ["あ", "negative"]])],
            "no column 'reasons'; the columns of sheet 'labels' (the workbook's sheet named 'labels') are ['text', "
            "'sentiment']; give the right one to reasons_column= (--reasons-column on the command line)",
        ),
        (  # regression: a workbook of one sheet was listed as its sheets, "its sheets are only"
            [("only", [["kind", "id"]])],
            "no column 'text' nor 'reasons' nor 'sentiment'; the columns are ['kind', 'id']; give the right ones "
            "to text_column=, reasons_column= and sentiment_column= "
            "(--text-column, --reasons-column and --sentiment-column on the command line); or pass "
            "sentiment_column=None",
        ),
    ],
)
def test_a_missing_column_names_the_sheet_read_why_and_the_sheets_there_are(tmp_path, sheets, said):
    """Regression: "the columns of sheet 'definitions'" said neither why that sheet was read nor which there were."""
    path = tmp_path / "sheet.xlsx"
    sheets_workbook(path, sheets)
    with pytest.raises(InputError) as caught:
        read_labelled_table(path)
    assert said in str(caught.value)


@pytest.mark.parametrize(
    ("columns", "sentiment_column", "expected"),
    [
        (
            ["sentence", "label"],
            "sentiment",
            "no column 'text' nor 'reasons' nor 'sentiment', but 'label' looks to hold labels: give it as "
            "reasons_column='label' (--reasons-column label on the command line), and the column of sentiment to "
            "sentiment_column= (--sentiment-column on the command line), or pass sentiment_column=None "
            "(--no-sentiment on the command line) for data without sentiment; give the column of texts to text_column= "
            "(--text-column on the command line); the columns are ['sentence', 'label']",
        ),
        (
            ["text", "label"],
            None,
            "no column 'reasons', but 'label' looks to hold labels: give it as reasons_column='label' "
            "(--reasons-column label on the command line); the columns are ['text', 'label']",
        ),
        (  # no column of a label word: the columns there are, and the options
            ["text", "gold"],
            None,
            "no column 'reasons'; the columns are ['text', 'gold']; give the right one to reasons_column= "
            "(--reasons-column on the command line)",
        ),
        (
            ["text", "reasons"],
            "sentiment",
            "no column 'sentiment'; the columns are ['text', 'reasons']; give the right one to sentiment_column= "
            "(--sentiment-column on the command line); or pass sentiment_column=None (--no-sentiment on the command "
            "line) for data without sentiment",
        ),
    ],
)
def test_a_missing_column_says_which_option_names_it(columns, sentiment_column, expected):
    """Regression: "missing column(s) ['reasons', 'sentiment']; the columns are [...]" said no option to use."""
    df = pd.DataFrame([["手数料が高い", "fees"]], columns=columns)
    with pytest.raises(InputError) as caught:
        check_labelled(df, "data.csv", sentiment_column=sentiment_column)
    assert str(caught.value) == f"data.csv: {expected}"


@pytest.mark.parametrize(
    ("splits", "lines", "expected"),
    [
        (
            ["train", "dev", "", "test"],
            [2, 3, 5, 6],
            "data.csv: column 'split' must hold train or test (in any case) in every row, and 2 row(s) hold a blank "
            "or 'dev':\n  data.csv:3: split 'dev'\n  data.csv:5: split blank\nwhat to do: write train or test in "
            "these cells, or rename the column if it means something else",
        ),
        (
            ["dev"] * 7,
            None,
            "data.csv: column 'split' must hold train or test (in any case) in every row, and 7 row(s) hold 'dev':\n"
            "  data.csv: row 1 (data row, 1-based): split 'dev'\n",
        ),
    ],
    ids=["lines", "rows"],
)
def test_a_wrong_split_value_is_named_at_its_line(splits, lines, expected):
    """Regression: the error said "<data>: column 'split' must hold train or test, found ['', 'dev']", no row."""
    df = pd.DataFrame({"text": ["手数料が高い"] * len(splits), "reasons": "fees", "sentiment": "negative"})
    with pytest.raises(InputError) as caught:
        check_labelled(df.assign(split=splits), "data.csv", lines=lines, check_split=True)
    assert str(caught.value).startswith(expected)
    if lines is None:
        assert "data.csv: row 5 (data row, 1-based)" in str(caught.value) and "\n  … and 2 more\n" in str(caught.value)


@pytest.mark.parametrize("value", ["Test", " TRAIN ", "test"])
def test_a_split_value_may_be_written_in_any_case(value):
    df = pd.DataFrame({"text": ["手数料が高い"], "reasons": ["fees"], "sentiment": ["negative"], "split": [value]})
    assert len(check_labelled(df, check_split=True).frame) == 1


OWN = ["お金", "忙しさ", "旅行、観光", "その他"]
"""Labels of one's own: one of them holds a 、."""


@pytest.mark.parametrize(
    ("more", "said"),
    [
        # Regression: own labels run together with 、 were told only the closest label ('忙しさ')
        ("お金、忙しさ", "unknown label 'お金、忙しさ': separate labels of your own with |: お金|忙しさ"),
        ("お金, 忙しさ", "unknown label 'お金, 忙しさ': separate labels of your own with |: お金|忙しさ"),
        ("お金 その他", "unknown label 'お金 その他': separate labels of your own with |: お金|その他"),
        ("旅行、忙しさ", "unknown label '旅行、忙しさ' (closest: "),  # 旅行 is no label: not two labels run together
        ("忙しいさ", "unknown label '忙しいさ' (closest: '忙しさ')"),
        ("お金;忙しさ", "unknown label 'お金;忙しさ': separate labels of your own with |: お金|忙しさ"),
        ("お金／忙しさ", "unknown label 'お金/忙しさ': separate labels of your own with |: お金|忙しさ"),
    ],
)
def test_own_labels_run_together_are_told_to_be_separated_with_a_bar(more, said):
    known = {"known_reasons": OWN, "known_sentiments": ["negative"]}
    with pytest.raises(InputError) as caught:
        check_labelled(frame([["手数料が高い", "その他", "negative", more]]), "sheet.csv", **known)
    assert f"sheet.csv: row 1 (data row, 1-based): more_reasons: {said}" in str(caught.value)


@pytest.mark.parametrize(
    ("reasons", "said"),
    [
        # regression: reasons run together with ; or / were offered the last of them as the closest label
        # ('fees;low_pay' (closest: low_pay ...)): following that advice dropped the other
        ("fees;low_pay", "unknown label 'fees;low_pay': separate reasons with |: fees|low_pay"),
        ("fees / time", "unknown label 'fees / time': separate reasons with |: fees|time"),
        (
            "手数料が高い／時間がない",
            "unknown label '手数料が高い/時間がない': separate reasons with |: 手数料が高い|時間がない",
        ),
        ("fees；ｔｉｍｅ", "unknown label 'fees;time': separate reasons with |: fees|time"),  # read after NFKC
        ("fees;lowpay", "unknown label 'fees;lowpay' (closest: "),  # lowpay is no reason: not two run together
        # regression (h341): reasons listed with ・ were offered one of them as the closest label ('fees・low_pay'
        # (closest: low_pay ...), 'トラブル・不信・その他' (closest: trouble ...)): following it dropped the other
        ("fees・low_pay", "unknown label 'fees・low_pay': separate reasons with |: fees|low_pay"),
        ("fees･time", "unknown label 'fees・time': separate reasons with |: fees|time"),  # half-width, read after NFKC
        (
            "トラブル・不信・その他",
            "unknown label 'トラブル・不信・その他': separate reasons with |: トラブル・不信|その他",
        ),
        (
            "手数料が高い・報酬・単価が低い",
            "unknown label '手数料が高い・報酬・単価が低い': separate reasons with |: 手数料が高い|報酬・単価が低い",
        ),
        ("その他・fees、time", "unknown label 'その他・fees、time': separate reasons with |: その他|fees|time"),
        ("fees・ 時間がない", "unknown label 'fees・ 時間がない': separate reasons with |: fees|時間がない"),
        ("報酬・単価", "unknown label '報酬・単価' (closest: "),  # part of one name is no label: not two run together
        ("fees・・time", "unknown label 'fees・・time' (closest: "),
        # regression (h386): reasons joined with + or & or "and" were offered the last as the closest label
        # ('fees+trouble' (closest: trouble ...)): following it dropped the other
        ("fees+trouble", "unknown label 'fees+trouble': separate reasons with |: fees|trouble"),
        (
            "手数料が高い＋トラブル・不信",
            "unknown label '手数料が高い+トラブル・不信': separate reasons with |: 手数料が高い|トラブル・不信",
        ),
        ("fees & time", "unknown label 'fees & time': separate reasons with |: fees|time"),
        ("fees＆time", "unknown label 'fees&time': separate reasons with |: fees|time"),
        ("fees and trouble", "unknown label 'fees and trouble': separate reasons with |: fees|trouble"),
        ("Fees AND time", "unknown label 'Fees AND time': separate reasons with |: Fees|time"),
        ("fees+lowpay", "unknown label 'fees+lowpay' (closest: "),  # lowpay is no reason: not two run together
        ("fees band", "unknown label 'fees band' (closest: "),  # the word and, not a word holding it
    ],
)
def test_reasons_run_together_with_a_semicolon_a_slash_or_a_middle_dot_are_told_to_be_separated(reasons, said):
    known = {"known_reasons": list(REASON_IDS), "known_sentiments": ["negative"]}
    with pytest.raises(InputError) as caught:
        check_labelled(frame([["手数料が高い", reasons, "negative", ""]]), "sheet.csv", **known)
    assert f"sheet.csv: row 1 (data row, 1-based): reasons: {said}" in str(caught.value)


def test_a_label_of_one_s_own_holding_a_separator_is_known():
    table = check_labelled(frame([["旅行の話", "旅行、観光", "negative", "お金|忙しさ"]]), known_reasons=OWN)
    assert table.frame["label_set"].tolist() == [["旅行、観光", "お金", "忙しさ"]]


def test_a_sentiment_is_not_told_to_be_separated():
    known = {"known_reasons": OWN, "known_sentiments": ["良い", "悪い"]}
    # a row takes one sentiment: told so, with the two to choose from (it was offered "(closest: '良い')")
    with pytest.raises(
        InputError, match=r"sentiment: '良い、悪い' gives 2 sentiments \(良い, 悪い\), but a row takes one"
    ) as e:
        check_labelled(frame([["手数料が高い", "お金", "良い、悪い", ""]]), **known)
    assert "separate" not in str(e.value)


@pytest.mark.parametrize(
    ("read", "options", "said"),
    [
        (read_labelled, {}, "'text', 'reasons' and 'sentiment' are on line 3: the lines above it look like a title"),
        (read_labelled_table, {"sentiment_column": None}, "'text' and 'reasons' are on line 3: the lines above it"),
    ],
)
def test_a_header_below_a_title_is_said_so_by_the_public_readers(tmp_path, read, options, said):
    """Regression (h153): taikai.io.read_labelled of a file whose header stands below a title said "titled.csv:3:
    malformed record", as evaluate and train no longer do."""
    path = tmp_path / "titled.csv"
    path.write_text("退会アンケート集計\n\ntext,reasons,sentiment\n手数料が高い,fees,negative\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(said)):
        read(path, **options)


@pytest.mark.parametrize(
    ("doubled", "options", "said"),
    [
        (
            "text",
            {},
            "2 columns are named 'text'; rename or drop all but one so that 'text' names one column, or give "
            r"another with text_column= \(--text-column on the command line\)",
        ),
        ("reasons", {}, "2 columns are named 'reasons'; rename or drop all but one .* reasons_column="),
        ("sentiment", {}, "2 columns are named 'sentiment'; .* sentiment_column="),
        (
            "more_reasons",
            {},
            "2 columns are named 'more_reasons'; rename or drop all but one so that 'more_reasons' names one column$",
        ),
        ("split", {"check_split": True}, "2 columns are named 'split'"),
    ],
)
def test_a_frame_with_two_columns_of_one_name_read_is_refused_naming_it(doubled, options, said):
    """Regression: a frame of pd.concat(axis=1) with two text or reasons columns stopped evaluate and evaluate_rules
    on AttributeError: 'DataFrame' object has no attribute 'tolist', and train read the column names as the texts."""
    df = frame([["手数料が高い", "fees", "negative", ""], ["単価が安い", "low_pay", "negative", ""]]).assign(
        split="test"
    )
    df = pd.concat([df, df[[doubled]]], axis=1)
    with pytest.raises(InputError, match=f"^sheet.csv: {said}"):
        check_labelled(df, "sheet.csv", **options)


def test_two_sentiment_columns_not_read_are_left_alone():
    """Regression: rules test (which reads no sentiment) on such a frame of three rows stopped on IndexError."""
    rows = [
        ["手数料が高い", "fees", "negative", ""],
        ["単価が安い", "low_pay", "negative", ""],
        ["急ぎ", "time", "neutral", ""],
    ]
    df = frame(rows)
    df = pd.concat([df, df[["sentiment"]]], axis=1)
    table = check_labelled(df, "sheet.csv", sentiment_column=None, require_text=False)
    assert table.frame["label_set"].tolist() == [["fees"], ["low_pay"], ["time"]]


@pytest.mark.parametrize(
    ("row", "said"),
    [
        # Regression: a label of one's own typed with Alt+Enter in Excel was kept with its line break, and broke
        # every table and column name that showed it (info, predict, p_reason_… columns)
        (["手数料が高い", "お金\nの話", "negative", ""], "reasons: the label 'お金\\nの話' holds a line break"),
        (
            ["手数料が高い", "お金", "negative", "忙\r\nしさ"],
            "more_reasons: the label '忙\\r\\nしさ' holds a line break",
        ),
        (["手数料が高い", "お金", "nega\ttive", ""], "sentiment: the label 'nega\\ttive' holds a line break or a tab"),
        (["手数料が高い", "お金", "negative", ""], None),  # one line: read as before
    ],
)
def test_a_label_of_one_s_own_holding_a_line_break_is_a_bad_row(row, said):
    own = {"reasons_as_written": True, "sentiments_as_written": True}
    table = check_labelled(frame([row]), "sheet.csv", on_bad_rows="skip", **own)
    problems = [bad.problems for bad in table.bad]
    assert len(problems) == (0 if said is None else 1) and len(table.frame) == (1 if said is None else 0)
    if said is not None:
        assert said in problems[0] and "write it on one line" in problems[0]


def test_the_taxonomy_s_labels_on_two_lines_are_two_reasons():
    """Whitespace separates the taxonomy's reasons, a line break too: no label holds one."""
    table = check_labelled(frame([["手数料が高い", "fees\ntime", "negative", ""]]))
    assert table.frame["label_set"].tolist() == [["fees", "time"]] and not table.bad


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize(
    ("reasons", "more", "primary", "label_set"),
    [
        ("low_pay\nfees", "", "low_pay", ["low_pay", "fees"]),  # Alt+Enter in an Excel cell: the first line first
        ("fees\r\nlow_pay", "", "fees", ["fees", "low_pay"]),
        ("報酬・単価が低い\n手数料が高い", "", "low_pay", ["low_pay", "fees"]),
        ("low_pay\nfees", "trouble", "low_pay", ["low_pay", "fees", "trouble"]),  # a suggest sheet's more_reasons after
        ("low_pay\n", "", "low_pay", ["low_pay"]),  # a line break at the end separates nothing
    ],
)
def test_a_reasons_cell_on_several_lines_reads_as_the_primary_then_the_others(
    tmp_path, suffix, reasons, more, primary, label_set
):
    """A reasons cell holding two reasons on two lines (Alt+Enter in Excel) reads as LABELING.md labels a text: the
    primary reason first, the other reasons the text states after it, as ``low_pay|fees`` does (a line break is
    whitespace, which separates the taxonomy's reasons; labels of one's own are refused, see test_unknown_labels)."""
    text = "単価が低いうえに手数料も取られる"
    frame = pd.DataFrame({"text": [text], "reasons": [reasons], "sentiment": ["negative"], "more_reasons": [more]})
    path = tmp_path / f"labelled{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_excel(path, index=False)
    table = read_labelled_table(path, known_reasons=REASON_IDS)
    assert (table.frame["primary"].tolist(), table.frame["label_set"].tolist()) == ([primary], [label_set])
