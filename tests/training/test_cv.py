"""Held-out rows of ``taikai.training._cv``: a text repeated in the labelled rows is never on both sides of a split.

Exit surveys repeat answers (特に理由はありません), and an Excel export repeats rows: a test row whose text a training
row holds scores what the model remembers, so the drawn test split and the cross-validation folds keep every row
of one text together.
"""

import warnings

import pandas as pd
import pytest

import taikai
from taikai import FeatureConfig
from taikai.training._cv import cross_validate, split_frame
from taikai.training._text_keys import text_keys

CONFIG = FeatureConfig(min_df=1)

_TEXTS = {
    "fees": ["手数料が高すぎる", "振込手数料が毎回かかる", "システム利用料が二割"],
    "time": ["本業が忙しくなった", "子育てで時間がない", "勉強に集中したい"],
    "other": ["特に理由はありません", "なんとなく飽きた", "サイトが使いにくい"],
}


def _labelled(copies: int, written=lambda text, i: text) -> pd.DataFrame:
    """Rows of the three reasons' texts, each text *copies* times, each copy as *written* makes it."""
    rows = [
        (written(text, i), reason, "negative" if reason == "fees" else "neutral")
        for reason, texts in _TEXTS.items()
        for n, text in enumerate(texts)
        for i in range(copies + n % 2)  # some texts once more than others
    ]
    df = pd.DataFrame(rows, columns=["text", "reason", "sentiment"])
    return df.assign(primary=df["reason"], label_set=df["reason"].map(lambda r: [r]))


_ONE_TEXT = {
    "the same text": lambda text, i: text,
    "another width and a space": lambda text, i: text if i % 2 else f" {text.replace('二', '２')}",
    "its CP932 round trip": lambda text, i: f"{text}〜" if i % 2 else f"{text}～",  # wave dash, as Excel saves it
}


@pytest.mark.parametrize("copies", [2, 3])
@pytest.mark.parametrize("written", _ONE_TEXT.values(), ids=_ONE_TEXT.keys())
@pytest.mark.parametrize("seed", [0, 1, 42])
def test_the_drawn_test_rows_share_no_text_with_the_training_rows(copies, written, seed):
    df = _labelled(copies, written)
    train, test = split_frame(df, 0.3, seed)
    assert len(train) + len(test) == len(df) and len(test)
    assert not set(text_keys(train["text"])) & set(text_keys(test["text"]))
    assert set(test["primary"]) == set(_TEXTS)  # still stratified: every reason is tested


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_without_repeated_texts_the_rows_are_drawn_as_before(seed):
    """The shipped corpus has no repeated text: its split, and so its model, stay what they were."""
    from sklearn.model_selection import train_test_split

    df = _labelled(1).drop_duplicates("text").reset_index(drop=True)
    train, test = split_frame(df, 0.4, seed)
    before = train_test_split(df, test_size=0.4, random_state=seed, stratify=df["primary"])
    assert (list(train.index), list(test.index)) == (list(before[0].index), list(before[1].index))


@pytest.mark.parametrize("copies", [2, 4])
@pytest.mark.parametrize("seed", [0, 7])
def test_a_repeated_text_is_held_out_in_one_cross_validation_fold(copies, seed):
    df = _labelled(copies)
    scores, _, held_out = cross_validate(df, CONFIG, folds=3, seed=seed)
    assert scores["folds"] == 3 and held_out is not None
    folds_of = {}
    for fold, (rows, _) in enumerate(held_out.folds):
        for i in rows:
            folds_of.setdefault(df["text"][i], set()).add(fold)
    assert len(folds_of) == df["text"].nunique() and all(len(f) == 1 for f in folds_of.values())


def test_a_model_trained_on_repeated_texts_says_its_test_rows_are_unseen():
    """It warned that its own test rows repeated training rows ("keep repeated texts in one split"), which the user
    had not split; and ``evaluate(split='test')`` then scored fewer rows than the model said it held out."""
    df = _labelled(2)[["text", "reason", "sentiment"]].rename(columns={"reason": "reasons"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # few rows
        model = taikai.train(df, config=CONFIG, folds=2, test_size=0.3)
        report = taikai.evaluate(model, df, split="test")
    assert not [w for w in model.metadata.warnings if "same text as a training row" in w]
    assert report.n_scored == model.metadata.training_data.test_rows


@pytest.mark.parametrize(
    ("test_size", "said"),
    [
        (
            0.25,
            "test_size=0.25 (--test-size 0.25 on the command line) holds out 1 of the 4 different texts of the 12 rows "
            "(the rows of one text are held out together), fewer than their 2 primary reasons",
        ),
        (
            0.75,
            "test_size=0.75 (--test-size 0.75 on the command line) holds out 3 of the 4 different texts of the 12 rows "
            "(the rows of one text are held out together), leaving 1 to train on, fewer than their 2 primary reasons",
        ),
    ],
)
def test_a_share_of_too_few_different_texts_is_refused_counting_the_texts(test_size, said):
    """Rows of one text are held out together: the share is drawn of the texts (it was scikit-learn's words)."""
    df = pd.DataFrame(
        {
            "text": ["手数料が高すぎる", "振込手数料が痛い", "なんとなく", "特にない"] * 3,
            "reasons": ["お金", "お金", "他", "他"] * 3,
        }
    )
    with pytest.raises(taikai.InputError) as caught:
        taikai.train(df, config=CONFIG, folds=2, test_size=test_size, sentiment_column=None, free_labels=True)
    assert str(caught.value).startswith(said)
