"""The before/after comparison and training with added, weighted rows."""

import json
import warnings

import pandas as pd
import pytest

import taikai
from taikai.model import FeatureConfig
from taikai.training import AddedComparison

CONFIG = FeatureConfig(min_df=1)
COPIES = " (near-copies kept in one fold: 8 of the rows are near-copies of another)"  # 生成AIに…0件目, …。4件目
AI = ["生成AIに仕事を取られた", "AIで十分と言われた", "生成AIのせいで応募が通らない", "AI翻訳に置き換えられた"]


def added_frame():
    return pd.DataFrame({"text": AI * 2, "reasons": ["rejection"] * 8, "sentiment": ["negative"] * 8}).assign(
        text=lambda d: [t + ("。" * (i // 4)) + f"{i}件目" for i, t in enumerate(d["text"])]
    )


def test_added_rows_are_scored_with_and_without_them(tiny_csv):
    model = taikai.train(tiny_csv, config=CONFIG, folds=0, test_size=0, add=[added_frame()], compare_folds=4)
    comparison = model.metadata.metrics.added
    assert isinstance(comparison, AddedComparison)
    assert (comparison.rows, comparison.folds) == (8, 4)
    assert comparison.with_added.reason_accuracy > comparison.without.reason_accuracy
    assert comparison.with_added.reason_accuracy == 1.0
    assert json.loads(json.dumps(comparison.to_dict())) == comparison.to_dict()
    lines = comparison.lines()
    assert lines[0].startswith("your labels: 8 rows, 4-fold")
    scores = [line for line in lines[1:] if not line.startswith("    ")]  # not the rows named under an accuracy
    assert [line[2:20].strip() for line in scores[:2]] == ["reason accuracy", "reason macro-F1"]
    assert lines[2].startswith("    reason now right: <frame>: row 1 (data row, 1-based) (gold rejection, was ")
    moved = round((1.0 - comparison.without.reason_accuracy) * 8)  # 8 rows: within noise
    assert (comparison.reason_now_right, comparison.reason_now_wrong) == (moved, 0)  # every row right with them
    said = (
        f"(+{1.0 - comparison.without.reason_accuracy:.3f}: {moved} rows now right, 0 now wrong: net {moved} of 8 rows"
    )
    assert lines[1].endswith(f"→ 1.000  {said}, within noise)")


@pytest.mark.slow
@pytest.mark.parametrize(("folds", "expected"), [(0, False), (2, True)])
def test_comparison_needs_two_folds(tiny_csv, folds, expected):
    model = taikai.train(tiny_csv, config=CONFIG, folds=0, test_size=0, add=[added_frame()], compare_folds=folds)
    assert (model.metadata.metrics.added is not None) is expected


def test_one_compare_fold_is_refused_before_reading(tmp_path):
    """Regression: compare_folds=1 skipped the comparison without a word."""
    with pytest.raises(
        taikai.InputError,
        match=r"^compare_folds=1 \(--compare-folds 1 on the command line\): one fold cannot compare .*give at least 2 "
        r"folds, or 0 to skip the comparison$",
    ):
        taikai.train(tmp_path / "missing.csv", add=[added_frame()], compare_folds=1)


@pytest.mark.parametrize(
    ("rows", "folds", "warned"),
    [
        (
            1,
            5,
            "the file(s) given to add= (--add on the command line) gave 1 usable new row(s), and it needs at least 2 "
            "(one per fold)",
        ),
        (1, 0, None),  # the comparison was asked to be skipped: nothing to say
    ],
)
def test_a_comparison_without_enough_added_rows_says_why_it_was_skipped(tiny_csv, rows, folds, warned):
    """Regression: one usable added row left metrics["added"] unset without a word."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = taikai.train(
            tiny_csv, config=CONFIG, folds=0, test_size=0, add=[added_frame().iloc[:rows]], compare_folds=folds
        )
    said = [str(w.message) for w in caught if issubclass(w.category, taikai.DataWarning)]
    assert model.metadata.metrics.added is None
    if warned is None:
        assert not [m for m in said if "before/after" in m]
    else:
        assert [m for m in said if "before/after" in m] == [
            f"the before/after comparison of the added labels was skipped: {warned}; label more rows to see what "
            "they buy"
        ]


def test_add_weight_weighs_the_added_rows(tiny_csv):
    options = {"config": CONFIG, "folds": 0, "test_size": 0, "add": [added_frame()], "compare_folds": 0}
    light, heavy = taikai.train(tiny_csv, **options, add_weight=0.2), taikai.train(tiny_csv, **options, add_weight=5)
    [p_light], [p_heavy] = light.predict("生成AIに負けた"), heavy.predict("生成AIに負けた")
    assert p_heavy.reason_proba["rejection"] > p_light.reason_proba["rejection"]
    assert heavy.metadata.inputs[1].weight == 5.0


def test_non_positive_weight_is_refused(tiny_csv):
    with pytest.raises(
        taikai.InputError,
        match=r"^add_weight=0 \(--add-weight 0 on the command line\) must be positive$",
    ):
        taikai.train(tiny_csv, folds=0, test_size=0, add=[added_frame()], add_weight=0)


@pytest.mark.parametrize(
    ("weight", "error", "message"),
    [
        (float("nan"), taikai.InputError, r"add_weight=nan \(--add-weight nan on the command line\) must be a finite"),
        (float("inf"), taikai.InputError, r"add_weight=inf \(--add-weight inf on the command line\) must be a finite"),
        ("2", TypeError, r"^add_weight must be a positive number, such as 1 or 2\.5, not str '2'$"),
        (True, TypeError, r"^add_weight must be a positive number, such as 1 or 2\.5, not bool True$"),
    ],
)
def test_a_weight_no_fit_can_use_is_refused_before_training(tiny_csv, tmp_path, weight, error, message):
    """nan trained a model on NaN weights, inf failed after reading with scikit-learn's words, '2' was a bare
    TypeError of a comparison: each is refused before anything is read, naming the argument."""
    out = tmp_path / "m"
    with pytest.raises(error, match=message):
        taikai.train(tiny_csv, out, folds=0, test_size=0, add=[added_frame()], add_weight=weight)
    assert not out.exists()


def test_skipped_rows_warn_library_users(tiny_csv):
    df = pd.concat(
        [pd.read_csv(tiny_csv), pd.DataFrame([{"text": "(^_^)", "reasons": "other", "sentiment": "neutral"}])]
    )
    with pytest.warns(taikai.SkippedRowsWarning, match=r"(?s)1 training row\(s\) cannot be used.*row 41") as caught:
        model = taikai.train(df, config=CONFIG, folds=0, test_size=0)
    # Regression: it was a bare UserWarning, though README says data warnings are taikai.DataWarnings
    assert [w.category.__mro__[:3] for w in caught if w.category is taikai.SkippedRowsWarning] == [
        (taikai.SkippedRowsWarning, taikai.DataWarning, UserWarning)
    ]
    assert model.metadata.training_data.skipped_rows == 1 and model.metadata.inputs[0].bad == 1


@pytest.mark.parametrize(
    ("with_sentiment", "said", "sentiment_scored"),
    [
        (0, "; none has a sentiment, so only reasons are scored", False),
        (3, "; sentiment scored on the 3 with a sentiment", True),
        (8, "", True),  # every added row has one: as before, nothing said
    ],
)
def test_added_rows_coded_with_reasons_only_score_the_reason_alone(tiny_csv, with_sentiment, said, sentiment_scored):
    """The sentiment before/after is measured on the added rows that have a sentiment, and says on how many."""
    added = added_frame().assign(sentiment=["negative"] * with_sentiment + [""] * (8 - with_sentiment))
    model = taikai.train(tiny_csv, config=CONFIG, folds=0, test_size=0, add=[added], compare_folds=4)
    comparison = model.metadata.metrics.added
    stored = comparison.to_dict()
    assert comparison.sentiment_rows == (None if with_sentiment == 8 else with_sentiment)
    assert ("sentiment_rows" in stored) is (with_sentiment < 8)
    assert AddedComparison.from_dict(json.loads(json.dumps(stored))) == comparison
    assert (comparison.with_added.sentiment_accuracy is not None) is sentiment_scored
    lines = comparison.lines()
    assert lines[0] == f"your labels: 8 rows, 4-fold{COPIES}; trained without them → with them{said}"
    assert any("sentiment accuracy" in line for line in lines) is sentiment_scored


@pytest.mark.parametrize(
    ("with_reason", "said", "reason_scored"),
    [
        (0, "; none has a reason, so only sentiments are scored", False),
        (3, "; reasons scored on the 3 with a reason", True),
        (8, "", True),  # every added row has one: as before, nothing said
    ],
)
def test_added_rows_coded_with_a_sentiment_only_score_the_sentiment_alone(tiny_csv, with_reason, said, reason_scored):
    """The reason before/after is measured on the added rows that have a reason, and says on how many."""
    added = added_frame().assign(reasons=["rejection"] * with_reason + [""] * (8 - with_reason))
    model = taikai.train(tiny_csv, config=CONFIG, folds=0, test_size=0, add=[added], compare_folds=4)
    comparison = model.metadata.metrics.added
    stored = comparison.to_dict()
    assert comparison.reason_rows == (None if with_reason == 8 else with_reason)
    assert comparison.sentiment_rows is None and ("reason_rows" in stored) is (with_reason < 8)
    assert AddedComparison.from_dict(json.loads(json.dumps(stored))) == comparison
    assert (comparison.with_added.reason_accuracy is not None) is reason_scored
    assert comparison.with_added.sentiment_accuracy is not None
    lines = comparison.lines()
    assert lines[0] == f"your labels: 8 rows, 4-fold{COPIES}; trained without them → with them{said}"
    assert any("reason accuracy" in line for line in lines) is reason_scored
    assert model.metadata.training_data.reason_rows == (None if with_reason == 8 else 40 + with_reason)


CORES = [
    "提案を何十件も送ったのに一件も通らず、もう応募する気力がなくなってしまった",
    "手数料が二割も引かれるので、手元に残る金額が少なすぎて続けられなかった",
    "本業の残業が増えてしまい、副業に回せる時間がまったく取れなくなった",
    "納品した後に連絡が途絶えて、報酬が支払われないまま終わってしまった",
]
OPENERS = ["正直、", "個人的な意見ですが、"]
CLOSERS = ["と思います。", "。以上です。"]


class Memorizer:
    """A stand-in for a fitted pipeline: predicts the primary reason of the training row holding the text's core
    (a model that learned a near-copy), else ``other``; records what it was trained on."""

    def __init__(self, frame, fitted):
        self.texts = list(frame["text"])
        self.reasons = list(frame["primary"])
        fitted.append(self.texts)

    def predict(self, texts):
        import numpy as np

        out = []
        for text in texts:
            known = [
                r for t, r in zip(self.texts, self.reasons, strict=True) if any(c in t and c in text for c in CORES)
            ]
            out.append([known[0] if known else "other", "negative"])
        return np.array(out, dtype=object)


@pytest.mark.parametrize(
    ("copies", "folds", "said"),
    [
        (2, 2, "2-fold (near-copies kept in one fold: 8 of the rows are near-copies of another)"),
        (2, 5, "4-fold (near-copies kept in one fold: 8 of the rows are near-copies of another)"),  # 4 groups
        (1, 2, "2-fold (near-copies kept in one fold: none among them)"),
    ],
)
def test_near_copies_of_an_added_row_are_kept_in_its_fold(monkeypatch, copies, folds, said):
    """Regression: a plain KFold scored a row with a model trained on its near-copy (the same review with another
    opener or closer), which inflated "with them" (0.485 → 0.939 on a sheet of such rows, 0.578 held out whole)."""
    from taikai.training import _compare

    fitted: list[list[str]] = []
    monkeypatch.setattr(_compare, "fit_frame", lambda config, frame, *rest: Memorizer(frame, fitted))
    texts = [f"{OPENERS[k]}{core}{CLOSERS[k]}" for core in CORES for k in range(copies)]
    added = pd.DataFrame(
        {"text": texts, "primary": [r for r in ("rejection", "fees", "time", "trouble") for _ in range(copies)]}
    )
    base = pd.DataFrame({"text": ["関係のない文章です"], "primary": ["other"]})
    comparison = _compare.compare_added(base, added, CONFIG, folds, 0, None, "text")
    assert comparison.lines()[0] == f"your labels: {len(texts)} rows, {said}; trained without them → with them"
    # no row was scored by a model that learned its near-copy: a model that memorises copies gains nothing
    assert comparison.with_added.reason_accuracy == comparison.without.reason_accuracy == 0.0
    assert comparison.near_copies == (len(texts) if copies > 1 else 0)
    assert AddedComparison.from_dict(json.loads(json.dumps(comparison.to_dict()))) == comparison


def test_reviews_written_in_one_form_are_compared_not_taken_for_copies_of_one_text(monkeypatch):
    """Regression: 24 different reviews in one exit survey's form (【良かった点】…【退会理由】…【総合評価】★★☆☆☆) were
    "near-copies of one text", one group, and the comparison was skipped."""
    from taikai.training import _compare
    from tests.text.test_similar import FORM

    monkeypatch.setattr(_compare, "fit_frame", lambda config, frame, *rest: Memorizer(frame, []))
    added = pd.DataFrame({"text": FORM, "primary": ["rejection", "fees", "time", "trouble"] * 6})
    base = pd.DataFrame({"text": ["関係のない文章です"], "primary": ["other"]})
    comparison = _compare.compare_added(base, added, CONFIG, 5, 0, None, "text")
    assert comparison is not None
    assert comparison.lines()[0].startswith("your labels: 24 rows, 5-fold (near-copies kept in one fold: none among")


def test_added_rows_all_near_copies_of_one_text_are_not_compared(tiny_csv):
    """Rows that are all one review with other openers or closers make a single fold: the comparison says why it is
    skipped instead of scoring each copy with a model trained on the others."""
    added = pd.DataFrame(
        {
            "text": [f"{o}{CORES[0]}{c}" for o in OPENERS for c in CLOSERS],
            "reasons": "rejection",
            "sentiment": "negative",
        }
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = taikai.train(tiny_csv, config=CONFIG, folds=0, test_size=0, add=[added], compare_folds=2)
    assert model.metadata.metrics.added is None
    assert [str(w.message) for w in caught if "before/after" in str(w.message)] == [
        "the before/after comparison of the added labels was skipped: the 4 usable new rows of the file(s) given to "
        "add= (--add on the command line) are near-copies of one text (one review with other openers or closers), "
        "which are kept in one fold, and it needs at least 2 different texts (one per fold); label more rows to see "
        "what they buy"
    ]


def test_a_comparison_recorded_before_near_copies_were_grouped_says_nothing_of_them():
    """A model saved before near-copies were grouped has no ``near_copies``: its line is as it was."""
    stored = {"rows": 8, "folds": 4, "without": {"reason_accuracy": 0.5}, "with": {"reason_accuracy": 0.75}}
    comparison = AddedComparison.from_dict(stored)
    assert comparison.near_copies is None and "near_copies" not in comparison.to_dict()
    assert comparison.lines()[0] == "your labels: 8 rows, 4-fold; trained without them → with them"


_FEW = "gave {n} usable new row(s), and it needs at least 2 (one per fold)"
_COPIES = "the {n} usable new rows of the file(s) given to add= (--add on the command line) are near-copies of one text"


@pytest.mark.parametrize(
    ("n", "said"),
    [(0, _FEW), (1, _FEW), (2, _COPIES), (3, _COPIES)],
)
def test_a_skipped_comparison_says_why_for_the_rows_it_had(n, said):
    """Fewer than 2 added rows are too few; 2 or more, which make no 2 folds, are near-copies of one text."""
    from taikai.training._compare import skipped_comparison

    added = pd.DataFrame({"text": ["手数料が高い"] * n, "primary": ["fees"] * n})
    message = skipped_comparison(added)
    assert message.startswith("the before/after comparison of the added labels was skipped: ")
    assert said.format(n=n) in message
    assert message.endswith("; label more rows to see what they buy")


class OneAnswer:
    """A stand-in for a fitted pipeline: ``other`` for every text when trained on the base row alone, ``fees`` once
    trained on added rows too."""

    def __init__(self, frame):
        self.answer = "fees" if len(frame) > 1 else "other"

    def predict(self, texts):
        import numpy as np

        return np.array([[self.answer, "negative"] for _ in texts], dtype=object)


@pytest.mark.parametrize(
    ("gold", "right", "wrong"),
    [
        (
            ["fees", "other", "fees", "time"],
            "    reason now right: s.xlsx:2 (gold fees, was other); s.xlsx:4 (gold fees, was other)",
            "    reason now wrong: s.xlsx:3 (gold other, now fees)",
        ),
        (
            ["fees"] * 7 + ["time"],
            "    reason now right: s.xlsx:2 (gold fees, was other); s.xlsx:3 (gold fees, was other); "
            "s.xlsx:4 (gold fees, was other); s.xlsx:5 (gold fees, was other); s.xlsx:6 (gold fees, was other); "
            "and 2 more (7 in all; all in metadata.json, metrics.added.moved)",
            None,
        ),
        (["time"] * 4, None, None),  # wrong both ways: no row moved
    ],
)
def test_the_rows_now_right_and_now_wrong_are_named_by_their_lines(monkeypatch, gold, right, wrong):
    """Regression: train --add said how many of the user's rows the added labels made right and made wrong, not
    which, so that the analyst could not read them."""
    from taikai.training import _compare

    monkeypatch.setattr(_compare, "fit_frame", lambda config, frame, *rest: OneAnswer(frame))
    texts = [f"{core}{i}件目" for i, core in enumerate(CORES * 2)][: len(gold)]
    added = pd.DataFrame({"text": texts, "primary": gold})
    base = pd.DataFrame({"text": ["関係のない文章です"], "primary": ["other"]})
    places = [f"s.xlsx:{n + 2}" for n in range(len(gold))]
    comparison = _compare.compare_added(base, added, CONFIG, 2, 0, None, "text", places)
    lines = comparison.lines()
    named = [line for line in lines if line.startswith("    ")]  # under the accuracy line
    assert named == [said for said in (right, wrong) if said]
    assert not named or (lines[1].startswith("  reason accuracy") and lines[2:4][: len(named)] == named)
    moved = comparison.moved
    assert sum(m.now_right for m in moved) == comparison.reason_now_right
    assert sum(not m.now_right for m in moved) == comparison.reason_now_wrong
    assert AddedComparison.from_dict(json.loads(json.dumps(comparison.to_dict()))) == comparison


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda t: t + "。", "; 2 of them are rows of the base data but for punctuation or spacing, which both sides"),
        (lambda t: t.replace("、", "，") + "！", "; 2 of them are rows of the base data but for punctuation or"),
        (lambda t: "正直に言うと" + t, None),  # another opener: another review as far as this count goes
    ],
)
def test_added_rows_that_are_base_rows_but_for_punctuation_are_counted(monkeypatch, edit, said):
    """Regression: an added row that was a base training row with an added 。 or another comma was scored by both
    models as a new review, though both had learned it; only the very text was caught (and dropped)."""
    from taikai.training import _compare

    monkeypatch.setattr(_compare, "fit_frame", lambda config, frame, *rest: OneAnswer(frame))
    base = pd.DataFrame({"text": CORES[:2], "primary": ["rejection", "fees"]})
    added = pd.DataFrame({"text": [edit(t) for t in CORES[:2]] + CORES[2:], "primary": ["fees"] * 4})
    comparison = _compare.compare_added(base, added, CONFIG, 2, 0, None, "text")
    assert comparison.base_copies == (2 if said else 0)
    assert (said in comparison.lines()[0]) if said else "base data" not in comparison.lines()[0]
    assert AddedComparison.from_dict(json.loads(json.dumps(comparison.to_dict()))) == comparison
