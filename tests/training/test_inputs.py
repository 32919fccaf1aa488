"""Gathering training rows: base data plus added files, duplicates, weights, label sets and column names."""

import re

import pandas as pd
import pytest

import taikai
from taikai import InputError
from taikai.training import Columns, Differences, read_inputs

BASE = pd.DataFrame(
    {
        "text": ["手数料が高い", "単価が安い", "時間がない", "詐欺にあった"],
        "reasons": ["fees", "low_pay", "time", "trouble"],
        "sentiment": ["negative", "negative", "neutral", "negative"],
    }
)


NEW = ["新しい話", "other", "neutral"]
"""An added row not in BASE."""


def labelled(rows, text="text"):
    return pd.DataFrame(rows, columns=[text, "reasons", "sentiment"])


def test_duplicates_of_the_base_and_of_later_files_are_dropped_and_counted():
    first = labelled([["手数料が高い", "fees", "negative"], ["生成AIに負けた", "rejection", "negative"]])
    second = labelled([["生成AIに負けた", "other", "neutral"], ["", "", ""], ["新しい話", "other", "neutral"]])
    inputs = read_inputs(BASE, [first, second], columns=Columns(), add_weight=2.5)
    base, a, b = inputs.files
    assert (base.role, base.rows, base.used) == ("base", 4, 4)
    assert (a.rows, a.used, a.duplicates, a.blank) == (2, 0, 2, 0)  # one in the base, one repeated by `second`
    assert (b.rows, b.used, b.duplicates, b.blank) == (3, 2, 0, 1)
    assert inputs.added["text"].tolist() == ["生成AIに負けた", "新しい話"]
    assert inputs.added["sentiment"].tolist() == ["neutral", "neutral"]  # the later label wins
    assert inputs.added["_taikai_weight"].tolist() == [2.5, 2.5] and a.weight == 2.5
    assert inputs.disagreeing_duplicates == 0
    assert inputs.disagreeing_repeats == 1  # `first`'s rejection/negative row, repeated as other/neutral


@pytest.mark.parametrize(
    ("second_reasons", "repeats"),
    [("other", 1), ("rejection", 0)],
)
def test_added_files_that_repeat_a_text_with_other_labels_are_counted(second_reasons, repeats):
    """Regression: added-vs-added disagreements were dropped silently (only base-vs-added ones were noted)."""
    first = labelled([["生成AIに負けた", "rejection", "negative"]])
    second = labelled([["生成AIに負けた", second_reasons, "negative"]])
    inputs = read_inputs(BASE, [first, second], columns=Columns())
    assert inputs.disagreeing_repeats == repeats and inputs.added["reasons"].tolist() == [second_reasons]


@pytest.mark.parametrize(
    ("first", "second", "base_sentiment", "repeat_sentiment"),
    [
        ("", "", 0, 0),  # reasons only, as the base row's and the later row's reasons: no disagreement
        ("", "neutral", 0, 0),  # the kept row has the sentiment the dropped one lacks
        ("positive", "", 1, 1),  # the dropped row's sentiment differs from the base's / is lost
        ("negative", "", 0, 1),
    ],
)
def test_an_added_row_coded_with_reasons_only_does_not_differ_in_sentiment(
    first, second, base_sentiment, repeat_sentiment
):
    """A dropped duplicate without a sentiment says nothing against the kept row's sentiment."""
    added = labelled([["手数料が高い", "fees", first], ["新しい話", "other", first]])
    later = labelled([["新しい話", "other", second]])
    inputs = read_inputs(BASE, [added, later], columns=Columns(), on_bad_rows="skip")
    assert (inputs.differing_duplicates.sentiment, inputs.differing_repeats.sentiment) == (
        base_sentiment,
        repeat_sentiment,
    )
    assert inputs.disagreeing_duplicates + inputs.disagreeing_repeats == base_sentiment + repeat_sentiment
    assert inputs.added["sentiment"].tolist() == [second]


@pytest.mark.parametrize(
    ("rows", "counts"),
    [
        ([["生成AIに負けた", "", ""], ["新しい話", "", ""]], "2 row(s): 2 without any label, 0 unusable"),
        ([["生成AIに負けた", "", ""], ["", "fees", "negative"]], "2 row(s): 1 without any label, 1 unusable"),
        ([], "0 row(s): 0 without any label, 0 unusable"),
    ],
)
def test_an_added_file_without_any_labelled_row_is_refused(tmp_path, rows, counts):
    """Regressions: a sheet saved before any label was filled in trained a model without a word; then with a
    warning, after which training still ran for minutes and wrote a model no different from one without --add."""
    path = tmp_path / "sheet.csv"
    (labelled(rows) if rows else labelled([["x", "fees", "negative"]]).iloc[:0]).to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        read_inputs(BASE, [path], columns=Columns(), on_bad_rows="skip")
    assert str(caught.value) == (
        f"{path}: adds no labelled row ({counts}); fill in reasons, sentiments or both, save the sheet and run again "
        "(check that this is the file you labelled), or leave it out of add= (--add on the command line)"
    )


@pytest.mark.parametrize(
    ("rows", "said"),
    [  # regression: a file only of rows of the base data trained on, "0 used", exit 0, no warning; and "its labels
        # are kept" read as the added file's, not DATA's, and only --add was named, not add=
        ([["手数料が高い", "fees", "negative"], ["単価が安い", "low_pay", "negative"]], "(2 duplicates)"),
        (
            [["手数料が高い", "time", "negative"]],
            "(1 duplicate, 1 of them labelled otherwise there: DATA's labels are kept)",
        ),
        ([["手数料が高い", "fees", "negative"], ["", "", ""]], "(1 duplicate)"),
    ],
)
def test_an_added_file_only_of_rows_of_the_base_data_is_refused(tmp_path, rows, said):
    path = tmp_path / "again.csv"
    labelled(rows).to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        read_inputs(BASE, [labelled([NEW]), path], columns=Columns())
    assert str(caught.value) == (
        f"every labelled row of {path} is already in the base data frame {said}: it adds nothing to train on; label "
        "rows that are not in the base data frame, or leave it out of add= (--add on the command line)"
    )


@pytest.mark.parametrize(
    ("add", "named"),
    [
        (lambda rows: rows, "the frame given to add="),
        (lambda rows: [rows], "the frame given to add="),
        (lambda rows: [labelled([NEW]), rows], "<frame 2 of add>"),
    ],
    ids=["frame", "list of one frame", "second of two frames"],
)
def test_an_added_frame_only_of_rows_of_the_base_frame_is_told_from_it(add, named):
    """Regression: a notebook's two frames were both <frame>: "every labelled row of <frame> is already in <frame>"."""
    with pytest.raises(InputError) as caught:
        read_inputs(BASE, add(labelled([["手数料が高い", "fees", "negative"]])), columns=Columns())
    assert str(caught.value).startswith(
        f"every labelled row of {named} is already in the base data frame (1 duplicate): it adds nothing to train on"
    )


@pytest.mark.parametrize(
    ("reasons", "sentiment", "differences"),
    [
        ("low_pay", "negative", (1, 1, 0)),
        ("fees", "neutral", (1, 0, 1)),  # regression: a changed sentiment was not counted as differing
        ("low_pay", "positive", (1, 1, 1)),
        ("fees", "negative", (0, 0, 0)),
        ("fees|time", "negative", (1, 1, 0)),
    ],
)
def test_a_duplicate_that_disagrees_with_the_base_is_counted(reasons, sentiment, differences):
    added = labelled([["手数料が高い", reasons, sentiment], NEW])  # a file only of duplicates is refused
    inputs = read_inputs(BASE, [added], columns=Columns())
    assert inputs.disagreeing_duplicates == differences[0] and inputs.added["text"].tolist() == [NEW[0]]
    assert inputs.differing_duplicates == Differences(*differences)


@pytest.mark.parametrize(
    ("base_reasons", "added_reasons", "differences"),
    [
        ("fees|low_pay|time", "fees|time|low_pay", (0, 0, 0)),  # the same set and primary reason: the same labels
        ("fees|low_pay", "low_pay|fees", (1, 1, 0)),  # another primary (first) reason: trained on another target
    ],
)
def test_reasons_in_another_order_differ_only_in_their_first(base_reasons, added_reasons, differences):
    base = BASE.assign(reasons=[base_reasons, "low_pay", "time", "trouble"])
    inputs = read_inputs(base, [labelled([["手数料が高い", added_reasons, "negative"], NEW])], columns=Columns())
    assert inputs.differing_duplicates == Differences(*differences)


def test_a_repeat_with_another_sentiment_is_counted():
    """Regression: added-vs-added repeats compared only reasons too."""
    first = labelled([["生成AIに負けた", "rejection", "negative"]])
    second = labelled([["生成AIに負けた", "rejection", "neutral"]])
    inputs = read_inputs(BASE, [first, second], columns=Columns())
    assert inputs.disagreeing_repeats == 1 and inputs.differing_repeats == Differences(1, 0, 1)
    assert inputs.added["sentiment"].tolist() == ["neutral"]


def test_duplicates_without_a_sentiment_column_compare_reasons_only():
    base = BASE.drop(columns="sentiment")
    extra = pd.DataFrame({"text": ["手数料が高い", "単価が安い", NEW[0]], "reasons": ["fees", "time", NEW[1]]})
    inputs = read_inputs(base, [extra], columns=Columns(sentiment=None))
    assert inputs.differing_duplicates == Differences(1, 1, 0)


@pytest.mark.parametrize(
    ("base_reasons", "added", "allowed"),
    [
        (["fees", "low_pay"], "rejection", True),  # the base uses the taxonomy: any taxonomy id is known
        (["sports", "tech"], "fees", False),  # an own label set: only its labels
        (["sports", "tech"], "sports", True),
    ],
)
def test_added_labels_must_be_known(base_reasons, added, allowed):
    base = pd.DataFrame({"text": ["野球", "スマホ"], "reasons": base_reasons, "sentiment": ["neutral"] * 2})
    extra = [labelled([["新しい文章", added, "neutral"]])]
    free = base_reasons[0] == "sports"  # an own label set needs free_labels for the base data itself
    if allowed:
        assert len(read_inputs(base, extra, columns=Columns(), free_labels=free).added) == 1
    else:
        with pytest.raises(InputError, match=f"unknown label '{added}'") as caught:
            read_inputs(base, extra, columns=Columns(), free_labels=free)
        assert "pass --free-labels" not in str(caught.value)  # an added file must use the base data's labels


@pytest.mark.parametrize(
    ("free_labels", "base_reasons", "added", "unknown", "hinted"),
    [  # regression: under --free-labels an added file's own label was refused only as a typo
        (True, ["sports", "tech"], "AI代替", "unknown label 'AI代替'\n", True),
        (True, ["fees", "low_pay"], "AI代替", "unknown label 'AI代替'\n", True),
        (True, ["fees", "low_pay"], "fee", "unknown label 'fee' (closest: 'fees')", True),  # the user's own fees
        (True, ["sports", "tech"], "sport", "unknown label 'sport' (closest: 'sports')", True),
        (False, ["fees", "low_pay"], "fee", "unknown label 'fee' (closest: fees (手数料が高い))", False),
    ],
)
def test_an_added_label_data_lacks_says_it_must_be_in_data_under_free_labels(
    free_labels, base_reasons, added, unknown, hinted
):
    base = pd.DataFrame({"text": ["野球", "スマホ"], "reasons": base_reasons, "sentiment": ["neutral"] * 2})
    extra = [labelled([["新しい文章", added, "neutral"]])]
    with pytest.raises(InputError) as caught:
        read_inputs(base, extra, columns=Columns(), free_labels=free_labels)
    said = str(caught.value)
    assert unknown in said + "\n"
    hint = (
        "a file given to add= (--add on the command line) can only use labels the base data has, even with "
        "free_labels=True (--free-labels on the command line): to train a label of your own, label rows with it in "
        "the base data too"
    )
    assert said.endswith(f"or fix the typo; {hint}") if hinted else said.endswith("or fix the typo")


@pytest.mark.parametrize(
    ("free_labels", "base_reasons", "added", "expected_base", "expected_added"),
    [
        (True, ["その他", "お金"], "その他", ["その他", "お金"], ["その他"]),  # as written, in both files
        (True, ["other", "お金"], "その他", ["other", "お金"], None),  # その他 is not this model's `other`
        (False, ["その他", "fees"], "手数料が高い", ["other", "fees"], ["fees"]),  # the taxonomy: names are ids
        (True, ["Fees", "お金"], "Fees", ["Fees", "お金"], ["Fees"]),  # case-sensitive
        # --free-labels makes the base data's labels the user's own, even all spelt as taxonomy ids: an added file
        # is read as written, not as the taxonomy's (regression: FEES and 手数料が高い were read as this fees)
        (True, ["other", "fees"], "その他", ["other", "fees"], None),
        (True, ["other", "fees"], "FEES", ["other", "fees"], None),
        (True, ["other", "fees"], "手数料が高い", ["other", "fees"], None),
        (True, ["other", "fees"], "fees", ["other", "fees"], ["fees"]),
        (False, ["other", "fees"], "手数料が高い", ["other", "fees"], ["fees"]),  # without it: the taxonomy's
        # --free-labels reads the base data as written: その他 beside fees is a label of one's own
        (True, ["その他", "fees"], "その他", ["その他", "fees"], ["その他"]),
        (True, ["その他", "fees"], "Fees", ["その他", "fees"], None),
    ],
)
def test_free_labels_are_kept_as_written(free_labels, base_reasons, added, expected_base, expected_added):
    base = pd.DataFrame({"text": ["野球", "スマホ"], "reasons": base_reasons, "sentiment": ["neutral"] * 2})
    extra = [labelled([["新しい文章", added, "neutral"]])]
    if expected_added is None:
        with pytest.raises(InputError, match=f"unknown label '{added}'"):
            read_inputs(base, extra, columns=Columns(), free_labels=free_labels)
        return
    inputs = read_inputs(base, extra, columns=Columns(), free_labels=free_labels)
    assert inputs.base["primary"].tolist() == expected_base
    assert inputs.added["primary"].tolist() == expected_added


def test_free_labels_keep_sentiments_as_written():
    base = pd.DataFrame({"text": ["野球", "スマホ"], "reasons": ["a", "b"], "sentiment": ["ポジティブ", "negative"]})
    inputs = read_inputs(base, [labelled([["新", "a", "ポジティブ"]])], columns=Columns(), free_labels=True)
    assert inputs.base["sentiment"].tolist() == ["ポジティブ", "negative"]
    assert inputs.added["sentiment"].tolist() == ["ポジティブ"]


def test_an_added_sheet_may_use_the_standard_column_names():
    base = BASE.rename(columns={"text": "body"})
    sheet = labelled([["生成AIに負けた", "rejection", "negative"]])  # "text", as taikai suggest writes it
    inputs = read_inputs(base, [sheet], columns=Columns(text="body"))
    assert inputs.added["body"].tolist() == ["生成AIに負けた"] and "text" not in inputs.added.columns


def test_unusable_rows_of_every_file_are_collected():
    base = pd.concat([BASE, labelled([["(^_^)", "other", "neutral"]])], ignore_index=True)
    extra = labelled([[":-)", "other", "neutral"], ["新しい文章", "other", "neutral"]])
    inputs = read_inputs(base, [extra], columns=Columns())
    assert [str(r).split(":")[0] for r in inputs.skipped] == ["<frame>", "<frame>"]
    assert (inputs.files[0].bad, inputs.files[1].bad, inputs.files[1].used) == (1, 1, 1)
    with pytest.raises(InputError, match="cannot be used"):
        read_inputs(base, [extra], columns=Columns(), on_bad_rows="error")


@pytest.mark.parametrize(
    ("sheets", "said", "not_said"),
    [
        (  # a sheet whose reasons header was renamed: the column options would break DATA, so not advised
            {"labels": labelled([["新しい文章", "fees", "negative"]]).rename(columns={"reasons": "理由"})},
            [
                "added.xlsx: no column 'reasons', but '理由' looks to hold labels: rename '理由' to 'reasons' in the "
                "file: a file given to add= (--add on the command line) is read with DATA's column names or the "
                "standard ones (text, reasons, sentiment); text_column=, reasons_column= and sentiment_column= "
                "(--text-column, --reasons-column and --sentiment-column on the command line) name DATA's columns, "
                "which DATA would then lack; the columns of sheet 'labels' (the workbook's sheet named 'labels') are "
                "['text', '理由', 'sentiment']",
            ],
            ["give the right one to", "if the labels are on another sheet"],
        ),
        (  # regression: a filled suggest sheet (its model columns) with both headers renamed was told it had no
            # labels, to be filled in and saved, or the sheet suggest wrote given instead
            {
                "labels": labelled([["新しい文章", "fees", "negative"]])
                .rename(columns={"reasons": "理由", "sentiment": "感情"})
                .assign(model_reason="other", more_reasons="", note="")
            },
            [
                "no column 'reasons', but '理由' and '感情' look to hold labels: rename '理由' to 'reasons' and "
                "'感情' to 'sentiment' in the file"
            ],
            ["adds no labelled row", "give the sheet suggest wrote instead", "more_reasons' to"],
        ),
        (  # the labels sheet renamed and moved: which sheet was read, why, and the sheets there are
            {
                "definitions": pd.DataFrame({"kind": ["reason"], "id": ["fees"]}),
                "ラベル": labelled([["新しい文章", "fees", "negative"]]),
            },
            [
                # no sentiment column is needed: an added file without one trains the reason head only
                "no column 'text' nor 'reasons'; the columns of sheet 'definitions' (the first: the "
                "workbook has no sheet named 'labels'; its sheets are definitions, ラベル) are ['kind', 'id']",
                # h341: the sheet that has them is named, not "if the labels are on another sheet, name that sheet
                # 'labels' (it is read first)"
                "; sheet 'ラベル' has 'text' and 'reasons': name it 'labels' (a workbook's sheet of that name is read "
                "first)",
            ],
            ["give the right one", "if the labels are on another sheet"],
        ),
        (  # regression (h341): a summary sheet first, with a 理由 column, was told first to rename it to reasons
            {
                "集計": pd.DataFrame({"理由": ["手数料"], "件数": [3]}),
                "データ": labelled([["新しい文章", "fees", "negative"]]),
            },
            [
                "; sheet 'データ' has 'text' and 'reasons': name it 'labels' (a workbook's sheet of that name is "
                "read first)"
            ],
            ["rename '理由'"],
        ),
    ],
)
def test_a_column_missing_from_an_added_sheet_says_what_will_work(tmp_path, sheets, said, not_said):
    """Regression: the advice was --reasons-column, which names DATA's column too and then fails on DATA; and the
    sheet read was named without why or what other sheets there were."""
    path = tmp_path / "added.xlsx"
    with pd.ExcelWriter(path) as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    with pytest.raises(InputError) as caught:
        read_inputs(BASE, [path], columns=Columns())
    message = str(caught.value)
    assert all(part in message for part in said), message
    assert not any(part in message for part in not_said), message


@pytest.mark.parametrize(
    ("first", "second", "base_reasons", "repeat_reasons"),
    [
        ("", "", 0, 0),  # a sentiment only, as the base row's and the later row's: no disagreement
        ("", "time", 0, 0),  # the kept row has the reason the dropped one lacks
        ("time", "", 1, 1),  # the dropped row's reason differs from the base's / is lost
        ("fees", "", 0, 1),
    ],
)
def test_an_added_row_coded_with_a_sentiment_only_does_not_differ_in_reasons(
    first, second, base_reasons, repeat_reasons
):
    """A dropped duplicate without a reason says nothing against the kept row's reasons."""
    added = labelled([["手数料が高い", first, "negative"], ["新しい話", first, "neutral"]])
    later = labelled([["新しい話", second, "neutral"]])
    inputs = read_inputs(BASE, [added, later], columns=Columns(), on_bad_rows="skip")
    assert (inputs.differing_duplicates.reasons, inputs.differing_repeats.reasons) == (base_reasons, repeat_reasons)
    assert inputs.disagreeing_duplicates + inputs.disagreeing_repeats == base_reasons + repeat_reasons
    assert inputs.added["reasons"].tolist() == [second]


def test_a_sheet_of_sentiments_only_adds_nothing_to_a_training_without_sentiment(tmp_path):
    """--no-sentiment: each such row is unusable and listed as having nothing to train, not counted blank."""
    path = tmp_path / "sheet.csv"
    labelled([["生成AIに負けた", "", "negative"], ["新しい話", "", ""]]).to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        read_inputs(BASE, [path], columns=Columns(sentiment=None), on_bad_rows="skip")
    assert str(caught.value).startswith(
        f"{path}: adds no labelled row (2 row(s): 1 without any label, 1 unusable); fill in reasons, save the sheet"
    )


@pytest.mark.parametrize("given", ["str", "path", "frame", "list"])
def test_one_added_file_or_frame_may_be_given_without_a_list(tmp_path, given):
    """Regression: add="sheet.csv" was refused (a TypeError) while suggest's exclude= takes one path."""
    frame = labelled([NEW])
    path = tmp_path / "sheet.csv"
    frame.to_csv(path, index=False)
    add = {"str": str(path), "path": path, "frame": frame, "list": [str(path)]}[given]
    inputs = read_inputs(BASE, add, columns=Columns())
    assert inputs.added["text"].tolist() == ["新しい話"]
    assert [f.role for f in inputs.files] == ["base", "added"]


ADD_TYPES = "add must be a labelled file (str or pathlib.Path) or DataFrame, or a list of them"


@pytest.mark.parametrize("add", [None, (), []])
def test_no_added_file_may_be_given_as_none(add):
    """Regression: add=None, the command line's default (no --add), was refused with a TypeError."""
    inputs = read_inputs(BASE, add, columns=Columns())
    assert inputs.added.empty and [f.role for f in inputs.files] == ["base"]


def test_added_files_in_a_generator_are_refused_as_before():
    with pytest.raises(TypeError, match=f"^{re.escape(ADD_TYPES)}, not (a )?generator"):
        read_inputs(BASE, (a for a in [BASE]), columns=Columns())


@pytest.mark.parametrize(("add", "shown"), [(5, "int 5"), ([BASE, 5], "a list"), (pd.Series([BASE]), "a Series")])
def test_added_files_of_another_type_are_refused(add, shown):
    with pytest.raises(TypeError, match=f"^{re.escape(f'{ADD_TYPES}, not {shown}')}$"):
        read_inputs(BASE, add, columns=Columns())


NEW_CATEGORY = (
    "or fix the typo; or for a category of your own, label rows with it in {base} too, since a file given to add= "
    "(--add on the command line) can only use labels DATA has, and train with free_labels=True (--free-labels on "
    "the command line), "
    "which reads DATA's labels as written, as your own (the taxonomy's then show no Japanese name); give it as many "
    "training rows as --folds (5 by default), DATA's and the added ones together, or cross-validation uses fewer "
    "folds (below 2 rows it is skipped)"
)


@pytest.mark.parametrize(
    ("added", "listed", "ending"),
    [
        # Regression: a category of the analyst's own was only told to "fix the typo"
        ("ui_change", "reasons: unknown label 'ui_change'", NEW_CATEGORY),
        ("画面の変更", "reasons: unknown label '画面の変更'", NEW_CATEGORY),
        # a typo is told its closest label, and no more
        ("fess", "reasons: unknown label 'fess' (closest: fees (手数料が高い))", "or fix the typo"),
    ],
)
@pytest.mark.parametrize(("data", "base"), [("frame", "DATA"), ("file", "DATA (base.csv)")])
def test_a_new_category_in_an_added_file_is_told_how_to_train_one(
    tmp_path, monkeypatch, added, listed, ending, data, base
):
    monkeypatch.chdir(tmp_path)
    if data == "file":
        BASE.to_csv("base.csv", index=False)
    with pytest.raises(InputError) as caught:
        read_inputs(
            BASE if data == "frame" else "base.csv",
            [labelled([NEW, ["新しい文章", added, "neutral"]])],
            columns=Columns(),
        )
    said = str(caught.value)
    assert f": {listed}\n" in said
    assert said.endswith(ending.format(base=base))


@pytest.mark.parametrize(
    ("columns", "sentiment", "ending"),
    [
        # Regression: Suggestion.rows given to add= was told to "rename the column back to 'reasons'"
        (
            ["row", "text", "model_reason", "p_model_reason", "model_sentiment", "similar_rows"],
            "sentiment",
            "<frame>: adds no labelled row (2 row(s) with the model's columns of a taikai suggest sheet, and no "
            "reasons or sentiment column: Suggestion.rows, before labelling); fill in reasons, sentiments or both in "
            "the sheet suggest wrote (out=) and give that file, or add reasons and sentiment columns to this frame "
            "and fill them in, or leave it out of add= (--add on the command line)",
        ),
        (
            ["row", "text", "model_reason", "p_model_reason", "similar_rows"],
            None,
            "<frame>: adds no labelled row (2 row(s) with the model's columns of a taikai suggest sheet, and no "
            "reasons column: Suggestion.rows, before labelling); fill in reasons in the sheet suggest wrote (out=) and "
            "give that file, or add a reasons column to this frame and fill it in, or leave it out of add= (--add on "
            "the command line)",
        ),
    ],
)
def test_suggestion_rows_before_labelling_are_told_to_be_filled_in(columns, sentiment, ending):
    rows = pd.DataFrame(
        [[i, t, "fees", 0.5, "negative", 0][: len(columns)] for i, t in enumerate(["新しい話", "別の話"])],
        columns=columns,
    )
    base = BASE if sentiment else BASE.drop(columns="sentiment")
    with pytest.raises(InputError) as caught:
        read_inputs(base, [rows], columns=Columns(sentiment=sentiment))
    assert str(caught.value) == ending


def test_a_saved_copy_of_suggestion_rows_is_told_to_give_the_sheet(tmp_path):
    path = tmp_path / "rows.csv"
    pd.DataFrame({"row": [0], "text": ["新しい話"], "model_reason": ["fees"], "similar_rows": [0]}).to_csv(
        path, index=False
    )
    with pytest.raises(InputError) as caught:
        read_inputs(BASE, [path], columns=Columns())
    assert str(caught.value) == (
        f"{path}: adds no labelled row (1 row(s) with the model's columns of a taikai suggest sheet, and no reasons "
        "or sentiment column); give the sheet suggest wrote instead, with reasons, sentiments or both filled in (this "
        "file has no reasons and sentiment columns), or leave it out of add= (--add on the command line)"
    )


SENTIMENT_ONLY = "or, for data with a sentiment only, train on the sentiments as the labels: reasons_column="


@pytest.mark.parametrize(
    ("base", "columns", "said"),
    [
        (
            BASE.drop(columns="reasons"),
            Columns(),
            SENTIMENT_ONLY + "'sentiment', sentiment_column=None, free_labels=True (--reasons-column sentiment "
            "--no-sentiment --free-labels on the command line)",
        ),
        (
            BASE.drop(columns="reasons").rename(columns={"sentiment": "感情"}),
            Columns(sentiment="感情"),
            SENTIMENT_ONLY + "'感情', sentiment_column=None, free_labels=True (--reasons-column '感情' --no-sentiment ",
        ),
        (BASE.drop(columns=["reasons", "sentiment"]), Columns(), None),  # no labels at all: nothing to train
        (BASE.drop(columns=["reasons", "text"]), Columns(), None),  # the texts are missing too
        (BASE.rename(columns={"reasons": "理由"}), Columns(), None),  # said to be '理由', the likely reasons
    ],
    ids=["sentiment-only", "named-sentiment", "no-labels", "no-text", "renamed-reasons"],
)
def test_training_data_with_a_sentiment_only_is_told_how_to_train_it(base, columns, said):
    """Regression: data with sentiments alone was told to give the right column to --reasons-column; following that
    (--reasons-column sentiment) was refused as one column for two jobs, then --no-sentiment as 40 lines of labels
    outside the taxonomy, before --free-labels: three runs to the command the README gives."""
    with pytest.raises(InputError, match="no column") as error:
        read_inputs(base, [], columns=columns)
    assert (SENTIMENT_ONLY in str(error.value)) == (said is not None)
    assert said is None or said in str(error.value)


def test_following_the_sentiment_only_advice_trains(tiny_csv, tmp_path):
    data = pd.read_csv(tiny_csv).drop(columns="reasons")
    with pytest.raises(InputError, match=SENTIMENT_ONLY) as error:
        taikai.train(data, tmp_path / "refused", folds=0, config=taikai.FeatureConfig())
    call = str(error.value).rsplit(": ", 1)[1].split(" (--", 1)[0]  # reasons_column='sentiment', ..., free_labels=True
    model = eval(f"dict({call})")  # the Python arguments the message gives, as written
    trained = taikai.train(data, tmp_path / "m", folds=0, config=taikai.FeatureConfig(), **model)
    assert set(trained.metadata.reasons) == {"positive", "neutral", "negative"} and trained.metadata.sentiments == ()


def _with_blank_lines(path, fmt, frame):
    """Write *frame* to *path* as *fmt*, with a blank line (an empty one, or one of empty cells) after its second row
    and at its end, as an exported sheet has them."""
    rows = [list(r) for r in frame.itertuples(index=False)]
    if fmt == "xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        wb.active.append(list(frame.columns))
        for r in [*rows[:2], [None] * 3, *rows[2:], [None] * 3]:
            wb.active.append(r)
        wb.save(path)
        return
    if fmt == "jsonl":
        import json

        lines = [json.dumps(dict(zip(frame.columns, r)), ensure_ascii=False) for r in rows]
        path.write_text("\n".join([*lines[:2], "", *lines[2:], ""]) + "\n", encoding="utf-8")
        return
    empty = ",," if fmt == "csv cells" else ""
    lines = [",".join(frame.columns), *(",".join(r) for r in rows)]
    path.write_text("\n".join([*lines[:3], empty, *lines[3:], empty]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("fmt", ["csv cells", "csv", "xlsx", "jsonl"])
def test_the_base_data_s_blank_lines_are_counted_as_an_added_file_s(tmp_path, fmt):
    """Regression: a base DATA file's blank lines were skipped uncounted (its record said 0 blank), where an added
    file, rules test and evaluate count them as rows without any label."""
    suffix = "." + fmt.split()[0]
    base, added = tmp_path / f"base{suffix}", tmp_path / f"added{suffix}"
    _with_blank_lines(base, fmt, BASE)
    _with_blank_lines(added, fmt, BASE.assign(text=BASE["text"] + "（追加）"))
    read, more = read_inputs(base, [added], columns=Columns()).files
    assert (read.rows, read.used, read.blank, read.bad) == (len(BASE) + 2, len(BASE), 2, 0)
    assert (more.rows, more.used, more.blank, more.bad) == (read.rows, read.used, read.blank, read.bad)  # alike


@pytest.mark.parametrize(
    ("extra", "conflicting"),
    [
        (["手数料が高い", "other", "negative"], (1, 2)),  # two labellers on one text of DATA
        (["手数料が高い", "fees", "positive"], (1, 2)),
        (["手数料が高い", "fees", "negative"], (0, 0)),  # a repeat with the same labels
    ],
)
def test_texts_of_the_base_data_labelled_in_different_ways_are_found(extra, conflicting):
    base = pd.concat([BASE, labelled([extra])], ignore_index=True)
    inputs = read_inputs(base, columns=Columns())
    assert (inputs.base_conflicts.texts, inputs.base_conflicts.rows) == conflicting
    assert len(inputs.base) == 5  # every row is kept: the warning says to settle them


def test_training_on_data_with_a_text_labelled_twice_differently_warns(tiny_csv):
    data = pd.read_csv(tiny_csv)
    twice = pd.concat([data, data.head(1).assign(reasons="other")], ignore_index=True)
    model = taikai.train(twice, folds=0, test_size=0, config=taikai.FeatureConfig())
    [said] = [w for w in model.metadata.warnings if "labelled in different ways" in w]
    assert said.startswith("<frame>: 1 text(s) are labelled in different ways on 2 rows")
    assert "(low_pay, negative) and <frame>" in said and "the model learns both" in said
